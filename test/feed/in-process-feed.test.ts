import type { EventChange } from '../../src/domain/changes';
import { InProcessFeed } from '../../src/feed/in-process-feed';

const change = (id: string) => ({ kind: 'CREATED', event: { id } }) as unknown as EventChange;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('InProcessFeed', () => {
  it('spreads a large fan-out over turns of the event loop, in publishing order', async () => {
    const feed = new InProcessFeed(undefined, 1_000);
    const seen: string[][] = Array.from({ length: 500 }, () => []);
    seen.forEach((list) => feed.subscribe((c) => list.push(c.event.id)));
    for (const id of ['a', 'b', 'c', 'd', 'e']) feed.publish(change(id));
    await nextTurn();
    // 500 listeners, 1,000 calls a turn: two changes in the first turn, not all five.
    expect(seen[0]).toEqual(['a', 'b']);
    await nextTurn();
    await nextTurn();
    await nextTurn();
    expect(seen.every((list) => list.join('') === 'abcde')).toBe(true);
  });

  it('delivers a change to every listener in one turn however many there are', async () => {
    const feed = new InProcessFeed(undefined, 10);
    let calls = 0;
    for (let i = 0; i < 50; i++) feed.subscribe(() => calls++);
    feed.publish(change('a'));
    await nextTurn();
    expect(calls).toBe(50);
  });
});
