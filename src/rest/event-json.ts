/** The original ETS's snake_case event JSON, to and from the domain's event. */
import { ValidationError } from '../domain/errors';
import type { EventRecord } from '../domain/event';
import type { EventTreeNode } from '../domain/event-service';
import { formatEventTime } from '../domain/time';
import type { RawEventInput } from '../domain/validate';

export interface RestEvent {
  id: string;
  source_id: string | null;
  parent_id: string | null;
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

/** snake_case → the domain's raw input; the values are validated by the domain, as for GraphQL. */
export function fromRestEvent(event: Record<string, unknown>): RawEventInput {
  const input: RawEventInput = {};
  for (const [key, value] of Object.entries(event)) {
    if (Object.hasOwn(FIELDS, key)) input[FIELDS[key as keyof typeof FIELDS]] = value;
    else if (!SERVER_FIELDS.has(key)) {
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

export function toRestEvent(event: EventRecord): RestEvent {
  return {
    id: event.id,
    source_id: event.sourceId,
    parent_id: event.parentId,
    start_time: formatEventTime(event.startTime),
    end_time: formatEventTime(event.endTime),
    description: event.description,
    detail_urls: event.detailUrls,
    tags: event.tags,
    created_at: formatEventTime(event.createdAt),
    updated_at: formatEventTime(event.updatedAt),
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
