/** Walking parent links: cycle checks for writes and the ancestor trace for reads. */
import { ValidationError } from './errors';
import { LIMITS } from './limits';

/** Looks up the parent id of each given event id; events not stored are left out. */
export type ParentLookup = (ids: string[]) => Promise<Map<string, string | null>>;

export interface ParentLink {
  id: string;
  parentId: string | null;
}

/**
 * Finds which of `links` would close a cycle: an event that would become its own ancestor.
 * `links` take precedence over the stored parents (they are about to replace them). All
 * chains are walked together, one store lookup per level.
 */
export async function findCycles(links: readonly ParentLink[], lookup: ParentLookup): Promise<Set<string>> {
  const known = new Map<string, string | null>(links.map((link) => [link.id, link.parentId]));
  const cursors = new Map<string, string>();
  for (const link of links) if (link.parentId !== null) cursors.set(link.id, link.parentId);
  const cyclic = new Set<string>();
  for (let step = 0; step < LIMITS.ancestors && cursors.size > 0; step++) {
    for (const [id, at] of cursors) {
      if (at === id) {
        cyclic.add(id);
        cursors.delete(id);
      }
    }
    const unknown = [...new Set(cursors.values())].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const found = await lookup(unknown);
      for (const id of unknown) known.set(id, found.get(id) ?? null);
    }
    for (const [id, at] of cursors) {
      const next = known.get(at) ?? null;
      if (next === null) cursors.delete(id);
      else cursors.set(id, next);
    }
  }
  return cyclic;
}

export async function assertNoCycle(link: ParentLink, lookup: ParentLookup): Promise<void> {
  if (link.parentId === null) return;
  if ((await findCycles([link], lookup)).size > 0) {
    throw new ValidationError(
      'event.parentId',
      `"${link.parentId}" descends from "${link.id}": it would be its own ancestor`,
    );
  }
}
