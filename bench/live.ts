/**
 * Live changes under load: `subscribers` graphql-ws clients watch the events while
 * `changes` events are created (4 writers); reports changes delivered per second over all
 * subscribers, and the delay from each write's acknowledgement (its HTTP answer) to each
 * delivery. A negative delay means the change arrived before the writer had its answer.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile } from './measure';

const SUBSCRIPTION = 'subscription($f: EventFilter) { eventChanged(filter: $f) { kind event { id } } }';

export async function measureLiveChanges(
  port: number,
  subscribers: number,
  changes: number,
  write: (i: number, tag: string) => Promise<string>,
): Promise<string> {
  const tag = `live-${Date.now()}`;
  const acked = new Map<string, number>();
  const arrivals: Array<[string, number]> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const arrived = (id: string) => {
    arrivals.push([id, performance.now()]);
    for (const waiter of waiters.splice(0)) {
      if (arrivals.length >= waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  const until = (count: number) =>
    arrivals.length >= count
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((resolve) => waiters.push({ count, resolve })),
          new Promise<void>((resolve) => setTimeout(resolve, 120_000).unref()),
        ]);

  const clients: Client[] = await Promise.all(
    Array.from({ length: subscribers }, async () => {
      const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, lazy: false });
      await new Promise<void>((resolve) => client.on('connected', () => resolve()));
      client.subscribe<{ eventChanged: { event: { id: string } } }>(
        { query: SUBSCRIPTION, variables: { f: { tags: { run: [tag] } } } },
        { next: ({ data }) => arrived(data?.eventChanged.event.id ?? ''), error: () => {}, complete: () => {} },
      );
      return client;
    }),
  );
  // Every subscription is live once each subscriber has seen a first change.
  await write(-1, tag);
  await until(subscribers);
  arrivals.length = 0;

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < changes) {
        const answer = JSON.parse(await write(next++, tag)) as { data: { createEvent: { id: string } } };
        acked.set(answer.data.createEvent.id, performance.now());
      }
    }),
  );
  const writeSeconds = (performance.now() - started) / 1000;
  await until(subscribers * changes);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.dispose()));
  const delays = arrivals.map(([id, at]) => at - (acked.get(id) ?? at)).sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  return (
    `${subscribers} subscribers, ${changes} changes written in ${writeSeconds.toFixed(1)} s: ` +
    `${arrivals.length} of ${subscribers * changes} delivered in ${seconds.toFixed(1)} s, ` +
    `${Math.round(arrivals.length / seconds)} deliveries/s; delay from the write's answer to delivery ` +
    `p50 ${f(percentile(delays, 50))} ms, p99 ${f(percentile(delays, 99))} ms`
  );
}
