import { assertNoCycle, findCycles, type ParentLookup } from '../../src/domain/ancestry';

function storeOf(parents: Record<string, string | null>): { lookup: ParentLookup; calls: string[][] } {
  const calls: string[][] = [];
  const lookup: ParentLookup = async (ids) => {
    calls.push(ids);
    return new Map(ids.filter((id) => id in parents).map((id) => [id, parents[id] ?? null]));
  };
  return { lookup, calls };
}

describe('findCycles', () => {
  it('finds a link that would close a loop through stored events', async () => {
    // c → b → a are stored; making a's parent c closes a → c → b → a.
    const { lookup } = storeOf({ a: null, b: 'a', c: 'b' });
    expect(await findCycles([{ id: 'a', parentId: 'c' }], lookup)).toEqual(new Set(['a']));
    expect(await findCycles([{ id: 'd', parentId: 'c' }], lookup)).toEqual(new Set());
  });

  it('finds a loop however long the chain', async () => {
    // ch1001 → ch1000 → … → ch1 → ch0; making ch0's parent ch1001 closes a loop of 1,002.
    const parents: Record<string, string | null> = { ch0: null };
    for (let i = 1; i <= 1001; i++) parents[`ch${i}`] = `ch${i - 1}`;
    const { lookup } = storeOf(parents);
    expect(await findCycles([{ id: 'ch0', parentId: 'ch1001' }], lookup)).toEqual(new Set(['ch0']));
  });

  it('ends a chain that runs into a loop of other events, which cannot reach the event', async () => {
    const { lookup } = storeOf({ x: 'y', y: 'x' });
    expect(await findCycles([{ id: 'new', parentId: 'x' }], lookup)).toEqual(new Set());
  });

  it('finds loops among links of one batch', async () => {
    const { lookup } = storeOf({});
    const found = await findCycles(
      [
        { id: 'x', parentId: 'y' },
        { id: 'y', parentId: 'x' },
        { id: 'z', parentId: 'x' },
      ],
      lookup,
    );
    expect(found).toEqual(new Set(['x', 'y']));
  });

  it('walks all chains together, one lookup per level', async () => {
    const { lookup, calls } = storeOf({ p1: 'g', p2: 'g', g: null });
    await findCycles(
      [
        { id: 'a', parentId: 'p1' },
        { id: 'b', parentId: 'p2' },
      ],
      lookup,
    );
    expect(calls).toEqual([['p1', 'p2'], ['g']]);
  });

  it('assertNoCycle names the parentId field', async () => {
    const { lookup } = storeOf({ b: 'a' });
    await expect(assertNoCycle({ id: 'a', parentId: 'b' }, lookup)).rejects.toMatchObject({ field: 'event.parentId' });
  });
});
