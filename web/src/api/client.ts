/**
 * The UI's only way to the server: GraphQL over fetch for queries and graphql-ws for the
 * live subscription, both on /graphql and both carrying the token when one is set.
 */
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './__generated__/graphql';
import { authorization, onTokenChange } from './token';

/** A failed request, with the server's extensions.code or NETWORK when it was not reached. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Any failure as an ApiError (a bug in the page still gets a message the user can read). */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(String(error), 'INTERNAL_SERVER_ERROR');
}

interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

function resultData<T>(result: GraphQLResult<T>): T {
  const error = result.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (!result.data) throw new ApiError('The server answered without data', 'INTERNAL_SERVER_ERROR');
  return result.data;
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const auth = authorization();
  if (auth) headers.authorization = auth;
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(`ETS is not reachable at ${location.origin}`, 'NETWORK');
  }
  let body: GraphQLResult<TResult>;
  try {
    body = (await response.json()) as GraphQLResult<TResult>;
  } catch {
    throw new ApiError(`ETS answered ${response.status} ${response.statusText}`, 'NETWORK');
  }
  if (response.status === 401 && !body.errors) throw new ApiError('A token is needed', 'UNAUTHENTICATED');
  return resultData(body);
}

let socket: Client | undefined;
const socketState = new Set<(connected: boolean) => void>();

function liveClient(): Client {
  if (!socket) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    socket = createClient({
      url,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      connectionParams: () => {
        const auth = authorization();
        return auth ? { authorization: auth } : {};
      },
      on: {
        // Live once a ping sent after our subscribe has come back: the server has taken it.
        // (The client sends the subscribe after this listener runs, hence the timeout.)
        connected: (connection) => setTimeout(() => (connection as WebSocket).send(JSON.stringify({ type: 'ping' }))),
        pong: (received) => received && socketState.forEach((listener) => listener(true)),
        closed: () => socketState.forEach((listener) => listener(false)),
      },
    });
  }
  return socket;
}

// A new token needs a new connection: the old one was authenticated with the old token.
onTokenChange(() => {
  void socket?.dispose();
  socket = undefined;
});

export function onLiveConnection(listener: (connected: boolean) => void): () => void {
  socketState.add(listener);
  return () => socketState.delete(listener);
}

/** Subscribes; returns the function that ends the subscription. */
export function subscribe<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onData: (data: TResult) => void,
  onError: (error: ApiError) => void,
): () => void {
  return liveClient().subscribe<TResult>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        try {
          onData(resultData(result as GraphQLResult<TResult>));
        } catch (error) {
          onError(error as ApiError);
        }
      },
      error: (error) => {
        const errors = Array.isArray(error) ? (error as GraphQLResult<TResult>['errors']) : undefined;
        const first = errors?.[0];
        onError(
          first
            ? new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR')
            : new ApiError('The live connection failed', 'NETWORK'),
        );
      },
      complete: () => {},
    },
  );
}
