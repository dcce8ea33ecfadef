/** `ets serve`: every setting as a flag over its variable, on the store under test. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flagOf } from '../../src/cli/commands/server';
import { SETTINGS } from '../../src/config';
import { runEts, spawnEts } from '../helpers/cli';
import { gqlAt, testStoreKind } from '../helpers/ets';
import { until } from '../helpers/wait';

// Each test runs the command several times, and each run starts a Node process.
jest.setTimeout(120_000);

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ets-serve-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The store under test given by flag: a MongoDB database of its own, or the embedded store in `dataDir`. */
function storeFlags(): string[] {
  if (testStoreKind() === 'sqlite') return [];
  const uri = new URL(process.env.MONGODB_URI as string);
  uri.pathname = `/ets_serve_${randomUUID().slice(0, 8)}`;
  return ['--mongodb-uri', uri.toString()];
}

it('takes the settings as flags, each overriding its variable', async () => {
  // Every variable says otherwise: were one of them used, the server would not start or behave as checked.
  const notAFolder = join(dataDir, 'a-file');
  await writeFile(notAFolder, '');
  const env = {
    PORT: 'not-a-port',
    HOST: '192.0.2.1',
    ETS_DATA_DIR: join(notAFolder, 'data'),
    LOG_LEVEL: 'silent',
    ETS_MAX_PAGE_SIZE: '500',
    ...(testStoreKind() === 'mongodb' && { MONGODB_URI: 'mongodb://127.0.0.1:9/nowhere' }),
  };
  const flags = [
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--data-dir',
    join(dataDir, 'data'),
    '--log-level',
    'info',
    '--max-page-size',
    '7',
  ];
  const server = spawnEts(['serve', ...flags, ...storeFlags()], { url: 'http://127.0.0.1:9', env });
  let stdout = '';
  server.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
  try {
    await until(
      () => /ETS is serving GraphQL at (http:\/\/127\.0\.0\.1:\d+)\/graphql/.test(stdout),
      'ets serve to start',
      { timeoutMs: 30_000 },
    );
    const url = (
      /ETS is serving GraphQL at (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(stdout) as RegExpExecArray
    )[1] as string;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const tooLong = await gqlAt(url, '{ events(first: 8) { totalCount } }');
    expect(tooLong.errors?.[0]?.message).toBe('first: must be an integer from 0 to 7 (the page size limit)');
    expect((await gqlAt(url, '{ events(first: 7) { totalCount } }')).errors).toBeUndefined();
    if (testStoreKind() === 'sqlite') expect((await stat(join(dataDir, 'data', 'ets.sqlite'))).isFile()).toBe(true);
  } finally {
    server.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}, 60_000);

it('refuses a bad flag value before starting, naming the flag and its variable', async () => {
  expect(await runEts(['serve', '--port', 'eighty'], { url: 'http://127.0.0.1:9' })).toMatchObject({
    code: 1,
    stderr:
      'ets: --port (PORT) must be a port number from 0 to 65535, got "eighty"\n(ets help serve lists its flags)\n',
  });
  expect(await runEts(['serve', '--log-level', 'loud'], { url: 'http://127.0.0.1:9' })).toMatchObject({
    code: 1,
    stderr: expect.stringContaining(
      'ets: --log-level (LOG_LEVEL) must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ),
  });
  expect(await runEts(['serve', '--mongodb-uri', 'postgres://x'], { url: 'http://127.0.0.1:9' })).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('ets: --mongodb-uri (MONGODB_URI) must start with mongodb:// or mongodb+srv://'),
  });
  // A bad variable is named as the variable.
  expect(await runEts(['serve'], { url: 'http://127.0.0.1:9', env: { ETS_MAX_BATCH: '0' } })).toMatchObject({
    code: 1,
    stderr: 'ets: configuration: ETS_MAX_BATCH must be an integer of at least 1, got "0"\n',
  });
});

it('lists every flag with its variable and default in ets serve --help', async () => {
  const help = await runEts(['serve', '--help'], { url: 'http://127.0.0.1:9' });
  expect(help.code).toBe(0);
  const text = help.stdout.replace(/\s+/g, ' ');
  for (const [variable, setting] of Object.entries(SETTINGS)) {
    expect(text).toContain(`--${flagOf(variable)} <value>`);
    expect(text).toContain(`[${variable}; default: ${setting.shown}]`);
  }
});
