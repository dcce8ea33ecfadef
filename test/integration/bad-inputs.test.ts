/**
 * A corpus of bad inputs sent over HTTP, to REST and GraphQL: bad JSON, wrong types,
 * oversize fields, unicode edge cases, malformed times, operator and regex injection,
 * deep, wide and huge requests. Each must be refused with a 4xx or a GraphQL error whose
 * message says what is wrong; the server must stay up; and nothing may be written.
 * Injection attempts that are valid text (a search for "(a+)+$") must be taken literally.
 */
import { LIMITS } from '../../src/domain/limits';
import { dataOf, startTestEts, type TestEts } from '../helpers/ets';

let ets: TestEts;
beforeAll(async () => {
  ets = await startTestEts();
  // Something to search through, written before the corpus; the corpus must add nothing.
  dataOf(
    await ets.gql('mutation($e: EventInput!) { createEvent(event: $e) { id } }', {
      e: { id: 'seed', description: `${'a'.repeat(40)}!`, tags: { service: ['web'] } },
    }),
  );
});
afterAll(() => ets.stop());

const many = (n: number, make: (i: number) => [string, unknown]) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => make(i)));

/** Event inputs that break a rule, in GraphQL's field names, with the field the error must name. */
const BAD_EVENTS: Array<[string, Record<string, unknown>, string]> = [
  ['id a number', { id: 5 }, 'event.id'],
  ['id true', { id: true }, 'event.id'],
  ['id a list', { id: ['a'] }, 'event.id'],
  ['id an object', { id: { $gt: '' } }, 'event.id'],
  ['id empty', { id: '' }, 'event.id'],
  ['id blank', { id: '   ' }, 'event.id'],
  ['id 101 characters', { id: 'x'.repeat(101) }, 'event.id'],
  ['id 101 emoji', { id: '🚀'.repeat(101) }, 'event.id'],
  ['id with NUL', { id: 'a\u0000b' }, 'event.id'],
  ['id with a newline', { id: 'a\nb' }, 'event.id'],
  ['id with a lone surrogate', { id: 'a\ud800b' }, 'event.id'],
  ['parentId a number', { id: 'p1', parentId: 7 }, 'event.parentId'],
  ['parentId its own id', { id: 'p2', parentId: 'p2' }, 'event.parentId'],
  ['parentId 101 characters', { parentId: 'p'.repeat(101) }, 'event.parentId'],
  ['sourceId a list', { sourceId: ['s'] }, 'event.sourceId'],
  ['sourceId 201 characters', { sourceId: 's'.repeat(201) }, 'event.sourceId'],
  ['description a number', { description: 5 }, 'event.description'],
  ['description over 64 KiB', { description: 'd'.repeat(LIMITS.descriptionBytes + 1) }, 'event.description'],
  ['description 64 KiB of 3-byte characters', { description: '€'.repeat(22_000) }, 'event.description'],
  ['tags a string', { tags: 'service=web' }, 'event.tags'],
  ['tags a list', { tags: ['service'] }, 'event.tags'],
  ['tag values a string', { tags: { service: 'web' } }, 'event.tags.service'],
  ['tag values empty', { tags: { service: [] } }, 'event.tags.service'],
  ['tag value a number', { tags: { service: [1] } }, 'event.tags.service'],
  ['tag value null', { tags: { service: [null] } }, 'event.tags.service'],
  ['tag value empty', { tags: { service: [''] } }, 'event.tags.service'],
  ['tag value repeated', { tags: { service: ['web', 'web'] } }, 'event.tags.service'],
  ['tag value 201 characters', { tags: { service: ['v'.repeat(201)] } }, 'event.tags.service'],
  ['tag value an operator', { tags: { service: [{ $gt: '' }] } }, 'event.tags.service'],
  ['tag values an operator', { tags: { service: { $gt: '' } } }, 'event.tags.service'],
  ['tag values a regex', { tags: { service: { $regex: '.*' } } }, 'event.tags.service'],
  ['tag key empty', { tags: { '': ['v'] } }, 'event.tags key ""'],
  ['tag key 101 characters', { tags: { ['k'.repeat(101)]: ['v'] } }, `event.tags key "${'k'.repeat(101)}"`],
  ['101 tag keys', { tags: many(101, (i) => [`k${i}`, ['v']]) }, 'event.tags'],
  ['1001 values of one key', { tags: { k: Array.from({ length: 1001 }, (_, i) => `v${i}`) } }, 'event.tags.k'],
  ['detailUrls a list', { detailUrls: ['https://ci'] }, 'event.detailUrls'],
  ['detailUrls a string', { detailUrls: 'https://ci' }, 'event.detailUrls'],
  ['detail URL a number', { detailUrls: { ci: 5 } }, 'event.detailUrls.ci'],
  ['detail URL empty', { detailUrls: { ci: '' } }, 'event.detailUrls.ci'],
  ['detail URL over 4096 characters', { detailUrls: { ci: `https://${'u'.repeat(4100)}` } }, 'event.detailUrls.ci'],
  ['101 detail URLs', { detailUrls: many(101, (i) => [`u${i}`, 'https://x']) }, 'event.detailUrls'],
  ['start after end', { startTime: '2016-12-05T10:00:00Z', endTime: '2016-12-05T09:00:00Z' }, 'event.startTime'],
];

