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
  excludeTags?: Record<string, string[] | null> | null | undefined;
  /** Start of the time window, inclusive. */
  from?: string | number | null | undefined;
  /** Only the direct children of this event. */
  parentId?: string | null | undefined;
  /** Text the description contains, case-insensitive. */
  search?: string | null | undefined;
  /** Events carrying, for every key, at least one of the listed values. */
  tags?: Record<string, string[] | null> | null | undefined;
  /** Which time the window [from, to) applies to. */
  timeField?: TimeField | null | undefined;
  /** End of the time window, exclusive. */
  to?: string | number | null | undefined;
};

/**
 * An event to write. Which fields are required and what absent fields mean depends on the
 * mutation: see each mutation. In updateEvent the maps are JSON Merge Patches (RFC 7386).
 */
export type EventInput = {
  /** Free text, at most 64 KiB (UTF-8). null: empty. */
  description?: string | null | undefined;
  /**
   * Links by name. In updateEvent a given name replaces that link, a name mapped to null
   * removes it, names not given are kept, and null removes every link.
   */
  detailUrls?: Record<string, string | null> | null | undefined;
  /** When the change ended; not before startTime. */
  endTime?: string | number | null | undefined;
  /** Absent on create: a uuid v4 is generated. Required by replace, update and merge. */
  id?: string | null | undefined;
  /** The id of the event that caused this one; never the event's own id, and no cycles. null: none. */
  parentId?: string | null | undefined;
  /** Merge sets it when the event has none; a different one is a CONFLICT, as for parentId. */
  sourceId?: string | null | undefined;
  /** No time given: both are now. One given: both are it. A null time counts as not given. */
  startTime?: string | number | null | undefined;
  /**
   * Tags by key. In updateEvent a given key replaces that key's values, a key mapped to null
   * or [] removes it, keys not given are kept, and null removes every tag.
   */
  tags?: Record<string, string[] | null> | null | undefined;
};

/** What a token (or a request without one) may do. Each scope includes the ones before it. */
export type Scope =
  /** Also create, list and revoke tokens. */
  | 'ADMIN'
  /** Read events, facets and live changes. */
  | 'READ'
  /** Also create, change, delete and restore events. */
  | 'WRITE';

/** Which time an event's time window filter looks at. */
export type TimeField =
  /** The event's own interval [startTime, endTime]: it matches when it overlaps the window. */
  | 'EVENT'
  /** When the event was last changed (updatedAt). */
  | 'UPDATE';

export type EventFieldsFragment = { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null };

export type TokenFieldsFragment = { name: string, scopes: Array<Scope>, namespace: Record<string, string[]> | null, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null };

export type CreateEventMutationVariables = Exact<{
  event: EventInput;
}>;


export type CreateEventMutation = { createEvent: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } };

export type CreateEventsMutationVariables = Exact<{
  events: Array<EventInput> | EventInput;
}>;


export type CreateEventsMutation = { createEvents: { results: Array<{ index: number, event: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } | null, error: { code: string, message: string, field: string | null } | null }> } };

export type ReplaceEventMutationVariables = Exact<{
  event: EventInput;
  upsert?: boolean | null | undefined;
}>;


export type ReplaceEventMutation = { replaceEvent: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } };

export type UpdateEventMutationVariables = Exact<{
  event: EventInput;
  upsert?: boolean | null | undefined;
}>;


export type UpdateEventMutation = { updateEvent: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } };

export type MergeEventMutationVariables = Exact<{
  event: EventInput;
  upsert?: boolean | null | undefined;
}>;


export type MergeEventMutation = { mergeEvent: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } };

export type DeleteEventMutationVariables = Exact<{
  id: string;
}>;


export type DeleteEventMutation = { deleteEvent: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } };

export type EventQueryVariables = Exact<{
  id: string;
}>;


export type EventQuery = { event: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } | null };

