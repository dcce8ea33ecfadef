/** The `ets` command as a subprocess against the real server. */
import { copyFile, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startEts } from '../../src/start';
import { runEts, spawnEts, type Run } from '../helpers/cli';
import {
  dataOf,
  gqlAt,
  itOn,
  startTestEts,
  testConfig,
  uniqueId,
  untilSubscribers,
  type TestEts,
} from '../helpers/ets';
import { CreateEventMutation } from '../helpers/operations';
import { until } from '../helpers/wait';

let ets: TestEts;
let other: TestEts;
let dir: string;
beforeAll(async () => {
  [ets, other] = await Promise.all([startTestEts(), startTestEts()]);
  dir = await mkdtemp(join(tmpdir(), 'ets-cli-'));
});
afterAll(async () => {
  await Promise.all([ets.stop(), other.stop()]);
});

function ets_(args: string[], options: { url?: string; stdin?: string; node?: string[] } = {}): Promise<Run> {
  return runEts(args, { ...options, url: options.url ?? ets.url });
}

it('sends an event from one line of a deploy script, and reads it back', async () => {
  const id = uniqueId('deploy');
  const sent = await ets_([
    'send',
    '--id',
    id,
    '--tag',
    'service=zon-web',
    '--tag',
    'status=pending',
    '--parent',
    'commit-abc',
    '--desc',
    'deploy zon-web',
    '--link',
    'ci=https://ci.example.com/4711',
    '--start',
    '12/05/16:10:25:00',
  ]);
  expect(sent).toMatchObject({ code: 0, stdout: `${id}\n` });
  expect((await ets_(['send', '--id', id, '--tag', 'status=success', '--merge'])).code).toBe(0);
  const got = await ets_(['get', id]);
  expect(got.code).toBe(0);
  expect(JSON.parse(got.stdout)).toMatchObject({
    id,
    parentId: 'commit-abc',
    description: 'deploy zon-web',
    detailUrls: { ci: 'https://ci.example.com/4711' },
    tags: { service: ['zon-web'], status: ['pending', 'success'] },
    startTime: '2016-12-05T10:25:00.000Z',
    revision: 2,
  });
});

it('exits 1 on wrong usage and 2 when the server refuses, saying why', async () => {
  expect((await ets_(['launch'])).code).toBe(1);
  expect(await ets_(['send', '--frobnicate'])).toMatchObject({
    code: 1,
    stderr: "ets: unknown option '--frobnicate'\n(ets help send lists its flags)\n",
  });
  const id = uniqueId('bad');
  expect(await ets_(['send', '--id', id, '--start', 'yesterday'])).toMatchObject({
    code: 1,
    stderr: expect.stringMatching(/^ets: --start "yesterday" is not a time: give ISO 8601/),
  });
  const refused = await ets_(['send', '--id', id, '--start', '2020-01-02T00:00:00Z', '--end', '2020-01-01T00:00:00Z']);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/^ets: BAD_USER_INPUT \(event\.\w+Time\): /);
  expect((await ets_(['get', id])).code).toBe(2); // nothing was written
  const missing = await ets_(['get', uniqueId('none')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('NOT_FOUND');
  const down = await ets_(['get', 'x'], { url: 'http://127.0.0.1:9' });
  expect(down.code).toBe(2);
  expect(down.stderr).toContain('NETWORK');
  for (const command of ['send', 'get', 'query', 'tail', 'export', 'import', 'serve', 'backup', 'token']) {
    const help = await ets_([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  }
}, 120_000);

it('queries with filters, all pages or a limit, as a table or JSON', async () => {
  const run = uniqueId('query');
  dataOf(
    await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', {
      es: Array.from({ length: 5 }, (_, i) => ({
        id: `${run}-${i}`,
        tags: { run: [run], n: [String(i % 2)] },
        startTime: i * 1000,
        description: `event ${i}`,
      })),
    }),
  );
  const json = await ets_(['query', '--tag', `run=${run}`, '--tag', 'n=1', '--json']);
  expect(
    json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).id),
  ).toEqual([`${run}-3`, `${run}-1`]);
  const since = new Date(Date.now() - 60_000).toISOString();
  const recent = await ets_(['query', '--tag', `run=${run}`, '--updated', '--from', since, '--json']);
  expect(recent.stdout.trim().split('\n')).toHaveLength(5); // all changed in the last minute, started in 1970
  const table = await ets_(['query', '--tag', `run=${run}`, '--limit', '2']);
  expect(table.stdout.trim().split('\n')).toHaveLength(2);
  expect(table.stdout).toContain(`${run}-4\trun=${run} n=0\tevent 4`);
});

it('tails changes live until interrupted', async () => {
  const run = uniqueId('tail');
  const child = spawnEts(['tail', '--tag', `run=${run}`], { url: ets.url });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await untilSubscribers(ets, 1);
  dataOf(
    await ets.gql(CreateEventMutation, {
      event: { id: `${run}-x`, tags: { run: [run] }, description: 'hello' },
    }),
  );
  await until(() => stdout.includes('\n'), 'a line from ets tail');
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(stdout).toBe(`CREATED\t${run}-x\thello\n`);
});

