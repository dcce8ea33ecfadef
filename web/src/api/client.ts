/**
 * The UI's only way to the server: the client package's transport (GraphQL over fetch for
 * queries, graphql-ws for the live subscription) on this origin's /graphql, carrying the
 * token when one is set. Timeouts, retries and errors are the transport's, as for bots.
 */
import { EtsError, GraphQLTransport } from 'ets-client/transport';
import type { TypedDocumentString } from './__generated__/graphql';
import { onTokenChange, readToken } from './token';

/**
 * A failed request, with the server's extensions.code, or NETWORK, TIMEOUT or HTTP_<status>
 * when there was no GraphQL answer.
 */
export { EtsError as ApiError };

/** Any failure as an ApiError (a bug in the page still gets a message the user can read). */
export function asApiError(error: unknown): EtsError {
  return error instanceof EtsError ? error : new EtsError(String(error), 'INTERNAL_SERVER_ERROR');
}

const socketState = new Set<(connected: boolean) => void>();

const transport = new GraphQLTransport({
  url: location.origin,
  token: () => readToken() || undefined,
  // Longer than the server's own store deadline: the user sees the server's answer.
  timeoutMs: 30_000,
  // The page stays live for as long as it is open.
  reconnects: Infinity,
  on: {
    // Live once a ping sent after our subscribe has come back: the server has taken it.
    // (The client sends the subscribe after this listener runs, hence the timeout.)
    connected: (connection) => setTimeout(() => (connection as WebSocket).send(JSON.stringify({ type: 'ping' }))),
    pong: (received) => received && socketState.forEach((listener) => listener(true)),
    closed: () => socketState.forEach((listener) => listener(false)),
  },
});

// A new token needs a new connection: the old one was authenticated with the old token.
onTokenChange(() => void transport.disconnect());

export function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  return transport.request(document, variables, signal);
}

export function onLiveConnection(listener: (connected: boolean) => void): () => void {
  socketState.add(listener);
  return () => socketState.delete(listener);
}

/** Subscribes; returns the function that ends the subscription. */
export function subscribe<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onData: (data: TResult) => void,
  onError: (error: EtsError) => void,
): () => void {
  return transport.subscribe(document, variables, { next: onData, error: onError });
}
