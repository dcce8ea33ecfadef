/**
 * The part of Grafana's annotations HTTP API that tools pushing annotations use (Argo CD
 * notifications, Flux's Grafana provider, CI scripts) and that lists them: thin handlers
 * over the same EventService and tokens as GraphQL. Grafana answers 200 to a create, and
 * Argo CD checks for exactly that.
 */
import type { FastifyInstance } from 'fastify';
import type { EventService } from '../../domain/event-service';
import { numericId } from '../graphite/event-json';
import { ERROR, FLAT_TAGS } from '../graphite/schemas';
import { naming, prepareScope, type Query } from '../graphite/scope';
import { findTaggedEvents } from '../graphite/tagged-events';
import { fromAnnotation, fromGraphiteAnnotation, toAnnotation } from './annotation-json';
import { DEFAULT_LIMIT, readAnnotationQuery } from './annotation-query';

export interface GrafanaDependencies {
  events: EventService;
  /** The longest list the service answers (ETS_MAX_PAGE_SIZE): the largest `limit`. */
  pageSize: number;
  bodyLimit: number;
}

/** Domain field → the field of Grafana's JSON, for error messages. */
const ANNOTATION_FIELDS = {
  'event.description': 'text',
  'event.startTime': 'time',
  'event.endTime': 'timeEnd',
  'event.tags': 'tags',
  'filter.tags': 'tags',
  'filter.from': 'from',
  'filter.to': 'to',
};
const GRAPHITE_ANNOTATION_FIELDS = { ...ANNOTATION_FIELDS, 'event.description': 'what', 'event.startTime': 'when' };

const CREATED = {
  description: "Created: Grafana's answer, and the event's ETS id.",
  type: 'object',
  required: ['message', 'id', 'etsId'],
  properties: {
    message: { type: 'string' },
    id: { type: 'integer', description: 'A number derived from the ETS id (Grafana ids are numbers).' },
    etsId: { type: 'string', description: "The event's ETS id." },
  },
} as const;

const ANNOTATION = {
  type: 'object',
  required: ['id', 'time', 'timeEnd', 'text', 'tags', 'etsId'],
  properties: {
    id: { type: 'integer', description: 'A number derived from the ETS id.' },
    alertId: { type: 'integer' },
    alertName: { type: 'string' },
    dashboardId: { type: 'integer' },
    dashboardUID: { type: ['string', 'null'], description: 'From the tag grafana_dashboard_uid.' },
    panelId: { type: 'integer', description: 'From the tag grafana_panel_id.' },
    userId: { type: 'integer' },
    newState: { type: 'string' },
    prevState: { type: 'string' },
    created: { type: 'integer', description: 'createdAt, epoch ms.' },
    updated: { type: 'integer', description: 'updatedAt, epoch ms.' },
    time: { type: 'integer', description: 'Start time, epoch ms.' },
    timeEnd: { type: 'integer', description: 'End time, epoch ms.' },
    text: { type: 'string', description: 'The description.' },
    tags: FLAT_TAGS,
    login: { type: 'string', description: 'The token that made the last change.' },
    email: { type: 'string' },
    avatarUrl: { type: 'string' },
    data: { type: 'object' },
    etsId: { type: 'string', description: "The event's ETS id." },
  },
} as const;

const REFUSED = { 400: ERROR, 401: ERROR, 403: ERROR };

