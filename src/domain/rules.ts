/**
 * The write rules of SPEC §1–2 as pure functions: given the stored event (if any), the
 * validated input and the current time, they return the next version of the event.
 */
import { ConflictError } from './errors';
import { emptyMap, type EventDraft, type EventFields, type EventRecord, type TagMap } from './event';
import { checkTimeOrder } from './time';
import { checkTagLimits, type EventPatch, type MapPatch } from './validate';

/** No time given → both now; one given → both it; start after end → error. */
export function resolveTimes(draft: EventDraft, now: Date): { startTime: Date; endTime: Date } {
  const startTime = draft.startTime ?? draft.endTime ?? now;
  const endTime = draft.endTime ?? draft.startTime ?? now;
  checkTimeOrder(startTime, endTime, 'event.startTime');
  return { startTime, endTime };
}

function fieldsFromDraft(id: string, draft: EventDraft, now: Date): EventFields {
  return {
    id,
    parentId: draft.parentId ?? null,
    sourceId: draft.sourceId ?? null,
    ...resolveTimes(draft, now),
    description: draft.description ?? '',
    detailUrls: draft.detailUrls ?? emptyMap(),
    tags: draft.tags ?? emptyMap(),
  };
}

/** Who made a change: a token's name, or null for an anonymous caller. */
type ChangedBy = string | null;

function nextVersion(existing: EventRecord, fields: EventFields, now: Date, by: ChangedBy): EventRecord {
  return {
    ...fields,
    id: existing.id,
    createdAt: existing.createdAt,
    updatedAt: now,
    revision: existing.revision + 1,
    changedBy: by,
  };
}

/** A new event at revision 1. */
export function createEvent(id: string, draft: EventDraft, now: Date, by: ChangedBy = null): EventRecord {
  return { ...fieldsFromDraft(id, draft, now), createdAt: now, updatedAt: now, revision: 1, changedBy: by };
}

/** The stored event becomes exactly the input; id and createdAt are kept. */
export function replaceEvent(existing: EventRecord, draft: EventDraft, now: Date, by: ChangedBy = null): EventRecord {
  return nextVersion(existing, fieldsFromDraft(existing.id, draft, now), now, by);
}

/**
 * Given fields overwrite, the others are kept; the maps are JSON Merge Patches (RFC 7386):
 * a given tag key or detail-URL name is replaced, a null removes it, the others are kept.
 */
export function updateEvent(existing: EventRecord, patch: EventPatch, now: Date, by: ChangedBy = null): EventRecord {
  const next = nextVersion(
    existing,
    {
      id: existing.id,
      parentId: patch.parentId !== undefined ? patch.parentId : existing.parentId,
      sourceId: patch.sourceId !== undefined ? patch.sourceId : existing.sourceId,
      startTime: patch.startTime ?? existing.startTime,
      endTime: patch.endTime ?? existing.endTime,
      description: patch.description ?? existing.description,
      detailUrls: applyMapPatch(existing.detailUrls, patch.detailUrls),
      tags: applyMapPatch(existing.tags, patch.tags),
    },
    now,
    by,
  );
  checkTimeOrder(next.startTime, next.endTime, 'event.startTime');
  return next;
}

/** An update of nothing (an upsert): the patch applied to an empty event. */
export function createPatched(id: string, patch: EventPatch, now: Date, by: ChangedBy = null): EventRecord {
  return createEvent(
    id,
    { ...patch, detailUrls: applyMapPatch(emptyMap(), patch.detailUrls), tags: applyMapPatch(emptyMap(), patch.tags) },
    now,
    by,
  );
}

/**
 * RFC 7386 on a map: a given key takes its value (in its place when it exists, else at the
 * end), a null removes it, keys not given are kept; a null patch removes every key.
 */
export function applyMapPatch<V>(
  existing: Record<string, V>,
  patch: MapPatch<V> | null | undefined,
): Record<string, V> {
  if (patch === undefined) return existing;
  const next = emptyMap<V>();
  if (patch === null) return next;
  Object.assign(next, existing);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The merge rules bots rely on (SPEC §2). */
export function mergeEvent(existing: EventRecord, draft: EventDraft, now: Date, by: ChangedBy = null): EventRecord {
  const given = (draft.startTime ?? draft.endTime) ? resolveTimes(draft, now) : undefined;
  const tags = mergeTags(existing.tags, draft.tags ?? emptyMap());
  checkTagLimits(tags, 'event.tags');
  return nextVersion(
    existing,
    {
      id: existing.id,
      parentId: mergeReference(existing, 'parentId', draft.parentId),
      sourceId: mergeReference(existing, 'sourceId', draft.sourceId),
      startTime: given && given.startTime < existing.startTime ? given.startTime : existing.startTime,
      endTime: given && given.endTime > existing.endTime ? given.endTime : existing.endTime,
      description: mergeDescription(existing.description, draft.description ?? ''),
      detailUrls: Object.assign(emptyMap<string>(), existing.detailUrls, draft.detailUrls),
      tags,
    },
    now,
    by,
  );
}

/** Union per key, existing order first, no duplicates. */
export function mergeTags(existing: TagMap, added: TagMap): TagMap {
  const merged = emptyMap<string[]>();
  for (const [key, values] of Object.entries(existing)) merged[key] = [...values];
  for (const [key, values] of Object.entries(added)) {
    const into = (merged[key] ??= []);
    for (const value of values) if (!into.includes(value)) into.push(value);
  }
  return merged;
}

/** The new text, trimmed, goes after a newline unless it is empty or already there. */
export function mergeDescription(existing: string, added: string): string {
  const text = added.trim();
  if (text === '' || existing.includes(text)) return existing;
  return existing === '' ? text : `${existing}\n${text}`;
}

/** A reference (parent, source) is set when there is none; a different one is a conflict. */
function mergeReference(
  existing: EventRecord,
  field: 'parentId' | 'sourceId',
  given: string | null | undefined,
): string | null {
  const stored = existing[field];
  if (given == null || given === stored) return stored;
  if (stored === null) return given;
  throw new ConflictError(
    `event "${existing.id}" already has ${field} "${stored}"; a merge cannot change it to "${given}"`,
    `event.${field}`,
  );
}

/** True when two versions carry the same user-visible fields, so a write would change nothing. */
export function sameFields(a: EventFields, b: EventFields): boolean {
  return (
    a.id === b.id &&
    a.parentId === b.parentId &&
    a.sourceId === b.sourceId &&
    a.startTime.getTime() === b.startTime.getTime() &&
    a.endTime.getTime() === b.endTime.getTime() &&
    a.description === b.description &&
    JSON.stringify(a.detailUrls) === JSON.stringify(b.detailUrls) &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags)
  );
}
