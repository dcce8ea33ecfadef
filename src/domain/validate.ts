/**
 * Turns untrusted input into validated domain values. Every transport (GraphQL scalars and
 * inputs, REST bodies, the CLI) goes through these, so a rule is written once.
 */
import { ValidationError } from './errors';
import { emptyMap, type EventDraft, type EventFields, type TagMap, type UrlMap } from './event';
import { LIMITS } from './limits';
import { checkTimeOrder, parseEventTime } from './time';

/** The shape of an event input before validation; every field may be anything. */
export interface RawEventInput {
  id?: unknown;
  parentId?: unknown;
  sourceId?: unknown;
  startTime?: unknown;
  endTime?: unknown;
  description?: unknown;
  detailUrls?: unknown;
  tags?: unknown;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function length(text: string): number {
  let count = 0;
  for (const _ of text) count++; // code points, so an emoji counts once
  return count;
}

function readText(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  // A lone surrogate cannot be stored as UTF-8: it would come back as another string.
  if (LONE_SURROGATE.test(value)) throw new ValidationError(field, 'must be valid Unicode (no lone surrogates)');
  const n = length(value);
  if (n < min) throw new ValidationError(field, 'must not be empty');
  if (n > max) throw new ValidationError(field, `must be at most ${max} characters`);
  return value;
}

/** An event id: 1..100 characters, not blank, no control characters. */
export function readId(value: unknown, field: string): string {
  const id = readText(value, field, 1, LIMITS.idLength);
  if (id.trim() === '') throw new ValidationError(field, 'must not be blank');
  if (CONTROL_CHARACTERS.test(id)) throw new ValidationError(field, 'must not contain control characters');
  return id;
}

/** The id an event has in the system that reported it: 1..200 characters, no control characters. */
export function readSourceId(value: unknown, field: string): string {
  const id = readText(value, field, 1, LIMITS.sourceIdLength);
  if (CONTROL_CHARACTERS.test(id)) throw new ValidationError(field, 'must not contain control characters');
  return id;
}

export function readDescription(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  if (LONE_SURROGATE.test(value)) throw new ValidationError(field, 'must be valid Unicode (no lone surrogates)');
  if (Buffer.byteLength(value, 'utf8') > LIMITS.descriptionBytes) {
    throw new ValidationError(field, `must be at most ${LIMITS.descriptionBytes} bytes (UTF-8)`);
  }
  return value;
}

export function readObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(field, 'must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * A JSON Merge Patch (RFC 7386) of a map, as updateEvent takes it: a given key gets the
 * given value, a null removes the key, keys not given are kept.
 */
export type MapPatch<V> = Record<string, V | null>;

/** What a JSON object input of name → value becomes, each entry read by `readEntry`. */
function readMap<V>(
  value: unknown,
  field: string,
  shape: { maxKeys: number; maxKeyLength: number; key: string; keys: string },
  readEntry: (value: unknown, at: string) => V,
): Record<string, V> {
  const input = readObject(value, field);
  const keys = Object.keys(input);
  if (keys.length > shape.maxKeys) throw new ValidationError(field, `must have at most ${shape.maxKeys} ${shape.keys}`);
  const map = emptyMap<V>();
  for (const key of keys) {
    readText(key, `${field} ${shape.key} "${key}"`, 1, shape.maxKeyLength);
    map[key] = readEntry(input[key], `${field}.${key}`);
  }
  return map;
}

const tagShape = (maxKeys: number) => ({ maxKeys, maxKeyLength: LIMITS.tagKeyLength, key: 'key', keys: 'keys' });
const urlShape = (maxKeys: number) => ({
  maxKeys,
  maxKeyLength: LIMITS.detailUrlNameLength,
  key: 'name',
  keys: 'entries',
});

/** A tag's values: a non-empty list of distinct strings. */
function readTagValues(values: unknown, at: string, orElse = ''): string[] {
  if (!Array.isArray(values)) throw new ValidationError(at, `must be a list of strings${orElse}`);
  if (values.length === 0) throw new ValidationError(at, 'must have at least one value');
  const seen = new Set<string>();
  for (const item of values) {
    const text = readText(item, at, 1, LIMITS.tagValueLength);
    if (seen.has(text)) throw new ValidationError(at, `must not repeat the value "${text}"`);
    seen.add(text);
  }
  return [...seen];
}

/** Tags: key → non-empty list of distinct strings (SPEC §1). */
export function readTagMap(value: unknown, field: string): TagMap {
  const tags = readMap(value, field, tagShape(LIMITS.tagKeys), readTagValues);
  checkTagLimits(tags, field);
  return tags;
}

/**
 * A patch of tags: a key with values replaces that key's values, a key with null or []
 * removes it. It may name every stored key and as many new ones, hence twice the limit;
 * what it leaves is held to the tag limits when it is applied.
 */
export function readTagPatch(value: unknown, field: string): MapPatch<string[]> {
  return readMap(value, field, tagShape(2 * LIMITS.tagKeys), (values, at) =>
    values === null || (Array.isArray(values) && values.length === 0)
      ? null
      : readTagValues(values, at, ', or null or [] to remove the key'),
  );
}

/** The limits a tag map must keep, also after a merge has united two of them. */
export function checkTagLimits(tags: TagMap, field: string): void {
  const keys = Object.keys(tags);
  if (keys.length > LIMITS.tagKeys) throw new ValidationError(field, `must have at most ${LIMITS.tagKeys} keys`);
  for (const key of keys) {
    if ((tags[key]?.length ?? 0) > LIMITS.tagValuesPerKey) {
      throw new ValidationError(`${field}.${key}`, `must have at most ${LIMITS.tagValuesPerKey} values`);
    }
  }
}

/**
 * The size limits of an event as it would be stored: a merge appends descriptions and
 * overlays detail URLs and tags, so each write checks its result, not only its input.
 */
export function checkEventLimits(event: Pick<EventFields, 'description' | 'detailUrls' | 'tags'>, field: string): void {
  checkTagLimits(event.tags, `${field}.tags`);
  if (Buffer.byteLength(event.description, 'utf8') > LIMITS.descriptionBytes) {
    throw new ValidationError(
      `${field}.description`,
      `must be at most ${LIMITS.descriptionBytes} bytes (UTF-8) as stored, after the change`,
    );
  }
  if (Object.keys(event.detailUrls).length > LIMITS.detailUrls) {
    throw new ValidationError(
      `${field}.detailUrls`,
      `must have at most ${LIMITS.detailUrls} entries as stored, after the change`,
    );
  }
}

/** Detail URLs: name → URL string. Odd URLs are kept as given (the seed has "http//graphite"). */
export function readUrlMap(value: unknown, field: string): UrlMap {
  return readMap(value, field, urlShape(LIMITS.detailUrls), readUrl);
}

function readUrl(value: unknown, at: string): string {
  return readText(value, at, 1, LIMITS.detailUrlLength);
}

/** A patch of detail URLs: a name with a URL sets it, a name with null removes it. */
export function readUrlPatch(value: unknown, field: string): MapPatch<string> {
  return readMap(value, field, urlShape(2 * LIMITS.detailUrls), (url, at) => {
    if (url === null) return null;
    if (typeof url !== 'string') throw new ValidationError(at, 'must be a URL string, or null to remove the name');
    return readUrl(url, at);
  });
}

/**
 * Validates an event input. A null clears a field to its default (no parent, empty
 * description and maps); a null or absent time counts as not given.
 */
export function readDraft(input: RawEventInput, field = 'event'): EventDraft {
  const draft: EventDraft = {};
  if (input.id != null) draft.id = readId(input.id, `${field}.id`);
  if (input.parentId !== undefined) {
    draft.parentId = input.parentId === null ? null : readId(input.parentId, `${field}.parentId`);
  }
  if (input.sourceId !== undefined) {
    draft.sourceId = input.sourceId === null ? null : readSourceId(input.sourceId, `${field}.sourceId`);
  }
  if (input.startTime != null) draft.startTime = parseEventTime(input.startTime, `${field}.startTime`);
  if (input.endTime != null) draft.endTime = parseEventTime(input.endTime, `${field}.endTime`);
  if (input.description !== undefined) {
    draft.description = input.description === null ? '' : readDescription(input.description, `${field}.description`);
  }
  if (input.detailUrls !== undefined) {
    draft.detailUrls = input.detailUrls === null ? emptyMap() : readUrlMap(input.detailUrls, `${field}.detailUrls`);
  }
  if (input.tags !== undefined) {
    draft.tags = input.tags === null ? emptyMap() : readTagMap(input.tags, `${field}.tags`);
  }
  if (draft.id !== undefined && draft.parentId === draft.id) {
    throw new ValidationError(`${field}.parentId`, "must not be the event's own id");
  }
  if (draft.startTime && draft.endTime) checkTimeOrder(draft.startTime, draft.endTime, `${field}.startTime`);
  return draft;
}

/**
 * What updateEvent was given, validated: the fields of a draft, with the maps as JSON Merge
 * Patches (RFC 7386): null for a whole map removes every entry.
 */
export interface EventPatch extends Omit<EventDraft, 'tags' | 'detailUrls'> {
  tags?: MapPatch<string[]> | null;
  detailUrls?: MapPatch<string> | null;
}

/** Validates the input of updateEvent: fields as readDraft reads them, the maps as patches. */
export function readEventPatch(input: RawEventInput, field = 'event'): EventPatch {
  const { tags, detailUrls, ...fields } = input;
  const patch: EventPatch = readDraft(fields, field);
  if (tags !== undefined) patch.tags = tags === null ? null : readTagPatch(tags, `${field}.tags`);
  if (detailUrls !== undefined) {
    patch.detailUrls = detailUrls === null ? null : readUrlPatch(detailUrls, `${field}.detailUrls`);
  }
  return patch;
}
