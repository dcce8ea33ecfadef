/** No lost updates: concurrent merges on one event all take effect, in one process or across several. */
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';

let first: TestEts;
let second: TestEts;
beforeAll(async () => {
  first = await startTestEts();
  // A second instance on the same database, as behind a load balancer.
  second = await startTestEts(first.database);
});
afterAll(async () => {
  await second.stop();
  await first.stop();
});

const MERGE = 'mutation($e: EventInput!) { mergeEvent(event: $e, upsert: true) { revision } }';
const GET = 'query($id: ID!) { event(id: $id) { revision tags description revisions { revision } } }';

async function mergeConcurrently(id: string, count: number, instance: (i: number) => TestEts) {
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      instance(i).gql(MERGE, { e: { id, tags: { value: [`v${i}`] }, description: `step ${i}` } }),
    ),
  );
  for (const response of responses) dataOf(response);
  return dataOf(await first.gql(GET, { id })).event;
}

it('20 concurrent merges on one instance leave 20 values', async () => {
  const id = uniqueId();
  dataOf(await first.gql('mutation($e: EventInput!) { createEvent(event: $e) { id } }', { e: { id } }));
  const event = await mergeConcurrently(id, 20, () => first);
  expect([...event.tags.value].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`).sort());
  expect(event.revision).toBe(21);
  expect(event.description.split('\n')).toHaveLength(20);
  expect(event.revisions.map((r: { revision: number }) => r.revision)).toEqual(
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
});

it('40 concurrent upserting merges split over two instances leave 40 values', async () => {
  const id = uniqueId();
  const event = await mergeConcurrently(id, 40, (i) => (i % 2 ? first : second));
  expect([...event.tags.value].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `v${i}`).sort());
  expect(event.revision).toBe(40);
  expect(event.revisions).toHaveLength(39);
});
