// Layer: rest. Imports: transport, domain.
/**
 * The original ETS REST API (SPEC §5), for the bots that speak it: thin handlers that
 * translate snake_case JSON and query strings and call the same EventService as GraphQL.
 * Where the original (Zillow's Tycho) answered in a way bots may rely on, these answer the
 * same; docs/design.md lists what still differs and why.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { EventService } from '../domain/event-service';
import type { WriteMode } from '../domain/event-writes';
import { LIMITS } from '../domain/limits';
import type { RawEventFilter } from '../domain/query';
import { emptyMap } from '../domain/event';
import { addTagValue, splitPair } from '../domain/tag-pairs';
import { readObject, type RawEventInput } from '../domain/validate';
import { HttpError } from '../transport/errors';
import { jsonBodyParser } from '../transport/json-body';
import { fromRestEvent, restTime, toRestEvent, toRestTree } from './event-json';
import { DOCUMENTATION_ONLY } from '../transport/route-docs';
import {
  CHILDREN_SCHEMA,
  CREATE_SCHEMA,
  DEFAULT_COUNT,
  DELETE_SCHEMA,
  GET_SCHEMA,
  IMPACT_SCHEMA,
  LIST_SCHEMA,
  OPENAPI_SCHEMA,
  PING_SCHEMA,
  SHARED_SCHEMAS,
  TRACE_SCHEMA,
  WRITE_SCHEMA,
} from './schemas';

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

/** Pages are numbered from 1, as in the original. */
function pageNumber(query: Query): number {
  const page = integer(query, 'page', 1);
  const last = LIMITS.pageNumber + 1;
  if (page < 1 || page > last) throw new ValidationError('page', `must be from 1 to ${last} (the first page is 1)`);
  return page;
}