export function registerGrafanaRoutes(scope: FastifyInstance, deps: GrafanaDependencies): void {
  const { events, pageSize, bodyLimit } = deps;
  prepareScope(scope, bodyLimit);

  scope.post(
    '/api/annotations',
    {
      schema: {
        operationId: 'grafanaPostAnnotation',
        summary: 'Create an event from a Grafana annotation',
        description:
          "Grafana's `POST /api/annotations`: `time`/`timeEnd` (epoch ms; none: now) are the start and end, `text` " +
          'the description, `tags` flat tags (key:value for that ETS tag, a bare word for a value of the key `tag`). ' +
          '`dashboardUID` and `panelId` are kept as the tags grafana_dashboard_uid and grafana_panel_id; ' +
          "`dashboardId` and `data` are accepted and not kept. Flux's `when` (epoch seconds) is the start when " +
          '`time` is absent.',
        tags: ['grafana'],
        body: {
          type: 'object',
          required: ['text'],
          properties: {
            text: { type: 'string', minLength: 1 },
            time: { type: 'integer', description: 'Start, epoch ms; absent or 0: now.' },
            timeEnd: { type: 'integer', description: 'End, epoch ms; absent or 0: the start.' },
            tags: FLAT_TAGS,
            dashboardUID: { type: 'string' },
            panelId: { type: 'integer' },
            dashboardId: { type: 'integer', description: 'Accepted, not kept.' },
            data: { type: 'object', description: 'Accepted, not kept.' },
            when: { type: 'number', description: "Flux's start, epoch seconds, when time is absent." },
          },
        },
        response: { 200: CREATED, ...REFUSED },
      },
    },
    async (request) => {
      const input = fromAnnotation(request.body);
      const event = await naming(ANNOTATION_FIELDS, () => events.writes.create(request.actor, input));
      return { message: 'Annotation added', id: numericId(event.id), etsId: event.id };
    },
  );

  scope.post(
    '/api/annotations/graphite',
    {
      schema: {
        operationId: 'grafanaPostGraphiteAnnotation',
        summary: 'Create an event from Graphite event JSON, as Grafana takes it',
        description:
          "Grafana's `POST /api/annotations/graphite`: `what` and `data` joined by a newline are the description, " +
          '`when` (epoch seconds; absent: now) the time, `tags` a list or a string of tags separated by spaces.',
        tags: ['grafana'],
        body: {
          type: 'object',
          required: ['what'],
          properties: {
            what: { type: 'string', minLength: 1 },
            data: { type: 'string' },
            when: { type: 'integer', description: 'Epoch seconds; absent or 0: now.' },
            tags: { oneOf: [FLAT_TAGS, { type: 'string', description: 'Tags separated by spaces.' }] },
          },
        },
        response: { 200: CREATED, ...REFUSED },
      },
    },
    async (request) => {
      const input = fromGraphiteAnnotation(request.body);
      const event = await naming(GRAPHITE_ANNOTATION_FIELDS, () => events.writes.create(request.actor, input));
      return { message: 'Graphite annotation added', id: numericId(event.id), etsId: event.id };
    },
  );

  scope.get(
    '/api/annotations',
    {
      schema: {
        operationId: 'grafanaFindAnnotations',
        summary: 'Events as Grafana annotations, newest first',
        description:
          "Grafana's `GET /api/annotations`: events whose interval overlaps [from, to] (epoch ms), carrying all the " +
          '`tags` (any of them with `matchAny`), at most `limit`. `type=alert` and `alertId` list nothing.',
        tags: ['grafana'],
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', description: 'Epoch ms.' },
            to: { type: 'string', description: 'Epoch ms, inclusive.' },
            tags: {
              oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
              description: 'Repeated: a flat tag each (key:value, or a bare word for the key `tag`).',
            },
            matchAny: { type: 'string', description: 'true: any of the tags; false (the default): all.' },
            limit: { type: 'string', description: `At most this many; default ${DEFAULT_LIMIT}.` },
            dashboardUID: { type: 'string' },
            panelId: { type: 'string' },
            type: { type: 'string', enum: ['annotation', 'alert'] },
            alertId: { type: 'string' },
          },
        },
        response: { 200: { description: 'The annotations.', type: 'array', items: ANNOTATION }, ...REFUSED },
      },
    },
    async (request) => {
      const query = readAnnotationQuery(request.query as Query, pageSize);
      if (!query) return [];
      const found = await naming(ANNOTATION_FIELDS, () => findTaggedEvents(events, request.actor, query, pageSize));
      return found.map(toAnnotation);
    },
  );
}
