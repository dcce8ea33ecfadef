/**
 * Graphite's events API (graphite-web's webapp/graphite/events/views.py), so that
 * Grafana's built-in Graphite data source shows ETS events as annotations and every tool
 * that posts Graphite events can post them here: thin handlers over the same EventService
 * and tokens as GraphQL.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../domain/errors';
import type { EventService } from '../../domain/event-service';
import { fromGraphiteEvent, toGraphiteEvent } from './event-json';
import { jsonp, readJsonpCallback } from './jsonp';
import { GRAPHITE_EVENT, GRAPHITE_TAGS_QUERY, ERROR } from './schemas';
import { lastValue, naming, prepareScope, type Query } from './scope';
import { findTaggedEvents } from './tagged-events';
import { toTagPairs } from './tags';
import { GRAPHITE_TIME_RULE, readGraphiteTime } from './time';

export interface GraphiteDependencies {
  events: EventService;
  /** The longest list the service answers (ETS_MAX_PAGE_SIZE): get_data answers the newest that many. */
  pageSize: number;
  bodyLimit: number;
  corsOrigins: readonly string[];
  /** The clock relative times are read against. */
  now?: () => Date;
}

/** Domain field → the field of Graphite's JSON, for error messages. */
const GRAPHITE_FIELDS = {
  'event.description': 'what',
  'event.startTime': 'when',
  'event.tags': 'tags',
  'filter.tags': 'tags',
  'filter.from': 'from',
  'filter.to': 'until',
};

function readSet(value: string | undefined): 'all' | 'any' {
  if (value === undefined || value === '' || value === 'intersection') return 'all';
  if (value === 'union') return 'any';
  throw new ValidationError('set', `must be union or intersection, got "${value}"`);
}

/** `tags`: flat tags separated by spaces (graphite-web splits on them; Grafana joins with them). */
function readTagsParameter(value: string | undefined): Array<[string, string]> {
  return toTagPairs((value ?? '').split(/\s+/));
}

export function registerGraphiteRoutes(scope: FastifyInstance, deps: GraphiteDependencies): void {
  const { events, pageSize, bodyLimit, corsOrigins } = deps;
  const now = deps.now ?? (() => new Date());
  prepareScope(scope, bodyLimit);

  scope.get(
    '/events/get_data',
    {
      schema: {
        operationId: 'graphiteGetEvents',
        summary: 'Events of a time window, as Graphite lists them (Grafana reads its annotations here)',
        description:
          "Graphite's `/events/get_data`. An event is listed when its interval overlaps [from, until]; its `when` " +
          'is its start. The newest ETS_MAX_PAGE_SIZE events are listed, oldest first. ' +
          `Times: ${GRAPHITE_TIME_RULE}.`,
        tags: ['graphite'],
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', description: 'Window start (a Graphite time); absent: the beginning of time.' },
            until: { type: 'string', description: 'Window end, inclusive (a Graphite time); absent: now.' },
            tags: GRAPHITE_TAGS_QUERY,
            set: {
              type: 'string',
              enum: ['intersection', 'union'],
              description: 'intersection (the default): events carrying every tag; union: any of them.',
            },
            jsonp: { type: 'string', description: 'Wrap the answer in a call of this function (text/javascript).' },
          },
        },
        response: {
          200: { description: 'The events, oldest first.', type: 'array', items: GRAPHITE_EVENT },
          400: ERROR,
          401: ERROR,
          403: ERROR,
        },
      },
    },
    async (request, reply) => {
      const query = request.query as Query;
      const clock = now();
      const fromText = lastValue(query, 'from');
      const untilText = lastValue(query, 'until');
      const from = fromText === undefined ? new Date(0) : readGraphiteTime(fromText, 'from', clock);
      const until = untilText === undefined ? clock : readGraphiteTime(untilText, 'until', clock);
      const match = readSet(lastValue(query, 'set'));
      const pairs = readTagsParameter(lastValue(query, 'tags'));
      const callback = lastValue(query, 'jsonp');
      const script =
        callback === undefined
          ? undefined
          : readJsonpCallback(
              callback,
              {
                host: request.headers.host,
                secFetchSite: request.headers['sec-fetch-site'] as string | undefined,
                referer: request.headers.referer,
              },
              corsOrigins,
            );
      const found =
        from > until
          ? []
          : await naming(GRAPHITE_FIELDS, () =>
              findTaggedEvents(
                events,
                request.actor,
                { pairs, match, from, to: new Date(until.getTime() + 1), limit: pageSize },
                pageSize,
              ),
            );
      const body = found.reverse().map(toGraphiteEvent);
      if (script === undefined) return body;
      return reply
        .type('text/javascript; charset=utf-8')
        .header('x-content-type-options', 'nosniff')
        .send(jsonp(script, body));
    },
  );

  // graphite-web's /events/ (and /events): the trailing slash is ignored, as for every route.
  scope.post(
    '/events',
    {
      schema: {
        operationId: 'graphitePostEvent',
        summary: 'Create an event from Graphite event JSON',
        description:
          "Graphite's `POST /events/` (any content type is read as JSON). The description is `what`, then a newline " +
          'and `data` when there is any; flat tags `key:value` or `key=value` become that key, a bare word a value of ' +
          'the key `tag`. Answers 200 with an empty body, as graphite-web does.',
        tags: ['graphite'],
        body: {
          type: 'object',
          required: ['what'],
          properties: {
            what: { type: 'string', description: "The event's title: the description's first line." },
            data: { type: 'string', description: "The event's details: the rest of the description." },
            tags: {
              oneOf: [
                { type: 'array', items: { type: 'string' } },
                { type: 'string', description: 'Tags separated by spaces (or by commas when there is one).' },
              ],
            },
            when: {
              type: ['number', 'string'],
              description: 'Epoch seconds (fractions kept to the millisecond); absent: now.',
            },
          },
        },
        response: {
          200: { description: 'Created; the body is empty.', type: 'string', maxLength: 0 },
          400: ERROR,
          401: ERROR,
          403: ERROR,
        },
      },
    },
    async (request, reply) => {
      const input = fromGraphiteEvent(request.body);
      await naming(GRAPHITE_FIELDS, () => events.writes.create(request.actor, input));
      return reply.code(200).type('text/html; charset=utf-8').send('');
    },
  );
}
