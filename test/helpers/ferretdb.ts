/**
 * FerretDB as a child process of the tests, on SQLite files of its own: the tests of the
 * MongoDB store that stop, kill and restart their store run on it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';

export interface FerretdbProcess {
  uri: string;
  /** The store's process id. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function waitUntilListening(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode} while starting`);
    if (await accepts(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`FerretDB did not listen on port ${port} within ${timeoutMs / 1000}s`);
}

/** Whether a process lives (a zombie, exited but not yet reaped, does not count). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: trust the signal check
  }
}

/**
 * A FerretDB left running by an ETS that was killed outright still holds the data folder:
 * stop it before starting a new one on the same files.
 */
async function stopLeftover(pidFile: string, logger: Logger): Promise<void> {
  const [pid = 0, owner = 0] = (await readFile(pidFile, 'utf8').catch(() => '')).split(' ').map(Number);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  if (owner !== process.pid && owner > 0 && isRunning(owner)) {
    throw new Error(`the data folder ${dirname(pidFile)} is in use by another ETS (process ${owner})`);
  }
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!command.includes('ferretdb')) return;
  logger.warn({ pid }, 'FerretDB: stopping a FerretDB left running by an earlier start');
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isRunning(pid)) process.kill(pid, 'SIGKILL');
}

/** FerretDB on SQLite files under `dataDir`, restarted on the same port if it dies. */
export async function startFerretdb(
  binary: string,
  dataDir: string,
  logger: Logger,
  port?: number,
): Promise<FerretdbProcess> {
  const dir = join(dataDir, 'ferretdb');
  await mkdir(dir, { recursive: true });
  port ??= await freePort();
  const pidFile = join(dir, 'ferretdb.pid');
  await stopLeftover(pidFile, logger);
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--state-dir=${dir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=error',
  ];
  let stopping = false;
  let child: ChildProcess;

  const launch = (): ChildProcess => {
    const proc = spawn(binary, args, {
      env: { ...process.env, DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // "<store pid> <ETS pid>": a later start stops the store only when its ETS is gone.
    void writeFile(pidFile, `${proc.pid ?? ''} ${process.pid}`).catch((error: unknown) =>
      logger.warn({ err: error }, 'FerretDB: cannot write its pid file'),
    );
    let ended = false;
    // Keep the service alive: restart the store on the same port, so clients reconnect.
    const restart = (reason: object) => {
      if (ended || stopping) return;
      ended = true;
      logger.error(reason, 'embedded store stopped; restarting it in 1s');
      setTimeout(() => {
        if (!stopping) child = launch();
      }, 1_000);
    };
    proc.on('error', (error) => restart({ err: error }));
    proc.on('exit', (code, signal) => restart({ code, signal }));
    proc.stderr?.on('data', (chunk: Buffer) =>
      logger.warn({ ferretdb: chunk.toString().trim() }, 'embedded store says'),
    );
    return proc;
  };

  child = launch();
  await waitUntilListening(port, child, 30_000);
  logger.info({ dataDir: dir, port }, 'FerretDB: FerretDB on SQLite started');
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    pid: () => child.pid,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(pidFile, { force: true });
    },
  };
}
