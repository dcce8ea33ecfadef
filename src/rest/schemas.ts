/**
 * The route schemas of the REST compatibility API and the HTML pages: what the OpenAPI
 * document says of them (openapi.ts). They describe; the handlers validate, with the
 * domain's rules and messages (see DOCUMENTATION_ONLY in openapi.ts).
 */
import { LIMITS } from '../domain/limits';

export const REST_TAG = 'REST v1';
export const PAGES_TAG = 'Pages';

/** Events a page of the list holds when `count` is not given, as in the original. */
export const DEFAULT_COUNT = 100;

const TIME_INPUT = {
  type: ['string', 'integer'],
  description:
    'ISO 8601 (no offset means UTC; a space may stand for the T), epoch milliseconds, epoch seconds as exactly 10 digits, or MM/dd/yy:HH:mm:ss (UTC).',
};

const TIME_OUTPUT = {
  type: 'string',
  format: 'date-time',
  description: 'UTC, written as the original wrote it: 2016-12-05T10:25:00.345000+00:00 (no fraction when it is 0).',
};

/** The components, added to the REST scope as shared schemas and referred to as `Name#`. */
export const SHARED_SCHEMAS = [
  {
    $id: 'EventInput',
    type: 'object',
    description:
      'An event as a bot sends it. Unknown fields are refused; created_at, updated_at, revision and changed_by are ignored.',
    properties: {
      id: {
        type: 'string',
        minLength: 1,
        maxLength: LIMITS.idLength,
        description: 'Absent: a uuid v4 is generated.',
      },
      source_id: {
        type: ['string', 'null'],
        maxLength: LIMITS.sourceIdLength,
        description: 'The id of this event in the system that reported it. Empty or null: none.',
      },
      parent_id: {
        type: ['string', 'null'],
        maxLength: LIMITS.idLength,
        description: 'The id of the event that caused this one. Empty or null: none.',
      },
      start_time: { ...TIME_INPUT, description: `${TIME_INPUT.description} None given: now; one given: both.` },
      end_time: TIME_INPUT,
      description: { type: 'string', description: `At most ${LIMITS.descriptionBytes / 1024} KiB.` },
      detail_urls: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description: 'Name → URL of another system holding details; odd URLs are kept as they are.',
      },
      tags: {
        type: 'object',
        description: 'Key → values, for querying (source, type, author, service, status, environment, bug_number, …).',
        additionalProperties: {
          type: 'array',
          items: { type: 'string', minLength: 1, maxLength: LIMITS.tagValueLength },
          minItems: 1,
        },
      },
    },
    examples: [
      {
        id: '333f1f77bcf86cd799439011',
        parent_id: '111f1f77bcf86cd799439011',
        start_time: '12/05/16:10:25:00',
        end_time: '12/05/16:10:26:00',
        description: 'This is a Concrete event',
        detail_urls: { graphite: 'http//graphite' },
        tags: { source: ['concrete'], type: ['commit'], author: ['yusuket@example.com'], service: ['zon-web'] },
      },
    ],
  },
  {
    $id: 'Event',
    type: 'object',
    required: [
      'id',
      'source_id',
      'parent_id',
      'start_time',
      'end_time',
      'description',
      'detail_urls',
      'tags',
      'created_at',
      'updated_at',
      'revision',
      'changed_by',
    ],
    properties: {
      id: { type: 'string' },
      source_id: { type: 'string', description: 'Empty when there is none, as in the original.' },
      parent_id: { type: 'string', description: 'Empty when there is none, as in the original.' },
      start_time: TIME_OUTPUT,
      end_time: TIME_OUTPUT,
      description: { type: 'string' },
      detail_urls: { type: 'object', additionalProperties: { type: 'string' } },
      tags: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
      created_at: TIME_OUTPUT,
      updated_at: TIME_OUTPUT,
      revision: { type: 'integer', description: '1 on create, +1 on every change.' },
      changed_by: { type: ['string', 'null'], description: 'The name of the token that made this version.' },
    },
  },
  {
    $id: 'Tree',
    type: 'object',
    required: ['event', 'children'],
    properties: { event: { $ref: 'Event#' }, children: { type: 'array', items: { $ref: 'Tree#' } } },
  },
  {
    $id: 'Error',
    type: 'object',
    required: ['message', 'code'],
    properties: {
      message: { type: 'string', description: 'What is wrong; for bad input, "field: rule".' },
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
  },
] as const;

