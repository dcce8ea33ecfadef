import { getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { queryLimitRules } from '../../src/graphql/limits';
import { createSchema } from '../../src/graphql/server';

const schema = createSchema();
const LIMITS = { depth: 8, cost: 5_000, aliases: 3, pageSize: 1000 };

function errorsOf(query: string, limits = LIMITS): string[] {
  return validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(limits)]).map((e) => e.message);
}

describe('query limits', () => {
  it('let ordinary queries through', () => {
    expect(errorsOf('{ events(first: 100) { totalCount nodes { id tags parent { id } children { id } } } }')).toEqual(
      [],
    );
    expect(
      errorsOf('{ eventTree(id: "a") { event { id } children { event { id } children { event { id } } } } }'),
    ).toEqual([]);
  });

  it('never count introspection, so tools keep working', () => {
    expect(errorsOf(getIntrospectionQuery(), { ...LIMITS, depth: 3, cost: 1 })).toEqual([]);
  });

  it('refuse a selection nested deeper than the limit, naming it', () => {
    const deep = `{ event(id: "a") { ${'parent { '.repeat(8)} id ${'} '.repeat(8)} } }`;
    expect(errorsOf(deep)).toEqual([
      'the query depth 10 is over the limit of 8 (ETS_MAX_QUERY_DEPTH); nest fewer selections',
    ]);
  });

  it('count the objects a query may return: page sizes multiply', () => {
    // 1000 events × (1 + 100 ancestors) = 101000 and then some
    const [message] = errorsOf('{ events(first: 1000) { nodes { id ancestors { id } } } }');
    expect(message).toMatch(
      /^the query cost \(objects it may return\) \d+ is over the limit of 5000 \(ETS_MAX_QUERY_COST\)/,
    );
    expect(errorsOf('{ events(first: 10) { nodes { id ancestors(limit: 5) { id } } } }')).toEqual([]);
  });

  it('measure each fragment once, however often it is spread (no doubling per level)', () => {
    // 40 levels, each spreading the next twice: 2^40 selections if walked spread by spread.
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const query = `query { ...F0 } ${levels.join(' ')} fragment F40 on Query { viewer { token } }`;
    expect(errorsOf(query, { ...LIMITS, cost: 2 ** 50 })).toEqual([]);
    // Measured once, counted as often as it is spread: the cost is there, not lost.
    expect(errorsOf(query)).toEqual([expect.stringContaining('(ETS_MAX_QUERY_COST)')]);
  });

  it('bound the work of measuring whatever the shape of the document', () => {
    const wide = `{ ${Array.from({ length: 25_000 }, () => 'viewer { token }').join(' ')} }`;
    expect(errorsOf(wide, { ...LIMITS, cost: 2 ** 50 })).toContainEqual(
      expect.stringMatching(/^the query has over 20000 selections .*\(ETS_MAX_QUERY_COST\)/),
    );
  });

  it('refuse negative sizes before they count, so they cannot lower the cost', () => {
    const query =
      '{ events(first: 1000) { nodes { children { children { id } } } } event(id: "a") { ancestors(limit: -2147483648) { id } } }';
    expect(errorsOf(query)).toEqual(['limit must not be negative']);
    expect(errorsOf('query($n: Int = -5) { events(first: $n) { nodes { id } } }')).toEqual([
      'first must not be negative',
    ]);
  });

  it('take a page size given as a variable at its default, else at the largest page', () => {
    const query = (def: string) => `query($n: Int${def}) { events(first: $n) { nodes { children { id } } } }`;
    expect(errorsOf(query(' = 10'))).toEqual([]);
    expect(errorsOf(query(''))).toEqual([expect.stringContaining('(ETS_MAX_QUERY_COST)')]);
  });

  it('follow fragments', () => {
    const query = `{ events(first: 1000) { ...page } } fragment page on EventConnection { nodes { ancestors { id } } }`;
    expect(errorsOf(query)).toEqual([expect.stringContaining('(ETS_MAX_QUERY_COST)')]);
  });

  it('refuse more aliases than the limit', () => {
    expect(errorsOf('{ a: viewer { token } b: viewer { token } c: viewer { token } }')).toEqual([]);
    expect(errorsOf('{ a: viewer { token } b: viewer { token } c: viewer { token } d: viewer { token } }')).toEqual([
      'the number of aliases 4 is over the limit of 3 (ETS_MAX_ALIASES); send fewer aliased fields',
    ]);
  });
});
