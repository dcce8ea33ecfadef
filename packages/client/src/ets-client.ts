/**
 * The typed client for bots: every operation of the GraphQL API (./operations.ts, typed by
 * codegen), over the transport's timeouts, retries and errors that carry the server's code.
 */
import type { ResultOf } from '@graphql-typed-document-node/core';
import WebSocket from 'ws';
import type {
  EventFieldsFragment,
  EventFilter,
  EventInput,
  EventTreeLevelFragment,
  Scope,
  TokenFieldsFragment,
} from './__generated__/graphql';
import {
  CreateEventMutation,
  CreateEventsMutation,
  CreateTokenMutation,
  DeleteEventMutation,
  EventChangedSubscription,
  EventQuery,
  EventsQuery,
  EventTreeLevel,
  MergeEventMutation,
  ReplaceEventMutation,
  RevokeTokenMutation,
  TokensQuery,
  UpdateEventMutation,
  ViewerQuery,
} from './operations';
import { EtsError, GraphQLTransport, type TypedDocument } from './transport';

/** The fields of an event, as the client reads them (relations are separate calls). */
export type EventData = EventFieldsFragment;
export type Token = TokenFieldsFragment;
export type Viewer = ResultOf<typeof ViewerQuery>['viewer'];
export type EventChange = ResultOf<typeof EventChangedSubscription>['eventChanged'];
export type { EventFilter, EventInput, Scope };
export interface EventTree {
  event: EventData;
  children: EventTree[];
}
export type BatchResult = { index: number; event: EventData } | { index: number; error: EtsError };

export interface EtsClientOptions {
  /** The server, e.g. http://127.0.0.1:4000 (the GraphQL endpoint is /graphql). */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** Attempts after the first for retryable errors; default 3. */
  retries?: number;
  /** First back-off pause, doubled (with jitter) each time; default 200 ms. */
  backoffMs?: number;
}

/** One level of `eventTree` as `tree` asks for it: the levels below, down to its depth. */
type TreeLevel = EventTreeLevelFragment & { children?: TreeLevel[] };

export class EtsClient {
  private readonly transport: GraphQLTransport;

  constructor(options: EtsClientOptions) {
    this.transport = new GraphQLTransport({ ...options, webSocketImpl: WebSocket });
  }

  /** Sends one GraphQL operation (a typed document, or its text), retrying what is worth retrying. */
  request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  request<TResult>(query: string, variables?: Record<string, unknown>): Promise<TResult>;
  request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables> | string,
    variables?: TVariables,
  ): Promise<TResult> {
    return this.transport.request(document, variables ?? ({} as TVariables));
  }

  async create(event: EventInput): Promise<EventData> {
    return (await this.request(CreateEventMutation, { event })).createEvent;
  }

  /** Creates many events; each result says whether that one was created or why not. */
  async createMany(events: EventInput[]): Promise<BatchResult[]> {
    const { createEvents } = await this.request(CreateEventsMutation, { events });
    return createEvents.results.map(({ index, event, error }) =>
      event
        ? { index, event }
        : {
            index,
            error: new EtsError(error?.message ?? 'not created', error?.code ?? 'UNKNOWN', error?.field ?? undefined),
          },
    );
  }

  async replace(event: EventInput, options: { upsert?: boolean } = {}): Promise<EventData> {
    return (await this.request(ReplaceEventMutation, { event, upsert: options.upsert ?? false })).replaceEvent;
  }

  async update(event: EventInput, options: { upsert?: boolean } = {}): Promise<EventData> {
    return (await this.request(UpdateEventMutation, { event, upsert: options.upsert ?? false })).updateEvent;
  }

  async merge(event: EventInput, options: { upsert?: boolean } = {}): Promise<EventData> {
    return (await this.request(MergeEventMutation, { event, upsert: options.upsert ?? false })).mergeEvent;
  }

  async delete(id: string): Promise<EventData> {
    return (await this.request(DeleteEventMutation, { id })).deleteEvent;
  }

  /** One event, or null when there is none. */
  async get(id: string): Promise<EventData | null> {
    return (await this.request(EventQuery, { id })).event;
  }

  /** Every matching event, newest start time first, fetched page by page as it is read. */
  async *list(filter: EventFilter = {}, options: { pageSize?: number } = {}): AsyncIterableIterator<EventData> {
    let after: string | null = null;
    do {
      const { events }: ResultOf<typeof EventsQuery> = await this.request(EventsQuery, {
        filter,
        first: options.pageSize ?? 500,
        after,
      });
      yield* events.nodes;
      after = events.pageInfo.hasNextPage ? events.pageInfo.endCursor : null;
    } while (after);
  }

  /**
   * The tree of events an event caused, `maxDepth` levels deep (the deepest nodes list no
   * children); null when it does not exist.
   */
  async tree(id: string, maxDepth = 10): Promise<EventTree | null> {
    // GraphQL has no recursive selections: the query nests the typed level `maxDepth` times.
    const levels = (depth: number): string =>
      `...EventTreeLevel${depth > 0 ? ` children { ${levels(depth - 1)} }` : ''}`;
    const query = `query EventTree($id: ID!, $maxDepth: Int) {
      eventTree(id: $id, maxDepth: $maxDepth) { ${levels(maxDepth)} } }
      ${EventTreeLevel}`;
    const { eventTree } = await this.request<{ eventTree: TreeLevel | null }>(query, { id, maxDepth });
    const complete = (node: TreeLevel): EventTree => ({
      event: node.event,
      children: (node.children ?? []).map(complete),
    });
    return eventTree ? complete(eventTree) : null;
  }

  /** Who this client's token is, and what it may do. */
  async viewer(): Promise<Viewer> {
    return (await this.request(ViewerQuery, {})).viewer;
  }

  /** A new API token (needs admin). `secret` is shown this once. */
  async createToken(input: {
    name: string;
    scopes: Scope[];
    namespace?: Record<string, string[]>;
  }): Promise<{ secret: string; token: Token }> {
    const variables = { name: input.name, scopes: input.scopes, namespace: input.namespace ?? null };
    return (await this.request(CreateTokenMutation, variables)).createToken;
  }

  /** Every token, revoked ones too (needs admin). */
  async tokens(): Promise<Token[]> {
    return (await this.request(TokensQuery, {})).tokens;
  }

  async revokeToken(name: string): Promise<Token> {
    return (await this.request(RevokeTokenMutation, { name })).revokeToken;
  }

  /** Live changes matching the filter, until `signal` aborts or the server ends the stream. */
  async *tail(filter: EventFilter = {}, signal?: AbortSignal): AsyncIterableIterator<EventChange> {
    for await (const { eventChanged } of this.transport.iterate(EventChangedSubscription, { filter }, signal)) {
      yield eventChanged;
    }
  }
}
