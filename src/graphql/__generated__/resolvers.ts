/* eslint-disable */
import type { DateTimeInput } from '../scalars';
import type { TagMap } from '../../domain/event';
import type { UrlMap } from '../../domain/event';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EventRecord } from '../../domain/event';
import type { EventPage, EventTreeNode, BatchResult, BatchItemResult } from '../../domain/event-service';
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
   * (a number), or the legacy "MM/dd/yy:HH:mm:ss" read as UTC ("12/05/16:10:25:00").
   */
  DateTime: { input: DateTimeInput; output: Date; }
  /**
   * Tags of an event: a JSON object mapping a key to a non-empty list of distinct strings,
   * e.g. {"service": ["zon-web"], "author": ["a@example.com", "b@example.com"]}.
   * Keys are 1..100 characters, values 1..200 characters; any characters are allowed.
   */
  TagMap: { input: TagMap; output: TagMap; }
  /**
   * Links to systems holding details of an event: a JSON object mapping a name to a URL
   * string, e.g. {"ci": "https://ci.example.com/run/4711"}. URLs are not checked for form.
   */
  URLMap: { input: UrlMap; output: UrlMap; }
};

export type ChangeKind =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

/** The outcome of one event of a batch, at the index it had in the input. */
export type CreateEventResult = {
  __typename?: 'CreateEventResult';
  error?: Maybe<EventError>;
  event?: Maybe<Event>;
  index: Scalars['Int']['output'];
};

export type CreateEventsResult = {
  __typename?: 'CreateEventsResult';
  createdCount: Scalars['Int']['output'];
  failedCount: Scalars['Int']['output'];
  results: Array<CreateEventResult>;
};

export type CreatedToken = {
  __typename?: 'CreatedToken';
  /** Send it as `Authorization: Bearer <secret>`. It is not shown again. */
  secret: Scalars['String']['output'];
  token: Token;
};

/**
 * One operational change (a deploy, a build, a config flip, an incident, a manual step)
 * over a period of time.
 */
export type Event = {
  __typename?: 'Event';
  /** The chain of causes up to the root, the parent first, at most `limit` events. */
  ancestors: Array<Event>;
  /** The name of the token that made this version; null when it was made without one. */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** The events this one caused, newest start time first. */
  children: Array<Event>;
  /** Set by the server when the event was first stored. */
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  detailUrls: Scalars['URLMap']['output'];
  endTime: Scalars['DateTime']['output'];
  /** Unique, user-supplied or a generated uuid v4; 1..100 characters. */
  id: Scalars['ID']['output'];
  /** The event that caused this one; null when there is none or it is not stored. */
  parent?: Maybe<Event>;
  /** The id of the event that caused this one. */
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
  startTime: Scalars['DateTime']['output'];
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
  kind: ChangeKind;
};

