/**
 * The typed client as a bot installs it: packed from its workspace, installed from the
 * tarball into a project of its own (only its few dependencies come with it), and
 * required from there against a real server.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestEts, uniqueId, type TestEts } from '../helpers/ets';

const run = promisify(execFile);
const root = join(__dirname, '../..');

let ets: TestEts;
let dir: string;
let project: string;
let packed: { filename: string; files: Array<{ path: string }> };
beforeAll(async () => {
  ets = await startTestEts();
  dir = await mkdtemp(join(tmpdir(), 'ets-client-package-'));
  const { stdout } = await run('npm', ['pack', '--json', '--workspace', 'ets-client', '--pack-destination', dir], {
    cwd: root,
  });
  packed = JSON.parse(stdout.slice(stdout.indexOf('[')))[0];
  project = join(dir, 'bot');
  await run('mkdir', [project]);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'bot', version: '1.0.0', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], {
    cwd: project,
  });
}, 180_000);
afterAll(async () => {
  await ets?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('packs only its build, with declarations', () => {
  const paths = packed.files.map((file) => file.path);
  expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
  expect(paths.filter((path) => !path.startsWith('dist/') && path !== 'package.json' && path !== 'README.md')).toEqual(
    [],
  );
});

it('installs with a handful of packages', async () => {
  const lock = JSON.parse(await readFile(join(project, 'node_modules/.package-lock.json'), 'utf8'));
  const installed = Object.keys(lock.packages).filter((path) => path.startsWith('node_modules/'));
  expect(installed).toEqual(expect.arrayContaining(['node_modules/ets-client', 'node_modules/graphql-ws']));
  expect(installed.length).toBeLessThan(10);
});

it('is required from the project and talks to the server', async () => {
  const id = uniqueId('packed');
  const script = `
    const { EtsClient, EtsError } = require('ets-client');
    const ets = new EtsClient({ url: process.env.ETS_URL, retries: 0 });
    (async () => {
      await ets.create({ id: process.env.EVENT_ID, tags: { service: ['bot'] } });
      const event = await ets.get(process.env.EVENT_ID);
      const refused = await ets.create({ id: process.env.EVENT_ID }).catch((error) => error);
      console.log(JSON.stringify({ from: require.resolve('ets-client'), event, refused: refused instanceof EtsError && refused.code }));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const { stdout } = await run(process.execPath, ['-e', script], {
    cwd: project,
    env: { ...process.env, ETS_URL: ets.url, EVENT_ID: id },
  });
  const answer = JSON.parse(stdout);
  expect(answer.from.startsWith(join(project, 'node_modules/ets-client/'))).toBe(true);
  expect(answer.event).toMatchObject({ id, tags: { service: ['bot'] }, revision: 1 });
  expect(answer.refused).toBe('CONFLICT');
  expect(await ets.gql(`{ event(id: "${id}") { tags } }`)).toMatchObject({
    data: { event: { tags: { service: ['bot'] } } },
  });
});
