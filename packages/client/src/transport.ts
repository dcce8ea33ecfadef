/**
 * GraphQL to ETS over fetch (queries, mutations) and graphql-ws (subscriptions), for the
 * client, the CLI, the web UI and the tests alike: one timeout, one retry policy, one error
 * type. It uses no Node module, so the browser can run it; Node passes its WebSocket
 * implementation (ws) in.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { backOff } from 'exponential-backoff';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';

/** A GraphQL document as codegen writes it (documentMode string): its text, typed by its result and variables. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

/** A typed document, or the text of an operation (untyped: its result is what the caller says). */
export type Operation<TResult, TVariables> = TypedDocument<TResult, TVariables> | string;

export interface GraphQLErrorBody {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; retryAfter?: number; [key: string]: unknown };
}

/** A GraphQL response body as the server sent it. */
export interface GraphQLBody<TResult> {
  data?: TResult | null;
  errors?: GraphQLErrorBody[];
  extensions?: Record<string, unknown>;
}

/** The server's answer to one POST. */
export interface GraphQLAnswer<TResult> {
  status: number;
  headers: Headers;
  body: GraphQLBody<TResult>;
}

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

export interface PostOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** None: the request waits as long as the server takes. */
  timeoutMs?: number;
  /** The caller's own abort: its reason is thrown as it is, not as an EtsError. */
  signal?: AbortSignal;
}

/**
 * One POST of one operation, without retries: the answer as the server gave it, errors
 * included. Throws an EtsError only when there is no GraphQL answer (NETWORK, TIMEOUT,
 * HTTP_<status> for a body that is not JSON).
 */
export async function postOperation<TResult, TVariables>(
  endpoint: string,
  document: Operation<TResult, TVariables>,
  variables: TVariables | undefined,
  { token, timeoutMs, signal }: PostOptions = {},
): Promise<GraphQLAnswer<TResult>> {
  const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query: String(document), variables }),
      signal: signal && deadline ? AbortSignal.any([signal, deadline]) : (signal ?? deadline),
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (deadline?.aborted) throw new EtsError(`no answer from ${endpoint} within ${timeoutMs} ms`, 'TIMEOUT');
    throw new EtsError(`cannot reach ${endpoint}: ${causeOf(error)}`, 'NETWORK');
  }
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as GraphQLBody<TResult> };
  } catch {
    throw new EtsError(`${endpoint} answered ${response.status}: ${text.slice(0, 200)}`, `HTTP_${response.status}`);
  }
}

/** "fetch failed (ECONNREFUSED)": Node's fetch hides the reason in its cause. */
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `${error.message} (${detail})` : error.message;
}

/** A GraphQL error as an EtsError with the server's code (and field, and wait when rate-limited). */
export function etsErrorOf(error: GraphQLErrorBody, status = 200, retryAfterHeader?: string | null): EtsError {
  const code = error.extensions?.code ?? (status >= 500 ? `HTTP_${status}` : 'GRAPHQL_ERROR');
  const retryAfterSeconds = Number(retryAfterHeader ?? error.extensions?.retryAfter);
  return new EtsError(
    error.message,
    code,
    error.extensions?.field,
    retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : undefined,
  );
}

/** The data of an answer, or its first error as an EtsError. */
export function answerData<TResult>({ status, headers, body }: GraphQLAnswer<TResult>, endpoint: string): TResult {
  const first = body.errors?.[0];
  if (first) throw etsErrorOf(first, status, headers.get('retry-after'));
  if (body.data) return body.data;
  // An answer without data or errors comes from something in front of ETS (a proxy's auth).
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : `HTTP_${status}`;
  throw new EtsError(`${endpoint} answered ${status} without data`, code);
}

export interface TransportOptions {
  /** The server, e.g. http://127.0.0.1:4000 (the GraphQL endpoint is /graphql). */
  url: string;
  /** Sent as `Authorization: Bearer <token>`; a function is asked again for each request and connection. */
  token?: string | (() => string | undefined);
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** Attempts after the first for retryable errors; default 3. */
  retries?: number;
  /** First back-off pause, doubled (with full jitter) each time, at most 30 s; default 200 ms. */
  backoffMs?: number;
  /** The WebSocket class, where there is no global one (Node 20: the `ws` package's). */
  webSocketImpl?: unknown;
  /** How often a lost live connection is opened again; default `retries`. */
  reconnects?: number;
  /** Listeners of the live connection (connected, pong, closed, …). */
  on?: ClientOptions['on'];
}

/** What a subscription is told: each result's data, or why it ended. */
export interface LiveSink<TResult> {
  next(data: TResult): void;
  error(error: EtsError): void;
  complete?(): void;
}

