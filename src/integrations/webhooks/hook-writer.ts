/**
 * Records mapped deliveries through the EventService: each event's stored version is joined
 * with the delivery (hook-event.ts) and written back whole, which the service skips when
 * nothing changed. The service's `reconcile` joins again when another writer (another
 * instance, another delivery) changed the event meanwhile, so no delivery undoes another.
 */
import type { Actor } from '../../domain/access';
import type { EventService } from '../../domain/event-service';
import { LIMITS } from '../../domain/limits';
import { joinDelivery, type HookEvent } from './hook-event';

/** The links of one delivery that are looked up as its parent, first ones first. */
const LINKS_LOOKED_UP = 20;

export interface RecordedEvent {
  id: string;
  revision: number;
  /** False when the delivery had been recorded before. */
  changed: boolean;
}

export class HookWriter {
  constructor(
    private readonly events: EventService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records the events in order (parents first). */
  async record(actor: Actor, hooks: readonly HookEvent[]): Promise<RecordedEvent[]> {
    const recorded: RecordedEvent[] = [];
    for (const hook of hooks) recorded.push(await this.recordOne(actor, hook));
    return recorded;
  }

  private async recordOne(actor: Actor, hook: HookEvent): Promise<RecordedEvent> {
    const stored = await this.events.queries.get(actor, hook.id);
    const parentId = hook.parentId ?? (stored?.parentId ? undefined : await this.linkedParent(actor, hook));
    let joinedRevision: number | undefined;
    const written = await this.events.writes.reconcile(actor, hook.id, (current) => {
      joinedRevision = current?.revision;
      return joinDelivery(current, { ...hook, parentId }, this.now());
    });
    return { id: written.id, revision: written.revision, changed: written.revision !== joinedRevision };
  }

  /** The first recorded event, other than this one, carrying one of the linked tag values. */
  private async linkedParent(actor: Actor, hook: HookEvent): Promise<string | undefined> {
    const from = hook.parentFrom;
    if (!from) return undefined;
    // A value too long to be a tag was never recorded as one; one delivery's links cost a
    // bounded number of reads however many it lists.
    const values = from.values.filter((text) => [...text].length <= LIMITS.tagValueLength).slice(0, LINKS_LOOKED_UP);
    for (const value of values) {
      const page = await this.events.queries.list(actor, { tags: { [from.tag]: [value] } }, { first: 2 });
      const found = page.events.find((event) => event.id !== hook.id);
      if (found) return found.id;
    }
    return undefined;
  }
}
