/**
 * The original ETS REST API (SPEC §5), for the bots that speak it: thin handlers that
 * translate snake_case JSON and query strings and call the same EventService as GraphQL.
 */
import type { FastifyInstance } from 'fastify';
import { NotFoundError, ValidationError } from '../domain/errors';
import { jsonBodyParser } from '../http/json-body';
import type { EventService } from '../domain/event-service';
import { LIMITS } from '../domain/limits';
import type { RawEventFilter } from '../domain/query';
import { readObject } from '../domain/validate';
import { fromRestEvent, toRestEvent, toRestTree } from './event-json';
import { OPENAPI } from './openapi';

type Query = Record<string, string | string[] | undefined>;
interface IdParams {
  id: string;
}

/** A parameter given at most once. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new ValidationError(name, 'must be given once');
  return value;
}

function integer(query: Query, name: string, fallback: number): number {
  const text = single(query, name);
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) throw new ValidationError(name, 'must be a whole number');
  return Number(text);
}

function flag(query: Query, name: string): boolean {
  const text = single(query, name)?.toLowerCase();
  if (text === undefined || text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  throw new ValidationError(name, 'must be true or false');
}

/** `tag=key:value`, repeated: values of one key are any-of, keys are all-of. */
function tags(query: Query): Record<string, string[]> | undefined {
  const raw = query.tag === undefined ? [] : Array.isArray(query.tag) ? query.tag : [query.tag];
  if (raw.length === 0) return undefined;
  const map: Record<string, string[]> = Object.create(null);
  for (const pair of raw) {
    const colon = pair.indexOf(':');
    if (colon <= 0) throw new ValidationError('tag', `must be key:value, got "${pair}"`);
    const [key, value] = [pair.slice(0, colon), pair.slice(colon + 1)];
    const values = (map[key] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return map;
}

/** A time in a query string; an offset's "+" that was not URL-encoded arrives as a space. */
function time(query: Query, name: string): string | undefined {
  return single(query, name)?.replace(/ (\d\d:?\d\d)$/, '+$1');
}

function listFilter(query: Query): RawEventFilter {
  return {
    tags: tags(query),
    from: time(query, 'frm'),
    to: time(query, 'to'),
    timeField: flag(query, 'use_update_time') ? 'UPDATE' : 'ENDPOINTS',
  };
}

function eventOf(body: Record<string, unknown>): Record<string, unknown> {
  if (typeof body.event !== 'object' || body.event === null || Array.isArray(body.event)) {
    throw new ValidationError('event', 'must be a JSON object holding the event');
  }
  return body.event as Record<string, unknown>;
}

/** Old bots send JSON without saying so: bodies of any content type are read as JSON here. */
function readBodiesAsJson(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, jsonBodyParser);
}

export function registerRestRoutes(app: FastifyInstance, events: EventService): void {
  readBodiesAsJson(app);
  app.put('/api/v1/event/', async (request) => {
    const body = readObject(request.body, 'body');
    return toRestEvent(await events.create(request.actor, fromRestEvent(eventOf(body))));
  });

  app.post('/api/v1/event/', async (request) => {
    const body = readObject(request.body, 'body');
    // "update" is the original's "updated with brand new data": a replace.
    const mode = body.operation === 'merge' ? 'merge' : body.operation === 'update' ? 'replace' : undefined;
    if (!mode)
      throw new ValidationError('operation', `must be "merge" or "update", got ${JSON.stringify(body.operation)}`);
    if (body.insert !== undefined && typeof body.insert !== 'boolean') {
      throw new ValidationError('insert', 'must be true or false');
    }
    return toRestEvent(await events.write(request.actor, mode, fromRestEvent(eventOf(body)), body.insert === true));
  });

  app.get('/api/v1/event/', async (request) => {
    const query = request.query as Query;
    const { events: found, total } = await events.listNumberedPage(
      request.actor,
      listFilter(query),
      integer(query, 'count', LIMITS.restPageSize),
      integer(query, 'page', 0),
    );
    return { result: found.map(toRestEvent), count: total };
  });

  app.get<{ Params: IdParams }>('/api/v1/event/:id', async (request) => {
    const event = await events.get(request.actor, request.params.id);
    if (!event) throw new NotFoundError(request.params.id);
    return toRestEvent(event);
  });

  app.get<{ Params: IdParams }>('/api/v1/event/:id/children', async (request) => {
    const children = await events.children(request.actor, request.params.id);
    if (!children) throw new NotFoundError(request.params.id);
    return children.map(toRestEvent);
  });

  app.get<{ Params: IdParams }>('/api/v1/event/:id/trace', async (request) => {
    const trace = await events.trace(request.actor, request.params.id);
    if (!trace) throw new NotFoundError(request.params.id);
    return trace.map(toRestEvent);
  });

  app.get<{ Params: IdParams }>('/api/v1/event/:id/impact', async (request) => {
    const tree = await events.tree(request.actor, request.params.id, LIMITS.defaultTreeDepth);
    if (!tree) throw new NotFoundError(request.params.id);
    return toRestTree(tree);
  });

  app.delete<{ Params: IdParams }>('/api/v1/event/:id/delete', async (request) =>
    toRestEvent(await events.delete(request.actor, request.params.id)),
  );

  app.get('/api/v1/openapi.json', async () => OPENAPI);
}
