/**
 * GET /metrics, scraped over HTTP after real REST, GraphQL and websocket traffic and read
 * with a Prometheus text-format parser: each metric is there, of its type, with its labels.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { dataOf, startTestEts, uniqueId, untilSubscribers, type TestEts } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';
import { ensureProm2json, parseMetrics, type MetricFamily, type Sample } from '../helpers/prometheus';
import { EVENT_CHANGED, subscribe } from '../helpers/subscriber';
import { until } from '../helpers/wait';

const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

async function scrapeText(url: string, token?: string): Promise<Response> {
  return fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** The families of one scrape; each family appears once, as Prometheus requires. */
async function parse(text: string): Promise<MetricFamily[]> {
  const families = await parseMetrics(text);
  const names = families.map((family) => family.name);
  expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  return families;
}

async function scrape(url: string, token?: string): Promise<MetricFamily[]> {
  const response = await scrapeText(url, token);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(PROMETHEUS_TEXT);
  return parse(await response.text());
}

function family(families: MetricFamily[], name: string, type: MetricFamily['type']): MetricFamily {
  const found = families.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no metric ${name} in the scrape`);
  if (found.type !== type) throw new Error(`${name} is a ${found.type}, not a ${type}`);
  expect(found.help).not.toBe('');
  return found;
}

/** The sample whose labels are exactly `labels`. */
function sample(metric: MetricFamily, labels: Record<string, string>): Sample {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const found = metric.metrics.find((s) => JSON.stringify(Object.entries(s.labels ?? {}).sort()) === wanted);
  if (!found) {
    const seen = metric.metrics.map((s) => JSON.stringify(s.labels ?? {})).join(', ');
    throw new Error(`${metric.name} has no sample labelled ${JSON.stringify(labels)}; it has ${seen}`);
  }
  return found;
}

function value(families: MetricFamily[], name: string, type: 'COUNTER' | 'GAUGE', labels = {}): number {
  return Number(sample(family(families, name, type), labels).value);
}

function count(families: MetricFamily[], name: string, labels: Record<string, string>): number {
  return Number(sample(family(families, name, 'HISTOGRAM'), labels).count);
}

/** Every label value of a family, for checks of what never becomes one. */
function labelValues(families: MetricFamily[], label: string): string[] {
  return families.flatMap((f) => f.metrics.flatMap((s) => (s.labels?.[label] === undefined ? [] : [s.labels[label]])));
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('GET /metrics', () => {
  let ets: TestEts;
  beforeAll(async () => {
    ets = await startTestEts();
    await ensureProm2json(); // built once, from its Go module: minutes the first time
  }, 600_000);
  afterAll(() => ets.stop());

  it('counts requests by route, GraphQL operations by name and type, store calls, writes, and the process', async () => {
    const restId = uniqueId('rest');
    const gqlId = uniqueId('gql');
    const nowhere = uniqueId('nowhere');
    expect(
      (
        await fetch(`${ets.url}/api/v1/event/`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ event: { id: restId } }),
        })
      ).status,
    ).toBe(200);
    expect((await fetch(`${ets.url}/api/v1/event/${restId}`)).status).toBe(200);
    expect((await fetch(`${ets.url}/api/v1/event/${nowhere}`)).status).toBe(404);
    expect((await fetch(`${ets.url}/${nowhere}`)).status).toBe(404);

    const create = 'mutation CreateProbe($e: EventInput!) { createEvent(event: $e) { id } }';
    dataOf(await ets.gql(create, { e: { id: gqlId } }));
    expect((await ets.gql(create, { e: { id: gqlId } })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    dataOf(await ets.gql('query ReadProbe($id: ID!) { event(id: $id) { id } }', { id: gqlId }));
    dataOf(await ets.gql(`{ event(id: "${nowhere}") { id } }`));
    const invalid = await post(`${ets.url}/graphql`, { query: 'query Broken { noSuchField }' });
    expect(invalid.status).toBeLessThan(500);
    dataOf(
      await ets.gql('mutation MergeProbe($e: EventInput!) { mergeEvent(event: $e) { id } }', {
        e: { id: gqlId, tags: { status: ['done'] } },
      }),
    );
    dataOf(await ets.gql('mutation DeleteProbe($id: ID!) { deleteEvent(id: $id) { id } }', { id: gqlId }));
    dataOf(await ets.gql('mutation RestoreProbe($id: ID!) { restoreEvent(id: $id) { id } }', { id: gqlId }));

    const families = await scrape(ets.url);
    const http = 'ets_http_request_duration_seconds';
    expect(count(families, http, { method: 'PUT', route: '/api/v1/event', status: '200' })).toBe(1);
    expect(count(families, http, { method: 'GET', route: '/api/v1/event/:id', status: '200' })).toBe(1);
    expect(count(families, http, { method: 'GET', route: '/api/v1/event/:id', status: '404' })).toBe(1);
    expect(count(families, http, { method: 'GET', route: '(unmatched)', status: '404' })).toBe(1);
    const graphqlRequests = family(families, http, 'HISTOGRAM').metrics.filter((s) => s.labels?.route === '/graphql');
    expect(graphqlRequests.reduce((sum, s) => sum + Number(s.count), 0)).toBe(8);
    // Routes are patterns: no id and no unmatched path becomes a label value.
    for (const raw of [restId, gqlId, nowhere]) {
      expect(families.flatMap((f) => f.metrics.flatMap((s) => Object.values(s.labels ?? {}))).join(' ')).not.toContain(
        raw,
      );
    }
    const histogram = sample(family(families, http, 'HISTOGRAM'), {
      method: 'GET',
      route: '/api/v1/event/:id',
      status: '200',
    });
    expect(histogram.buckets?.['+Inf']).toBe('1');
    expect(Number(histogram.sum)).toBeGreaterThan(0);

    const op = 'ets_graphql_operation_duration_seconds';
    expect(count(families, op, { operation: 'CreateProbe', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(count(families, op, { operation: 'CreateProbe', type: 'mutation', outcome: 'CONFLICT' })).toBe(1);
    expect(count(families, op, { operation: 'ReadProbe', type: 'query', outcome: 'ok' })).toBe(1);
    expect(count(families, op, { operation: '(unnamed)', type: 'query', outcome: 'ok' })).toBe(1);
    expect(
      count(families, op, { operation: '(invalid)', type: '(invalid)', outcome: 'GRAPHQL_VALIDATION_FAILED' }),
    ).toBe(1);
    expect(labelValues(families, 'operation')).not.toContain('Broken'); // it never ran

    expect(count(families, 'ets_store_call_duration_seconds', { method: 'insert' })).toBeGreaterThanOrEqual(3);
    expect(count(families, 'ets_store_call_duration_seconds', { method: 'findById' })).toBeGreaterThanOrEqual(1);
    expect(value(families, 'ets_store_call_errors_total', 'COUNTER', { method: 'insert', code: 'CONFLICT' })).toBe(1);

    const written = (kind: string) => value(families, 'ets_events_written_total', 'COUNTER', { kind });
    expect([written('created'), written('updated'), written('deleted'), written('restored')]).toEqual([2, 1, 1, 1]);

    // The process, from prom-client's default metrics.
    expect(value(families, 'process_cpu_user_seconds_total', 'COUNTER')).toBeGreaterThan(0);
    expect(value(families, 'process_resident_memory_bytes', 'GAUGE')).toBeGreaterThan(0);
    expect(value(families, 'nodejs_heap_size_used_bytes', 'GAUGE')).toBeGreaterThan(0);
    family(families, 'nodejs_eventloop_lag_seconds', 'GAUGE');
    expect(value(families, 'process_start_time_seconds', 'GAUGE')).toBeGreaterThan(0);
    expect(value(families, 'ets_sqlite_reads_waiting', 'GAUGE')).toBe(0);
    expect(value(families, 'ets_sqlite_readers_killed_total', 'COUNTER')).toBe(0);
  });

  it('counts live connections, subscriptions and deliveries', async () => {
    const run = uniqueId('run');
    const before = value(await scrape(ets.url), 'ets_subscription_deliveries_total', 'COUNTER');
    const first = await subscribe(ets.url, { tags: { run: [run] } });
    const second = await subscribe(ets.url, { tags: { run: [run] } });
    try {
      await untilSubscribers(ets, 2);
      let families = await scrape(ets.url);
      expect(value(families, 'ets_websocket_connections', 'GAUGE')).toBe(2);
      expect(value(families, 'ets_subscriptions', 'GAUGE')).toBe(2);
      dataOf(await ets.gql(CreateEventMutation, { event: { tags: { run: [run] } } }));
      await Promise.all([first.waitFor(1), second.waitFor(1)]);
      families = await scrape(ets.url);
      expect(value(families, 'ets_subscription_deliveries_total', 'COUNTER')).toBe(before + 2);
    } finally {
      await first.close();
      await second.close();
    }
    await until(async () => {
      const families = await scrape(ets.url);
      return (
        value(families, 'ets_websocket_connections', 'GAUGE') === 0 &&
        value(families, 'ets_subscriptions', 'GAUGE') === 0
      );
    }, 'the gauges back at 0');
  });

  it('labels at most 100 operation names: random names count as "(other)" and do not grow the scrape', async () => {
    const own = await startTestEts();
    try {
      for (let i = 0; i < 120; i++) dataOf(await own.gql(`query Random${i}x${uniqueId().slice(-8)} { __typename }`));
      const long = `query ${'L'.repeat(65)} { __typename }`;
      dataOf(await own.gql(long));
      const families = await scrape(own.url);
      const op = family(families, 'ets_graphql_operation_duration_seconds', 'HISTOGRAM');
      const names = new Set(op.metrics.map((s) => s.labels?.operation));
      expect([...names].filter((name) => name?.startsWith('Random'))).toHaveLength(100);
      expect(count(families, op.name, { operation: '(other)', type: 'query', outcome: 'ok' })).toBe(21);
    } finally {
      await own.stop();
    }
  });

  it('counts refusals by the limit that refused, on HTTP and on websockets', async () => {
    const own = await startTestEts({ env: { ETS_RATE_LIMIT: '1', ETS_RATE_BURST: '1' } });
    try {
      const answers = await Promise.all(Array.from({ length: 5 }, () => fetch(`${own.url}/api/v1/event/x`)));
      let refused = answers.filter((answer) => answer.status === 429).length;
      expect(refused).toBeGreaterThanOrEqual(3);
      // The scrape is a request like any other: it waits for the bucket to refill.
      let families: MetricFamily[] = [];
      await until(
        async () => {
          const response = await scrapeText(own.url);
          if (response.status === 429) refused++;
          else families = await parse(await response.text());
          return response.status !== 429;
        },
        'a scrape within the rate',
        { everyMs: 200 },
      );
      expect(value(families, 'ets_limit_refusals_total', 'COUNTER', { limit: 'ETS_RATE_LIMIT' })).toBe(refused);
      expect(value(families, 'ets_limit_refusals_total', 'COUNTER', { limit: 'ETS_MAX_WS_CONNECTIONS' })).toBe(0);
    } finally {
      await own.stop();
    }

    const sockets = await startTestEts({ env: { ETS_MAX_WS_CONNECTIONS: '1', ETS_MAX_SUBSCRIPTIONS: '1' } });
    const wsUrl = `${sockets.url.replace(/^http/, 'ws')}/graphql`;
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const ignore = { next: () => {}, error: () => {}, complete: () => {} };
      client.subscribe({ query: EVENT_CHANGED, variables: { f: {} } }, ignore);
      await untilSubscribers(sockets, 1);
      const refusal = await new Promise((resolve) =>
        client.subscribe({ query: EVENT_CHANGED, variables: { f: {} } }, { ...ignore, error: resolve }),
      );
      expect(JSON.stringify(refusal)).toContain('ETS_MAX_SUBSCRIPTIONS');
      // A second connection from this address is refused before it opens (429).
      const refused = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, onNonLazyError: () => {} });
      await new Promise((resolve) => refused.on('closed', resolve));
      await refused.dispose();
      const families = await scrape(sockets.url);
      const refusals = (limit: string) => value(families, 'ets_limit_refusals_total', 'COUNTER', { limit });
      expect([
        refusals('ETS_MAX_SUBSCRIPTIONS'),
        refusals('ETS_MAX_WS_CONNECTIONS'),
        refusals('ETS_RATE_LIMIT'),
      ]).toEqual([1, 1, 0]);
    } finally {
      await client.dispose();
      await sockets.stop();
    }
  });

  it('keeps each instance to its own registry', async () => {
    const other = await startTestEts();
    try {
      dataOf(await other.gql('query OnlyOnTheOther { __typename }'));
      expect(labelValues(await scrape(other.url), 'operation')).toContain('OnlyOnTheOther');
      expect(labelValues(await scrape(ets.url), 'operation')).not.toContain('OnlyOnTheOther');
    } finally {
      await other.stop();
    }
  });

  it('is served to callers that may read: with ETS_AUTH=all, to a read token only', async () => {
    const closed = await startTestEts({ env: { ETS_AUTH: 'all' } });
    try {
      const anonymous = await scrapeText(closed.url);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      const admin = (await readFile(join(closed.ets.config.dataDir, 'first-admin-token'), 'utf8')).trim();
      const created = await closed.gql<{ createToken: { secret: string } }>(
        'mutation($n: String!) { createToken(name: $n, scopes: [READ]) { secret } }',
        { n: 'prometheus' },
        admin,
      );
      const families = await scrape(closed.url, dataOf(created).createToken.secret);
      family(families, 'ets_http_request_duration_seconds', 'HISTOGRAM');
      expect((await scrapeText(closed.url, 'ets_0000000000000000_nope')).status).toBe(401);
    } finally {
      await closed.stop();
    }
  });
});
