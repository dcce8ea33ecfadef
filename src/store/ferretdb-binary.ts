/**
 * Finding and building the FerretDB binary that the embedded store runs. It is built from
 * the Go module (the version below) into .tools/bin of the project. A plain `go install`
 * is not enough: FerretDB's build expects a generated version file, so the module source
 * is copied to a temporary folder, the file is written, and the binary is built there.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile, chmod, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../paths';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

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
    await chmod(join(work, 'build', 'version'), 0o755);
    await writeFile(join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    progress(`building FerretDB ${FERRETDB_VERSION} into ${target}`);
    await run('go', ['build', '-trimpath', '-o', target, './cmd/ferretdb'], {
      cwd: work,
      env: { ...process.env, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return target;
}

/** The FerretDB binary, built on first use when Go is there; null when it cannot be had. */
export async function ensureFerretdb(progress: (line: string) => void): Promise<string | null> {
  const path = ferretdbPath();
  if (await isExecutable(path)) return path;
  if (!(await goAvailable())) return null;
  return buildFerretdb(path, progress);
}