const BAD_TIMES: unknown[] = [
  'yesterday',
  'now',
  '',
  ' ',
  '2016-13-01T00:00:00Z',
  '2016-02-30T00:00:00Z',
  '2016-12-05T25:00:00Z',
  '2016-12-05T10:61:00Z',
  '12/05/16',
  '13/05/16:10:25:00',
  '12/32/16:10:25:00',
  '12/05/16:24:00:00',
  '10:25:00',
  '2016-12-05T10:25:00+25:00',
  '2016-12-05T10:25:00+99', // an offset in hours alone, beyond +14
  '2016-12-05T10:25:00+15',
  'T10:25:00',
  '1e3',
  '0x5F',
  '123',
  true,
  [2016, 12, 5],
  { $date: '2016-12-05' },
  Number.MAX_SAFE_INTEGER,
  -1e20,
  1.5,
];

/** GraphQL input names → REST's. */
const REST_NAMES: Record<string, string> = {
  parentId: 'parent_id',
  sourceId: 'source_id',
  startTime: 'start_time',
  endTime: 'end_time',
  detailUrls: 'detail_urls',
};
const toRest = (event: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(event).map(([key, value]) => [REST_NAMES[key] ?? key, value]));

interface Refusal {
  status: number;
  code?: string;
  message: string;
  field?: string;
}

async function viaGraphQL(body: unknown, raw = false): Promise<Refusal | undefined> {
  const response = await fetch(`${ets.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const answer = (await response.json()) as {
    errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
  };
  const error = answer.errors?.[0];
  return (
    error && {
      status: response.status,
      message: error.message,
      code: error.extensions?.code,
      field: error.extensions?.field,
    }
  );
}

async function viaRest(
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
): Promise<Refusal | undefined> {
  const response = await fetch(`${ets.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body,
  });
  if (response.status < 400) return undefined;
  const answer = (await response.json()) as { message: string; code?: string; field?: string };
  return { status: response.status, message: answer.message, code: answer.code, field: answer.field };
}

const CREATE = 'mutation($e: EventInput!) { createEvent(event: $e) { id } }';
const COUNT = 'query($f: EventFilter) { events(filter: $f) { totalCount } }';
const cases: Array<[string, () => Promise<Refusal | undefined>, Partial<Refusal>?]> = [];

/** GraphQL's ID input takes an integer as its decimal text (the GraphQL spec), so these are bad on REST only. */
const REST_ONLY = new Set(['id a number', 'parentId a number']);

/** A field path in REST's names: event.detailUrls.ci → event.detail_urls.ci */
const restField = (field: string) =>
  field.replace(/\b(parentId|sourceId|startTime|endTime|detailUrls)\b/, (name) => REST_NAMES[name] as string);

