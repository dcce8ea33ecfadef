/* eslint-disable */
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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
  DateTime: { input: string | number; output: string; }
  /**
   * Tags of an event: a JSON object mapping a key to a non-empty list of distinct strings,
   * e.g. {"service": ["zon-web"], "author": ["a@example.com", "b@example.com"]}.
   * Keys are 1..100 characters, values 1..200 characters; any characters are allowed.
   */
  TagMap: { input: Record<string, string[]>; output: Record<string, string[]>; }
  /**
   * Links to systems holding details of an event: a JSON object mapping a name to a URL
   * string, e.g. {"ci": "https://ci.example.com/run/4711"}. URLs are not checked for form.
   */
  URLMap: { input: Record<string, string>; output: Record<string, string>; }
};

export type ChangeKind =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

/** The outcome of one event of a batch, at the index it had in the input. */
export type CreateEventResult = {
  __typename?: 'CreateEventResult';
  error: Maybe<EventError>;
  event: Maybe<Event>;
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
  changedBy: Maybe<Scalars['String']['output']>;
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
  parent: Maybe<Event>;
  /** The id of the event that caused this one. */
  parentId: Maybe<Scalars['ID']['output']>;
  /** 1 on create, +1 on every change. */
  revision: Scalars['Int']['output'];
  /**
   * The earlier versions of this event (not the current one), oldest first: the most recent
   * `last` of them (0..1000), so that an event changed thousands of times stays cheap to read.
   */
  revisions: Array<EventRevision>;
  /** The id of this event in the system that reported it (a CI run, a deploy); 1..200 characters. */
  sourceId: Maybe<Scalars['String']['output']>;
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
  field: Maybe<Scalars['String']['output']>;
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
  changedBy: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  detailUrls: Scalars['URLMap']['output'];
  endTime: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  parentId: Maybe<Scalars['ID']['output']>;
  revision: Scalars['Int']['output'];
  sourceId: Maybe<Scalars['String']['output']>;
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
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One event by id; null when there is none. */
  event: Maybe<Event>;
  /**
   * The subtree of events caused by an event (its impact). maxDepth 1 is the event and its
   * direct children; at most 10000 events are returned. Null when the event does not exist.
   */
  eventTree: Maybe<EventNode>;
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
  createdBy: Maybe<Scalars['String']['output']>;
  /** Recorded at most once a minute. */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Tags every event written with this token must carry, e.g. {"source": ["jenkins"]}. */
  namespace: Maybe<Scalars['TagMap']['output']>;
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  scopes: Array<Scope>;
};

export type Viewer = {
  __typename?: 'Viewer';
  /** Tags every event written by this caller must carry; null when it may write any event. */
  namespace: Maybe<Scalars['TagMap']['output']>;
  scopes: Array<Scope>;
  /** The token's name; null for a request without a token. */
  token: Maybe<Scalars['String']['output']>;
};
