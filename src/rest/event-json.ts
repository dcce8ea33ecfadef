/** The original ETS's snake_case event JSON, to and from the domain's event. */
import { ValidationError } from '../domain/errors';
import type { EventRecord } from '../domain/event';
import type { EventTreeNode } from '../domain/event-graph';
import type { RawEventInput } from '../domain/validate';

export interface RestEvent {
  id: string;
  /** '' when there is none, as the original wrote it. */
  source_id: string;
  parent_id: string;
  start_time: string;
  end_time: string;
  description: string;
  detail_urls: Record<string, string>;
  tags: Record<string, string[]>;
  created_at: string;
  updated_at: string;
  revision: number;
  changed_by: string | null;
}

/** REST field → domain field, for input and for naming fields in errors. */
const FIELDS = {
  id: 'id',
  source_id: 'sourceId',
  parent_id: 'parentId',
  start_time: 'startTime',
  end_time: 'endTime',
  description: 'description',
  detail_urls: 'detailUrls',
  tags: 'tags',
} as const satisfies Record<string, keyof RawEventInput>;

/** A key of the request that REST does not know; named as sent, not translated. */
export class UnknownFieldError extends ValidationError {}

// Set by the server: a bot may send back what it read, and they are ignored.
const SERVER_FIELDS = new Set(['created_at', 'updated_at', 'revision', 'changed_by']);

/** Python's str(datetime), which the original read: a space between the date and the time. */
export function restTime(text: string): string {
  return text.replace(/^(\d{4}-\d\d-\d\d) (?=\d\d:)/, '$1T');
}

/** What a bot sends as it was read from the original: '' for no parent or source, Python's times. */
function restValue(key: keyof typeof FIELDS, value: unknown): unknown {
  if ((key === 'parent_id' || key === 'source_id') && value === '') return null;
  if ((key === 'start_time' || key === 'end_time') && typeof value === 'string') return restTime(value);
  return value;
}

/** snake_case → the domain's raw input; the values are validated by the domain, as for GraphQL. */
export function fromRestEvent(event: Record<string, unknown>): RawEventInput {
  const input: RawEventInput = {};
  for (const [key, value] of Object.entries(event)) {
    if (Object.hasOwn(FIELDS, key)) {
      const field = key as keyof typeof FIELDS;
      input[FIELDS[field]] = restValue(field, value);
    } else if (!SERVER_FIELDS.has(key)) {
      throw new UnknownFieldError(`event.${key}`, `is not an event field (they are ${Object.keys(FIELDS).join(', ')})`);
    }
  }
  return input;
}

const SNAKE = new Map<string, string>(Object.entries(FIELDS).map(([rest, domain]) => [domain, rest]));

/** A domain field path in REST's words: event.startTime → event.start_time. */
export function restFieldName(field: string): string {
  return field.replace(/^(event\.)?([A-Za-z]+)/, (whole, prefix: string | undefined, name: string) => {
    const rest = SNAKE.get(name);
    return rest ? `${prefix ?? ''}${rest}` : whole;
  });
}

/**
 * A time as the original wrote it, Python's isoformat() of a UTC time to the millisecond:
 * 2016-12-05T10:25:00.345000+00:00, and no fraction when it is 0. Python before 3.11 reads
 * this with datetime.fromisoformat, and not the Z form.
 */
export function formatRestTime(time: Date): string {
  const iso = time.toISOString();
  const ms = iso.slice(-4, -1);
  return `${iso.slice(0, -5)}${ms === '000' ? '' : `.${ms}000`}+00:00`;
}

export function toRestEvent(event: EventRecord): RestEvent {
  return {
    id: event.id,
    source_id: event.sourceId ?? '',
    parent_id: event.parentId ?? '',
    start_time: formatRestTime(event.startTime),
    end_time: formatRestTime(event.endTime),
    description: event.description,
    detail_urls: event.detailUrls,
    tags: event.tags,
    created_at: formatRestTime(event.createdAt),
    updated_at: formatRestTime(event.updatedAt),
    revision: event.revision,
    changed_by: event.changedBy,
  };
}

export interface RestTree {
  event: RestEvent;
  children: RestTree[];
}

export function toRestTree(node: EventTreeNode): RestTree {
  return { event: toRestEvent(node.event), children: node.children.map(toRestTree) };
}
