/**
 * The typed client for bots: every operation of the GraphQL API, with timeouts, retries
 * with back-off on network errors, 5xx answers and an unavailable store (never on a
 * CONFLICT, NOT_FOUND or BAD_USER_INPUT), and errors that carry the server's code.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type {
  Event,
  EventChange as SchemaEventChange,
  EventFilter,
  EventInput,
  Scope,
  Token,
  Viewer,
} from './__generated__/schema';

/** The fields of an event, as the client reads them (relations are separate calls). */
export type EventData = Pick<
  Event,
  | 'id'
  | 'parentId'
  | 'sourceId'
  | 'startTime'
  | 'endTime'
  | 'description'
  | 'detailUrls'
  | 'tags'
  | 'createdAt'
  | 'updatedAt'
  | 'revision'
  | 'changedBy'
>;
export type { EventFilter, EventInput, Scope, Token, Viewer };
export type EventChange = Pick<SchemaEventChange, 'kind'> & { event: EventData };
export interface EventTree {
  event: EventData;
  children: EventTree[];
}
export type BatchResult = { index: number; event: EventData } | { index: number; error: EtsError };

const FIELDS =
  'id parentId sourceId startTime endTime description detailUrls tags createdAt updatedAt revision changedBy';
const TOKEN_FIELDS = 'name scopes namespace createdAt createdBy lastUsedAt revokedAt';

/** An error of the server (with its extensions.code) or of the way to it. */
export class EtsError extends Error {
  constructor(
    message: string,
    /** BAD_USER_INPUT, NOT_FOUND, CONFLICT, STORE_UNAVAILABLE, …, or NETWORK, TIMEOUT, HTTP_<status>. */
    readonly code: string,
    readonly field?: string,
    /** From a RATE_LIMITED answer: how long the server asks to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'EtsError';
  }

  /** Worth trying again: the request may not have been seen, the store was away, or the rate was hit. */
  get retryable(): boolean {
    return (
      ['NETWORK', 'TIMEOUT', 'STORE_UNAVAILABLE', 'RATE_LIMITED'].includes(this.code) || /^HTTP_5\d\d$/.test(this.code)
    );
  }
}

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

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

export class EtsClient {
  private readonly endpoint: string;

