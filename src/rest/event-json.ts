/** The original ETS's snake_case event JSON, to and from the domain's event. */
import type { EventRecord } from '../domain/event';
import type { RawEventInput } from '../domain/validate';
import { formatEventTime } from '../domain/time';
import type { EventTreeNode } from '../domain/event-service';

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
}

/** snake_case → the domain's raw input; validation happens in the domain, as for GraphQL. */
export function fromRestEvent(body: unknown): RawEventInput {
  const e = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  return {
    id: e.id,
    sourceId: e.source_id,
    parentId: e.parent_id,
    startTime: e.start_time,
    endTime: e.end_time,
    description: e.description,
    detailUrls: e.detail_urls,
    tags: e.tags,
  };
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
  };
}

export interface RestTree {
  event: RestEvent;
  children: RestTree[];
}

export function toRestTree(node: EventTreeNode): RestTree {
  return { event: toRestEvent(node.event), children: node.children.map(toRestTree) };
}
