/** tagKeys, tagValues and histogram over HTTP against the real store. */
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';

let ets: TestEts;
const run = uniqueId('facets');
const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 0, minute)).toISOString();

beforeAll(async () => {
  ets = await startTestEts();
  const events = [
    { tags: { run: [run], service: ['web', 'api'], status: ['success'], 'a.b': ['x'] }, startTime: at(0) },
    { tags: { run: [run], service: ['web'], status: ['fail'] }, startTime: at(10) },
    { tags: { run: [run], service: ['web'], status: ['success'] }, startTime: at(70) },
    { tags: { run: [run], team: ['ops'] }, startTime: at(130) },
  ];
  dataOf(await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', { es: events }));
});
afterAll(() => ets.stop());

const mine = { tags: { run: [run] } };

it('lists the tag keys of the matching events with counts, most common first', async () => {
  const data = dataOf(await ets.gql('query($f: EventFilter) { tagKeys(filter: $f) { key count } }', { f: mine }));
  expect(data.tagKeys).toEqual([
    { key: 'run', count: 4 },
    { key: 'service', count: 3 },
    { key: 'status', count: 3 },
    { key: 'a.b', count: 1 },
    { key: 'team', count: 1 },
  ]);
});

it('lists the values of a key under a filter, with counts', async () => {
  const query =
    'query($k: String!, $f: EventFilter, $n: Int) { tagValues(key: $k, filter: $f, first: $n) { value count } }';
  expect(dataOf(await ets.gql(query, { k: 'service', f: mine })).tagValues).toEqual([
    { value: 'web', count: 3 },
    { value: 'api', count: 1 },
  ]);
  const filtered = dataOf(await ets.gql(query, { k: 'service', f: { ...mine, excludeTags: { status: ['fail'] } } }));
  expect(filtered.tagValues).toEqual([
    { value: 'web', count: 2 },
    { value: 'api', count: 1 },
  ]);
  expect(dataOf(await ets.gql(query, { k: 'a.b', f: mine })).tagValues).toEqual([{ value: 'x', count: 1 }]);
  expect(dataOf(await ets.gql(query, { k: 'status', f: mine, n: 1 })).tagValues).toEqual([
    { value: 'success', count: 2 },
  ]);
  expect(dataOf(await ets.gql(query, { k: 'nope', f: mine })).tagValues).toEqual([]);
});

it('counts the matching events per bucket of the window', async () => {
  const query = 'query($f: EventFilter!, $i: String!) { histogram(filter: $f, interval: $i) { start count } }';
  const data = dataOf(await ets.gql(query, { f: { ...mine, from: at(0), to: at(180) }, i: '1h' }));
  expect(data.histogram).toEqual([
    { start: at(0), count: 2 },
    { start: at(60), count: 1 },
    { start: at(120), count: 1 },
  ]);
  const web = dataOf(
    await ets.gql(query, { f: { tags: { run: [run], service: ['web'] }, from: at(0), to: at(120) }, i: '1h' }),
  );
  expect(web.histogram.map((b: { count: number }) => b.count)).toEqual([2, 1]);
  const bad = await ets.gql(query, { f: mine, i: '1h' });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
  const badInterval = await ets.gql(query, { f: { ...mine, from: at(0), to: at(60) }, i: 'hourly' });
  expect(badInterval.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'interval' });
});

describe('over a window of several days and nothing else (what the UI asks first)', () => {
  // Its own days, far from the other events of this server.
  const day = (d: number, hour = 0) => new Date(Date.UTC(2031, 0, d, hour)).toISOString();
  const from = day(3, 6);
  const to = day(7, 18);
  const KEYS = 'query($f: EventFilter) { tagKeys(filter: $f) { key count } }';
  const VALUES = 'query($f: EventFilter) { tagValues(key: "service", filter: $f) { value count } }';
  const ids = { running: uniqueId('running'), moved: uniqueId('moved'), gone: uniqueId('gone') };

  beforeAll(async () => {
    const events = [
      // started two days before the window and still running at its start: matches
      { id: ids.running, tags: { service: ['db'] }, startTime: day(1), endTime: day(3, 12) },
      // ended before the window: does not match
      { tags: { service: ['db'] }, startTime: day(2), endTime: day(3, 5) },
      // in the first partial day, in whole days, in the last partial day
      { tags: { service: ['web', 'api'], kind: ['a'] }, startTime: day(3, 20) },
      { tags: { service: ['web'] }, startTime: day(4, 1) },
      { id: ids.moved, tags: { service: ['web'] }, startTime: day(5, 12) },
      { id: ids.gone, tags: { service: ['api'] }, startTime: day(6, 3) },
      { tags: { service: ['web'] }, startTime: day(7, 17) },
      // from the window's end on: does not match
      { tags: { service: ['web'] }, startTime: to },
    ];
    dataOf(
      await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', { es: events }),
    );
    dataOf(
      await ets.gql('mutation($e: EventInput!) { replaceEvent(event: $e) { id } }', {
        e: { id: ids.moved, tags: { service: ['batch'], kind: ['b'] }, startTime: day(5, 12) },
      }),
    );
    dataOf(await ets.gql('mutation($id: ID!) { deleteEvent(id: $id) { id } }', { id: ids.gone }));
  });

  it('counts what overlaps the window, after changes and deletions', async () => {
    const window = { from, to };
    expect(dataOf(await ets.gql(KEYS, { f: window })).tagKeys).toEqual([
      { key: 'service', count: 5 },
      { key: 'kind', count: 2 },
    ]);
    expect(dataOf(await ets.gql(VALUES, { f: window })).tagValues).toEqual([
      { value: 'web', count: 3 },
      { value: 'api', count: 1 },
      { value: 'batch', count: 1 },
      { value: 'db', count: 1 },
    ]);
  });

  it('counts the same as with any other condition added that every event meets', async () => {
    for (const window of [{ from, to }, { from }, { from: day(3, 6), to: day(4, 6) }, { from: day(1), to: day(9) }]) {
      const plain = { ...window };
      const widened = { ...window, excludeTags: { 'no-such-key': ['x'] } };
      for (const query of [KEYS, VALUES]) {
        const a = dataOf(await ets.gql(query, { f: plain }));
        const b = dataOf(await ets.gql(query, { f: widened }));
        expect([window, a]).toEqual([window, b]);
      }
    }
  });

  it('draws each lane across the window: events per value and bucket', async () => {
    const LANES = `query($f: EventFilter!) { laneHistogram(key: "service", filter: $f, interval: "1d") {
      value count buckets { start count } } }`;
    // By start time, as histogram: the events that began before day 3 are not in any bucket.
    expect(dataOf(await ets.gql(LANES, { f: { from: day(3), to: day(8) } })).laneHistogram).toEqual([
      {
        value: 'web',
        count: 4,
        buckets: [
          { start: day(3), count: 1 },
          { start: day(4), count: 1 },
          { start: day(7), count: 2 },
        ],
      },
      { value: 'api', count: 1, buckets: [{ start: day(3), count: 1 }] },
      { value: 'batch', count: 1, buckets: [{ start: day(5), count: 1 }] },
    ]);
  });
});
