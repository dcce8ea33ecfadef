/**
 * Changing events: create (one or a batch), replace / update / merge (optionally upserting),
 * reconcile (a caller's join with the stored version), delete and restore. Each change is
 * checked (scope, input, limits, namespace, no cycle of causes), committed through the
 * WriteProtocol, and announced once the store has acknowledged it.
 */
import { randomUUID } from 'node:crypto';
import { requireNamespace, requireScope, type Actor } from './access';
import { assertNoCycle, findCycles, type ParentLookup } from './ancestry';
import { ConflictError, DomainError, NotFoundError, ValidationError } from './errors';
import type { EventRecord } from './event';
import type { EventChanges } from './event-changes';
import type { EventStore } from './event-store';
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
import { LOST_RACE, WriteProtocol } from './write-protocol';

export type WriteMode = 'replace' | 'update' | 'merge';

/** The outcome of one item of a batch, at its input index. */
export type BatchItemResult = { index: number; event: EventRecord } | { index: number; error: DomainError };

export interface BatchResult {
  results: BatchItemResult[];
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

export class EventWrites {
  private readonly protocol = new WriteProtocol();

  constructor(
    private readonly store: EventStore,
    private readonly changes: EventChanges,
    private readonly options: { batchSize: number; now: () => Date },
  ) {}

  async create(actor: Actor, input: RawEventInput): Promise<EventRecord> {
    requireScope(actor, 'write');
    const draft = readDraft(input);
    const event = createEvent(draft.id ?? randomUUID(), draft, this.options.now(), actor.token);
    requireNamespace(actor, event.tags, 'event.tags');
    await this.requireDeletedInNamespace(actor, event.id, 'event.id');
    await assertNoCycle(event, this.parentLookup);
    await this.store.insert(event);
    return this.changes.announce('CREATED', event);
  }

  /** Creates each valid event; a bad or clashing item fails alone. */
  async createMany(actor: Actor, inputs: readonly RawEventInput[]): Promise<BatchItemResult[]> {
    requireScope(actor, 'write');
    const { batchSize } = this.options;
    if (inputs.length > batchSize) throw new ValidationError('events', `must have at most ${batchSize} events per batch`);
    const now = this.options.now();
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
          ? { index, event: this.changes.announce('CREATED', event) }
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
    return this.change(actor, rule.id, () => rule, upsert);
  }

  /**
   * The event an upsert of this input would create, checked as that write would check it;
   * nothing is stored (the original REST API answers it for a missing event without insert).
   */
  preview(actor: Actor, mode: WriteMode, input: RawEventInput): EventRecord {
    requireScope(actor, 'write');
    const rule = readWrite(mode, input);
    const created = rule.create(rule.id ?? randomUUID(), this.options.now(), actor.token);
    checkEventLimits(created, 'event');
    requireNamespace(actor, created.tags, 'event.tags');
    return created;
  }

  /**
   * Replaces (or creates) the event with what `decide` makes of its stored version (null:
   * none), under the same protocol as every write: `decide` runs again when another writer
   * changed the event meanwhile, so a caller that joins its news with the stored event (a
   * webhook delivery) never undoes another instance's write.
   */
  async reconcile(
    actor: Actor,
    rawId: string,
    decide: (stored: EventRecord | null) => RawEventInput,
  ): Promise<EventRecord> {
    requireScope(actor, 'write');
    const id = readId(rawId, 'event.id');
    const ruleFor = (stored: EventRecord | null) => {
      const rule = readWrite('replace', decide(stored));
      if (rule.id !== id) throw new ValidationError('event.id', `must stay "${id}"`);
      return rule;
    };
    return this.change(actor, id, ruleFor, true);
  }

  async delete(actor: Actor, rawId: string): Promise<EventRecord> {
    requireScope(actor, 'write');
    const id = readId(rawId, 'id');
    return this.protocol.commit(id, async () => {
      const existing = await this.store.findById(id);
      if (!existing) throw new NotFoundError(id);
      requireNamespace(actor, existing.tags, 'id');
      if (!(await this.store.commit(existing, null, this.options.now()))) return LOST_RACE;
      return this.changes.announce('DELETED', existing);
    });
  }

  /** Brings a deleted event back as a new revision of itself. */
  async restore(actor: Actor, rawId: string): Promise<EventRecord> {
    requireScope(actor, 'write');
    const id = readId(rawId, 'id');
    return this.protocol.exclusive(id, async () => {
      if (await this.store.findById(id))
        throw new ConflictError(`event "${id}" exists; only a deleted event can be restored`, 'id');
      const deleted = await this.store.findDeleted(id);
      if (!deleted) throw new NotFoundError(id);
      requireNamespace(actor, deleted.last.tags, 'id');
      const restored = {
        ...deleted.last,
        revision: deleted.deletedAs + 1,
        updatedAt: this.options.now(),
        changedBy: actor.token,
      };
      // Its parent may have come to descend from it while it was deleted.
      await assertNoCycle(restored, this.parentLookup, 'id');
      if (!(await this.store.restore(restored))) {
        throw new ConflictError(`event "${id}" was created or restored meanwhile`, 'id');
      }
      return this.changes.announce('CREATED', restored);
    });
  }

  /** One change of one event, computed from its stored version and committed on that version. */
  private change(
    actor: Actor,
    id: string,
    ruleFor: (existing: EventRecord | null) => WriteRule,
    upsert: boolean,
  ): Promise<EventRecord> {
    return this.protocol.commit(id, async () => {
      const existing = await this.store.findById(id);
      const rule = ruleFor(existing);
      const now = this.options.now();
      if (!existing) {
        if (!upsert) throw new NotFoundError(id);
        const created = rule.create(id, now, actor.token);
        checkEventLimits(created, 'event');
        requireNamespace(actor, created.tags, 'event.tags');
        await this.requireDeletedInNamespace(actor, id, 'event.id');
        await assertNoCycle(created, this.parentLookup);
        try {
          await this.store.insert(created);
        } catch (error) {
          if (error instanceof ConflictError) return LOST_RACE; // created meanwhile: change theirs
          throw error;
        }
        return this.changes.announce('CREATED', created);
      }
      requireNamespace(actor, existing.tags, 'event.id');
      const next = rule.next(existing, now, actor.token);
      checkEventLimits(next, 'event');
      requireNamespace(actor, next.tags, 'event.tags');
      if (sameFields(existing, next)) return existing; // nothing changes: no new revision
      if (next.parentId !== existing.parentId) await assertNoCycle(next, this.parentLookup);
      if (!(await this.store.commit(existing, next, now))) return LOST_RACE;
      return this.changes.announce('UPDATED', next);
    });
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
