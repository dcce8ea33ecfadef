/**
 * The use cases of ETS: every transport (GraphQL, REST, CLI) calls these, so validation,
 * write rules and concurrency control happen once.
 */
import { randomUUID } from 'node:crypto';
import { requireNamespace, requireScope, type Actor } from './access';
import { assertNoCycle, findCycles, type ParentLookup } from './ancestry';
import type { ChangeFeed, ChangeKind } from './changes';
import { changeStream, type SlowSubscriberError, type StreamItem } from './change-stream';
import { ConflictError, DomainError, NotFoundError, ValidationError } from './errors';
import type { EventRecord } from './event';
import type { EventStore } from './event-store';
import {
  histogramBuckets,
  histogramWindow,
  laneHistograms,
  readInterval,
  type LaneHistogram,
  type HistogramBucket,
  type TagKeyCount,
  type TagValueCount,
} from './facets';
import { KeyLock } from './key-lock';
import { LIMITS, type RequestLimits } from './limits';
import {
  readEventQuery,
  readPageRequest,
  readPageSize,
  type EventQuery,
  type PageRequest,
  type RawEventFilter,
  type RawPageArguments,
} from './query';
import {
  createEvent,
  createPatched,
  mergeDescription,
  mergeEvent,
  replaceEvent,
  sameFields,
  updateEvent,
} from './rules';
import { checkEventLimits, readDraft, readEventPatch, readId, type RawEventInput } from './validate';

export type WriteMode = 'replace' | 'update' | 'merge';

export interface EventPage {
  events: EventRecord[];
  query: EventQuery;
  request: PageRequest;
  /** More matching events lie beyond the page in the direction it was read; unknown for a page of 0. */
  hasMore?: boolean;
}

/** The outcome of one item of a batch, at its input index. */
export type BatchItemResult = { index: number; event: EventRecord } | { index: number; error: DomainError };

export interface BatchResult {
  results: BatchItemResult[];
}

export interface EventTreeNode {
  event: EventRecord;
  depth: number;
  children: EventTreeNode[];
  truncated: boolean;
}

/** A write's input as its mode reads it: the next version of a stored event, or (upsert) a new one. */
interface WriteRule {
  id: string | undefined;
  next: (existing: EventRecord, now: Date, by: string | null) => EventRecord;
  create: (id: string, now: Date, by: string | null) => EventRecord;
}

function readWrite(mode: WriteMode, input: RawEventInput): WriteRule {
  if (mode === 'update') {
    // A JSON Merge Patch: its maps may carry nulls, which remove keys.
    const patch = readEventPatch(input);
    return {
      id: patch.id,
      next: (existing, now, by) => updateEvent(existing, patch, now, by),
      create: (id, now, by) => createPatched(id, patch, now, by),
    };
  }
  const draft = readDraft(input);
  if (mode === 'replace') {
    return {
      id: draft.id,
      next: (existing, now, by) => replaceEvent(existing, draft, now, by),
      create: (id, now, by) => createEvent(id, draft, now, by),
    };
  }
  // A merge into nothing is a merge into an empty event: its text is trimmed too.
  const base = draft.description ? { ...draft, description: mergeDescription('', draft.description) } : draft;
  return {
    id: draft.id,
    next: (existing, now, by) => mergeEvent(existing, draft, now, by),
    create: (id, now, by) => createEvent(id, base, now, by),
  };
}

// Another process may win the race for an event: retry with growing, jittered pauses,
// for long enough that the store can finish a change whose writer died midway.
const RETRY_FOR_MS = 30_000;
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));

async function retryUntilDone<T>(id: string, attemptOnce: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + RETRY_FOR_MS;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const done = await attemptOnce();
    if (done !== undefined) return done;
    await backoff(attempt);
  }
  throw new ConflictError(`event "${id}" is changed by too many writers at once; try again`);
}

export class EventService {
  private readonly locks = new KeyLock();

  private readonly limits: RequestLimits;
  private readonly now: () => Date;

  constructor(
    private readonly store: EventStore,
    /** Where acknowledged changes are announced. */
    private readonly feed: ChangeFeed,
    options: { limits?: Partial<RequestLimits>; now?: () => Date } = {},
  ) {
    this.limits = { batchSize: LIMITS.batchSize, pageSize: LIMITS.pageSize, ...options.limits };
    this.now = options.now ?? (() => new Date());
  }

