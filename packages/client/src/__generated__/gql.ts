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
    "\n  fragment EventFields on Event {\n    id\n    parentId\n    sourceId\n    startTime\n    endTime\n    description\n    detailUrls\n    tags\n    createdAt\n    updatedAt\n    revision\n    changedBy\n  }\n": typeof types.EventFieldsFragmentDoc,
    "\n  fragment TokenFields on Token {\n    name\n    scopes\n    namespace\n    createdAt\n    createdBy\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.TokenFieldsFragmentDoc,
    "\n  mutation CreateEvent($event: EventInput!) {\n    createEvent(event: $event) {\n      ...EventFields\n    }\n  }\n": typeof types.CreateEventDocument,
    "\n  mutation CreateEvents($events: [EventInput!]!) {\n    createEvents(events: $events) {\n      results {\n        index\n        event {\n          ...EventFields\n        }\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n": typeof types.CreateEventsDocument,
    "\n  mutation ReplaceEvent($event: EventInput!, $upsert: Boolean) {\n    replaceEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n": typeof types.ReplaceEventDocument,
    "\n  mutation UpdateEvent($event: EventInput!, $upsert: Boolean) {\n    updateEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n": typeof types.UpdateEventDocument,
    "\n  mutation MergeEvent($event: EventInput!, $upsert: Boolean) {\n    mergeEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n": typeof types.MergeEventDocument,
    "\n  mutation DeleteEvent($id: ID!) {\n    deleteEvent(id: $id) {\n      ...EventFields\n    }\n  }\n": typeof types.DeleteEventDocument,
    "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventFields\n    }\n  }\n": typeof types.EventDocument,
    "\n  query Events($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...EventFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  fragment EventTreeLevel on EventNode {\n    event {\n      ...EventFields\n    }\n  }\n": typeof types.EventTreeLevelFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      token\n      scopes\n      namespace\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CreateToken($name: String!, $scopes: [Scope!]!, $namespace: TagMap) {\n    createToken(name: $name, scopes: $scopes, namespace: $namespace) {\n      secret\n      token {\n        ...TokenFields\n      }\n    }\n  }\n": typeof types.CreateTokenDocument,
    "\n  query Tokens {\n    tokens {\n      ...TokenFields\n    }\n  }\n": typeof types.TokensDocument,
    "\n  mutation RevokeToken($name: String!) {\n    revokeToken(name: $name) {\n      ...TokenFields\n    }\n  }\n": typeof types.RevokeTokenDocument,
    "\n  subscription EventChanged($filter: EventFilter) {\n    eventChanged(filter: $filter) {\n      kind\n      event {\n        ...EventFields\n      }\n    }\n  }\n": typeof types.EventChangedDocument,
};
const documents: Documents = {
    "\n  fragment EventFields on Event {\n    id\n    parentId\n    sourceId\n    startTime\n    endTime\n    description\n    detailUrls\n    tags\n    createdAt\n    updatedAt\n    revision\n    changedBy\n  }\n": types.EventFieldsFragmentDoc,
    "\n  fragment TokenFields on Token {\n    name\n    scopes\n    namespace\n    createdAt\n    createdBy\n    lastUsedAt\n    revokedAt\n  }\n": types.TokenFieldsFragmentDoc,
    "\n  mutation CreateEvent($event: EventInput!) {\n    createEvent(event: $event) {\n      ...EventFields\n    }\n  }\n": types.CreateEventDocument,
    "\n  mutation CreateEvents($events: [EventInput!]!) {\n    createEvents(events: $events) {\n      results {\n        index\n        event {\n          ...EventFields\n        }\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n": types.CreateEventsDocument,
    "\n  mutation ReplaceEvent($event: EventInput!, $upsert: Boolean) {\n    replaceEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n": types.ReplaceEventDocument,
    "\n  mutation UpdateEvent($event: EventInput!, $upsert: Boolean) {\n    updateEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n": types.UpdateEventDocument,
    "\n  mutation MergeEvent($event: EventInput!, $upsert: Boolean) {\n    mergeEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n": types.MergeEventDocument,
    "\n  mutation DeleteEvent($id: ID!) {\n    deleteEvent(id: $id) {\n      ...EventFields\n    }\n  }\n": types.DeleteEventDocument,
    "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventFields\n    }\n  }\n": types.EventDocument,
    "\n  query Events($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...EventFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.EventsDocument,
    "\n  fragment EventTreeLevel on EventNode {\n    event {\n      ...EventFields\n    }\n  }\n": types.EventTreeLevelFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      token\n      scopes\n      namespace\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation CreateToken($name: String!, $scopes: [Scope!]!, $namespace: TagMap) {\n    createToken(name: $name, scopes: $scopes, namespace: $namespace) {\n      secret\n      token {\n        ...TokenFields\n      }\n    }\n  }\n": types.CreateTokenDocument,
    "\n  query Tokens {\n    tokens {\n      ...TokenFields\n    }\n  }\n": types.TokensDocument,
    "\n  mutation RevokeToken($name: String!) {\n    revokeToken(name: $name) {\n      ...TokenFields\n    }\n  }\n": types.RevokeTokenDocument,
    "\n  subscription EventChanged($filter: EventFilter) {\n    eventChanged(filter: $filter) {\n      kind\n      event {\n        ...EventFields\n      }\n    }\n  }\n": types.EventChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventFields on Event {\n    id\n    parentId\n    sourceId\n    startTime\n    endTime\n    description\n    detailUrls\n    tags\n    createdAt\n    updatedAt\n    revision\n    changedBy\n  }\n"): typeof import('./graphql').EventFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TokenFields on Token {\n    name\n    scopes\n    namespace\n    createdAt\n    createdBy\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').TokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEvent($event: EventInput!) {\n    createEvent(event: $event) {\n      ...EventFields\n    }\n  }\n"): typeof import('./graphql').CreateEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEvents($events: [EventInput!]!) {\n    createEvents(events: $events) {\n      results {\n        index\n        event {\n          ...EventFields\n        }\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CreateEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplaceEvent($event: EventInput!, $upsert: Boolean) {\n    replaceEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n"): typeof import('./graphql').ReplaceEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvent($event: EventInput!, $upsert: Boolean) {\n    updateEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n"): typeof import('./graphql').UpdateEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeEvent($event: EventInput!, $upsert: Boolean) {\n    mergeEvent(event: $event, upsert: $upsert) {\n      ...EventFields\n    }\n  }\n"): typeof import('./graphql').MergeEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEvent($id: ID!) {\n    deleteEvent(id: $id) {\n      ...EventFields\n    }\n  }\n"): typeof import('./graphql').DeleteEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventFields\n    }\n  }\n"): typeof import('./graphql').EventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...EventFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').EventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventTreeLevel on EventNode {\n    event {\n      ...EventFields\n    }\n  }\n"): typeof import('./graphql').EventTreeLevelFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      token\n      scopes\n      namespace\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateToken($name: String!, $scopes: [Scope!]!, $namespace: TagMap) {\n    createToken(name: $name, scopes: $scopes, namespace: $namespace) {\n      secret\n      token {\n        ...TokenFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tokens {\n    tokens {\n      ...TokenFields\n    }\n  }\n"): typeof import('./graphql').TokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeToken($name: String!) {\n    revokeToken(name: $name) {\n      ...TokenFields\n    }\n  }\n"): typeof import('./graphql').RevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EventChanged($filter: EventFilter) {\n    eventChanged(filter: $filter) {\n      kind\n      event {\n        ...EventFields\n      }\n    }\n  }\n"): typeof import('./graphql').EventChangedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