const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const ref = (name: (typeof SHARED_SCHEMAS)[number]['$id']) => ({ $ref: `${name}#` });

/** What any request to the API may be answered besides its own outcomes. */
const refusals = {
  401: json(ref('Error'), 'No token, or one that is not valid, where one is needed.'),
  403: json(ref('Error'), 'The token lacks the scope, or the event is outside its namespace.'),
  429: json(ref('Error'), 'Over the rate limit (ETS_RATE_LIMIT); see Retry-After.'),
  503: json(ref('Error'), 'The store cannot be reached; try again.'),
  504: json(ref('Error'), 'The read ran past ETS_STORE_TIMEOUT_MS and was stopped.'),
};
const errors = {
  400: json(
    ref('Error'),
    'Bad input (the message names the field and the rule), a duplicate id, or a conflicting merge.',
  ),
  ...refusals,
};
const withBody = { ...errors, 413: json(ref('Error'), 'The body is over ETS_MAX_BODY_BYTES.') };

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', description: 'The event id, URL-encoded.' } },
};

const BODY_NOTE =
  ' The body is read as JSON whatever its content type, as the original did; the path may end with a slash (/api/v1/event/).';

export const CREATE_SCHEMA = {
  operationId: 'restCreateEvent',
  tags: [REST_TAG],
  summary: 'Create an event',
  description: `A duplicate id is a 400 naming it.${BODY_NOTE}`,
  body: { type: 'object', required: ['event'], properties: { event: ref('EventInput') } },
  response: { 200: json(ref('Event'), 'The created event.'), ...withBody },
};

export const WRITE_SCHEMA = {
  operationId: 'restWriteEvent',
  tags: [REST_TAG],
  summary: 'Merge into or update (replace) an event',
  description:
    'merge: tags united per key, the time range widened (an event sent without times counts as now, as in the original, ' +
    'so a merge moves the end to now), description appended, detail URLs overlaid, parent_id and source_id set when empty ' +
    '(a different one is a 400). update: the event becomes exactly the input, fields not sent take their defaults, as in ' +
    'the original. An event without an id gets a generated one. A missing event is created when insert is true; ' +
    'otherwise nothing is stored and the answer is the event as it would have been, as the original answered.' +
    BODY_NOTE,
  body: {
    type: 'object',
    required: ['event'],
    properties: {
      operation: { type: 'string', enum: ['merge', 'update'], default: 'merge' },
      event: ref('EventInput'),
      insert: { type: 'boolean', default: false },
    },
  },
  response: { 200: json(ref('Event'), 'The event after the change (or as it would be).'), ...withBody },
};

export const LIST_SCHEMA = {
  operationId: 'restListEvents',
  tags: [REST_TAG],
  summary: 'List events, newest start time first',
  description: 'The path may end with a slash (/api/v1/event/).',
  querystring: {
    type: 'object',
    properties: {
      tag: {
        type: 'array',
        items: { type: 'string' },
        description:
          'key:value, repeatable: all keys must match, any value of a key. One tag parameter may list pairs separated ' +
          'by commas, as in the original. parent_id:ID selects the children of ID.',
      },
      frm: {
        type: 'string',
        description: 'Window start, inclusive: an event matches when its start or end time lies in [frm, to).',
      },
      to: { type: 'string', description: 'Window end, exclusive.' },
      use_update_time: {
        type: 'boolean',
        default: false,
        description: 'Filter the window on the update time instead.',
      },
      count: {
        type: 'integer',
        minimum: 0,
        maximum: LIMITS.pageSize,
        default: DEFAULT_COUNT,
        description: `Events a page holds, up to ETS_MAX_PAGE_SIZE (${LIMITS.pageSize} unless set).`,
      },
      page: {
        type: 'integer',
        minimum: 1,
        maximum: LIMITS.pageNumber + 1,
        default: 1,
        description: 'Page number, the first is 1.',
      },
    },
  },
  response: {
    200: json(
      {
        type: 'object',
        required: ['result', 'count', 'total_count'],
        properties: {
          result: { type: 'array', items: ref('Event') },
          count: { type: 'integer', description: 'The number of events in this answer.' },
          total_count: { type: 'integer', description: 'The number of events matching the filter, on every page.' },
        },
      },
      'One page.',
    ),
    ...errors,
  },
};