export type EventsQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EventsQuery = { events: { nodes: Array<{ id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EventTreeLevelFragment = { event: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { token: string | null, scopes: Array<Scope>, namespace: Record<string, string[]> | null } };

export type CreateTokenMutationVariables = Exact<{
  name: string;
  scopes: Array<Scope> | Scope;
  namespace?: Record<string, string[] | null> | null | undefined;
}>;


export type CreateTokenMutation = { createToken: { secret: string, token: { name: string, scopes: Array<Scope>, namespace: Record<string, string[]> | null, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null } } };

export type TokensQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensQuery = { tokens: Array<{ name: string, scopes: Array<Scope>, namespace: Record<string, string[]> | null, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null }> };

export type RevokeTokenMutationVariables = Exact<{
  name: string;
}>;


export type RevokeTokenMutation = { revokeToken: { name: string, scopes: Array<Scope>, namespace: Record<string, string[]> | null, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null } };

export type EventChangedSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type EventChangedSubscription = { eventChanged: { kind: ChangeKind, event: { id: string, parentId: string | null, sourceId: string | null, startTime: string, endTime: string, description: string, detailUrls: Record<string, string>, tags: Record<string, string[]>, createdAt: string, updatedAt: string, revision: number, changedBy: string | null } } };

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
export const TokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment TokenFields on Token {
  name
  scopes
  namespace
  createdAt
  createdBy
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"TokenFields"}) as unknown as TypedDocumentString<TokenFieldsFragment, unknown>;
export const EventFieldsFragmentDoc = new TypedDocumentString(`
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}
    `, {"fragmentName":"EventFields"}) as unknown as TypedDocumentString<EventFieldsFragment, unknown>;
export const EventTreeLevelFragmentDoc = new TypedDocumentString(`
    fragment EventTreeLevel on EventNode {
  event {
    ...EventFields
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`, {"fragmentName":"EventTreeLevel"}) as unknown as TypedDocumentString<EventTreeLevelFragment, unknown>;
export const CreateEventDocument = new TypedDocumentString(`
    mutation CreateEvent($event: EventInput!) {
  createEvent(event: $event) {
    ...EventFields
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<CreateEventMutation, CreateEventMutationVariables>;
export const CreateEventsDocument = new TypedDocumentString(`
    mutation CreateEvents($events: [EventInput!]!) {
  createEvents(events: $events) {
    results {
      index
      event {
        ...EventFields
      }
      error {
        code
        message
        field
      }
    }
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<CreateEventsMutation, CreateEventsMutationVariables>;
export const ReplaceEventDocument = new TypedDocumentString(`
    mutation ReplaceEvent($event: EventInput!, $upsert: Boolean) {
  replaceEvent(event: $event, upsert: $upsert) {
    ...EventFields
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<ReplaceEventMutation, ReplaceEventMutationVariables>;
export const UpdateEventDocument = new TypedDocumentString(`
    mutation UpdateEvent($event: EventInput!, $upsert: Boolean) {
  updateEvent(event: $event, upsert: $upsert) {
    ...EventFields
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<UpdateEventMutation, UpdateEventMutationVariables>;
export const MergeEventDocument = new TypedDocumentString(`
    mutation MergeEvent($event: EventInput!, $upsert: Boolean) {
  mergeEvent(event: $event, upsert: $upsert) {
    ...EventFields
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<MergeEventMutation, MergeEventMutationVariables>;
export const DeleteEventDocument = new TypedDocumentString(`
    mutation DeleteEvent($id: ID!) {
  deleteEvent(id: $id) {
    ...EventFields
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<DeleteEventMutation, DeleteEventMutationVariables>;
export const EventDocument = new TypedDocumentString(`
    query Event($id: ID!) {
  event(id: $id) {
    ...EventFields
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<EventQuery, EventQueryVariables>;
export const EventsDocument = new TypedDocumentString(`
    query Events($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    nodes {
      ...EventFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<EventsQuery, EventsQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    token
    scopes
    namespace
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const CreateTokenDocument = new TypedDocumentString(`
    mutation CreateToken($name: String!, $scopes: [Scope!]!, $namespace: TagMap) {
  createToken(name: $name, scopes: $scopes, namespace: $namespace) {
    secret
    token {
      ...TokenFields
    }
  }
}
    fragment TokenFields on Token {
  name
  scopes
  namespace
  createdAt
  createdBy
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateTokenMutation, CreateTokenMutationVariables>;
export const TokensDocument = new TypedDocumentString(`
    query Tokens {
  tokens {
    ...TokenFields
  }
}
    fragment TokenFields on Token {
  name
  scopes
  namespace
  createdAt
  createdBy
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<TokensQuery, TokensQueryVariables>;
export const RevokeTokenDocument = new TypedDocumentString(`
    mutation RevokeToken($name: String!) {
  revokeToken(name: $name) {
    ...TokenFields
  }
}
    fragment TokenFields on Token {
  name
  scopes
  namespace
  createdAt
  createdBy
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const EventChangedDocument = new TypedDocumentString(`
    subscription EventChanged($filter: EventFilter) {
  eventChanged(filter: $filter) {
    kind
    event {
      ...EventFields
    }
  }
}
    fragment EventFields on Event {
  id
  parentId
  sourceId
  startTime
  endTime
  description
  detailUrls
  tags
  createdAt
  updatedAt
  revision
  changedBy
}`) as unknown as TypedDocumentString<EventChangedSubscription, EventChangedSubscriptionVariables>;