function flag(query: Query, name: string): boolean {
  const text = single(query, name)?.toLowerCase();
  if (text === undefined || text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  throw new ValidationError(name, 'must be true or false');
}

/**
 * `tag=key:value`, repeated: values of one key are any-of, keys are all-of. A single `tag`
 * may hold pairs separated by commas, which the original split. The original kept an
 * event's parent as the tag parent_id:ID, so that pair selects the children of ID.
 */
function tagFilter(query: Query): Pick<RawEventFilter, 'tags' | 'parentId'> {
  const raw = query.tag === undefined ? [] : Array.isArray(query.tag) ? query.tag : query.tag.split(',');
  const tags = emptyMap<string[]>();
  let parentId: string | undefined;
  for (const pair of raw) {
    const split = splitPair(pair, /:/);
    if (!split) throw new ValidationError('tag', `must be key:value, got "${pair}"`);
    const [key, value] = split;
    if (key === 'parent_id') {
      if (parentId !== undefined && parentId !== value) throw new ValidationError('tag', 'may name one parent_id');
      parentId = value;
      continue;
    }
    addTagValue(tags, key, value);
  }
  return { tags: Object.keys(tags).length > 0 ? tags : undefined, parentId };
}

/** A time in a query string; an offset's "+" that was not URL-encoded arrives as a space. */
function time(query: Query, name: string): string | undefined {
  const text = single(query, name)?.replace(/ (\d\d:?\d\d)$/, '+$1');
  return text === undefined ? undefined : restTime(text);
}

function listFilter(query: Query): RawEventFilter {
  return {
    ...tagFilter(query),
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

/** The original's operations: "update" is its "updated with brand new data", a replace; merge when none is given. */
function writeMode(operation: unknown): Exclude<WriteMode, 'update'> {
  if (operation === undefined || operation === 'merge') return 'merge';
  if (operation === 'update') return 'replace';
  throw new ValidationError('operation', `must be "merge" or "update", got ${JSON.stringify(operation)}`);
}

/**
 * The input of a POST as the original read it: an event without an id gets a new one,
 * and a merge without times is a merge of an event at now (the original's default times),
 * which moves the end of the stored event to now.
 */
function postedEvent(event: Record<string, unknown>, mode: WriteMode): RawEventInput {
  const input = fromRestEvent(event);
  input.id ??= randomUUID();
  if (mode === 'merge' && input.startTime == null && input.endTime == null) input.startTime = Date.now();
  return input;
}

/** Old bots send JSON without saying so: bodies of any content type are read as JSON here. */
function readBodiesAsJson(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, jsonBodyParser);
}

export function registerRestRoutes(app: FastifyInstance, events: EventService, pageSize: number): void {
  readBodiesAsJson(app);
  app.setValidatorCompiler(DOCUMENTATION_ONLY.validatorCompiler);
  app.setSerializerCompiler(DOCUMENTATION_ONLY.serializerCompiler);
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  app.put('/api/v1/event', { schema: CREATE_SCHEMA }, async (request) => {
    const body = readObject(request.body, 'body');
    return toRestEvent(await events.writes.create(request.actor, fromRestEvent(eventOf(body))));
  });

  app.post('/api/v1/event', { schema: WRITE_SCHEMA }, async (request) => {
    const body = readObject(request.body, 'body');
    const mode = writeMode(body.operation);
    if (body.insert !== undefined && typeof body.insert !== 'boolean') {
      throw new ValidationError('insert', 'must be true or false');
    }
    const insert = body.insert === true;
    const input = postedEvent(eventOf(body), mode);
    try {
      return toRestEvent(await events.writes.write(request.actor, mode, input, insert));
    } catch (error) {
      if (insert || !(error instanceof NotFoundError)) throw error;
    }
    // A missing event without insert: the original answered the event as it would be, storing nothing.
    return toRestEvent(events.writes.preview(request.actor, mode, input));
  });

  app.get('/api/v1/event', { schema: LIST_SCHEMA }, async (request) => {
    const query = request.query as Query;
    const count = integer(query, 'count', DEFAULT_COUNT);
    const page = pageNumber(query);
    const { events: found, total } = await events.queries.listNumberedPage(request.actor, listFilter(query), count, page - 1);
    return { result: found.map(toRestEvent), count: found.length, total_count: total };
  });

  app.get<{ Params: IdParams }>('/api/v1/event/:id', { schema: GET_SCHEMA }, async (request) => {
    const event = await events.queries.get(request.actor, request.params.id);
    if (!event) throw new NotFoundError(request.params.id);
    return toRestEvent(event);
  });

  app.get<{ Params: IdParams }>('/api/v1/event/:id/children', { schema: CHILDREN_SCHEMA }, async (request) => {
    const { id } = request.params;
    // The original listed the events naming the id as parent, whether or not it is an event itself.
    const children =
      (await events.graph.children(request.actor, id)) ??
      (await events.queries.listNumberedPage(request.actor, { parentId: id }, pageSize, 0)).events;
    return children.map(toRestEvent);
  });

  app.get<{ Params: IdParams }>('/api/v1/event/:id/trace', { schema: TRACE_SCHEMA }, async (request) => {
    const trace = await events.graph.trace(request.actor, request.params.id);
    return (trace ?? []).map(toRestEvent);
  });

  app.get<{ Params: IdParams }>('/api/v1/event/:id/impact', { schema: IMPACT_SCHEMA }, async (request) => {
    // The original walked the whole tree; the domain's deepest walk is as close as a bounded answer gets.
    const tree = await events.graph.tree(request.actor, request.params.id, LIMITS.treeDepth);
    if (!tree) throw new NotFoundError(request.params.id);
    return toRestTree(tree);
  });

  app.delete<{ Params: IdParams }>('/api/v1/event/:id/delete', { schema: DELETE_SCHEMA }, async (request) => {
    const { id } = request.params;
    try {
      await events.writes.delete(request.actor, id);
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpError(400, 'NOT_FOUND', `Can not delete event with id: ${id}`);
      throw error;
    }
    return { message: `Event: ${id} deleted successfully` };
  });

  app.get('/monitor/ping', { schema: PING_SCHEMA }, async () => ({}));

  app.get('/api/v1/openapi.json', { schema: OPENAPI_SCHEMA }, async () => app.swagger());
}
