/** Walking parent links: cycle checks for writes and the ancestor trace for reads. */
import { ValidationError } from './errors';

/** Looks up the parent id of each given event id; events not stored are left out. */
export type ParentLookup = (ids: string[]) => Promise<Map<string, string | null>>;

export interface ParentLink {
  id: string;
  parentId: string | null;
}

/**
 * Finds which of `links` would close a cycle: an event that would become its own ancestor.
 * `links` take precedence over the stored parents (they are about to replace them). All
 * chains are walked together, one store lookup per level, to their ends however long they
 * are; a chain that runs into a loop of other events (stored before this rule held) ends
 * there, as it cannot reach the event.
 */
export async function findCycles(links: readonly ParentLink[], lookup: ParentLookup): Promise<Set<string>> {
  const known = new Map<string, string | null>(links.map((link) => [link.id, link.parentId]));
  const cursors = new Map<string, string>();
  const visited = new Map<string, Set<string>>();
  for (const link of links) {
    if (link.parentId === null) continue;
    cursors.set(link.id, link.parentId);
    visited.set(link.id, new Set());
  }
  const cyclic = new Set<string>();
  while (cursors.size > 0) {
    for (const [id, at] of cursors) {
      const seen = visited.get(id) as Set<string>;
      if (at === id) cyclic.add(id);
      if (at === id || seen.has(at)) cursors.delete(id);
      else seen.add(at);
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

export async function assertNoCycle(link: ParentLink, lookup: ParentLookup, field = 'event.parentId'): Promise<void> {
  if (link.parentId === null) return;
  if ((await findCycles([link], lookup)).size > 0) {
    throw new ValidationError(field, `"${link.parentId}" descends from "${link.id}": it would be its own ancestor`);
  }
}
