/* eslint-disable */
import type { DateTimeInput } from '../scalars';
import type { TagMap } from '../../domain/event';
import type { UrlMap } from '../../domain/event';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EventRecord } from '../../domain/event';
import type { RevisionModel } from '../resolvers/node';
import type { EventPage } from '../../domain/event-queries';
import type { EventTreeNode } from '../../domain/event-graph';
import type { BatchResult, BatchItemResult } from '../../domain/event-writes';
import type { EventChange as EventChangeModel } from '../../domain/changes';
import type { TokenInfo } from '../../domain/tokens';
import type { Actor } from '../../domain/access';
import type { CreatedToken as CreatedTokenModel } from '../../domain/token-service';
import type { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant in time.
   * Output: ISO 8601 in UTC with milliseconds, e.g. "2016-12-05T10:25:00.000Z".
   * Input: ISO 8601 with or without an offset (no offset means UTC), epoch milliseconds
   * (a number), epoch seconds as a number of exactly 10 integer digits (1480933500), or the
   * legacy "MM/dd/yy:HH:mm:ss" read as UTC ("12/05/16:10:25:00").
   */
  DateTime: { input: DateTimeInput; output: Date; }
  /**
   * Tags of an event: a JSON object mapping a key to a non-empty list of distinct strings,
   * e.g. {"service": ["zon-web"], "author": ["a@example.com", "b@example.com"]}.
   * Keys are 1..100 characters, values 1..200 characters; any characters are allowed.
   * In updateEvent only, a key may map to null or [] to remove that key from the event.
   */
  TagMap: { input: TagMap; output: TagMap; }
  /**
   * Links to systems holding details of an event: a JSON object mapping a name to a URL
   * string, e.g. {"ci": "https://ci.example.com/run/4711"}. URLs are not checked for form.
   * In updateEvent only, a name may map to null to remove that link from the event.
   */
  URLMap: { input: UrlMap; output: UrlMap; }
};

/** What happened to an event. */
export type ChangeKind =
  /** The event was created (or restored). */
  | 'CREATED'
  /** The event was deleted. */
  | 'DELETED'
  /** The event was replaced, updated or merged into. */
  | 'UPDATED';

/** The outcome of one event of a batch, at the index it had in the input. */
export type CreateEventResult = {
  __typename?: 'CreateEventResult';
  /** Why it was not created; null when it was. */
  error?: Maybe<EventError>;
  /** The event as stored; null when it was not created. */
  event?: Maybe<Event>;
  /** The event's index in the input list, from 0. */
  index: Scalars['Int']['output'];
};

/** The outcome of a batch of creates. */
export type CreateEventsResult = {
  __typename?: 'CreateEventsResult';
  /** How many events were created. */
  createdCount: Scalars['Int']['output'];
  /** How many events were not created. */
  failedCount: Scalars['Int']['output'];
  /** One result per input event, in input order. */
  results: Array<CreateEventResult>;
};

/** A token just created, with its secret. */
export type CreatedToken = {
  __typename?: 'CreatedToken';
  /** Send it as `Authorization: Bearer <secret>`. It is not shown again. */
  secret: Scalars['String']['output'];
  /** The token's record. */
  token: Token;
};

/**
 * One operational change (a deploy, a build, a config flip, an incident, a manual step)
 * over a period of time.
 */
