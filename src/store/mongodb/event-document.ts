/**
 * How an event is stored. Tag keys and detail-URL names are user text (dots, a leading
 * "$", anything), so they are never used as field names: maps are stored as ordered
 * lists of pairs, and `tagIndex` holds one string per key/value pair for equality and
 * multikey-index lookups.
 */
import { emptyMap, type EventRecord, type TagMap } from '../../domain/event';

export interface EventDocument {
  _id: string;
  parentId: string | null;
  sourceId: string | null;
  startTime: Date;
  endTime: Date;
  description: string;
  detailUrls: Array<{ name: string; url: string }>;
  tags: Array<{ key: string; values: string[] }>;
  tagIndex: string[];
  createdAt: Date;
  updatedAt: Date;
  revision: number;
  changedBy?: string | null;
}

/** One key/value pair as a single string that no other pair can produce. */
export function tagPair(key: string, value: string): string {
  return JSON.stringify([key, value]);
}

export function tagPairs(tags: TagMap): string[] {
  return Object.entries(tags).flatMap(([key, values]) => values.map((value) => tagPair(key, value)));
}

export function toDocument(event: EventRecord): EventDocument {
  return {
    _id: event.id,
    parentId: event.parentId,
    sourceId: event.sourceId,
    startTime: event.startTime,
    endTime: event.endTime,
    description: event.description,
    detailUrls: Object.entries(event.detailUrls).map(([name, url]) => ({ name, url })),
    tags: Object.entries(event.tags).map(([key, values]) => ({ key, values })),
    tagIndex: tagPairs(event.tags),
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    revision: event.revision,
    changedBy: event.changedBy,
  };
}

/** Reads a stored document back, checking its shape: the store is not trusted blindly. */
export function fromDocument(doc: unknown): EventRecord {
  const d = doc as Partial<EventDocument> | null;
  const malformed = (what: string) => new Error(`stored event ${JSON.stringify(d?._id)} is malformed: ${what}`);
  if (!d || typeof d._id !== 'string') throw malformed('_id');
  if (!(d.startTime instanceof Date) || !(d.endTime instanceof Date)) throw malformed('times');
  if (!(d.createdAt instanceof Date) || !(d.updatedAt instanceof Date)) throw malformed('createdAt/updatedAt');
  if (typeof d.revision !== 'number') throw malformed('revision');
  if (!Array.isArray(d.tags) || !Array.isArray(d.detailUrls)) throw malformed('tags/detailUrls');
  const tags = emptyMap<string[]>();
  for (const { key, values } of d.tags) tags[key] = [...values];
  const detailUrls = emptyMap<string>();
  for (const { name, url } of d.detailUrls) detailUrls[name] = url;
  return {
    id: d._id,
    parentId: d.parentId ?? null,
    sourceId: d.sourceId ?? null,
    startTime: d.startTime,
    endTime: d.endTime,
    description: d.description ?? '',
    detailUrls,
    tags,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    revision: d.revision,
    changedBy: d.changedBy ?? null,
  };
}