for (const [name, event, field] of BAD_EVENTS) {
  cases.push([
    `REST PUT: ${name}`,
    () => viaRest('PUT', '/api/v1/event/', JSON.stringify({ event: toRest(event) })),
    { status: 400, field: restField(field) },
  ]);
  if (REST_ONLY.has(name)) continue;
  // Wrong JSON types are refused while graphql-js reads the variable, named by its path ("e.id").
  const graphqlField = expect.stringMatching(
    new RegExp(`^(event|e)${field.slice('event'.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
  cases.push([
    `GraphQL createEvent: ${name}`,
    () => viaGraphQL({ query: CREATE, variables: { e: event } }),
    { field: graphqlField as unknown as string },
  ]);
  cases.push([
    `GraphQL mergeEvent with upsert: ${name}`,
    () =>
      viaGraphQL({
        query: 'mutation($e: EventInput!) { mergeEvent(event: $e, upsert: true) { id } }',
        variables: { e: { id: 'm', ...event } },
      }),
    { field: graphqlField as unknown as string },
  ]);
}
for (const time of BAD_TIMES) {
  cases.push([
    `GraphQL startTime ${JSON.stringify(time)}`,
    () => viaGraphQL({ query: CREATE, variables: { e: { startTime: time } } }),
    // a value of the wrong JSON type is refused while the variable is read: "e.startTime"
    { field: expect.stringMatching(/^(event|e)\.startTime$/) as unknown as string },
  ]);
  cases.push([
    `REST end_time ${JSON.stringify(time)}`,
    () => viaRest('PUT', '/api/v1/event/', JSON.stringify({ event: { end_time: time } })),
    { status: 400, field: 'event.end_time' },
  ]);
}
for (const body of [
  '',
  '{',
  '{"event":',
  'nul',
  '[1,2',
  '{"event": {"id": "a",}}',
  "{'event': {}}",
  'undefined',
  '\u0000',
  '{"event": NaN}',
]) {
  cases.push([`REST PUT body ${JSON.stringify(body)}`, () => viaRest('PUT', '/api/v1/event/', body), { status: 400 }]);
  cases.push([`GraphQL body ${JSON.stringify(body)}`, () => viaGraphQL(body, true)]);
}
for (const [name, body] of [
  ['no event', {}],
  ['event a string', { event: 'x' }],
  ['event a list', { event: [] }],
  ['event null', { event: null }],
  ['body a list', [{ id: 'x' }]],
  ['an unknown field', { event: { id: 'x', colour: 'red' } }],
  ['a MongoDB operator as a field', { event: { id: 'x', $set: { tags: [] } } }],
] as const) {
  cases.push([`REST PUT ${name}`, () => viaRest('PUT', '/api/v1/event/', JSON.stringify(body)), { status: 400 }]);
}
for (const [name, body] of [
  // A POST without an operation, or of a missing event without insert, answers the event as
  // it would be and stores nothing, as the original did: rest.test.ts checks those.
  ['an unknown operation', { operation: 'upsert-all', event: { id: 'x' } }],
  ['insert not a boolean', { operation: 'merge', insert: 'yes', event: { id: 'x' } }],
] as const) {
  cases.push([`REST POST ${name}`, () => viaRest('POST', '/api/v1/event/', JSON.stringify(body))]);
}
for (const query of [
  'tag=nocolon',
  'tag=service:web&frm=garbage',
  'tag=service:web&to=12/32/16:10:25:00',
  'tag=service:web&count=-1',
  'tag=service:web&count=abc',
  'tag=service:web&count=100000',
  'tag=service:web&page=-1',
  'tag=service:web&page=x',
  'tag=service:web&page=99999999',
  'tag=service:web&frm=2016-12-06T00:00:00Z&to=2016-12-05T00:00:00Z',
]) {
  cases.push([`REST list ?${query}`, () => viaRest('GET', `/api/v1/event/?${query}`), { status: 400 }]);
}
for (const [name, query, variables] of [
  ['a syntax error', '{', undefined],
  ['an unclosed selection', 'query { events { totalCount }', undefined],
  ['a mutation without its selection', 'mutation { createEvent }', undefined],
  ['an unknown field', '{ events { colour } }', undefined],
  ['an unknown argument', '{ events(colour: "red") { totalCount } }', undefined],
  ['first a string', '{ events(first: "x") { totalCount } }', undefined],
  ['first over the page size', '{ events(first: 1001) { totalCount } }', undefined],
  ['first negative', '{ events(first: -1) { totalCount } }', undefined],
  ['a forged cursor', '{ events(after: "eyJ4IjoxfQ") { totalCount } }', undefined],
  ['a filter tag value as an operator', COUNT, { f: { tags: { service: [{ $gt: '' }] } } }],
  ['a filter tag map as an operator', COUNT, { f: { tags: { $where: 'sleep(1000)' } } }],
  ['a search as an operator', COUNT, { f: { search: { $regex: '.*' } } }],
  ['a search over 1000 characters', COUNT, { f: { search: 's'.repeat(1001) } }],
  ['a window backwards', COUNT, { f: { from: '2016-12-06', to: '2016-12-05' } }],
  ['a histogram without a window', '{ histogram(filter: {}, interval: "1h") { count } }', undefined],
  [
    'a histogram interval of 0',
    '{ histogram(filter: {from: "2016-12-05", to: "2016-12-06"}, interval: "0s") { count } }',
    undefined,
  ],
  [
    'a histogram of too many buckets',
    '{ histogram(filter: {from: "2000-01-01", to: "2016-12-06"}, interval: "1s") { count } }',
    undefined,
  ],
  ['an eventTree too deep', '{ eventTree(id: "seed", maxDepth: 101) { event { id } } }', undefined],
  ['ancestors over the limit', '{ event(id: "seed") { ancestors(limit: 100000) { id } } }', undefined],
  ['an empty tag key in tagValues', '{ tagValues(key: "") { value } }', undefined],
  [
    'a 1001-event batch',
    'mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }',
    { es: Array.from({ length: 1001 }, () => ({})) },
  ],
  ['a query nested 40 deep', `{ event(id: "seed") { ${'parent { '.repeat(40)}id${' }'.repeat(40)} } }`, undefined],
  [
    'a query asking for a million objects',
    '{ events(first: 1000) { nodes { children { children { id } } } } }',
    undefined,
  ],
  ['200 aliases', `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: viewer { token }`).join(' ')} }`, undefined],
  ['an operation name that is not there', 'query A { viewer { token } }', undefined],
  ['a mutation variable of the wrong type', CREATE, { e: 'not an object' }],
  ['a createToken with an unknown scope', 'mutation { createToken(name: "x", scopes: [ROOT]) { secret } }', undefined],
] as const) {
  cases.push([
    `GraphQL ${name}`,
    () => viaGraphQL({ query, variables, ...(name.includes('operation name') && { operationName: 'B' }) }),
  ]);
}
cases.push([
  'GraphQL batched operations',
  () => viaGraphQL([{ query: '{ viewer { token } }' }, { query: '{ viewer { token } }' }]),
]);

