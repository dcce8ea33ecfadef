/** A page of events asking for parent and children costs a constant number of store queries. */
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';

let ets: TestEts;
beforeAll(async () => {
  ets = await startTestEts();
});
afterAll(() => ets.stop());

it('resolves parent and children of 100 events with a constant number of store reads', async () => {
  const run = uniqueId('batch');
  // 100 events in a chain of pairs: each odd one is the child of the even one before it,
  // and every even one has a parent outside the page.
  const events = Array.from({ length: 100 }, (_, i) => ({
    id: `${run}-${i}`,
    parentId: i % 2 ? `${run}-${i - 1}` : `${run}-outside-${i}`,
    tags: { run: [run] },
    startTime: 1_000_000 + i,
  }));
  const outside = Array.from({ length: 50 }, (_, i) => ({ id: `${run}-outside-${i * 2}`, startTime: 1 }));
  dataOf(
    await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', {
      es: [...events, ...outside],
    }),
  );
  // Every tenth event gets a history, so the revisions loader has something to load.
  for (let i = 0; i < 100; i += 10) {
    dataOf(
      await ets.gql('mutation($e: EventInput!) { updateEvent(event: $e) { id } }', {
        e: { id: `${run}-${i}`, description: 'changed' },
      }),
    );
  }

  let page: any;
  const calls = await ets.storeCalls(async () => {
    page = dataOf(
      await ets.gql(
        `query($t: TagMap) { events(filter: {tags: $t}, first: 100) {
           nodes { id parent { id } children { id } revisions { revision } } } }`,
        { t: { run: [run] } },
      ),
    ).events;
  });
  expect(page.nodes).toHaveLength(100);
  const byId = new Map(page.nodes.map((n: any) => [n.id, n]));
  expect(byId.get(`${run}-1`)).toEqual({ id: `${run}-1`, parent: { id: `${run}-0` }, children: [], revisions: [] });
  expect(byId.get(`${run}-0`)).toEqual({
    id: `${run}-0`,
    parent: { id: `${run}-outside-0` },
    children: [{ id: `${run}-1` }],
    revisions: [{ revision: 1 }],
  });

  // the page itself, then one each for the parents not on the page, the children and the
  // revisions: 4, whatever the page size (each call is one query on either store)
  expect(calls[0]).toBe('findPage');
  expect([...calls].sort()).toEqual(['findByIds', 'findChildren', 'findPage', 'findRevisions']);
});
