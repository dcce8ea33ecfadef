/**
 * Finding and building the FerretDB binary the tests of the MongoDB store run on. It is built from
 * the Go module (the version below) into .tools/bin of the project. A plain `go install`
 * is not enough: FerretDB's build expects a generated version file, so the module source
 * is copied to a temporary folder, the file is written, the patches in scripts/ferretdb
 * are applied (see each one for why), and the binary is built there.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/config/paths';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

function patchFolder(): string {
  return join(projectRoot(), 'scripts', 'ferretdb');
}

async function patches(): Promise<string[]> {
  const names = (await readdir(patchFolder()).catch(() => [])).filter((name) => name.endsWith('.patch'));
  return names.sort().map((name) => join(patchFolder(), name));
}

/** What the binary is built from: a binary built from anything else is rebuilt. */
async function buildStamp(): Promise<string> {
  const hash = createHash('sha256');
  for (const patch of await patches()) hash.update(await readFile(patch));
  return `${FERRETDB_VERSION} ${hash.digest('hex')}\n`;
}

export async function isFerretdbCurrent(path = ferretdbPath()): Promise<boolean> {
  const stamp = await readFile(`${path}.build`, 'utf8').catch(() => '');
  return (await isExecutable(path)) && stamp === (await buildStamp());
}

export function ferretdbPath(): string {
  return process.env.ETS_FERRETDB_BIN ?? resolve(projectRoot(), '.tools', 'bin', 'ferretdb');
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function goAvailable(): Promise<boolean> {
  try {
    await run('go', ['version']);
    return true;
  } catch {
    return false;
  }
}

/** Builds FerretDB into `target` with the Go toolchain; takes a minute or two the first time. */
export async function buildFerretdb(
  target = ferretdbPath(),
  progress: (line: string) => void = () => {},
): Promise<string> {
  progress(`downloading ${FERRETDB_MODULE}@${FERRETDB_VERSION} through the Go module proxy`);
  const { stdout } = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const source = (JSON.parse(stdout) as { Dir: string }).Dir;
  const work = await mkdtemp(join(tmpdir(), 'ets-ferretdb-'));
  try {
    await cp(source, work, { recursive: true });
    await run('chmod', ['-R', 'u+w', work]); // the module cache is read-only
    await writeFile(join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    for (const patch of await patches()) {
      progress(`applying ${patch}`);
      await run('git', ['apply', '-p1', patch], { cwd: work });
    }
    progress(`building FerretDB ${FERRETDB_VERSION} into ${target}`);
    await run('go', ['build', '-trimpath', '-o', target, './cmd/ferretdb'], {
      cwd: work,
      env: { ...process.env, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
    await writeFile(`${target}.build`, await buildStamp());
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return target;
}

/** The FerretDB binary, built on first use when Go is there; null when it cannot be had. */
export async function ensureFerretdb(progress: (line: string) => void): Promise<string | null> {
  const path = ferretdbPath();
  if (process.env.ETS_FERRETDB_BIN || (await isFerretdbCurrent(path))) return path;
  if (!(await goAvailable())) return (await isExecutable(path)) ? path : null;
  return buildFerretdb(path, progress);
}