  /** The changes matching a filter from now on, for one subscriber. */
  changes(
    actor: Actor,
    filter: RawEventFilter | null | undefined,
    onOverflow?: (error: SlowSubscriberError) => void,
  ): AsyncIterableIterator<StreamItem> {
    requireScope(actor, 'read');
    return changeStream(this.feed, readEventQuery(filter), LIMITS.subscriberBuffer, onOverflow);
  }

  /** Announces a change the store has acknowledged, and hands the event back. */
  private announce(kind: ChangeKind, event: EventRecord): EventRecord {
    this.feed.publish({ kind, event });
    return event;
  }

  get(actor: Actor, id: string): Promise<EventRecord | null> {
    requireScope(actor, 'read');
    return this.store.findById(readId(id, 'id'));
  }

  /** A page of matching events, forwards (first/after) or backwards (last/before). */
  async list(actor: Actor, filter: RawEventFilter | null | undefined, page: RawPageArguments): Promise<EventPage> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter);
    const request = readPageRequest(page, this.limits.pageSize);
    if (request.size === 0) return { events: [], query, request };
    const { size, after, before, backward } = request;
    // One more than the page, so that the read itself tells whether more follow.
    const events = await this.store.findPage(query, size + 1, { after, before, backward });
    const hasMore = events.length > size;
    return { events: backward ? events.slice(-size) : events.slice(0, size), query, request, hasMore };
  }

  /**
   * Whether matching events lie after the page (`next`) or before it (`previous`), as Relay
   * defines hasNextPage and hasPreviousPage: known from the read in the direction it was
   * read, else looked up past the cursor on that side, if one was given.
   */
  async pageContinues(actor: Actor, page: EventPage, side: 'next' | 'previous'): Promise<boolean> {
    requireScope(actor, 'read');
    const { request, query } = page;
    if (request.backward === (side === 'previous')) {
      // A page of none read nothing: whether any event lies between its cursors at all.
      const { after, before, backward } = request;
      if (page.hasMore ?? (await this.store.findPage(query, 1, { after, before, backward })).length > 0) return true;
    }
    const cursor = side === 'next' ? request.before : request.after;
    if (!cursor) return false;
    const beyond = await this.store.findPage(
      query,
      1,
      side === 'next' ? { after: cursor } : { before: cursor, backward: true },
    );
    return beyond.length > 0;
  }

  /**
   * An earlier version of an event, by the event's id, when the event was created (which
   * tells apart events that had the same id in turn) and the revision; null when the event
   * or that version is not there, or it is the current one.
   */
  async revision(actor: Actor, rawId: string, createdAt: Date, revision: number): Promise<EventRecord | null> {
    const event = await this.get(actor, rawId);
    if (!event || event.createdAt.getTime() !== createdAt.getTime()) return null;
    if (!Number.isInteger(revision) || revision < 1 || revision >= event.revision) return null;
    return this.store.findRevision(event, revision);
  }

  count(actor: Actor, query: EventQuery): Promise<number> {
    requireScope(actor, 'read');
    return this.store.count(query);
  }

  tagKeys(actor: Actor, filter: RawEventFilter | null | undefined, first: unknown): Promise<TagKeyCount[]> {
    requireScope(actor, 'read');
    return this.store.countTagKeys(readEventQuery(filter), readPageSize(first, 'first', this.limits.pageSize));
  }

  tagValues(
    actor: Actor,
    key: unknown,
    filter: RawEventFilter | null | undefined,
    first: unknown,
  ): Promise<TagValueCount[]> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter);
    if (typeof key !== 'string' || key === '') throw new ValidationError('key', 'must be a tag key');
    return this.store.countTagValues(query, key, readPageSize(first, 'first', this.limits.pageSize));
  }

  /** Counts of the matching events per time bucket, by start time, over the filter's window. */
  async histogram(
    actor: Actor,
    filter: RawEventFilter | null | undefined,
    interval: unknown,
  ): Promise<HistogramBucket[]> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter);
    const intervalMs = readInterval(interval);
    const { from, to } = histogramWindow(query, intervalMs);
    // The window selects by start time here; the other conditions of the filter apply as usual.
    const rest = { ...query, from: undefined, to: undefined };
    return histogramBuckets(from, to, intervalMs, await this.store.countByStartTime(rest, from, to, intervalMs));
  }

  /** The histogram of each of the `first` busiest values of a tag key, over the filter's window. */
  async laneHistogram(
    actor: Actor,
    key: unknown,
    filter: RawEventFilter | null | undefined,
    interval: unknown,
    first: unknown,
  ): Promise<LaneHistogram[]> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter);
    if (typeof key !== 'string' || key === '') throw new ValidationError('key', 'must be a tag key');
    const limit = readPageSize(first, 'first', this.limits.pageSize);
    const intervalMs = readInterval(interval);
    const { from, to } = histogramWindow(query, intervalMs);
    const rest = { ...query, from: undefined, to: undefined };
    return laneHistograms(await this.store.countByStartTimeAndValue(rest, key, from, to, intervalMs), limit);
  }

  /** A numbered page (0 is the first) of `size` events, and how many match in all. */
  async listNumberedPage(
    actor: Actor,
    filter: RawEventFilter,
    size: unknown,
    page: unknown,
  ): Promise<{ events: EventRecord[]; total: number }> {
    requireScope(actor, 'read');
    const query = readEventQuery(filter, 'query');
    const limit = readPageSize(size, 'count', this.limits.pageSize);
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 0 || page > LIMITS.pageNumber) {
      throw new ValidationError('page', `must be an integer from 0 to ${LIMITS.pageNumber}`);
    }
    const [events, total] = await Promise.all([
      limit === 0 ? Promise.resolve([]) : this.store.findPage(query, limit, { skip: page * limit }),
      this.store.count(query),
    ]);
    return { events, total };
  }

  /** The event and its causes up to the root: the event first. */
  async trace(actor: Actor, rawId: string): Promise<EventRecord[] | null> {
    const event = await this.get(actor, rawId);
    if (!event) return null;
    return [event, ...(await this.ancestors(actor, event, LIMITS.ancestors, (id) => this.store.findById(id)))];
  }

  /** The children of an event, newest first; null when the event does not exist. */
  async children(actor: Actor, rawId: string): Promise<EventRecord[] | null> {
    const event = await this.get(actor, rawId);
    return event ? this.store.findChildren([event.id], LIMITS.childrenPerRequest) : null;
  }

  async create(actor: Actor, input: RawEventInput): Promise<EventRecord> {
    requireScope(actor, 'write');
    const draft = readDraft(input);
    const event = createEvent(draft.id ?? randomUUID(), draft, this.now(), actor.token);
    requireNamespace(actor, event.tags, 'event.tags');
    await this.requireDeletedInNamespace(actor, event.id, 'event.id');
    await assertNoCycle(event, this.parentLookup);
    await this.store.insert(event);
    return this.announce('CREATED', event);
  }

  /** Creates each valid event; a bad or clashing item fails alone. */
  async createMany(actor: Actor, inputs: readonly RawEventInput[]): Promise<BatchItemResult[]> {
    requireScope(actor, 'write');
    if (inputs.length > this.limits.batchSize) {
      throw new ValidationError('events', `must have at most ${this.limits.batchSize} events per batch`);
    }
    const now = this.now();
    const results: BatchItemResult[] = [];
    const pending: Array<{ index: number; event: EventRecord }> = [];
    const seen = new Set<string>();
    inputs.forEach((input, index) => {
      try {
        const draft = readDraft(input, `events[${index}]`);
        const event = createEvent(draft.id ?? randomUUID(), draft, now, actor.token);
        requireNamespace(actor, event.tags, `events[${index}].tags`);
        if (seen.has(event.id)) throw idTaken(event.id, index, 'appears twice in the batch');
        seen.add(event.id);
        pending.push({ index, event });
      } catch (error) {
        results.push({ index, error: asDomainError(error) });
      }
    });
    for (const item of actor.namespace === null ? [] : [...pending]) {
      try {
        await this.requireDeletedInNamespace(actor, item.event.id, `events[${item.index}].id`);
      } catch (error) {
        results.push({ index: item.index, error: asDomainError(error) });
        pending.splice(pending.indexOf(item), 1);
      }
    }
    const cyclic = await findCycles(
      pending.map(({ event }) => event),
      this.parentLookup,
    );
    const valid = pending.filter(({ index, event }) => {
      if (!cyclic.has(event.id)) return true;
      results.push({
        index,
        error: new ValidationError(`events[${index}].parentId`, 'would make the event its own ancestor'),
      });
      return false;
    });
    const inserted = await this.store.insertMany(valid.map(({ event }) => event));
    valid.forEach(({ index, event }, i) => {
      results.push(
        inserted[i]
          ? { index, event: this.announce('CREATED', event) }
          : { index, error: idTaken(event.id, index, 'already exists') },
      );
    });
    return results.sort((a, b) => a.index - b.index);
  }

  /** replace / update / merge, atomic per event; with upsert a missing event is created. */
  async write(actor: Actor, mode: WriteMode, input: RawEventInput, upsert: boolean): Promise<EventRecord> {
    requireScope(actor, 'write');
    const rule = readWrite(mode, input);
    if (rule.id === undefined) throw new ValidationError('event.id', `is required to ${mode} an event`);
    return this.writeOnce(actor, rule.id, () => rule, upsert);
  }

  /**
   * The event an upsert of this input would create, checked as that write would check it;
   * nothing is stored (the original REST API answers it for a missing event without insert).
   */
  preview(actor: Actor, mode: WriteMode, input: RawEventInput): EventRecord {
    requireScope(actor, 'write');
    const rule = readWrite(mode, input);
    const created = rule.create(rule.id ?? randomUUID(), this.now(), actor.token);
    checkEventLimits(created, 'event');
    requireNamespace(actor, created.tags, 'event.tags');
    return created;
  }

  /**
   * Replaces (or creates) the event with what `decide` makes of its stored version (null:
   * none), under the same lock, revision check and retry as every write: `decide` runs again
   * when another writer changed the event meanwhile, so a caller that joins its news with
   * the stored event (a webhook delivery) never undoes another instance's write.
   */
  async reconcile(
    actor: Actor,
    rawId: string,
    decide: (stored: EventRecord | null) => RawEventInput,
  ): Promise<EventRecord> {
    requireScope(actor, 'write');
    const id = readId(rawId, 'event.id');
    return this.writeOnce(
      actor,
      id,
      (stored) => {
        const rule = readWrite('replace', decide(stored));
        if (rule.id !== id) throw new ValidationError('event.id', `must stay "${id}"`);
        return rule;
      },
      true,
    );
  }

  /** One write under the event's lock, retried until it commits on the version it was computed from. */
  private writeOnce(
    actor: Actor,
    id: string,
    ruleFor: (existing: EventRecord | null) => WriteRule,
    upsert: boolean,
  ): Promise<EventRecord> {
    return this.locks.run(id, () =>
      retryUntilDone(id, async () => {
        const existing = await this.store.findById(id);
        const rule = ruleFor(existing);
        const now = this.now();
        if (!existing) {
          if (!upsert) throw new NotFoundError(id);
          const created = rule.create(id, now, actor.token);
          checkEventLimits(created, 'event');
          requireNamespace(actor, created.tags, 'event.tags');
          await this.requireDeletedInNamespace(actor, id, 'event.id');
          await assertNoCycle(created, this.parentLookup);
          try {
            await this.store.insert(created);
            return this.announce('CREATED', created);
          } catch (error) {
            if (error instanceof ConflictError) return undefined; // created meanwhile: change theirs
            throw error;
          }
        }
        requireNamespace(actor, existing.tags, 'event.id');
        const next = rule.next(existing, now, actor.token);
        checkEventLimits(next, 'event');
        requireNamespace(actor, next.tags, 'event.tags');
        if (sameFields(existing, next)) return existing; // nothing changes: no new revision
        if (next.parentId !== existing.parentId) await assertNoCycle(next, this.parentLookup);
        return (await this.store.commit(existing, next, now)) ? this.announce('UPDATED', next) : undefined;
      }),
    );
  }

  async delete(actor: Actor, rawId: string): Promise<EventRecord> {
    requireScope(actor, 'write');
    const id = readId(rawId, 'id');
    return this.locks.run(id, () =>
      retryUntilDone(id, async () => {
        const existing = await this.store.findById(id);
        if (!existing) throw new NotFoundError(id);
        requireNamespace(actor, existing.tags, 'id');
        return (await this.store.commit(existing, null, this.now())) ? this.announce('DELETED', existing) : undefined;
      }),
    );
  }

  /** Brings a deleted event back as a new revision of itself. */
  async restore(actor: Actor, rawId: string): Promise<EventRecord> {
    requireScope(actor, 'write');
    const id = readId(rawId, 'id');
    return this.locks.run(id, async () => {
      if (await this.store.findById(id))
        throw new ConflictError(`event "${id}" exists; only a deleted event can be restored`, 'id');
      const deleted = await this.store.findDeleted(id);
      if (!deleted) throw new NotFoundError(id);
      requireNamespace(actor, deleted.last.tags, 'id');
      const restored = {
        ...deleted.last,
        revision: deleted.deletedAs + 1,
        updatedAt: this.now(),
        changedBy: actor.token,
      };
      // Its parent may have come to descend from it while it was deleted.
      await assertNoCycle(restored, this.parentLookup, 'id');
      if (!(await this.store.restore(restored))) {
        throw new ConflictError(`event "${id}" was created or restored meanwhile`, 'id');
      }
      return this.announce('CREATED', restored);
    });
  }

  /** How many earlier versions of an event a reader asks for, checked. */
  revisionsLimit(actor: Actor, last: unknown): number {
    requireScope(actor, 'read');
    return readPageSize(last, 'last', LIMITS.revisions);
  }

  /** The chain of causes, parent first, stopping at a missing parent, a loop or `limit`. */
  async ancestors(
    actor: Actor,
    event: EventRecord,
    limit: number,
    load: (id: string) => Promise<EventRecord | null>,
  ): Promise<EventRecord[]> {
    requireScope(actor, 'read');
    if (!Number.isInteger(limit) || limit < 0 || limit > LIMITS.ancestors) {
      throw new ValidationError('limit', `must be an integer from 0 to ${LIMITS.ancestors}`);
    }
    const chain: EventRecord[] = [];
    const seen = new Set([event.id]);
    let parentId = event.parentId;
    while (parentId !== null && chain.length < limit && !seen.has(parentId)) {
      const parent = await load(parentId);
      if (!parent) break;
      chain.push(parent);
      seen.add(parent.id);
      parentId = parent.parentId;
    }
    return chain;
  }

  /** The subtree under an event, one store query per level. */
  async tree(actor: Actor, rawId: string, maxDepth: number): Promise<EventTreeNode | null> {
    requireScope(actor, 'read');
    const id = readId(rawId, 'id');
    if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > LIMITS.treeDepth) {
      throw new ValidationError('maxDepth', `must be an integer from 0 to ${LIMITS.treeDepth}`);
    }
    const rootEvent = await this.store.findById(id);
    if (!rootEvent) return null;
    const root: EventTreeNode = { event: rootEvent, depth: 0, children: [], truncated: false };
    const seen = new Set([id]);
    let level = [root];
    let budget = LIMITS.treeNodes - 1;
    for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
      const byId = new Map(level.map((node) => [node.event.id, node]));
      const next: EventTreeNode[] = [];
      // One more than the budget, so a cut is noticed without loading a huge level.
      for (const child of await this.store.findChildren([...byId.keys()], budget + 1)) {
        const parent = byId.get(child.parentId ?? '');
        if (!parent || seen.has(child.id)) continue;
        if (budget === 0) {
          parent.truncated = true;
          continue;
        }
        budget--;
        seen.add(child.id);
        const node = { event: child, depth, children: [], truncated: false };
        parent.children.push(node);
        next.push(node);
      }
      level = next;
    }
    if (level.length > 0) {
      const withChildren = await this.store.findParentsWithChildren(level.map((node) => node.event.id));
      for (const node of level) if (withChildren.has(node.event.id)) node.truncated = true;
    }
    return root;
  }

  /**
   * A token with a namespace may not take the id of a deleted event it could not have
   * written: the new event would block restoring the old one for good. Tokens without a
   * namespace may write any event, so for them the id is free.
   */
  private async requireDeletedInNamespace(actor: Actor, id: string, field: string): Promise<void> {
    if (actor.namespace === null) return;
    const deleted = await this.store.findDeleted(id);
    if (deleted) requireNamespace(actor, deleted.last.tags, field);
  }

  private readonly parentLookup: ParentLookup = async (ids) => {
    const found = await this.store.findByIds(ids);
    return new Map(found.map((event) => [event.id, event.parentId]));
  };
}

function idTaken(id: string, index: number, why: string): ConflictError {
  return new ConflictError(`event "${id}" ${why}`, `events[${index}].id`);
}

function asDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  throw error;
}