export type Event = Node & {
  __typename?: 'Event';
  /** The chain of causes up to the root, the parent first, at most `limit` events. */
  ancestors: Array<Event>;
  /** The name of the token that made this version; null when it was made without one. */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** The events this one caused, newest start time first. */
  children: Array<Event>;
  /** Set by the server when the event was first stored. */
  createdAt: Scalars['DateTime']['output'];
  /** Free text about the change, at most 64 KiB (UTF-8); empty when none was given. */
  description: Scalars['String']['output'];
  /** Links to other systems holding details of the change, by name. */
  detailUrls: Scalars['URLMap']['output'];
  /** When the change ended; equal to startTime for a change at one instant. */
  endTime: Scalars['DateTime']['output'];
  /**
   * Unique, user-supplied or a generated uuid v4; 1..100 characters. The same id names the
   * event in `event(id:)`, `node(id:)`, `parentId` and the REST API.
   */
  id: Scalars['ID']['output'];
  /** The event that caused this one; null when there is none or it is not stored. */
  parent?: Maybe<Event>;
  /** The id of the event that caused this one; null when none was given. */
  parentId?: Maybe<Scalars['ID']['output']>;
  /** 1 on create, +1 on every change. */
  revision: Scalars['Int']['output'];
  /**
   * The earlier versions of this event (not the current one), oldest first: the most recent
   * `last` of them (0..1000), so that an event changed thousands of times stays cheap to read.
   */
  revisions: Array<EventRevision>;
  /** The id of this event in the system that reported it (a CI run, a deploy); 1..200 characters. */
  sourceId?: Maybe<Scalars['String']['output']>;
  /** When the change began. */
  startTime: Scalars['DateTime']['output'];
  /** Tags for querying (source, type, author, service, status, environment, …). */
  tags: Scalars['TagMap']['output'];
  /** Set by the server on every change. */
  updatedAt: Scalars['DateTime']['output'];
};


/**
 * One operational change (a deploy, a build, a config flip, an incident, a manual step)
 * over a period of time.
 */
export type EventAncestorsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * One operational change (a deploy, a build, a config flip, an incident, a manual step)
 * over a period of time.
 */
export type EventRevisionsArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A change to an event, announced once the store has it. */
export type EventChange = {
  __typename?: 'EventChange';
  /** The event after the change; for DELETED, the event as it was. */
  event: Event;
  /** What happened to the event. */
  kind: ChangeKind;
};

