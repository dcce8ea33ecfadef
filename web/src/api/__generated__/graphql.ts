/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What happened to an event. */
export type ChangeKind =
  /** The event was created (or restored). */
  | 'CREATED'
  /** The event was deleted. */
  | 'DELETED'
  /** The event was replaced, updated or merged into. */
  | 'UPDATED';

/** Which events to read. Every condition given must hold; none given matches every event. */
export type EventFilter = {
  /** Leaves out every event carrying any of the listed key/value pairs. */
  excludeTags?: Record<string, string[]> | null | undefined;
  /** Start of the time window, inclusive. */
  from?: string | number | null | undefined;
  /** Only the direct children of this event. */
  parentId?: string | number | null | undefined;
  /** Text the description contains, case-insensitive. */
  search?: string | null | undefined;
  /** Events carrying, for every key, at least one of the listed values. */
  tags?: Record<string, string[]> | null | undefined;
  /** Which time the window [from, to) applies to. */
  timeField?: TimeField | null | undefined;
  /** End of the time window, exclusive. */
  to?: string | number | null | undefined;
};

/** Which time an event's time window filter looks at. */
export type TimeField =
  /** The event's own interval [startTime, endTime]: it matches when it overlaps the window. */
  | 'EVENT'
  /** When the event was last changed (updatedAt). */
  | 'UPDATE';

export type TimelineEventFragment = { id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> };

export type TreeEventFragment = { truncated: boolean, event: { id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> } };

export type TimelineEventsQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  withCount: boolean;
}>;


export type TimelineEventsQuery = { events: { totalCount?: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> }> } };

export type TagKeysQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type TagKeysQuery = { tagKeys: Array<{ key: string, count: number }> };

export type TagValuesQueryVariables = Exact<{
  key: string;
  filter?: EventFilter | null | undefined;
}>;


export type TagValuesQuery = { tagValues: Array<{ value: string, count: number }> };

export type HistogramQueryVariables = Exact<{
  filter: EventFilter;
  interval: string;
}>;


export type HistogramQuery = { histogram: Array<{ start: string, count: number }> };

export type LaneHistogramQueryVariables = Exact<{
  key: string;
  filter: EventFilter;
  interval: string;
}>;


export type LaneHistogramQuery = { laneHistogram: Array<{ value: string, count: number, buckets: Array<{ start: string, count: number }> }> };

export type EventDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type EventDetailsQuery = { event: { sourceId: string | null, detailUrls: Record<string, string>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null, id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]>, revisions: Array<{ revision: number, changedBy: string | null, parentId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, updatedAt: string }>, ancestors: Array<{ id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> }> } | null, eventTree: { truncated: boolean, children: Array<{ truncated: boolean, children: Array<{ truncated: boolean, children: Array<{ truncated: boolean, event: { id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> } }>, event: { id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> } }>, event: { id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> } }>, event: { id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> } } | null };

export type EventChangedSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type EventChangedSubscription = { eventChanged: { kind: ChangeKind, event: { id: string, parentId: string | null, startTime: string, endTime: string, description: string, tags: Record<string, string[]> } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TimelineEventFragmentDoc = new TypedDocumentString(`
    fragment TimelineEvent on Event {
  id
  parentId
  startTime
  endTime
  description
  tags
}
    `, {"fragmentName":"TimelineEvent"}) as unknown as TypedDocumentString<TimelineEventFragment, unknown>;
export const TreeEventFragmentDoc = new TypedDocumentString(`
    fragment TreeEvent on EventNode {
  truncated
  event {
    ...TimelineEvent
  }
}
    fragment TimelineEvent on Event {
  id
  parentId
  startTime
  endTime
  description
  tags
}`, {"fragmentName":"TreeEvent"}) as unknown as TypedDocumentString<TreeEventFragment, unknown>;
export const TimelineEventsDocument = new TypedDocumentString(`
    query TimelineEvents($filter: EventFilter, $first: Int, $after: String, $withCount: Boolean!) {
  events(filter: $filter, first: $first, after: $after) {
    totalCount @include(if: $withCount)
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...TimelineEvent
    }
  }
}
    fragment TimelineEvent on Event {
  id
  parentId
  startTime
  endTime
  description
  tags
}`) as unknown as TypedDocumentString<TimelineEventsQuery, TimelineEventsQueryVariables>;
export const TagKeysDocument = new TypedDocumentString(`
    query TagKeys($filter: EventFilter) {
  tagKeys(filter: $filter, first: 200) {
    key
    count
  }
}
    `) as unknown as TypedDocumentString<TagKeysQuery, TagKeysQueryVariables>;
export const TagValuesDocument = new TypedDocumentString(`
    query TagValues($key: String!, $filter: EventFilter) {
  tagValues(key: $key, filter: $filter, first: 50) {
    value
    count
  }
}
    `) as unknown as TypedDocumentString<TagValuesQuery, TagValuesQueryVariables>;
export const HistogramDocument = new TypedDocumentString(`
    query Histogram($filter: EventFilter!, $interval: String!) {
  histogram(filter: $filter, interval: $interval) {
    start
    count
  }
}
    `) as unknown as TypedDocumentString<HistogramQuery, HistogramQueryVariables>;
export const LaneHistogramDocument = new TypedDocumentString(`
    query LaneHistogram($key: String!, $filter: EventFilter!, $interval: String!) {
  laneHistogram(key: $key, filter: $filter, interval: $interval, first: 100) {
    value
    count
    buckets {
      start
      count
    }
  }
}
    `) as unknown as TypedDocumentString<LaneHistogramQuery, LaneHistogramQueryVariables>;
export const EventDetailsDocument = new TypedDocumentString(`
    query EventDetails($id: ID!) {
  event(id: $id) {
    ...TimelineEvent
    sourceId
    detailUrls
    createdAt
    updatedAt
    revision
    changedBy
    revisions {
      revision
      changedBy
      parentId
      startTime
      endTime
      description
      detailUrls
      tags
      updatedAt
    }
    ancestors(limit: 50) {
      ...TimelineEvent
    }
  }
  eventTree(id: $id, maxDepth: 3) {
    ...TreeEvent
    children {
      ...TreeEvent
      children {
        ...TreeEvent
        children {
          ...TreeEvent
        }
      }
    }
  }
}
    fragment TimelineEvent on Event {
  id
  parentId
  startTime
  endTime
  description
  tags
}
fragment TreeEvent on EventNode {
  truncated
  event {
    ...TimelineEvent
  }
}`) as unknown as TypedDocumentString<EventDetailsQuery, EventDetailsQueryVariables>;
export const EventChangedDocument = new TypedDocumentString(`
    subscription EventChanged($filter: EventFilter) {
  eventChanged(filter: $filter) {
    kind
    event {
      ...TimelineEvent
    }
  }
}
    fragment TimelineEvent on Event {
  id
  parentId
  startTime
  endTime
  description
  tags
}`) as unknown as TypedDocumentString<EventChangedSubscription, EventChangedSubscriptionVariables>;