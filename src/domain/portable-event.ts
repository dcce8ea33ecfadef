/**
 * An event as JSON outside the process: the embedded store's rows and the live feed
 * between instances. Times are epoch milliseconds; maps are lists of pairs, so that
 * user-chosen keys (`__proto__` included) are data, never property names, and keep
 * their order. What is read back is checked, not trusted.
 */
import { emptyMap, type EventRecord } from './event';

interface PortableEvent {
  id: string;
  parentId: string | null;
  sourceId: string | null;
  startTime: number;
  endTime: number;
  description: string;
  detailUrls: Array<[string, string]>;
  tags: Array<[string, string[]]>;
  createdAt: number;
  updatedAt: number;
  revision: number;
  changedBy: string | null;
}

export function encodeEvent(event: EventRecord): string {
  const portable: PortableEvent = {
    id: event.id,
    parentId: event.parentId,
    sourceId: event.sourceId,
    startTime: event.startTime.getTime(),
    endTime: event.endTime.getTime(),
    description: event.description,
    detailUrls: Object.entries(event.detailUrls),
    tags: Object.entries(event.tags),
    createdAt: event.createdAt.getTime(),
    updatedAt: event.updatedAt.getTime(),
    revision: event.revision,
    changedBy: event.changedBy,
  };
  return JSON.stringify(portable);
}

/** Reads an encoded event back, checking its shape; `from` names where it came from in errors. */
export function decodeEvent(json: string, from = 'stored'): EventRecord {
  return readPortableEvent(JSON.parse(json), from);
}

/** An encoded event already parsed from JSON (inside a larger message), checked. */
export function readPortableEvent(value: unknown, from: string): EventRecord {
  const d = value as Partial<PortableEvent> | null;
  const malformed = (what: string) => new Error(`${from} event ${JSON.stringify(d?.id)} is malformed: ${what}`);
  if (!d || typeof d.id !== 'string') throw malformed('id');
  for (const field of ['startTime', 'endTime', 'createdAt', 'updatedAt', 'revision'] as const) {
    if (typeof d[field] !== 'number') throw malformed(field);
  }
  if (!Array.isArray(d.tags) || !Array.isArray(d.detailUrls)) throw malformed('tags/detailUrls');
  const tags = emptyMap<string[]>();
  for (const [key, values] of d.tags) tags[key] = values;
  const detailUrls = emptyMap<string>();
  for (const [name, url] of d.detailUrls) detailUrls[name] = url;
  return {
    id: d.id,
    parentId: d.parentId ?? null,
    sourceId: d.sourceId ?? null,
    startTime: new Date(d.startTime as number),
    endTime: new Date(d.endTime as number),
    description: d.description ?? '',
    detailUrls,
    tags,
    createdAt: new Date(d.createdAt as number),
    updatedAt: new Date(d.updatedAt as number),
    revision: d.revision as number,
    changedBy: d.changedBy ?? null,
  };
}