/**
 * The way to one ETS: requests retried with back-off on errors worth retrying (never on a
 * CONFLICT, NOT_FOUND, BAD_USER_INPUT, UNAUTHENTICATED or FORBIDDEN), and one live
 * connection for every subscription, opened when the first starts and closed after the last.
 */
export class GraphQLTransport {
  readonly endpoint: string;
  private live?: Client;

  constructor(private readonly options: TransportOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/graphql`;
  }

  private token(): string | undefined {
    const { token } = this.options;
    return typeof token === 'function' ? token() : token;
  }

  /** The data of one operation; its first error, or the failure to get an answer, as an EtsError. */
  async request<TResult, TVariables = Record<string, unknown>>(
    document: Operation<TResult, TVariables>,
    variables?: TVariables,
    signal?: AbortSignal,
  ): Promise<TResult> {
    const { timeoutMs = 10_000, retries = 3, backoffMs = 200 } = this.options;
    const attempt = async () =>
      answerData(
        await postOperation(this.endpoint, document, variables, { token: this.token(), timeoutMs, signal }),
        this.endpoint,
      );
    try {
      return await backOff(attempt, {
        numOfAttempts: retries + 1,
        startingDelay: backoffMs,
        timeMultiple: 2,
        maxDelay: 30_000,
        jitter: 'full',
        retry: async (error: unknown) => {
          if (signal?.aborted || !(error instanceof EtsError) || !error.retryable) return false;
          // The rate limit says when a token is free again; the back-off's pause comes on top.
          if (error.retryAfterMs) await pause(error.retryAfterMs, signal);
          return !signal?.aborted;
        },
      });
    } catch (error) {
      throw signal?.aborted ? signal.reason : error;
    }
  }

  /** Subscribes; returns the function that ends the subscription. */
  subscribe<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    sink: LiveSink<TResult>,
  ): () => void {
    return this.liveClient().subscribe<TResult>(
      { query: String(document), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          const first = result.errors?.[0] as GraphQLErrorBody | undefined;
          if (first) sink.error(etsErrorOf(first));
          else if (result.data) sink.next(result.data);
        },
        error: (error) => sink.error(this.liveError(error)),
        complete: () => sink.complete?.(),
      },
    );
  }

  /** A subscription's data as it comes, until `signal` aborts or the server ends it. */
  async *iterate<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): AsyncGenerator<TResult, void, undefined> {
    if (signal?.aborted) return;
    const results = this.liveClient().iterate<TResult>({
      query: String(document),
      variables: variables as Record<string, unknown>,
    });
    const stop = () => void results.return?.();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const result of results) {
        const first = result.errors?.[0] as GraphQLErrorBody | undefined;
        if (first) throw etsErrorOf(first);
        if (result.data) yield result.data;
      }
    } catch (error) {
      throw this.liveError(error);
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  /** Closes the live connection; the next subscription opens a new one (with the token as it is then). */
  async disconnect(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    await live?.dispose();
  }

  private liveClient(): Client {
    this.live ??= createClient({
      url: this.endpoint.replace(/^http/, 'ws'),
      webSocketImpl: this.options.webSocketImpl,
      connectionParams: () => {
        const token = this.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: this.options.reconnects ?? this.options.retries ?? 3,
      // A refused token (close 4403) stays refused; anything else may pass once the server is back.
      shouldRetry: (closed) => closeCodeOf(closed) !== REFUSED,
      on: this.options.on,
    });
    return this.live;
  }

  /** Why a live connection or subscription failed, as an EtsError. */
  private liveError(error: unknown): EtsError {
    if (error instanceof EtsError) return error;
    // graphql-ws hands over the errors of a refused subscribe as they came.
    if (Array.isArray(error) && error.length > 0) return etsErrorOf(error[0] as GraphQLErrorBody);
    const code = closeCodeOf(error);
    if (code !== undefined) {
      // ETS closes with a reason "CODE: message" when it refuses (4403) or asks to try again later (1013).
      const reason = String((error as { reason?: unknown }).reason ?? '');
      const [, serverCode, message] = /^([A-Z_]+): (.*)$/s.exec(reason) ?? [];
      if (serverCode && message) return new EtsError(message, serverCode);
      if (code === REFUSED) return new EtsError(reason || 'the server refused the connection', 'FORBIDDEN');
      return new EtsError(
        `the live connection to ${this.endpoint} closed (${code}${reason && `: ${reason}`})`,
        'NETWORK',
      );
    }
    return new EtsError(`the live connection to ${this.endpoint} failed: ${causeOf(error)}`, 'NETWORK');
  }
}

/** graphql-ws' "Forbidden": ETS closes with it when a token is refused. */
const REFUSED = 4403;

function closeCodeOf(closed: unknown): number | undefined {
  const code = (closed as { code?: unknown } | null | undefined)?.code;
  return typeof closed === 'object' && closed !== null && 'reason' in closed && typeof code === 'number'
    ? code
    : undefined;
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
