/** The embedded store: one SQLite file under the data folder, opened in the ETS process. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { StorageBase } from '../storage';
import { databasePath, IN_MEMORY, openWriter } from './database';
import { InlineReader, ReadPool, type ReadExecutor } from './read-pool';
import { SqliteEventStore } from './sqlite-event-store';
import { guardSync } from './sqlite-errors';
import { SqliteTokenStore } from './sqlite-token-store';

export interface SqliteStorage extends StorageBase {
  kind: 'sqlite';
  /** The database file, or ":memory:". */
  file: string;
  /** Copies the database, as it is at one moment, to `destination` while it stays in use. */
  backup(destination: string): Promise<void>;
  /** The reader processes' queue and deadline kills; none for a database in memory. */
  readerStats?: () => { waiting: number; killed: number };
}

export interface SqliteOptions {
  readers: number;
  readTimeoutMs: number;
}

/** Opens (or creates) `$dataDir/ets.sqlite`; ":memory:" keeps everything in this thread. */
export function openSqliteStorage(dataDir: string, logger: Logger, options: SqliteOptions): SqliteStorage {
  const file = dataDir === IN_MEMORY ? IN_MEMORY : databasePath(dataDir);
  if (file !== IN_MEMORY) reportEarlierStores(dataDir, logger);
  const db = openWriter(file);
  const reads: ReadExecutor =
    file === IN_MEMORY
      ? new InlineReader(db)
      : new ReadPool(file, {
          readers: options.readers,
          timeoutMs: options.readTimeoutMs,
          onReaderError: (error) => logger.error({ err: error }, 'a reader thread of the embedded store failed'),
        });
  logger.info({ file }, 'embedded store: SQLite');
  const probe = db.prepare('SELECT 1 FROM events LIMIT 1');
  return {
    kind: 'sqlite',
    file,
    channel: `sqlite:${file}`,
    events: new SqliteEventStore(db, reads),
    tokens: new SqliteTokenStore(db),
    ...(reads instanceof ReadPool && { readerStats: () => reads.stats() }),
    // The schema is made when the file is opened: the store is ready while it answers.
    isReady: () => guardSync(() => db.open && probe.all() !== undefined),
    backup: async (destination) => {
      await db.backup(resolve(destination));
    },
    async close() {
      await reads.close();
      // Folds the write-ahead log into the file, so a copy of the folder is whole.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/**
 * The embedded store of earlier releases ran FerretDB (or MongoDB) as a child process with
 * its files in the data folder. Those events are not read by this store: say so at every
 * start, with the way to bring them over, rather than look empty.
 */
function reportEarlierStores(dataDir: string, logger: Logger): void {
  const earlier = [
    { folder: 'ferretdb', what: 'FerretDB (SQLite files)', files: /\.sqlite$/ },
    { folder: 'mongodb', what: 'MongoDB (mongodb-memory-server)', files: /\.wt$/ },
  ];
  for (const { folder, what, files } of earlier) {
    const dir = join(resolve(dataDir), folder);
    if (!existsSync(dir) || !readdirSync(dir).some((name) => files.test(name))) continue;
    logger.warn(
      { folder: dir },
      `found the data of the earlier embedded store, ${what}, in ${dir}; this store does not read it. ` +
        'To bring those events over, serve them with the earlier ETS release (or with MONGODB_URI ' +
        'pointing at that store) and copy them: `ets export --url OLD | ets import --url NEW -`. ' +
        'See "Moving data between stores" in the README. Move the folder away to silence this.',
    );
  }
}
