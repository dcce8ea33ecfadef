/** `ets` as a command: version, help, flags before or after the command, and a closed pipe. */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runEts, spawnEts } from '../helpers/cli';
import { dataOf, startTestEts, uniqueId, type TestEts } from '../helpers/ets';

// Each test runs the command several times, and each run starts a Node process.
jest.setTimeout(120_000);

let open: TestEts;
let locked: TestEts;
let admin: string;
beforeAll(async () => {
  [open, locked] = await Promise.all([startTestEts(), startTestEts({ env: { ETS_AUTH: 'all' } })]);
  admin = (await readFile(join(locked.ets.config.dataDir, 'first-admin-token'), 'utf8')).trim();
});
afterAll(async () => {
  await Promise.all([open.stop(), locked.stop()]);
});

const NOWHERE = 'http://127.0.0.1:9';

it('prints the version of the package', async () => {
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  expect(await runEts(['--version'], { url: NOWHERE })).toMatchObject({ code: 0, stdout: `${version}\n` });
  expect((await runEts(['-V'], { url: NOWHERE })).stdout).toBe(`${version}\n`);
});

it('gives help on a command with ets help COMMAND, the commands with ets help, and exits 1 when given none', async () => {
  const help = await runEts(['help'], { url: NOWHERE });
  expect(help.code).toBe(0);
  for (const command of ['serve', 'backup', 'send', 'get', 'query', 'tail', 'export', 'import', 'token']) {
    expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  }
  expect(help.stdout).toContain('Times (--start, --end, --from, --to):');
  expect(help.stdout).toContain('epoch seconds: exactly 10 digits');
  expect(help.stdout).toContain('The server is --url, else ETS_URL');
  expect(await runEts([], { url: NOWHERE })).toMatchObject({ code: 1, stderr: expect.stringContaining('Commands:') });

  const create = await runEts(['help', 'token', 'create'], { url: NOWHERE });
  expect(create).toMatchObject({ code: 0, stdout: expect.stringContaining('--scope <scope>') });
  expect(create.stdout).toContain('Examples:');
  const send = await runEts(['help', 'send'], { url: NOWHERE });
  expect(send.stdout).toContain('--untag <key>');
  expect((await runEts(['send', '--help'], { url: NOWHERE })).stdout).toBe(send.stdout);
  expect(await runEts(['help', 'launch'], { url: NOWHERE })).toMatchObject({ code: 1 });
});

it('takes --url and --token before or after the command', async () => {
  const id = uniqueId('flags');
  const sent = await runEts(['--url', locked.url, '--token', admin, 'send', '--id', id], { url: NOWHERE });
  expect(sent).toMatchObject({ code: 0, stdout: `${id}\n` });
  expect((await runEts(['get', id, '--url', locked.url, '--token', admin], { url: NOWHERE })).code).toBe(0);
  expect((await runEts(['--token', admin, 'get', id, '--url', locked.url], { url: NOWHERE })).code).toBe(0);
  expect((await runEts(['-u', locked.url, 'token', 'list', '--token', admin], { url: NOWHERE })).stdout).toMatch(
    /^first-admin/m,
  );
  const anonymous = await runEts(['get', id, '--url', locked.url], { url: NOWHERE, env: { ETS_TOKEN: '' } });
  expect(anonymous).toMatchObject({ code: 2, stderr: expect.stringContaining('UNAUTHENTICATED') });
});

describe('a reader that goes away (ets query | head)', () => {
  const tag = uniqueId('pipe');
  beforeAll(async () => {
    // 300 events of 1 KB each: more than a pipe holds, so the command is still writing when the reader closes.
    dataOf(
      await open.gql('mutation($es: [EventInput!]!) { createEvents(events: $es) { createdCount } }', {
        es: Array.from({ length: 300 }, (_, i) => ({
          id: `${tag}-${i}`,
          tags: { run: [tag] },
          description: `${i} ${'x'.repeat(1000)}`,
        })),
      }),
    );
  });

  it.each([[['query', '--json']], [['query']], [['export']]])('ends quietly with exit 0: ets %p', async (args) => {
    const child = spawnEts([...args, '--tag', `run=${tag}`], { url: open.url });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    let read = 0;
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy(); // the reading end of the pipe closes, as when head has its lines
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(read).toBeGreaterThan(0);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('ends quietly under a real head in a shell pipeline', async () => {
    const command = `${JSON.stringify(process.execPath)} --import tsx src/cli/ets.ts query --json --tag run=${tag} | head -n 2`;
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], { env: { ...process.env, ETS_URL: open.url } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

it('says so, with exit 1 and no stack trace, when export cannot write its file', async () => {
  const result = await runEts(['export', '--output', '/nonexistent-folder/events.ndjson'], { url: open.url });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^ets: cannot write \/nonexistent-folder\/events\.ndjson: ENOENT/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

it('refuses an unknown scope before asking the server, naming the flag and the choices', async () => {
  // NOWHERE: nothing listens there, so an answer other than exit 1 would mean it was sent.
  const result = await runEts(['token', 'create', 'bad', '--scope', 'read,superuser'], { url: NOWHERE });
  expect(result).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('--scope is read, write or admin, got "superuser"'),
  });
});