/** A page of events, newest start time first (ties broken by id). */
export type EventConnection = {
  __typename?: 'EventConnection';
  edges: Array<EventEdge>;
  nodes: Array<Event>;
  pageInfo: PageInfo;
  /** How many events match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

export type EventEdge = {
  __typename?: 'EventEdge';
  cursor: Scalars['String']['output'];
  node: Event;
};

/** Why one event of a batch was not created. */
export type EventError = {
  __typename?: 'EventError';
  /** BAD_USER_INPUT, CONFLICT or FORBIDDEN. */
  code: Scalars['String']['output'];
  /** The input field at fault, when there is one. */
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

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
  timeField?: InputMaybe<TimeField>;
  /** End of the time window, exclusive. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/**
 * An event to write. Which fields are required and what absent fields mean depends on the
 * mutation: see each mutation.
 */
export type EventInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  detailUrls?: InputMaybe<Scalars['URLMap']['input']>;
  endTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** Absent on create: a uuid v4 is generated. Required by replace, update and merge. */
  id?: InputMaybe<Scalars['ID']['input']>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Merge sets it when the event has none; a different one is a CONFLICT, as for parentId. */
  sourceId?: InputMaybe<Scalars['String']['input']>;
  /** No time given: both are now. One given: both are it. */
  startTime?: InputMaybe<Scalars['DateTime']['input']>;
  tags?: InputMaybe<Scalars['TagMap']['input']>;
};

/** An event and the tree of the events it caused. */
export type EventNode = {
  __typename?: 'EventNode';
  children: Array<EventNode>;
  /** How far below the root of the requested tree this node is (the root is 0). */
  depth: Scalars['Int']['output'];
  event: Event;
  /** True when this node has children that were left out because of maxDepth or the size limit. */
  truncated: Scalars['Boolean']['output'];
};

/** A stored earlier version of an event, as it was at that revision. */
export type EventRevision = {
  __typename?: 'EventRevision';
  /** The name of the token that made this version; null when it was made without one. */
  changedBy?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  detailUrls: Scalars['URLMap']['output'];
  endTime: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  parentId?: Maybe<Scalars['ID']['output']>;
  revision: Scalars['Int']['output'];
  sourceId?: Maybe<Scalars['String']['output']>;
  startTime: Scalars['DateTime']['output'];
  tags: Scalars['TagMap']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** How many matching events start in [start, start + interval). */
export type HistogramBucket = {
  __typename?: 'HistogramBucket';
  count: Scalars['Int']['output'];
  start: Scalars['DateTime']['output'];
};

/** The histogram of the matching events that carry one value of a tag key. */
export type LaneHistogram = {
  __typename?: 'LaneHistogram';
  /** The buckets holding at least one such event, oldest first. */
  buckets: Array<HistogramBucket>;
  /** How many matching events carry the value, over the whole window. */
  count: Scalars['Int']['output'];
  value: Scalars['String']['output'];
};

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
  /** Overwrites the given fields and keeps the others. Without upsert a missing event is NOT_FOUND. */
  updateEvent: Event;
};


export type MutationCreateEventArgs = {
  event: EventInput;
};


export type MutationCreateEventsArgs = {
  events: Array<EventInput>;
};


export type MutationCreateTokenArgs = {
  name: Scalars['String']['input'];
  namespace?: InputMaybe<Scalars['TagMap']['input']>;
  scopes: Array<Scope>;
};


export type MutationDeleteEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMergeEventArgs = {
  event: EventInput;
  upsert?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationReplaceEventArgs = {
  event: EventInput;
  upsert?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRestoreEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeTokenArgs = {
  name: Scalars['String']['input'];
};


export type MutationUpdateEventArgs = {
  event: EventInput;
  upsert?: InputMaybe<Scalars['Boolean']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One event by id; null when there is none. */
  event?: Maybe<Event>;
  /**
   * The subtree of events caused by an event (its impact). maxDepth 1 is the event and its
   * direct children; at most 10000 events are returned. Null when the event does not exist.
   */
  eventTree?: Maybe<EventNode>;
  /** Events matching the filter, newest start time first. `first` is 0..1000. */
  events: EventConnection;
  /**
   * Counts of the matching events per time bucket, by start time, over the filter's window
   * [from, to) (both required). `interval` is a number and a unit: 30s, 5m, 1h, 1d, 1w;
   * buckets are aligned to multiples of it, at most 10000.
   */
  histogram: Array<HistogramBucket>;
  /**
   * The histogram of each value of one tag key (a timeline's lanes): for the `first` values
   * with the most matching events (0..1000), the count per time bucket, by start time, over
   * the filter's window. Lets a view show where every lane is busy when the window holds
   * more events than it can draw. Buckets without events are left out.
   */
  laneHistogram: Array<LaneHistogram>;
  /** The tag keys of the matching events, the most common first (ties by key). `first` is 0..1000. */
  tagKeys: Array<TagKeyCount>;
  /** The values of one tag key among the matching events, the most common first. `first` is 0..1000. */
  tagValues: Array<TagValueCount>;
  /** Every API token, revoked ones too, oldest first. Needs the admin scope. */
  tokens: Array<Token>;
  /** Who the request is made as, and what it may do. */
  viewer: Viewer;
};


export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventTreeArgs = {
  id: Scalars['ID']['input'];
  maxDepth?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryHistogramArgs = {
  filter: EventFilter;
  interval: Scalars['String']['input'];
};


export type QueryLaneHistogramArgs = {
  filter: EventFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
  interval: Scalars['String']['input'];
  key: Scalars['String']['input'];
};


export type QueryTagKeysArgs = {
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTagValuesArgs = {
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  key: Scalars['String']['input'];
};

/** What a token (or a request without one) may do. Each scope includes the ones before it. */
export type Scope =
  | 'ADMIN'
  | 'READ'
  | 'WRITE';

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


export type SubscriptionEventChangedArgs = {
  filter?: InputMaybe<EventFilter>;
};

/** A tag key and how many of the matching events carry it. */
export type TagKeyCount = {
  __typename?: 'TagKeyCount';
  count: Scalars['Int']['output'];
  key: Scalars['String']['output'];
};

/** A value of a tag key and how many of the matching events carry it. */
export type TagValueCount = {
  __typename?: 'TagValueCount';
  count: Scalars['Int']['output'];
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
  createdAt: Scalars['DateTime']['output'];
  /** The token that created this one; null when created without one. */
  createdBy?: Maybe<Scalars['String']['output']>;
  /** Recorded at most once a minute. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Tags every event written with this token must carry, e.g. {"source": ["jenkins"]}. */
  namespace?: Maybe<Scalars['TagMap']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  scopes: Array<Scope>;
};

export type Viewer = {
  __typename?: 'Viewer';
  /** Tags every event written by this caller must carry; null when it may write any event. */
  namespace?: Maybe<Scalars['TagMap']['output']>;
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
  EventRevision: ResolverTypeWrapper<EventRecord>;
  HistogramBucket: ResolverTypeWrapper<HistogramBucket>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LaneHistogram: ResolverTypeWrapper<LaneHistogram>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
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
  EventRevision: EventRecord;
  HistogramBucket: HistogramBucket;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LaneHistogram: LaneHistogram;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
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
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sourceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tags?: Resolver<ResolversTypes['TagMap'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
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

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<QueryEventArgs, 'id'>>;
  eventTree?: Resolver<Maybe<ResolversTypes['EventNode']>, ParentType, ContextType, RequireFields<QueryEventTreeArgs, 'id' | 'maxDepth'>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, RequireFields<QueryEventsArgs, 'first'>>;
  histogram?: Resolver<Array<ResolversTypes['HistogramBucket']>, ParentType, ContextType, RequireFields<QueryHistogramArgs, 'filter' | 'interval'>>;
  laneHistogram?: Resolver<Array<ResolversTypes['LaneHistogram']>, ParentType, ContextType, RequireFields<QueryLaneHistogramArgs, 'filter' | 'first' | 'interval' | 'key'>>;
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