/** A page of events, newest start time first (ties broken by id). */
export type EventConnection = {
  __typename?: 'EventConnection';
  /** The page's events with their cursors. */
  edges: Array<EventEdge>;
  /** The page's events (the edges' nodes, without cursors). */
  nodes: Array<Event>;
  /** Where the page lies in the whole list. */
  pageInfo: PageInfo;
  /** How many events match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** An event in a page of events, with its place in the list. */
export type EventEdge = {
  __typename?: 'EventEdge';
  /** The event's place in the list: pass it as `after` or `before` to page from here. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: Event;
};

/** Why one event of a batch was not created. */
export type EventError = {
  __typename?: 'EventError';
  /** BAD_USER_INPUT, CONFLICT or FORBIDDEN. */
  code: Scalars['String']['output'];
  /** The input field at fault, when there is one. */
  field?: Maybe<Scalars['String']['output']>;
  /** What was wrong, naming the field and the rule. */
  message: Scalars['String']['output'];
};

/** Which events to read. Every condition given must hold; none given matches every event. */
export type EventFilter = {
  /** Leaves out every event carrying any of the listed key/value pairs. */
  excludeTags?: InputMaybe<Scalars['TagMap']['input']>;
  /** Start of the time window, inclusive. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only the direct children of this event. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Text the description contains, case-insensitive. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Events carrying, for every key, at least one of the listed values. */
  tags?: InputMaybe<Scalars['TagMap']['input']>;
  /** Which time the window [from, to) applies to. */
  timeField?: InputMaybe<TimeField>;
  /** End of the time window, exclusive. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/**
 * An event to write. Which fields are required and what absent fields mean depends on the
 * mutation: see each mutation. In updateEvent the maps are JSON Merge Patches (RFC 7386).
 */
export type EventInput = {
  /** Free text, at most 64 KiB (UTF-8). null: empty. */
  description?: InputMaybe<Scalars['String']['input']>;
  /**
   * Links by name. In updateEvent a given name replaces that link, a name mapped to null
   * removes it, names not given are kept, and null removes every link.
   */
  detailUrls?: InputMaybe<Scalars['URLMap']['input']>;
  /** When the change ended; not before startTime. */
  endTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** Absent on create: a uuid v4 is generated. Required by replace, update and merge. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The id of the event that caused this one; never the event's own id, and no cycles. null: none. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Merge sets it when the event has none; a different one is a CONFLICT, as for parentId. */
  sourceId?: InputMaybe<Scalars['String']['input']>;
  /** No time given: both are now. One given: both are it. A null time counts as not given. */
  startTime?: InputMaybe<Scalars['DateTime']['input']>;
  /**
   * Tags by key. In updateEvent a given key replaces that key's values, a key mapped to null
   * or [] removes it, keys not given are kept, and null removes every tag.
   */
  tags?: InputMaybe<Scalars['TagMap']['input']>;
};

/** An event and the tree of the events it caused. */
export type EventNode = {
  __typename?: 'EventNode';
  /** The nodes of the events this one caused, newest start time first. */
  children: Array<EventNode>;
  /** How far below the root of the requested tree this node is (the root is 0). */
  depth: Scalars['Int']['output'];
  /** The event at this node of the tree. */
  event: Event;
  /** True when this node has children that were left out because of maxDepth or the size limit. */
  truncated: Scalars['Boolean']['output'];
};

/** A stored earlier version of an event, as it was at that revision. */
export type EventRevision = Node & {
  __typename?: 'EventRevision';
  /** The name of the token that made this version; null when it was made without one. */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** When the event was first stored. */
  createdAt: Scalars['DateTime']['output'];
  /** The description the event had at this revision. */
  description: Scalars['String']['output'];
  /** The detail URLs the event had at this revision. */
  detailUrls: Scalars['URLMap']['output'];
  /** The end time the event had at this revision. */
  endTime: Scalars['DateTime']['output'];
  /** The id of the event this is a version of. */
  eventId: Scalars['ID']['output'];
  /**
   * The id of this version: unique to the event, its revision and when the event was
   * created, so that caches keep every version apart. Opaque; `node(id:)` reads it back.
   * The event's own id is `eventId`.
   */
  id: Scalars['ID']['output'];
  /** The parent id the event had at this revision. */
  parentId?: Maybe<Scalars['ID']['output']>;
  /** The revision number of this version (1 is the version first created). */
  revision: Scalars['Int']['output'];
  /** The source id the event had at this revision. */
  sourceId?: Maybe<Scalars['String']['output']>;
  /** The start time the event had at this revision. */
  startTime: Scalars['DateTime']['output'];
  /** The tags the event had at this revision. */
  tags: Scalars['TagMap']['output'];
  /** When this version was made. */
  updatedAt: Scalars['DateTime']['output'];
};

/** How many matching events start in [start, start + interval). */
export type HistogramBucket = {
  __typename?: 'HistogramBucket';
  /** How many matching events start in the bucket. */
  count: Scalars['Int']['output'];
  /** The start of the bucket. */
  start: Scalars['DateTime']['output'];
};

/** The histogram of the matching events that carry one value of a tag key. */
export type LaneHistogram = {
  __typename?: 'LaneHistogram';
  /** The buckets holding at least one such event, oldest first. */
  buckets: Array<HistogramBucket>;
  /** How many matching events carry the value, over the whole window. */
  count: Scalars['Int']['output'];
  /** The tag value of this lane. */
  value: Scalars['String']['output'];
};

/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an event; an existing id is a CONFLICT. */
  createEvent: Event;
  /** Creates many events; each is validated on its own and a bad one does not stop the others. */
  createEvents: CreateEventsResult;
  /**
   * Creates an API token (admin scope). A namespace limits the events the token may write to
   * those carrying all of its tags, before and after each change.
   */
  createToken: CreatedToken;
  /** Deletes an event and returns it; it stays recoverable for a while with restoreEvent. */
  deleteEvent: Event;
  /**
   * Merges the input into the stored event: tags are united per key, the time range widens,
   * the description is appended, detail URLs are overlaid, a parent or source id is set when
   * there is none (a different one is a CONFLICT). Without upsert a missing event is NOT_FOUND.
   */
  mergeEvent: Event;
  /**
   * Replaces the stored event with exactly the input (id and createdAt are kept);
   * absent fields take their defaults. Without upsert a missing event is NOT_FOUND.
   */
  replaceEvent: Event;
  /** Brings back a deleted event as it was (its revision grows by one). CONFLICT when the id is in use again. */
  restoreEvent: Event;
  /** Revokes a token at once (admin scope); its name stays taken. */
  revokeToken: Token;
  /**
   * Changes the given fields and keeps the others. Fields: a given value overwrites, null
   * clears parentId, sourceId and description, a null time counts as not given. tags and
   * detailUrls are JSON Merge Patches (RFC 7386): a given tag key or detail-URL name replaces
   * that key, null (or [] for a tag) removes it, keys not given are kept; e.g.
   * {"id": "deploy-4711", "tags": {"status": ["success"], "pending_reason": null}} moves the
   * status and keeps every other tag. Without upsert a missing event is NOT_FOUND; with it,
   * the patch is applied to an empty event.
   */
  updateEvent: Event;
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationCreateEventArgs = {
  event: EventInput;
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationCreateEventsArgs = {
  events: Array<EventInput>;
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationCreateTokenArgs = {
  name: Scalars['String']['input'];
  namespace?: InputMaybe<Scalars['TagMap']['input']>;
  scopes: Array<Scope>;
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationDeleteEventArgs = {
  id: Scalars['ID']['input'];
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationMergeEventArgs = {
  event: EventInput;
  upsert?: InputMaybe<Scalars['Boolean']['input']>;
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationReplaceEventArgs = {
  event: EventInput;
  upsert?: InputMaybe<Scalars['Boolean']['input']>;
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationRestoreEventArgs = {
  id: Scalars['ID']['input'];
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationRevokeTokenArgs = {
  name: Scalars['String']['input'];
};


/** What a writer may do. Bad input is BAD_USER_INPUT naming the field and the rule, and nothing is written. */
export type MutationUpdateEventArgs = {
  event: EventInput;
  upsert?: InputMaybe<Scalars['Boolean']['input']>;
};

/**
 * An object with an id unique among all objects of the API, which `Query.node` finds again
 * (the Global Object Identification of Relay): clients such as Apollo Client and Relay
 * cache and refetch objects by it.
 */
export type Node = {
  /** Unique among all objects of the API; pass it to `node(id:)` to read the object again. */
  id: Scalars['ID']['output'];
};

/** Where a page lies in the whole list (Relay's cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last event; pass it as `after` to get the next page. Null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /**
   * True when more events follow this page: known when paging forwards (first), and after a
   * `before` cursor when an event lies past it.
   */
  hasNextPage: Scalars['Boolean']['output'];
  /**
   * True when more events come before this page: known when paging backwards (last), and
   * before an `after` cursor when an event lies there.
   */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the page's first event; pass it as `before` to get the page before. Null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** What a reader may ask for. */
export type Query = {
  __typename?: 'Query';
  /** One event by id; null when there is none. */
  event?: Maybe<Event>;
  /**
   * The subtree of events caused by an event (its impact). maxDepth 1 is the event and its
   * direct children; at most 10000 events are returned. Null when the event does not exist.
   */
  eventTree?: Maybe<EventNode>;
  /**
   * Events matching the filter, newest start time first, as a Relay cursor connection: page
   * forwards with `first` and `after`, backwards with `last` and `before` (not `first` and
   * `last` together). Neither given: the first 50.
   */
  events: EventConnection;
  /**
   * Counts of the matching events per time bucket, by start time, over the filter's window
   * [from, to) (both required). Buckets are aligned to multiples of the interval, at most 10000.
   */
  histogram: Array<HistogramBucket>;
  /**
   * The histogram of each value of one tag key (a timeline's lanes): for the `first` values
   * with the most matching events, the count per time bucket, by start time, over the
   * filter's window. Lets a view show where every lane is busy when the window holds
   * more events than it can draw. Buckets without events are left out.
   */
  laneHistogram: Array<LaneHistogram>;
  /** Any object with an id by that id (Relay's Global Object Identification); null when there is none. */
  node?: Maybe<Node>;
  /** The tag keys of the matching events, the most common first (ties by key). */
  tagKeys: Array<TagKeyCount>;
  /** The values of one tag key among the matching events, the most common first. */
  tagValues: Array<TagValueCount>;
  /** Every API token, revoked ones too, oldest first. Needs the admin scope. */
  tokens: Array<Token>;
  /** Who the request is made as, and what it may do. */
  viewer: Viewer;
};


/** What a reader may ask for. */
export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


/** What a reader may ask for. */
export type QueryEventTreeArgs = {
  id: Scalars['ID']['input'];
  maxDepth?: InputMaybe<Scalars['Int']['input']>;
};


/** What a reader may ask for. */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** What a reader may ask for. */
export type QueryHistogramArgs = {
  filter: EventFilter;
  interval: Scalars['String']['input'];
};


/** What a reader may ask for. */
export type QueryLaneHistogramArgs = {
  filter: EventFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
  interval: Scalars['String']['input'];
  key: Scalars['String']['input'];
};


/** What a reader may ask for. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** What a reader may ask for. */
export type QueryTagKeysArgs = {
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** What a reader may ask for. */
export type QueryTagValuesArgs = {
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  key: Scalars['String']['input'];
};

/** What a token (or a request without one) may do. Each scope includes the ones before it. */
export type Scope =
  /** Also create, list and revoke tokens. */
  | 'ADMIN'
  /** Read events, facets and live changes. */
  | 'READ'
  /** Also create, change, delete and restore events. */
  | 'WRITE';

/** Live changes. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Changes to the events matching the filter (the same filter as `events`; a time window
   * matches on the event's interval), from now on, over graphql-ws at /graphql. A subscriber
   * that falls 1000 changes behind gets a SLOW_SUBSCRIBER error and should subscribe again;
   * one that still does not read is disconnected (close code 4009). With auth on, send the
   * token in the connection_init payload: {"authorization": "Bearer <token>"}.
   */
  eventChanged: EventChange;
};


/** Live changes. */
export type SubscriptionEventChangedArgs = {
  filter?: InputMaybe<EventFilter>;
};

/** A tag key and how many of the matching events carry it. */
export type TagKeyCount = {
  __typename?: 'TagKeyCount';
  /** How many matching events carry the key. */
  count: Scalars['Int']['output'];
  /** The tag key. */
  key: Scalars['String']['output'];
};

/** A value of a tag key and how many of the matching events carry it. */
export type TagValueCount = {
  __typename?: 'TagValueCount';
  /** How many matching events carry the value. */
  count: Scalars['Int']['output'];
  /** The tag value. */
  value: Scalars['String']['output'];
};

/** Which time an event's time window filter looks at. */
export type TimeField =
  /** The event's own interval [startTime, endTime]: it matches when it overlaps the window. */
  | 'EVENT'
  /** When the event was last changed (updatedAt). */
  | 'UPDATE';

/** An API token. Its secret is shown once, when it is created, and is stored only as a hash. */
export type Token = {
  __typename?: 'Token';
  /** When the token was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The token that created this one; null when created without one. */
  createdBy?: Maybe<Scalars['String']['output']>;
  /** When the token was last used; recorded at most once a minute. Null when never used. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The token's name, unique; it is recorded as changedBy of the versions it makes. */
  name: Scalars['String']['output'];
  /** Tags every event written with this token must carry, e.g. {"source": ["jenkins"]}. */
  namespace?: Maybe<Scalars['TagMap']['output']>;
  /** When the token was revoked; null while it is valid. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the token may do. */
  scopes: Array<Scope>;
};

/** The caller of a request, as the server sees it. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Tags every event written by this caller must carry; null when it may write any event. */
  namespace?: Maybe<Scalars['TagMap']['output']>;
  /** What the caller may do. */
  scopes: Array<Scope>;
  /** The token's name; null for a request without a token. */
  token?: Maybe<Scalars['String']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( EventRecord )
    | ( RevisionModel )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChangeKind: ChangeKind;
  CreateEventResult: ResolverTypeWrapper<BatchItemResult>;
  CreateEventsResult: ResolverTypeWrapper<BatchResult>;
  CreatedToken: ResolverTypeWrapper<CreatedTokenModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Event: ResolverTypeWrapper<EventRecord>;
  EventChange: ResolverTypeWrapper<EventChangeModel>;
  EventConnection: ResolverTypeWrapper<EventPage>;
  EventEdge: ResolverTypeWrapper<EventRecord>;
  EventError: ResolverTypeWrapper<EventError>;
  EventFilter: EventFilter;
  EventInput: EventInput;
  EventNode: ResolverTypeWrapper<EventTreeNode>;
  EventRevision: ResolverTypeWrapper<RevisionModel>;
  HistogramBucket: ResolverTypeWrapper<HistogramBucket>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LaneHistogram: ResolverTypeWrapper<LaneHistogram>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<EventPage>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Scope: Scope;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TagKeyCount: ResolverTypeWrapper<TagKeyCount>;
  TagMap: ResolverTypeWrapper<Scalars['TagMap']['output']>;
  TagValueCount: ResolverTypeWrapper<TagValueCount>;
  TimeField: TimeField;
  Token: ResolverTypeWrapper<TokenInfo>;
  URLMap: ResolverTypeWrapper<Scalars['URLMap']['output']>;
  Viewer: ResolverTypeWrapper<Actor>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Boolean: Scalars['Boolean']['output'];
  CreateEventResult: BatchItemResult;
  CreateEventsResult: BatchResult;
  CreatedToken: CreatedTokenModel;
  DateTime: Scalars['DateTime']['output'];
  Event: EventRecord;
  EventChange: EventChangeModel;
  EventConnection: EventPage;
  EventEdge: EventRecord;
  EventError: EventError;
  EventFilter: EventFilter;
  EventInput: EventInput;
  EventNode: EventTreeNode;
  EventRevision: RevisionModel;
  HistogramBucket: HistogramBucket;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LaneHistogram: LaneHistogram;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: EventPage;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TagKeyCount: TagKeyCount;
  TagMap: Scalars['TagMap']['output'];
  TagValueCount: TagValueCount;
  Token: TokenInfo;
  URLMap: Scalars['URLMap']['output'];
  Viewer: Actor;
}>;

export type CreateEventResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateEventResult'] = ResolversParentTypes['CreateEventResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['EventError']>, ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CreateEventsResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateEventsResult'] = ResolversParentTypes['CreateEventsResult']> = ResolversObject<{
  createdCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['CreateEventResult']>, ParentType, ContextType>;
}>;

export type CreatedTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedToken'] = ResolversParentTypes['CreatedToken']> = ResolversObject<{
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['Token'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = ResolversObject<{
  ancestors?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<EventAncestorsArgs, 'limit'>>;
  changedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detailUrls?: Resolver<ResolversTypes['URLMap'], ParentType, ContextType>;
  endTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revisions?: Resolver<Array<ResolversTypes['EventRevision']>, ParentType, ContextType, RequireFields<EventRevisionsArgs, 'last'>>;
  sourceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tags?: Resolver<ResolversTypes['TagMap'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EventChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventChange'] = ResolversParentTypes['EventChange']> = ResolversObject<{
  event?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChangeKind'], ParentType, ContextType>;
}>;

export type EventConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventConnection'] = ResolversParentTypes['EventConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EventEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EventEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventEdge'] = ResolversParentTypes['EventEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
}>;

export type EventErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventError'] = ResolversParentTypes['EventError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EventNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventNode'] = ResolversParentTypes['EventNode']> = ResolversObject<{
  children?: Resolver<Array<ResolversTypes['EventNode']>, ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  event?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type EventRevisionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventRevision'] = ResolversParentTypes['EventRevision']> = ResolversObject<{
  changedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detailUrls?: Resolver<ResolversTypes['URLMap'], ParentType, ContextType>;
  endTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sourceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tags?: Resolver<ResolversTypes['TagMap'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type HistogramBucketResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HistogramBucket'] = ResolversParentTypes['HistogramBucket']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type LaneHistogramResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LaneHistogram'] = ResolversParentTypes['LaneHistogram']> = ResolversObject<{
  buckets?: Resolver<Array<ResolversTypes['HistogramBucket']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationCreateEventArgs, 'event'>>;
  createEvents?: Resolver<ResolversTypes['CreateEventsResult'], ParentType, ContextType, RequireFields<MutationCreateEventsArgs, 'events'>>;
  createToken?: Resolver<ResolversTypes['CreatedToken'], ParentType, ContextType, RequireFields<MutationCreateTokenArgs, 'name' | 'scopes'>>;
  deleteEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationDeleteEventArgs, 'id'>>;
  mergeEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationMergeEventArgs, 'event' | 'upsert'>>;
  replaceEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationReplaceEventArgs, 'event' | 'upsert'>>;
  restoreEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationRestoreEventArgs, 'id'>>;
  revokeToken?: Resolver<ResolversTypes['Token'], ParentType, ContextType, RequireFields<MutationRevokeTokenArgs, 'name'>>;
  updateEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationUpdateEventArgs, 'event' | 'upsert'>>;
}>;

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Event' | 'EventRevision', ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<QueryEventArgs, 'id'>>;
  eventTree?: Resolver<Maybe<ResolversTypes['EventNode']>, ParentType, ContextType, RequireFields<QueryEventTreeArgs, 'id' | 'maxDepth'>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, Partial<QueryEventsArgs>>;
  histogram?: Resolver<Array<ResolversTypes['HistogramBucket']>, ParentType, ContextType, RequireFields<QueryHistogramArgs, 'filter' | 'interval'>>;
  laneHistogram?: Resolver<Array<ResolversTypes['LaneHistogram']>, ParentType, ContextType, RequireFields<QueryLaneHistogramArgs, 'filter' | 'first' | 'interval' | 'key'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  tagKeys?: Resolver<Array<ResolversTypes['TagKeyCount']>, ParentType, ContextType, RequireFields<QueryTagKeysArgs, 'first'>>;
  tagValues?: Resolver<Array<ResolversTypes['TagValueCount']>, ParentType, ContextType, RequireFields<QueryTagValuesArgs, 'first' | 'key'>>;
  tokens?: Resolver<Array<ResolversTypes['Token']>, ParentType, ContextType>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  eventChanged?: SubscriptionResolver<ResolversTypes['EventChange'], "eventChanged", ParentType, ContextType, Partial<SubscriptionEventChangedArgs>>;
}>;

export type TagKeyCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TagKeyCount'] = ResolversParentTypes['TagKeyCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface TagMapScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['TagMap'], any> {
  name: 'TagMap';
}

export type TagValueCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TagValueCount'] = ResolversParentTypes['TagValueCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Token'] = ResolversParentTypes['Token']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  namespace?: Resolver<Maybe<ResolversTypes['TagMap']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['Scope']>, ParentType, ContextType>;
}>;

export interface UrlMapScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URLMap'], any> {
  name: 'URLMap';
}

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = ResolversObject<{
  namespace?: Resolver<Maybe<ResolversTypes['TagMap']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['Scope']>, ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  CreateEventResult?: CreateEventResultResolvers<ContextType>;
  CreateEventsResult?: CreateEventsResultResolvers<ContextType>;
  CreatedToken?: CreatedTokenResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Event?: EventResolvers<ContextType>;
  EventChange?: EventChangeResolvers<ContextType>;
  EventConnection?: EventConnectionResolvers<ContextType>;
  EventEdge?: EventEdgeResolvers<ContextType>;
  EventError?: EventErrorResolvers<ContextType>;
  EventNode?: EventNodeResolvers<ContextType>;
  EventRevision?: EventRevisionResolvers<ContextType>;
  HistogramBucket?: HistogramBucketResolvers<ContextType>;
  LaneHistogram?: LaneHistogramResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TagKeyCount?: TagKeyCountResolvers<ContextType>;
  TagMap?: GraphQLScalarType;
  TagValueCount?: TagValueCountResolvers<ContextType>;
  Token?: TokenResolvers<ContextType>;
  URLMap?: GraphQLScalarType;
  Viewer?: ViewerResolvers<ContextType>;
}>;

