/** Every GraphQL operation the UI sends; codegen types them into ./__generated__. */
import { graphql } from './__generated__';

graphql(`
  fragment TimelineEvent on Event {
    id
    parentId
    startTime
    endTime
    description
    tags
  }
`);

graphql(`
  fragment TreeEvent on EventNode {
    truncated
    event {
      ...TimelineEvent
    }
  }
`);

// The count costs the store a second query: only the first page asks for it.
export const TimelineEventsQuery = graphql(`
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
`);

export const TagKeysQuery = graphql(`
  query TagKeys($filter: EventFilter) {
    tagKeys(filter: $filter, first: 200) {
      key
      count
    }
  }
`);

export const TagValuesQuery = graphql(`
  query TagValues($key: String!, $filter: EventFilter) {
    tagValues(key: $key, filter: $filter, first: 50) {
      value
      count
    }
  }
`);

export const HistogramQuery = graphql(`
  query Histogram($filter: EventFilter!, $interval: String!) {
    histogram(filter: $filter, interval: $interval) {
      start
      count
    }
  }
`);

// Where each lane is busy, for a window holding more events than the timeline draws.
export const LaneHistogramQuery = graphql(`
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
`);

// The tree is spelled out three levels deep (GraphQL has no recursive selections); deeper
// nodes say `truncated` and open on click.
export const EventDetailsQuery = graphql(`
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
`);

export const EventChangedSubscription = graphql(`
  subscription EventChanged($filter: EventFilter) {
    eventChanged(filter: $filter) {
      kind
      event {
        ...TimelineEvent
      }
    }
  }
`);
