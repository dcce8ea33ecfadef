/**
 * `ets import`: bad lines by their number in the file, skipped duplicates named with
 * --verbose, the summary once, and the progress line on a real terminal (a pty made by
 * util-linux `script`), none off one.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEts } from '../helpers/cli';
import { startTestEts, uniqueId, type TestEts } from '../helpers/ets';

// Each test runs the command several times, and each run starts a Node process.
jest.setTimeout(120_000);

let ets: TestEts;
let dir: string;
beforeAll(async () => {
  ets = await startTestEts();
  dir = await mkdtemp(join(tmpdir(), 'ets-import-'));
});
afterAll(async () => {
  await ets.stop();
});

async function ndjson(name: string, lines: string[]): Promise<string> {
  const file = join(dir, `${name}.ndjson`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}
const event = (id: string, tag: string) => JSON.stringify({ id, tags: { run: [tag] }, description: `event ${id}` });
const occurrences = (text: string, part: string) => text.split(part).length - 1;

it('reports a bad line by its number in the file, past the first batch, and the summary once', async () => {
  const tag = uniqueId('lines');
  const lines = Array.from({ length: 1200 }, (_, i) => event(`${tag}-${i + 1}`, tag));
  lines[730] = JSON.stringify({ id: `${tag}-731`, startTime: 'soon' }); // line 731, the 231st of the second batch
  lines[1099] = 'not json'; // line 1100
  const result = await runEts(['import', await ndjson(tag, lines)], { url: ets.url });
  expect(result.code).toBe(2);
  // Off a terminal: the failed lines and the summary, nothing else.
  expect(result.stderr.split('\n')).toEqual([
    expect.stringMatching(/^line 731: startTime: /),
    expect.stringMatching(/^line 1100: not an event: /),
    '1200 lines: 1198 created, 0 merged, 0 skipped, 2 failed',
    '',
  ]);
});

it('counts skipped duplicates, and names each with --verbose', async () => {
  const tag = uniqueId('dupes');
  const file = await ndjson(tag, [event(`${tag}-a`, tag), '', event(`${tag}-b`, tag)]);
  expect((await runEts(['import', file], { url: ets.url })).code).toBe(0);
  const quiet = await runEts(['import', file], { url: ets.url });
  expect(quiet).toMatchObject({ code: 0, stderr: '3 lines: 0 created, 0 merged, 2 skipped, 0 failed\n' });
  const verbose = await runEts(['import', file, '--verbose'], { url: ets.url });
  expect(verbose).toMatchObject({
    code: 0,
    stderr: `line 1: skipped "${tag}-a": it exists\nline 3: skipped "${tag}-b": it exists\n3 lines: 0 created, 0 merged, 2 skipped, 0 failed\n`,
  });
  expect((await runEts(['import', file, '--on-conflict', 'overwrite'], { url: ets.url })).code).toBe(1);
});

it('shows lines done, rate and time left on a terminal, then the summary once', async () => {
  const tag = uniqueId('pty');
  const count = 20_000;
  const file = await ndjson(
    tag,
    Array.from({ length: count }, (_, i) => event(`${tag}-${i}`, tag)),
  );
  const command = [process.execPath, '--import', 'tsx', 'src/cli/ets.ts', 'import', file]
    .map((part) => `'${part.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  // script runs the command on a new pseudo-terminal and copies what it shows to its standard output.
  const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    env: { ...process.env, ETS_URL: ets.url, TERM: 'xterm' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let shown = '';
  child.stdout.on('data', (chunk: Buffer) => (shown += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  const summary = `${count} lines: ${count} created, 0 merged, 0 skipped, 0 failed`;
  expect(occurrences(shown, summary)).toBe(1);
  // A redrawn line part of the way: the bar, lines done, their rate and the time left.
  expect(shown).toMatch(/\] \d+% \| [\d,]+ lines \| [\d,]+ lines\/s \| (\d+[smh] ?)+left/);
  // The progress line is gone before the summary, which ends the output.
  expect(shown.trimEnd().endsWith(summary)).toBe(true);
}, 120_000);
