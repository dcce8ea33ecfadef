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
