/**
 * Reads of the embedded store run in reader processes of their own, each with its own
 * read-only connection to the file (WAL lets readers and the one writer work at once). The
 * event loop never waits for a query: a 30-day facet takes seconds of CPU in a reader while
 * /healthz, live deliveries and writes go on. A read past its deadline is stopped by
 * killing its reader, and a new one takes its place. (Processes, not worker threads: the
 * driver has no interrupt, and a thread inside SQLite cannot be terminated; SQLite itself
 * is made for readers that die at any moment.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type Database from 'better-sqlite3';
import { StoreTimeoutError, StoreUnavailableError } from '../../domain/errors';
import { READER_PRAGMAS } from './database';
import { guardSync, sqliteError } from './sqlite-errors';

/** `rows`: each row as a list of its columns; `column`: the first column of each row. */
export type RowShape = 'rows' | 'column';

/**
 * Light reads (by id, children, revisions) are served before heavy ones (pages, counts,
 * facets) that wait with them, so that one person's 30-day facet does not hold up the
 * event details that someone else opens.
 */
export type ReadWeight = 'light' | 'heavy';

export interface ReadExecutor {
  read(sql: string, params: unknown[], shape: RowShape, weight: ReadWeight): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * What each reader runs. It is generic (SQL in, rows out) so that it needs none of this
 * project's modules, only the driver, and runs from the sources or the build alike.
 */
const READER_SOURCE = `
const settings = JSON.parse(process.env.ETS_READER);
const Database = require(settings.driver);
const db = new Database(settings.file, { fileMustExist: true });
for (const pragma of settings.pragmas) db.pragma(pragma);
db.function('contains_folded', { deterministic: true }, (text, needle) =>
  typeof text === 'string' && text.toLowerCase().includes(needle) ? 1 : 0);
const statements = new Map();
process.on('disconnect', () => process.exit(0));
process.on('message', ({ id, sql, params, shape }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = db.prepare(sql);
      if (shape === 'column') statement.pluck(true); else statement.raw(true);
      statements.set(sql, statement);
    }
    process.send({ id, rows: statement.all(params) });
  } catch (error) {
    process.send({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Job {
  id: number;
  sql: string;
  params: unknown[];
  shape: RowShape;
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Reader {
  process: ChildProcess;
  job: Job | null;
}

interface ReplyMessage {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: string };
}

/** How often a reader folds the write-ahead log into the file. */
const CHECKPOINT_EVERY_MS = 1_000;

export class ReadPool implements ReadExecutor {
  private readonly readers: Reader[] = [];
  private readonly queues: Record<ReadWeight, Job[]> = { light: [], heavy: [] };
  private nextId = 1;
  private closed = false;
  private killed = 0;
  private readonly checkpoints: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly options: { readers: number; timeoutMs: number; onReaderError?: (error: unknown) => void },
  ) {
    for (let i = 0; i < options.readers; i++) this.readers.push(this.spawn());
    // PASSIVE: copies what no reader still needs, never waits for anyone.
    this.checkpoints = setInterval(() => {
      this.read('PRAGMA wal_checkpoint(PASSIVE)', [], 'rows', 'light').catch((error: unknown) =>
        this.options.onReaderError?.(error),
      );
    }, CHECKPOINT_EVERY_MS);
    this.checkpoints.unref();
  }

  read(sql: string, params: unknown[], shape: RowShape, weight: ReadWeight): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, sql, params, shape, resolve, reject, timer: undefined as never };
      job.timer = setTimeout(() => this.expire(job, weight), this.options.timeoutMs);
      this.queues[weight].push(job);
      this.dispatch();
    });
  }

  /** Reads waiting for a free reader, and readers stopped at a deadline so far (for the metrics). */
  stats(): { waiting: number; killed: number } {
    return { waiting: this.queues.light.length + this.queues.heavy.length, killed: this.killed };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.checkpoints);
    const running = this.readers.map((reader) => reader.job).filter((job): job is Job => job !== null);
    for (const job of [...running, ...this.queues.light.splice(0), ...this.queues.heavy.splice(0)]) {
      clearTimeout(job.timer);
      job.reject(new Error('the store is closed'));
    }
    await Promise.all(this.readers.map((reader) => stop(reader.process)));
  }

  private spawn(): Reader {
    const settings = { driver: require.resolve('better-sqlite3'), file: this.file, pragmas: READER_PRAGMAS };
    const child = spawn(process.execPath, ['-e', READER_SOURCE], {
      env: { ...process.env, ETS_READER: JSON.stringify(settings), NODE_OPTIONS: '' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const reader: Reader = { process: child, job: null };
    child.on('message', (message: ReplyMessage) => {
      const job = reader.job;
      if (!job || job.id !== message.id) return;
      reader.job = null;
      clearTimeout(job.timer);
      if (message.error) job.reject(sqliteError(message.error));
      else job.resolve(message.rows ?? []);
      this.dispatch();
    });
    child.on('error', (error) => this.options.onReaderError?.(error));
    child.on('exit', (code, signal) => {
      const index = this.readers.indexOf(reader);
      if (index < 0 || this.closed) return; // replaced already, or shutting down
      // A reader that died on its own (not stopped for a deadline): its read fails, a new one starts.
      this.options.onReaderError?.(new Error(`a reader of the embedded store exited (${signal ?? code})`));
      const job = reader.job;
      if (job) {
        clearTimeout(job.timer);
        job.reject(new StoreUnavailableError(new Error('a reader of the embedded store stopped while reading')));
      }
      this.readers[index] = this.spawn();
      this.dispatch();
    });
    return reader;
  }

  private dispatch(): void {
    for (const reader of this.readers) {
      if (reader.job) continue;
      const job = this.queues.light.shift() ?? this.queues.heavy.shift();
      if (!job) return;
      reader.job = job;
      reader.process.send({ id: job.id, sql: job.sql, params: job.params, shape: job.shape });
    }
  }

  /** The deadline passed: a waiting read is dropped, a running one is stopped with its reader. */
  private expire(job: Job, weight: ReadWeight): void {
    job.reject(new StoreTimeoutError(this.options.timeoutMs));
    if (this.closed) return;
    const queue = this.queues[weight];
    const waiting = queue.indexOf(job);
    if (waiting >= 0) {
      queue.splice(waiting, 1);
      return;
    }
    const index = this.readers.findIndex((reader) => reader.job === job);
    if (index < 0) return;
    const stopped = this.readers[index] as Reader;
    this.readers[index] = this.spawn();
    stopped.process.kill('SIGKILL');
    this.killed++;
    this.dispatch();
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * Reads on the writer's own connection, in this thread: for a database in memory (which
 * other threads cannot open), as the unit tests use.
 */
export class InlineReader implements ReadExecutor {
  constructor(private readonly db: Database.Database) {
    db.function('contains_folded', { deterministic: true }, (text, needle) =>
      typeof text === 'string' && typeof needle === 'string' && text.toLowerCase().includes(needle) ? 1 : 0,
    );
  }

  read(sql: string, params: unknown[], shape: RowShape): Promise<unknown[]> {
    return guardSync(() => {
      const statement = this.db.prepare(sql);
      return shape === 'column' ? statement.pluck(true).all(params) : statement.raw(true).all(params);
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
