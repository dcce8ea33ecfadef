/**
 * Per-request DataLoaders: every parent, children or revisions lookup made while one
 * request resolves is gathered into one store query per kind. Built in the GraphQL
 * context factory for each request, never shared, so no data leaks between requests.
 */
import DataLoader from 'dataloader';
import type { EventRecord } from '../domain/event';
import type { EventStore } from '../domain/event-store';
import { LIMITS } from '../domain/limits';

export interface Loaders {
  eventById: DataLoader<string, EventRecord | null>;
  childrenByParentId: DataLoader<string, EventRecord[]>;
  /** An event's `last` most recent earlier versions. */
  revisionsOf: DataLoader<{ event: EventRecord; last: number }, EventRecord[], string>;
}

/**
 * `cache: false` for long-lived operations (subscriptions), whose lookups must see the
 * store as it is at each change; batching within one change still applies.
 */
export function createLoaders(store: EventStore, { cache = true }: { cache?: boolean } = {}): Loaders {
  return {
    eventById: new DataLoader(
      async (ids) => {
        const found = new Map((await store.findByIds(ids)).map((event) => [event.id, event]));
        return ids.map((id) => found.get(id) ?? null);
      },
      { cache },
    ),
    childrenByParentId: new DataLoader(
      async (parentIds) => {
        const byParent = new Map<string, EventRecord[]>(parentIds.map((id) => [id, []]));
        for (const child of await store.findChildren(parentIds, LIMITS.childrenPerRequest)) {
          byParent.get(child.parentId ?? '')?.push(child);
        }
        return parentIds.map((id) => byParent.get(id) ?? []);
      },
      { cache },
    ),
    revisionsOf: new DataLoader(
      async (keys) => {
        // One store query per distinct `last` (a request usually asks one).
        const found = new Map<(typeof keys)[number], EventRecord[]>();
        for (const last of new Set(keys.map((key) => key.last))) {
          const group = keys.filter((key) => key.last === last && key.event.revision > 1 && last > 0);
          const versions = await store.findRevisions(
            group.map((key) => key.event),
            last,
          );
          group.forEach((key, i) => found.set(key, versions[i] ?? []));
        }
        return keys.map((key) => found.get(key) ?? []);
      },
      { cache, cacheKeyFn: ({ event, last }) => `${event.id}\u0000${event.revision}\u0000${last}` },
    ),
  };
}