const notFound = { 404: json(ref('Error'), 'No such event.') };

export const GET_SCHEMA = {
  operationId: 'restGetEvent',
  tags: [REST_TAG],
  summary: 'One event',
  params: idParams,
  response: { 200: json(ref('Event'), 'The event.'), ...notFound, ...errors },
};

export const CHILDREN_SCHEMA = {
  operationId: 'restGetChildren',
  tags: [REST_TAG],
  summary: 'The events this one caused, newest first',
  description:
    'Also for an id that is not an event itself (a parent that was never sent, or was deleted): [] when none.',
  params: idParams,
  response: { 200: json({ type: 'array', items: ref('Event') }, 'The children.'), ...errors },
};

export const TRACE_SCHEMA = {
  operationId: 'restGetTrace',
  tags: [REST_TAG],
  summary: 'The event and its causes up to the root, the event first',
  description: '[] for a missing event, as in the original.',
  params: idParams,
  response: { 200: json({ type: 'array', items: ref('Event') }, 'The trace.'), ...errors },
};

export const IMPACT_SCHEMA = {
  operationId: 'restGetImpact',
  tags: [REST_TAG],
  summary: 'Everything the event caused, as a tree',
  description: `Down to ${LIMITS.treeDepth} levels and ${LIMITS.treeNodes} events.`,
  params: idParams,
  response: { 200: json(ref('Tree'), 'The tree.'), ...notFound, ...errors },
};

export const DELETE_SCHEMA = {
  operationId: 'restDeleteEvent',
  tags: [REST_TAG],
  summary: 'Delete an event (it stays recoverable through GraphQL restoreEvent)',
  description: 'A missing event is a 400 whose message names the id, as in the original.',
  params: idParams,
  response: {
    200: json(
      {
        type: 'object',
        required: ['message'],
        properties: { message: { type: 'string', examples: ['Event: deploy-42 deleted successfully'] } },
      },
      'Deleted.',
    ),
    ...errors,
  },
};

export const PING_SCHEMA = {
  operationId: 'tychoPing',
  tags: [REST_TAG],
  summary: "The original's liveness probe",
  description: 'Answers {} while the process runs, as the original did; /healthz and /readyz say more.',
  'x-no-client-errors': true,
  response: { 200: json({ type: 'object' }, 'Alive.') },
};

export const OPENAPI_SCHEMA = {
  operationId: 'getOpenApiDocument',
  tags: [REST_TAG],
  summary: 'This document',
  description: 'Derived from the route definitions of the running server.',
  response: { 200: json({ type: 'object' }, 'The OpenAPI document.'), ...errors },
};

const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });

export const EVENT_PAGE_SCHEMA = {
  operationId: 'getEventPage',
  tags: [PAGES_TAG],
  summary: 'An HTML page drawing the tree of causes and effects around an event',
  description: 'The path may end with a slash (/event/{id}/), as in the original.',
  params: idParams,
  response: {
    200: html('The page.'),
    404: { description: 'No such event.', content: { 'text/plain': { schema: { type: 'string' } } } },
    ...refusals,
  },
};

export const WEB_UI_SCHEMA = {
  operationId: 'getWebUi',
  tags: [PAGES_TAG],
  summary: 'The web UI: a timeline of events with filters, details and live updates',
  description: 'The view lives in the query string, so every view is this page.',
  'x-no-client-errors': true,
  response: { 200: html('The page.') },
};
