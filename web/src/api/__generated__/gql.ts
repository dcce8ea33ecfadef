/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment TimelineEvent on Event {\n    id\n    parentId\n    startTime\n    endTime\n    description\n    tags\n  }\n": typeof types.TimelineEventFragmentDoc,
    "\n  fragment TreeEvent on EventNode {\n    truncated\n    event {\n      ...TimelineEvent\n    }\n  }\n": typeof types.TreeEventFragmentDoc,
    "\n  query TimelineEvents($filter: EventFilter, $first: Int, $after: String, $withCount: Boolean!) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount @include(if: $withCount)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...TimelineEvent\n      }\n    }\n  }\n": typeof types.TimelineEventsDocument,
    "\n  query TagKeys($filter: EventFilter) {\n    tagKeys(filter: $filter, first: 200) {\n      key\n      count\n    }\n  }\n": typeof types.TagKeysDocument,
    "\n  query TagValues($key: String!, $filter: EventFilter) {\n    tagValues(key: $key, filter: $filter, first: 50) {\n      value\n      count\n    }\n  }\n": typeof types.TagValuesDocument,
    "\n  query Histogram($filter: EventFilter!, $interval: String!) {\n    histogram(filter: $filter, interval: $interval) {\n      start\n      count\n    }\n  }\n": typeof types.HistogramDocument,
    "\n  query LaneHistogram($key: String!, $filter: EventFilter!, $interval: String!) {\n    laneHistogram(key: $key, filter: $filter, interval: $interval, first: 100) {\n      value\n      count\n      buckets {\n        start\n        count\n      }\n    }\n  }\n": typeof types.LaneHistogramDocument,
    "\n  query EventDetails($id: ID!) {\n    event(id: $id) {\n      ...TimelineEvent\n      sourceId\n      detailUrls\n      createdAt\n      updatedAt\n      revision\n      changedBy\n      revisions {\n        revision\n        changedBy\n        parentId\n        startTime\n        endTime\n        description\n        detailUrls\n        tags\n        updatedAt\n      }\n      ancestors(limit: 50) {\n        ...TimelineEvent\n      }\n    }\n    eventTree(id: $id, maxDepth: 3) {\n      ...TreeEvent\n      children {\n        ...TreeEvent\n        children {\n          ...TreeEvent\n          children {\n            ...TreeEvent\n          }\n        }\n      }\n    }\n  }\n": typeof types.EventDetailsDocument,
    "\n  subscription EventChanged($filter: EventFilter) {\n    eventChanged(filter: $filter) {\n      kind\n      event {\n        ...TimelineEvent\n      }\n    }\n  }\n": typeof types.EventChangedDocument,
};
const documents: Documents = {
    "\n  fragment TimelineEvent on Event {\n    id\n    parentId\n    startTime\n    endTime\n    description\n    tags\n  }\n": types.TimelineEventFragmentDoc,
    "\n  fragment TreeEvent on EventNode {\n    truncated\n    event {\n      ...TimelineEvent\n    }\n  }\n": types.TreeEventFragmentDoc,
    "\n  query TimelineEvents($filter: EventFilter, $first: Int, $after: String, $withCount: Boolean!) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount @include(if: $withCount)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...TimelineEvent\n      }\n    }\n  }\n": types.TimelineEventsDocument,
    "\n  query TagKeys($filter: EventFilter) {\n    tagKeys(filter: $filter, first: 200) {\n      key\n      count\n    }\n  }\n": types.TagKeysDocument,
    "\n  query TagValues($key: String!, $filter: EventFilter) {\n    tagValues(key: $key, filter: $filter, first: 50) {\n      value\n      count\n    }\n  }\n": types.TagValuesDocument,
    "\n  query Histogram($filter: EventFilter!, $interval: String!) {\n    histogram(filter: $filter, interval: $interval) {\n      start\n      count\n    }\n  }\n": types.HistogramDocument,
    "\n  query LaneHistogram($key: String!, $filter: EventFilter!, $interval: String!) {\n    laneHistogram(key: $key, filter: $filter, interval: $interval, first: 100) {\n      value\n      count\n      buckets {\n        start\n        count\n      }\n    }\n  }\n": types.LaneHistogramDocument,
    "\n  query EventDetails($id: ID!) {\n    event(id: $id) {\n      ...TimelineEvent\n      sourceId\n      detailUrls\n      createdAt\n      updatedAt\n      revision\n      changedBy\n      revisions {\n        revision\n        changedBy\n        parentId\n        startTime\n        endTime\n        description\n        detailUrls\n        tags\n        updatedAt\n      }\n      ancestors(limit: 50) {\n        ...TimelineEvent\n      }\n    }\n    eventTree(id: $id, maxDepth: 3) {\n      ...TreeEvent\n      children {\n        ...TreeEvent\n        children {\n          ...TreeEvent\n          children {\n            ...TreeEvent\n          }\n        }\n      }\n    }\n  }\n": types.EventDetailsDocument,
    "\n  subscription EventChanged($filter: EventFilter) {\n    eventChanged(filter: $filter) {\n      kind\n      event {\n        ...TimelineEvent\n      }\n    }\n  }\n": types.EventChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEvent on Event {\n    id\n    parentId\n    startTime\n    endTime\n    description\n    tags\n  }\n"): typeof import('./graphql').TimelineEventFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TreeEvent on EventNode {\n    truncated\n    event {\n      ...TimelineEvent\n    }\n  }\n"): typeof import('./graphql').TreeEventFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimelineEvents($filter: EventFilter, $first: Int, $after: String, $withCount: Boolean!) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount @include(if: $withCount)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...TimelineEvent\n      }\n    }\n  }\n"): typeof import('./graphql').TimelineEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagKeys($filter: EventFilter) {\n    tagKeys(filter: $filter, first: 200) {\n      key\n      count\n    }\n  }\n"): typeof import('./graphql').TagKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagValues($key: String!, $filter: EventFilter) {\n    tagValues(key: $key, filter: $filter, first: 50) {\n      value\n      count\n    }\n  }\n"): typeof import('./graphql').TagValuesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Histogram($filter: EventFilter!, $interval: String!) {\n    histogram(filter: $filter, interval: $interval) {\n      start\n      count\n    }\n  }\n"): typeof import('./graphql').HistogramDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaneHistogram($key: String!, $filter: EventFilter!, $interval: String!) {\n    laneHistogram(key: $key, filter: $filter, interval: $interval, first: 100) {\n      value\n      count\n      buckets {\n        start\n        count\n      }\n    }\n  }\n"): typeof import('./graphql').LaneHistogramDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventDetails($id: ID!) {\n    event(id: $id) {\n      ...TimelineEvent\n      sourceId\n      detailUrls\n      createdAt\n      updatedAt\n      revision\n      changedBy\n      revisions {\n        revision\n        changedBy\n        parentId\n        startTime\n        endTime\n        description\n        detailUrls\n        tags\n        updatedAt\n      }\n      ancestors(limit: 50) {\n        ...TimelineEvent\n      }\n    }\n    eventTree(id: $id, maxDepth: 3) {\n      ...TreeEvent\n      children {\n        ...TreeEvent\n        children {\n          ...TreeEvent\n          children {\n            ...TreeEvent\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').EventDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EventChanged($filter: EventFilter) {\n    eventChanged(filter: $filter) {\n      kind\n      event {\n        ...TimelineEvent\n      }\n    }\n  }\n"): typeof import('./graphql').EventChangedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