it('exports and imports NDJSON: a round trip loses nothing, bad lines are reported by number', async () => {
  const run = uniqueId('trip');
  dataOf(
    await ets.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', {
      es: [
        {
          id: `${run}-a`,
          // "__proto__" as an own key (a literal would set the prototype): any key the server takes goes round.
          tags: { run: [run], 'a.b': ['x'], ...(JSON.parse('{"__proto__": ["p"]}') as Record<string, string[]>) },
          detailUrls: { g: 'http//graphite' },
          description: 'line 1\nline 2',
          startTime: 1000,
          endTime: 5000,
        },
        { id: `${run}-b`, parentId: `${run}-a`, sourceId: 'ci-9', tags: { run: [run] } },
      ],
    }),
  );
  const file = join(dir, `${run}.ndjson`);
  expect((await ets_(['export', '--tag', `run=${run}`, '--output', file])).code).toBe(0);
  const imported = await ets_(['import', file], { url: other.url });
  expect(imported.code).toBe(0);
  expect(imported.stderr).toContain('2 lines: 2 created, 0 merged, 0 skipped, 0 failed');
  const fields = 'id parentId sourceId startTime endTime description detailUrls tags';
  const read = async (server: TestEts) =>
    dataOf(
      await server.gql(`query($f: EventFilter) { events(filter: $f) { nodes { ${fields} } } }`, {
        f: { tags: { run: [run] } },
      }),
    ).events.nodes;
  expect(await read(other)).toEqual(await read(ets));
  expect(JSON.stringify(await read(other))).toContain('"__proto__":["p"]');

  // Again: nothing new (skip), or merged in.
  expect((await ets_(['import', file], { url: other.url })).stderr).toContain('0 created, 0 merged, 2 skipped');
  expect((await ets_(['import', file, '--on-conflict', 'merge'], { url: other.url })).stderr).toContain(
    '0 created, 2 merged',
  );

  const broken = `${(await readFile(file, 'utf8')).trim().split('\n')[0]}\nnot json\n{"id": "${run}-c", "startTime": "soon"}\n{"id": "${run}-d"}\n`;
  const result = await ets_(['import', '-', '--on-conflict', 'skip'], { url: other.url, stdin: broken });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('line 2: not an event');
  expect(result.stderr).toContain('line 3: startTime: ');
  expect(result.stderr).not.toContain('events[');
  expect(result.stderr).toContain('4 lines: 1 created, 0 merged, 1 skipped, 2 failed');
});

it('imports 100,000 lines in bounded memory, every line landing', async () => {
  const run = uniqueId('bulk');
  const file = join(dir, `${run}.ndjson`);
  const lines: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    lines.push(
      JSON.stringify({
        id: `${run}-${i}`,
        tags: { run: [run], service: [`svc-${i % 50}`] },
        description: `bulk event ${i} `.repeat(8),
        startTime: i,
      }),
    );
  }
  await writeFile(file, `${lines.join('\n')}\n`); // about 20 MB
  lines.length = 0;
  // A 48 MiB heap could not hold the file's events at once: it has to stream.
  const result = await ets_(['import', file], { url: other.url, node: ['--max-old-space-size=48'] });
  expect(result.stderr).toContain('100000 lines: 100000 created, 0 merged, 0 skipped, 0 failed');
  expect(result.code).toBe(0);
  const count = dataOf(
    await other.gql('query($f: EventFilter) { events(filter: $f, first: 0) { totalCount } }', {
      f: { tags: { run: [run] } },
    }),
  );
  expect(count.events.totalCount).toBe(100_000);
}, 300_000);

itOn('sqlite')('backs up the embedded store while it serves, and the copy restores', async () => {
  const id = uniqueId('backed-up');
  dataOf(await ets.gql(CreateEventMutation, { event: { id, tags: { k: ['v'] } } }));
  const file = join(dir, `backup-${id}.sqlite`);
  const dataDir = ets.ets.config.dataDir;
  const backup = await ets_(['backup', file, '--data-dir', dataDir]);
  expect(backup).toMatchObject({ code: 0, stderr: expect.stringMatching(/^backed up \d+ pages/) });
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect((await ets_(['backup', file, '--data-dir', dataDir])).stderr).toMatch(/exists: back up to a new file/);
  expect((await ets_(['backup', join(dir, 'x.sqlite'), '--data-dir', join(dir, 'nothing')])).code).toBe(2);

  // Restored as the README says: the file as ets.sqlite of a new data folder.
  const restoredDir = await mkdtemp(join(tmpdir(), 'ets-restored-'));
  await copyFile(file, join(restoredDir, 'ets.sqlite'));
  const restored = await startEts(testConfig({ mongodbUri: undefined, dataDir: restoredDir }), {
    logger: pino({ level: 'silent' }),
  });
  try {
    const found = dataOf(await gqlAt(restored.url, 'query($id: ID!) { event(id: $id) { id tags } }', { id }));
    expect(found.event).toEqual({ id, tags: { k: ['v'] } });
  } finally {
    await restored.stop();
  }
});