describe(`each of ${cases.length} bad inputs is refused with a clear error`, () => {
  it.each(cases.map(([name, send, expected]) => ({ name, send, expected })))('$name', async ({ send, expected }) => {
    const refusal = await send();
    expect(refusal).toBeDefined();
    const { status, message, code } = refusal as Refusal;
    expect(status === 200 || (status >= 400 && status < 500)).toBe(true); // GraphQL field errors come with 200
    expect(message.length).toBeGreaterThan(5);
    expect(code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(message).not.toMatch(/internal server error|stack|at .*\.ts:\d+/i);
    if (expected) expect(refusal).toMatchObject(expected);
  });
});

it('takes injection attempts that are valid text literally', async () => {
  const count = async (filter: Record<string, unknown>) =>
    dataOf(await ets.gql(COUNT, { f: filter })).events.totalCount;
  // Regex bombs, as text: no match, and an answer (a backtracking regex would hang here).
  for (const search of ['(a+)+$', '(a|aa)+$', '([a-zA-Z]+)*$', '(.*a){20}', '\\', '[', '.*'])
    expect(await count({ search })).toBe(0);
  expect(await count({ search: 'a'.repeat(40) })).toBe(1); // plain text still matches
  expect(await count({ tags: { service: ['{"$gt": ""}'] } })).toBe(0);
  expect(await count({ tags: { $where: ['1 == 1'] } })).toBe(0);
  expect(await count({ tags: { 'service.0': ['web'] } })).toBe(0);
  const rest = await fetch(`${ets.url}/api/v1/event/?tag=service:{"$gt":""}`);
  expect(await rest.json()).toEqual({ result: [], count: 0, total_count: 0 });
});

it('stayed up, and wrote nothing', async () => {
  expect((await fetch(`${ets.url}/healthz`)).status).toBe(200);
  expect(await ets.storedRows('events')).toHaveLength(1); // the seed alone
  expect(await ets.storedRows('event_versions')).toHaveLength(0);
  expect(dataOf(await ets.gql('{ events { totalCount } }')).events.totalCount).toBe(1);
});

describe('bytes that are not UTF-8', () => {
  const send = (path: string, method: string, body: Buffer) =>
    fetch(`${ets.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
  // "nu\xff\xfe1": a decoder would turn the two bytes into U+FFFD and store another id.
  const badId = Buffer.concat([Buffer.from('"nu'), Buffer.from([0xff, 0xfe]), Buffer.from('1"')]);

  it('refuses them on REST and GraphQL, naming the field, writing nothing', async () => {
    const rest = await send(
      '/api/v1/event/',
      'PUT',
      Buffer.concat([Buffer.from('{"event": {"id": '), badId, Buffer.from('}}')]),
    );
    expect([rest.status, await rest.json()]).toEqual([
      400,
      {
        message: 'event.id: must be valid UTF-8 (the body holds bytes that are not)',
        code: 'BAD_USER_INPUT',
        field: 'event.id',
      },
    ]);
    const graphql = await send(
      '/graphql',
      'POST',
      Buffer.concat([
        Buffer.from(
          '{"query": "mutation($e: EventInput!) { createEvent(event: $e) { id } }", "variables": {"e": {"id": ',
        ),
        badId,
        Buffer.from('}}}'),
      ]),
    );
    expect(graphql.status).toBe(400);
    expect(((await graphql.json()) as { errors: unknown[] }).errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'variables.e.id' },
    });
    expect(await ets.storedRows('events')).toHaveLength(1); // the seed alone
  });
});
