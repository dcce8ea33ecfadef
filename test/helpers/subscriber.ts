/** A graphql-ws subscriber for tests: collects what the server sends. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Change {
  kind: string;
  event: { id: string; [field: string]: unknown };
}

export interface TestSubscriber {
  received: Change[];
  errors: unknown[];
  /** Resolves when `count` changes have arrived; rejects if the connection ends first. */
  waitFor(count: number): Promise<Change[]>;
  close(): Promise<void>;
}

export const EVENT_CHANGED = `subscription($f: EventFilter) {
  eventChanged(filter: $f) { kind event { id parentId description tags revision } } }`;

export async function subscribe(
  httpUrl: string,
  filter: Record<string, unknown> = {},
  { token }: { token?: string } = {},
): Promise<TestSubscriber> {
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
    lazy: false,
  });
  const received: Change[] = [];
  const errors: unknown[] = [];
  const waiters: Array<{ count: number; resolve: () => void; reject: (error: Error) => void }> = [];
  let ended: Error | undefined;
  const settle = () => {
    for (const waiter of waiters.splice(0)) {
      if (received.length >= waiter.count) waiter.resolve();
      else if (ended) waiter.reject(ended);
      else waiters.push(waiter);
    }
  };
  // Connected (acknowledged); whether the subscription is live yet, untilSubscribers tells.
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', () => reject(new Error('closed before connecting')));
  });
  client.on('closed', () => {
    ended = new Error(`the connection closed after ${received.length} changes`);
    settle();
  });
  client.subscribe<{ eventChanged: Change }>(
    { query: EVENT_CHANGED, variables: { f: filter } },
    {
      next: (message) => {
        if (message.data) received.push(message.data.eventChanged);
        if (message.errors) errors.push(...message.errors);
        settle();
      },
      error: (error) => {
        errors.push(error);
        ended = new Error('the subscription failed');
        settle();
      },
      complete: () => {
        ended ??= new Error('the subscription completed');
        settle();
      },
    },
  );
  return {
    received,
    errors,
    waitFor: (count) =>
      new Promise((resolve, reject) => {
        waiters.push({ count, resolve: () => resolve(received), reject });
        settle();
      }),
    close: () => client.dispose() as Promise<void>,
  };
}
