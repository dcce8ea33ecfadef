/** The OpenAPI 3.1 description of the REST compatibility API, served at /api/v1/openapi.json. */
import { LIMITS } from '../domain/limits';

const EVENT_INPUT = {
  type: 'object',
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: LIMITS.idLength,
      description: 'Absent on create: a uuid v4 is generated.',
    },
    source_id: {
      type: ['string', 'null'],
      maxLength: LIMITS.sourceIdLength,
      description: 'The id of this event in the system that reported it.',
    },
    parent_id: { type: ['string', 'null'], description: 'The id of the event that caused this one.' },
    start_time: {
      type: ['string', 'integer'],
      description:
        'ISO 8601 (no offset means UTC), epoch milliseconds, or MM/dd/yy:HH:mm:ss (UTC). None given: now; one given: both.',
    },
    end_time: { type: ['string', 'integer'] },
    description: { type: 'string', description: `At most ${LIMITS.descriptionBytes / 1024} KiB.` },
    detail_urls: { type: 'object', additionalProperties: { type: 'string' } },
    tags: {
      type: 'object',
      additionalProperties: {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: LIMITS.tagValueLength },
        minItems: 1,
      },
    },
  },
} as const;

const EVENT = {
  type: 'object',
  required: ['id', 'start_time', 'end_time', 'description', 'detail_urls', 'tags', 'revision'],
  properties: {
    ...EVENT_INPUT.properties,
    start_time: { type: 'string', format: 'date-time' },
    end_time: { type: 'string', format: 'date-time' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    revision: { type: 'integer', description: '1 on create, +1 on every change.' },
    changed_by: { type: ['string', 'null'], description: 'The name of the token that made this version.' },
  },
} as const;

const ERROR = {
  type: 'object',
  required: ['message', 'code'],
  properties: {
    message: { type: 'string' },
    code: {
      type: 'string',
      enum: [
        'BAD_USER_INPUT',
        'CONFLICT',
        'NOT_FOUND',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'RATE_LIMITED',
        'PAYLOAD_TOO_LARGE',
        'STORE_UNAVAILABLE',
        'STORE_TIMEOUT',
        'BAD_REQUEST',
        'INTERNAL_SERVER_ERROR',
      ],
    },
    field: { type: 'string', description: 'The input at fault, e.g. event.tags.service or frm.' },
  },
} as const;

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = {
  400: { description: 'Bad input: the message names the field and the rule.', ...json(ref('Error')) },
  401: { description: 'No token, or one that is not valid, where one is needed.', ...json(ref('Error')) },
  403: { description: 'The token lacks the scope, or the event is outside its namespace.', ...json(ref('Error')) },
  413: { description: 'The body is over ETS_MAX_BODY_BYTES.', ...json(ref('Error')) },
  429: { description: 'Over the rate limit (ETS_RATE_LIMIT); see Retry-After.', ...json(ref('Error')) },
  503: { description: 'The store cannot be reached; try again.', ...json(ref('Error')) },
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const notFound = { 404: { description: 'No such event.', ...json(ref('Error')) } };

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'ETS REST API (v1 compatibility)',
    version: '1',
    description:
      'The original ETS REST API, served beside GraphQL (/graphql) on the same events. ' +
      'Send a token as Authorization: Bearer <token> where the server asks for one.',
  },
  paths: {
    '/api/v1/event/': {
      put: {
        summary: 'Create an event',
        requestBody: {
          required: true,
          ...json({ type: 'object', required: ['event'], properties: { event: ref('EventInput') } }),
        },
        responses: { 200: { description: 'The created event.', ...json(ref('Event')) }, ...errors },
      },
      post: {
        summary: 'Merge into or update (replace) an event',
        description:
          'merge: tags united per key, time range widened, description appended, detail URLs overlaid, parent_id and source_id set when empty (a different one is a 400). update: the event becomes exactly the input. insert: create a missing event instead of a 404.',
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['operation', 'event'],
            properties: {
              operation: { type: 'string', enum: ['merge', 'update'] },
              event: ref('EventInput'),
              insert: { type: 'boolean', default: false },
            },
          }),
        },
        responses: {
          200: { description: 'The event after the change.', ...json(ref('Event')) },
          ...notFound,
          ...errors,
        },
      },
      get: {
        summary: 'List events, newest start time first',
        parameters: [
          {
            name: 'tag',
            in: 'query',
            description: 'key:value, repeatable: all keys must match, any value of a key.',
            schema: { type: 'array', items: { type: 'string' } },
            style: 'form',
            explode: true,
          },
          {
            name: 'frm',
            in: 'query',
            description: 'Window start, inclusive: an event matches when its start or end time lies in [frm, to).',
            schema: { type: 'string' },
          },
          { name: 'to', in: 'query', description: 'Window end, exclusive.', schema: { type: 'string' } },
          {
            name: 'use_update_time',
            in: 'query',
            description: 'Filter the window on the update time instead.',
            schema: { type: 'boolean', default: false },
          },
          {
            name: 'count',
            in: 'query',
            description: `Page size, 0..${LIMITS.pageSize} (or ETS_MAX_PAGE_SIZE).`,
            schema: { type: 'integer', default: LIMITS.restPageSize },
          },
          {
            name: 'page',
            in: 'query',
            description: 'Page number, the first is 0.',
            schema: { type: 'integer', default: 0 },
          },
        ],
        responses: {
          200: {
            description: 'One page, and how many events match in all.',
            ...json({
              type: 'object',
              properties: { result: { type: 'array', items: ref('Event') }, count: { type: 'integer' } },
            }),
          },
          ...errors,
        },
      },
    },
    '/api/v1/event/{id}': {
      get: {
        summary: 'One event',
        parameters: [idParameter],
        responses: { 200: { description: 'The event.', ...json(ref('Event')) }, ...notFound, ...errors },
      },
    },
    '/api/v1/event/{id}/children': {
      get: {
        summary: 'The events this one caused, newest first',
        parameters: [idParameter],
        responses: {
          200: { description: 'The children.', ...json({ type: 'array', items: ref('Event') }) },
          ...notFound,
          ...errors,
        },
      },
    },
    '/api/v1/event/{id}/trace': {
      get: {
        summary: 'The event and its causes up to the root, the event first',
        parameters: [idParameter],
        responses: {
          200: { description: 'The trace.', ...json({ type: 'array', items: ref('Event') }) },
          ...notFound,
          ...errors,
        },
      },
    },
    '/api/v1/event/{id}/impact': {
      get: {
        summary: `Everything the event caused, as a tree (${LIMITS.defaultTreeDepth} levels)`,
        parameters: [idParameter],
        responses: { 200: { description: 'The tree.', ...json(ref('Tree')) }, ...notFound, ...errors },
      },
    },
    '/api/v1/event/{id}/delete': {
      delete: {
        summary: 'Delete an event (it stays recoverable through GraphQL restoreEvent)',
        parameters: [idParameter],
        responses: { 200: { description: 'The deleted event.', ...json(ref('Event')) }, ...notFound, ...errors },
      },
    },
  },
  // A token where the server asks for one (ETS_AUTH); an open server needs none.
  security: [{ bearer: [] }, {}],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'ets_<id>_<secret>' } },
    schemas: {
      EventInput: EVENT_INPUT,
      Event: EVENT,
      Tree: { type: 'object', properties: { event: ref('Event'), children: { type: 'array', items: ref('Tree') } } },
      Error: ERROR,
    },
  },
} as const;
