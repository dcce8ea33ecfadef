import { getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { createQueryLimiter, type QueryLimits } from '../../src/graphql/limits';
import { createSchema } from '../../src/graphql/server';

const schema = createSchema();
const LIMITS = { depth: 8, cost: 5_000, aliases: 3, pageSize: 1000 };

/** The errors of one operation as graphql-ws runs it: parsed, validated, costed with its variables. */
function errorsOf(query: string, limits: QueryLimits = LIMITS, variables?: Record<string, unknown>): string[] {
  const prepared = createQueryLimiter(limits).prepare(schema, { query, variables });
  return Array.isArray(prepared) ? prepared.map((e: Error) => e.message) : [];
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
    // graphql-js' validation gives up on this one first; the measure is bounded on its own too.
    const wide = parse(`{ ${Array.from({ length: 25_000 }, () => 'viewer { token }').join(' ')} }`);
    const operation = getOperationAST(wide);
    if (!operation) throw new Error('no operation');
    expect(createQueryLimiter({ ...LIMITS, cost: 2 ** 50 }).costError(schema, wide, operation, {})?.message).toMatch(
      /^the query has over 20000 selections .*\(ETS_MAX_QUERY_COST\)/,
    );
  });

  it('count a negative size as nothing, so it cannot lower the cost of what stands beside it', () => {
    const costly = '{ events(first: 1000) { nodes { children { children { id } } } } }';
    expect(errorsOf(costly)).toEqual([expect.stringContaining('(ETS_MAX_QUERY_COST)')]);
    const query =
      '{ events(first: 1000) { nodes { children { children { id } } } } event(id: "a") { ancestors(limit: -2147483648) { id } } }';
    expect(errorsOf(query)).toEqual([expect.stringContaining('(ETS_MAX_QUERY_COST)')]);
    expect(errorsOf('query($n: Int = -5) { events(first: $n) { nodes { id } } }')).toEqual([]);
  });

  it('take a page size given as a variable at the value sent, not at its default', () => {
    const query = (def: string) => `query($n: Int${def}) { events(first: $n) { nodes { children { id } } } }`;
    expect(errorsOf(query(' = 10'))).toEqual([]);
    // 1000 events × (1 + 1 × (1 + 10 children)): over 5000, whatever the default says.
    expect(errorsOf(query(' = 10'), LIMITS, { n: 1000 })).toEqual([
      'the query cost (objects it may return) 12000 is over the limit of 5000 (ETS_MAX_QUERY_COST); ask for smaller pages or fewer nested lists',
    ]);
    expect(errorsOf(query(''), LIMITS, { n: 1000 })).toEqual([expect.stringContaining('(ETS_MAX_QUERY_COST)')]);
    // Not sent, or null: the field's own default page, as the operation runs.
    expect(errorsOf(query(''))).toEqual([]);
    expect(errorsOf(query(' = 1000'), LIMITS, { n: null })).toEqual([]);
    // Not an integer: it will not run, and counts as the largest page meanwhile.
    expect(errorsOf(query(''), LIMITS, { n: '10' })).toEqual([expect.stringContaining('(ETS_MAX_QUERY_COST)')]);
    // Negative: it will not run (the resolver refuses it) and costs nothing.
    expect(errorsOf(query(''), LIMITS, { n: -1 })).toEqual([]);
  });

  it('refuse more directives than the limit, naming it', () => {
    const query = (n: number) => `{ viewer { ${'token @include(if: true) '.repeat(n)} } }`;
    expect(errorsOf(query(3), { ...LIMITS, directives: 3 })).toEqual([]);
    expect(errorsOf(query(4), { ...LIMITS, directives: 3 })).toEqual([
      'the number of directives 4 is over the limit of 3; send fewer directives',
    ]);
  });

  it('stop parsing a document past the token limit, before anything else reads it', () => {
    const wide = `{ ${'viewer { token } '.repeat(100)} }`; // 402 tokens
    expect(errorsOf(wide, { ...LIMITS, tokens: 402 })).toEqual([]);
    // graphql-js' own words (its "more that" included).
    expect(errorsOf(wide, { ...LIMITS, tokens: 401 })).toEqual([
      expect.stringMatching(/^Syntax Error: Document contains more th(?:an|at) 401 tokens\. Parsing aborted\.$/),
    ]);
  });

  it('count depth through fragments without counting the spread as a level', () => {
    const query = `{ event(id: "a") { ...up } } fragment up on Event { ${'parent { '.repeat(6)} id ${'} '.repeat(6)} }`;
    expect(errorsOf(query)).toEqual([]);
    expect(errorsOf(query, { ...LIMITS, depth: 7 })).toEqual([
      'the query depth 8 is over the limit of 7 (ETS_MAX_QUERY_DEPTH); nest fewer selections',
    ]);
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
