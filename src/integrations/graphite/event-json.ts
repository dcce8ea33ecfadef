/**
 * Graphite's event JSON, to and from the domain's event. An ETS event has one description
 * where Graphite has `what` (a title) and `data` (the details): the description is `what`,
 * then a newline and `data` when there is any, which is how Grafana's own Graphite endpoint
 * joins them; read back, its first line is `what` and the rest is `data`. `when` is the
 * start time in epoch seconds, `tags` are flat (tags.ts).
 */
import { createHash } from 'node:crypto';
import { ValidationError } from '../../domain/errors';
import type { EventRecord } from '../../domain/event';
import { readObject, type RawEventInput } from '../../domain/validate';
import { readFlatTags, toFlatTags, toTagMap } from './tags';

export interface GraphiteEvent {
  /** Start time, epoch seconds. */
  when: number;
  what: string;
  data: string;
  tags: string[];
  /** A number, as Graphite's ids are (numericId); `etsId` is the event's own id. */
  id: number;
  etsId: string;
}

/** The description of an event titled `what` with the details `data`. */
export function joinDescription(what: string, data: string): string {
  return data === '' ? what : `${what}\n${data}`;
}

/** A description as Graphite's title (its first line) and details (the rest). */
export function splitDescription(description: string): { what: string; data: string } {
  const newline = description.indexOf('\n');
  return newline < 0
    ? { what: description, data: '' }
    : { what: description.slice(0, newline), data: description.slice(newline + 1) };
}

/**
 * A stable positive number for an ETS id, for APIs whose ids are numbers (Graphite's,
 * Grafana's): the first 52 bits of the id's SHA-256, exact in JSON and in any client.
 * It names the event, it does not find it: the ETS id travels beside it as `etsId`.
 */
export function numericId(id: string): number {
  return Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 13), 16) || 1;
}

/** Epoch seconds as a writer may send them: a number (fractions kept to the millisecond) or digits. */
export function readEpochSeconds(value: unknown, field: string): Date {
  const seconds = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    throw new ValidationError(field, 'must be epoch seconds (a number)');
  }
  return new Date(Math.round(seconds * 1000));
}

function optionalText(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ValidationError(name, 'must be a string');
  return value;
}

/**
 * The body of Graphite's `POST /events/`: `what` (required), `data`, `tags` (a list, or a
 * string as Graphite reads it) and `when` (epoch seconds; absent: now). Other keys are
 * ignored, as graphite-web ignores them.
 */
export function fromGraphiteEvent(raw: unknown): RawEventInput {
  const body = readObject(raw, 'body');
  if (typeof body.what !== 'string') throw new ValidationError('what', "must be a string (the event's title)");
  const input: RawEventInput = {
    description: joinDescription(body.what, optionalText(body, 'data')),
    tags: toTagMap(readFlatTags(body.tags, 'tags')),
  };
  if (body.when !== undefined && body.when !== null) input.startTime = readEpochSeconds(body.when, 'when');
  return input;
}

export function toGraphiteEvent(event: EventRecord): GraphiteEvent {
  return {
    when: Math.floor(event.startTime.getTime() / 1000),
    ...splitDescription(event.description),
    tags: toFlatTags(event.tags),
    id: numericId(event.id),
    etsId: event.id,
  };
}
