/** No lost updates: concurrent merges on one event all take effect, in one process or across several. */
import { versionEntry, type VersionEntry } from '../../src/store/mongodb/version-log';
import { dataOf, itOn, startTestEts, uniqueId, type TestEts } from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';

let first: TestEts;
let second: TestEts;
beforeAll(async () => {
  first = await startTestEts();
  // A second instance on the same database, as behind a load balancer.
  second = await startTestEts({ sameDataAs: first });
});
afterAll(async () => {
  await second.stop();
  await first.stop();
});

const MERGE = 'mutation($e: EventInput!) { mergeEvent(event: $e, upsert: true) { revision } }';
const GET = 'query($id: ID!) { event(id: $id) { revision tags description createdAt revisions { revision } } }';

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
  dataOf(await first.gql(CreateEventMutation, { event: { id } }));
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

// The claim protocol of the MongoDB store; SQLite's transactions leave no half-made change.
itOn('mongodb')('finishes a change whose writer died between claiming its revision and writing it', async () => {
  const id = uniqueId();
  const created = dataOf(
    await first.gql(CreateEventMutation, {
      event: { id, tags: { value: ['v0'] }, startTime: 1000 },
    }),
  ).createEvent;
  // The dead writer's claim of revision 2, made a minute ago: the store has it, the event does not show it.
  const stored = await first.ets.store.events.findById(id);
  const store = first.ets.store;
  if (!stored || store.kind !== 'mongodb') throw new Error('the event was not stored');
  const claimed = { ...stored, tags: { value: ['v0', 'from-dead-writer'] }, revision: 2 };
  await store.client
    .db(first.database)
    .collection<VersionEntry>('event_versions')
    .insertOne(versionEntry(claimed, new Date(Date.now() - 60_000)));
  expect(dataOf(await first.gql(GET, { id })).event.revision).toBe(1);

  const merged = dataOf(await second.gql(MERGE, { e: { id, tags: { value: ['v1'] } } })).mergeEvent;
  expect(merged.revision).toBe(3);
  const event = dataOf(await first.gql(GET, { id })).event;
  expect(event.tags.value).toEqual(['v0', 'from-dead-writer', 'v1']);
  expect(event.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
  expect(event.createdAt).toBe(created.createdAt); // the finished claim kept the event's identity
});
