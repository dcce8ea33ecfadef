/** Walking the causes of events: an event's ancestors up to the root, its children, its subtree. */
import { requireScope, type Actor } from './access';
import { ValidationError } from './errors';
import type { EventRecord } from './event';
import type { EventStore } from './event-store';
import { LIMITS } from './limits';
import { readId } from './validate';

export interface EventTreeNode {
  event: EventRecord;
  depth: number;
  children: EventTreeNode[];
  truncated: boolean;
}

function readBound(value: number, field: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ValidationError(field, `must be an integer from 0 to ${max}`);
  }
  return value;
}

export class EventGraph {
  constructor(private readonly store: EventStore) {}

  /** The event and its causes up to the root: the event first; null when the event does not exist. */
  async trace(actor: Actor, rawId: string): Promise<EventRecord[] | null> {
    requireScope(actor, 'read');
    const event = await this.store.findById(readId(rawId, 'id'));
    if (!event) return null;
    return [event, ...(await this.ancestors(actor, event, LIMITS.ancestors, (id) => this.store.findById(id)))];
  }

  /** The children of an event, newest first; null when the event does not exist. */
  async children(actor: Actor, rawId: string): Promise<EventRecord[] | null> {
    requireScope(actor, 'read');
    const event = await this.store.findById(readId(rawId, 'id'));
    return event ? this.store.findChildren([event.id], LIMITS.childrenPerRequest) : null;
  }

  /** The chain of causes, parent first, stopping at a missing parent, a loop or `limit`. */
  async ancestors(
    actor: Actor,
    event: EventRecord,
    limit: number,
    load: (id: string) => Promise<EventRecord | null>,
  ): Promise<EventRecord[]> {
    requireScope(actor, 'read');
    readBound(limit, 'limit', LIMITS.ancestors);
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

  /** The subtree under an event, one store query per level, at most LIMITS.treeNodes nodes. */
  async tree(actor: Actor, rawId: string, maxDepth: number): Promise<EventTreeNode | null> {
    requireScope(actor, 'read');
    const id = readId(rawId, 'id');
    readBound(maxDepth, 'maxDepth', LIMITS.treeDepth);
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
}