  constructor(private readonly options: EtsClientOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/graphql`;
  }

  /** Sends one GraphQL operation, retrying what is worth retrying. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt<T>(query, variables);
      } catch (error) {
        if (!(error instanceof EtsError) || !error.retryable || attempt >= retries) throw error;
        const pause = (this.options.backoffMs ?? 200) * 2 ** attempt;
        const jittered = pause / 2 + Math.random() * (pause / 2);
        await new Promise((resolve) => setTimeout(resolve, Math.max(jittered, error.retryAfterMs ?? 0)));
      }
    }
  }

  private async attempt<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.token && { authorization: `Bearer ${this.options.token}` }),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new EtsError(
        timedOut ? `no answer from ${this.endpoint} in time` : `cannot reach ${this.endpoint}: ${String(error)}`,
        timedOut ? 'TIMEOUT' : 'NETWORK',
      );
    }
    const text = await response.text();
    let answer: GraphQLAnswer<T>;
    try {
      answer = JSON.parse(text) as GraphQLAnswer<T>;
    } catch {
      throw new EtsError(
        `${this.endpoint} answered ${response.status}: ${text.slice(0, 200)}`,
        `HTTP_${response.status}`,
      );
    }
    const first = answer.errors?.[0];
    if (first) {
      const code = first.extensions?.code ?? (response.status >= 500 ? `HTTP_${response.status}` : 'GRAPHQL_ERROR');
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new EtsError(first.message, code, first.extensions?.field, retryAfter > 0 ? retryAfter * 1000 : undefined);
    }
    if (!answer.data)
      throw new EtsError(`${this.endpoint} answered ${response.status} without data`, `HTTP_${response.status}`);
    return answer.data;
  }

  async create(event: EventInput): Promise<EventData> {
    const data = await this.request<{ createEvent: EventData }>(
      `mutation($e: EventInput!) { createEvent(event: $e) { ${FIELDS} } }`,
      { e: event },
    );
    return data.createEvent;
  }

  /** Creates many events; each result says whether that one was created or why not. */
  async createMany(events: EventInput[]): Promise<BatchResult[]> {
    const data = await this.request<{
      createEvents: {
        results: Array<{
          index: number;
          event: EventData | null;
          error: { code: string; message: string; field: string | null } | null;
        }>;
      };
    }>(
      `mutation($es: [EventInput!]!) { createEvents(events: $es) {
         results { index event { ${FIELDS} } error { code message field } } } }`,
      { es: events },
    );
    return data.createEvents.results.map(({ index, event, error }) =>
      event
        ? { index, event }
        : {
            index,
            error: new EtsError(error?.message ?? 'not created', error?.code ?? 'UNKNOWN', error?.field ?? undefined),
          },
    );
  }

  replace(event: EventInput, options: { upsert?: boolean } = {}): Promise<EventData> {
    return this.write('replaceEvent', event, options.upsert ?? false);
  }

  update(event: EventInput, options: { upsert?: boolean } = {}): Promise<EventData> {
    return this.write('updateEvent', event, options.upsert ?? false);
  }

  merge(event: EventInput, options: { upsert?: boolean } = {}): Promise<EventData> {
    return this.write('mergeEvent', event, options.upsert ?? false);
  }

  private async write(mutation: string, event: EventInput, upsert: boolean): Promise<EventData> {
    const data = await this.request<Record<string, EventData>>(
      `mutation($e: EventInput!, $u: Boolean) { ${mutation}(event: $e, upsert: $u) { ${FIELDS} } }`,
      { e: event, u: upsert },
    );
    return data[mutation] as EventData;
  }

  async delete(id: string): Promise<EventData> {
    return (
      await this.request<{ deleteEvent: EventData }>(`mutation($id: ID!) { deleteEvent(id: $id) { ${FIELDS} } }`, {
        id,
      })
    ).deleteEvent;
  }

  /** One event, or null when there is none. */
  async get(id: string): Promise<EventData | null> {
    return (await this.request<{ event: EventData | null }>(`query($id: ID!) { event(id: $id) { ${FIELDS} } }`, { id }))
      .event;
  }

  /** Every matching event, newest start time first, fetched page by page as it is read. */
  async *list(filter: EventFilter = {}, options: { pageSize?: number } = {}): AsyncIterableIterator<EventData> {
    let after: string | null = null;
    do {
      const data: { events: { nodes: EventData[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await this.request(
          `query($f: EventFilter, $n: Int, $a: String) { events(filter: $f, first: $n, after: $a) {
             nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`,
          { f: filter, n: options.pageSize ?? 500, a: after },
        );
      yield* data.events.nodes;
      after = data.events.pageInfo.hasNextPage ? data.events.pageInfo.endCursor : null;
    } while (after);
  }

  /**
   * The tree of events an event caused, `maxDepth` levels deep (the deepest nodes list no
   * children); null when it does not exist.
   */
  async tree(id: string, maxDepth = 10): Promise<EventTree | null> {
    const selection = (depth: number): string =>
      `event { ${FIELDS} }${depth > 0 ? ` children { ${selection(depth - 1)} }` : ''}`;
    const data = await this.request<{ eventTree: Partial<EventTree> | null }>(
      `query($id: ID!, $d: Int) { eventTree(id: $id, maxDepth: $d) { ${selection(maxDepth)} } }`,
      { id, d: maxDepth },
    );
    const complete = (node: Partial<EventTree>): EventTree => ({
      event: node.event as EventData,
      children: (node.children ?? []).map(complete),
    });
    return data.eventTree ? complete(data.eventTree) : null;
  }

  /** Who this client's token is, and what it may do. */
  async viewer(): Promise<Viewer> {
    return (await this.request<{ viewer: Viewer }>('{ viewer { token scopes namespace } }')).viewer;
  }

  /** A new API token (needs admin). `secret` is shown this once. */
  async createToken(input: {
    name: string;
    scopes: Scope[];
    namespace?: Record<string, string[]>;
  }): Promise<{ secret: string; token: Token }> {
    const data = await this.request<{ createToken: { secret: string; token: Token } }>(
      `mutation($n: String!, $s: [Scope!]!, $ns: TagMap) {
        createToken(name: $n, scopes: $s, namespace: $ns) { secret token { ${TOKEN_FIELDS} } }
      }`,
      { n: input.name, s: input.scopes, ns: input.namespace ?? null },
    );
    return data.createToken;
  }

  /** Every token, revoked ones too (needs admin). */
  async tokens(): Promise<Token[]> {
    return (await this.request<{ tokens: Token[] }>(`{ tokens { ${TOKEN_FIELDS} } }`)).tokens;
  }

  async revokeToken(name: string): Promise<Token> {
    const data = await this.request<{ revokeToken: Token }>(
      `mutation($n: String!) { revokeToken(name: $n) { ${TOKEN_FIELDS} } }`,
      { n: name },
    );
    return data.revokeToken;
  }

  /** Live changes matching the filter, until `signal` aborts or the server ends the stream. */
  async *tail(filter: EventFilter = {}, signal?: AbortSignal): AsyncIterableIterator<EventChange> {
    const client = createClient({
      url: this.endpoint.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: this.options.token ? { authorization: `Bearer ${this.options.token}` } : undefined,
      retryAttempts: this.options.retries ?? 3,
      // A refused token (close 4403) stays refused: no retry.
      shouldRetry: (closed) => refusal(closed) === undefined,
    });
    const changes = client.iterate<{ eventChanged: EventChange }>({
      query: `subscription($f: EventFilter) { eventChanged(filter: $f) { kind event { ${FIELDS} } } }`,
      variables: { f: filter },
    });
    const stop = () => void changes.return?.();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const result of changes) {
        const error = result.errors?.[0] as { message: string; extensions?: { code?: string } } | undefined;
        if (error) throw new EtsError(error.message, error.extensions?.code ?? 'GRAPHQL_ERROR');
        if (result.data) yield result.data.eventChanged;
      }
    } catch (error) {
      throw refusal(error) ?? error;
    } finally {
      signal?.removeEventListener('abort', stop);
      await client.dispose();
    }
  }
}

/** The server's refusal of a graphql-ws connection (close 4403, reason "CODE: message") as an EtsError. */
function refusal(closed: unknown): EtsError | undefined {
  const { code, reason } = (closed ?? {}) as { code?: unknown; reason?: unknown };
  if (code !== 4403 || typeof reason !== 'string') return undefined;
  const [, errorCode = 'FORBIDDEN', message = reason] = /^([A-Z_]+): (.*)$/s.exec(reason) ?? [];
  return new EtsError(message, errorCode);
}
