/** The bot author's `ets send`: moving one tag, epoch seconds and relative times, --url and --link. */
import { runEts, type Run } from '../helpers/cli';
import { startTestEts, uniqueId, type TestEts } from '../helpers/ets';

// Each test runs the command several times, and each run starts a Node process.
jest.setTimeout(120_000);

let ets: TestEts;
beforeAll(async () => {
  ets = await startTestEts();
});
afterAll(async () => {
  await ets.stop();
});

const run = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => runEts(args, { url: ets.url, env });
const stored = async (id: string) => {
  const got = await run(['get', id]);
  return got.code === 0 ? JSON.parse(got.stdout) : null;
};
const ids = (result: Run): string[] =>
  result.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).id);

it('moves one tag with --update and keeps the others; --untag and --unlink remove a key', async () => {
  const id = uniqueId('deploy');
  const tags = '--tag service=zon-web --tag status=pending --tag reviewer=ann';
  const links = '--link ci=https://ci.example.com/4711 --link pr=https://git.example.com/pr/9';
  const created = await run(`send --id ${id} ${tags} ${links}`.split(' '));
  expect(created).toMatchObject({ code: 0, stdout: `${id}\n` });
  const moved = await run([
    'send',
    '--id',
    id,
    '--update',
    '--tag',
    'status=success',
    '--untag',
    'reviewer',
    '--unlink',
    'pr',
  ]);
  expect(moved).toMatchObject({ code: 0, stdout: `${id}\n` });
  expect(await stored(id)).toMatchObject({
    tags: { service: ['zon-web'], status: ['success'] },
    detailUrls: { ci: 'https://ci.example.com/4711' },
    revision: 2,
  });
  expect(Object.keys((await stored(id)).tags)).toEqual(['service', 'status']);

  // Removing needs --update, and a key is either given or removed; nothing is written.
  expect(await run(['send', '--id', id, '--merge', '--untag', 'service'])).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('--untag removes a key in an update: add --update'),
  });
  expect(await run(['send', '--id', id, '--update', '--tag', 'status=x', '--untag', 'status'])).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('--tag and --untag both name "status"'),
  });
  expect(await run(['send', '--id', id, '--update', '--tag', 'status='])).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('--untag status with --update'),
  });
  expect(await run(['send', '--update', '--tag', 'status=x'])).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('--update needs --id'),
  });
  expect((await stored(id)).revision).toBe(2);
});

it('stores the second that date +%s prints, epoch milliseconds as such, and refuses a number that could be either', async () => {
  const seconds = Math.floor(Date.now() / 1000);
  const id = uniqueId('epoch');
  expect((await run(['send', '--id', id, '--start', String(seconds), '--end', `${seconds + 60}.5`])).code).toBe(0);
  expect(await stored(id)).toMatchObject({
    startTime: new Date(seconds * 1000).toISOString(),
    endTime: new Date((seconds + 60) * 1000 + 500).toISOString(),
  });
  const ms = uniqueId('epoch-ms');
  expect((await run(['send', '--id', ms, '--start', String(seconds * 1000 + 123)])).code).toBe(0);
  expect((await stored(ms)).startTime).toBe(new Date(seconds * 1000 + 123).toISOString());

  const ambiguous = uniqueId('epoch-bad');
  for (const [flag, value] of [
    ['--start', '17000000000'],
    ['--end', '170000000'],
    ['--start', '0'],
  ] as const) {
    const refused = await run(['send', '--id', ambiguous, flag, value]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `ets: ${flag} "${value}" is a number of ${value.length} digits: epoch seconds have 10 digits and epoch milliseconds 13`,
    );
  }
  expect(await stored(ambiguous)).toBeNull();
  // The same rule in the filters.
  expect(await run(['query', '--from', '123456789012'])).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('--from "123456789012" is a number of 12 digits'),
  });
});

it('reads relative times in send and in the filters of query and export', async () => {
  const tag = uniqueId('rel');
  // Windows far wider than the time the commands take, however slow the machine.
  const before = Date.now();
  const old = await run([
    'send',
    '--id',
    `${tag}-old`,
    '--tag',
    `run=${tag}`,
    '--start',
    'now-3h',
    '--end',
    'now-150m',
  ]);
  const recent = await run(['send', '--id', `${tag}-new`, '--tag', `run=${tag}`, '--start', '-5m', '--end', 'now']);
  const after = Date.now();
  expect([old.code, recent.code]).toEqual([0, 0]);
  const started = Date.parse((await stored(`${tag}-new`)).startTime);
  expect(started).toBeGreaterThanOrEqual(before - 5 * 60_000);
  expect(started).toBeLessThanOrEqual(after - 5 * 60_000);

  const query = async (...args: string[]) => ids(await run(['query', '--tag', `run=${tag}`, '--json', ...args]));
  expect(await query('--from', 'now-1h')).toEqual([`${tag}-new`]);
  expect(await query('--from', 'now-4h', '--to', '-1h')).toEqual([`${tag}-old`]);
  expect(await query('--from', '-170m', '--to', '+5m')).toEqual([`${tag}-new`, `${tag}-old`]);
  expect(await query('--updated', '--from', '-30m')).toHaveLength(2); // both written just now
  expect(await query('--updated', '--to', '-30m')).toEqual([]);
  expect(ids(await run(['export', '--tag', `run=${tag}`, '--from', '-1h']))).toEqual([`${tag}-new`]);
  expect(await run(['query', '--from', '15m'])).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('a relative time has a sign: -15m'),
  });
});

it('takes --url as the server only: a detail link given to it is refused, naming --link, and nothing is written', async () => {
  const id = uniqueId('link');
  const path = await run(['send', '--id', id, '--url', 'https://ci.example.com/run/42']);
  expect(path.code).toBe(1);
  expect(path.stderr).toContain(
    'ets: --url is the ETS server, http(s)://HOST[:PORT] without a path, got "https://ci.example.com/run/42"',
  );
  expect(path.stderr).toContain('a detail link of an event is --link NAME=URL');
  const named = await run(['send', '--id', id, '--url', 'ci=https://ci.example.com/run/42']);
  expect(named).toMatchObject({
    code: 1,
    stderr: expect.stringContaining(
      '--url is the ETS server, got "ci=https://ci.example.com/run/42": a detail link of an event is --link NAME=URL',
    ),
  });
  expect(await stored(id)).toBeNull();

  // ETS_URL by the same rule; --url wins over it.
  const graphqlPath = await runEts(['get', id], { url: `${ets.url}/graphql` });
  expect(graphqlPath).toMatchObject({
    code: 1,
    stderr: expect.stringContaining(
      `ETS_URL is the ETS server, http(s)://HOST[:PORT] without a path, got "${ets.url}/graphql"`,
    ),
  });
  expect((await runEts(['send', '--id', id, '--url', `${ets.url}/`], { url: 'http://127.0.0.1:9' })).code).toBe(0);
  expect(await stored(id)).toMatchObject({ id });
});
