/**
 * The SQLite file of the embedded store: where it lives, how it is opened, and its schema.
 *
 * It keeps the document model of the MongoDB store: one row per event holding its
 * document (`doc`, JSON), with the fields queries filter on copied into columns, and the
 * multikey index of tag pairs as a table of its own (`event_tags`, one row per key/value
 * pair with the event's times), so that tag + window + page order is one index range.
 * Rows are written in time order as events arrive, which keeps writes to the time-ordered
 * indexes local: a backfill in random time order writes several times slower.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const DATABASE_FILE = 'ets.sqlite';
/** A database that lives in this thread's memory only (unit tests). */
export const IN_MEMORY = ':memory:';

export const DAY_MS = 86_400_000;

/** Bumped when the schema changes; a file of another version is refused, not guessed at. */
export const SCHEMA_VERSION = 3;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq        INTEGER PRIMARY KEY,      -- the row id, shared with event_text
  id         TEXT NOT NULL UNIQUE,
  parent_id  TEXT,
  start_ms   INTEGER NOT NULL,
  end_ms     INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  created_ms INTEGER NOT NULL,
  revision   INTEGER NOT NULL,
  doc        TEXT NOT NULL             -- the whole event, see domain/portable-event.ts
);
-- events() in page order, with the window's end for overlap checks (covering)
CREATE INDEX IF NOT EXISTS events_page ON events (start_ms, id, end_ms);
-- children, eventTree, events(filter: {parentId}) in page order
CREATE INDEX IF NOT EXISTS events_children ON events (parent_id, start_ms, id) WHERE parent_id IS NOT NULL;
-- events(filter: {timeField: UPDATE})
CREATE INDEX IF NOT EXISTS events_updated ON events (updated_ms);

-- Every tag key/value pair ever stored, numbered: the tag rows below hold the number, so
-- their indexes stay small and quick to write.
CREATE TABLE IF NOT EXISTS tag_pairs (
  pair  INTEGER PRIMARY KEY,
  key   TEXT NOT NULL,
  value TEXT NOT NULL,
  UNIQUE (key, value)
);

-- One row per tag pair of each event, with the event's times. first = 1 on the first value
-- of a key, so that counting events per key counts each event once.
CREATE TABLE IF NOT EXISTS event_tags (
  pair     INTEGER NOT NULL,
  start_ms INTEGER NOT NULL,
  id       TEXT NOT NULL,
  end_ms   INTEGER NOT NULL,
  first    INTEGER NOT NULL,
  PRIMARY KEY (pair, start_ms, id)
) WITHOUT ROWID;
-- the tags of one event: the other keys of a filter, excludeTags, facets, rewriting an event
CREATE INDEX IF NOT EXISTS event_tags_of_event ON event_tags (id, pair, first);
-- facets over a window and nothing else (the UI's first view): tag rows by start time (covering)
CREATE INDEX IF NOT EXISTS event_tags_by_time ON event_tags (start_ms, pair, end_ms, first);

-- Tag rows counted per pair and day of their start (UTC): facets over a long window add up
-- the whole days inside it and count only its edges row by row.
CREATE TABLE IF NOT EXISTS tag_day_counts (
  day    INTEGER NOT NULL,             -- floor(start_ms / 86400000)
  pair   INTEGER NOT NULL,
  events INTEGER NOT NULL,             -- tag rows
  firsts INTEGER NOT NULL,             -- of them, first values of their key (events per key)
  PRIMARY KEY (day, pair)
) WITHOUT ROWID;

-- Case-insensitive substring search: trigrams of each description, keyed by events.seq.
CREATE VIRTUAL TABLE IF NOT EXISTS event_text USING fts5 (
  description, content = '', contentless_delete = 1, tokenize = 'trigram'
);

-- Every earlier version of each event, and a tombstone per deletion (its last version).
CREATE TABLE IF NOT EXISTS event_versions (
  event_id   TEXT NOT NULL,
  created_ms INTEGER NOT NULL,         -- tells apart two events that had the same id in turn
  revision   INTEGER NOT NULL,         -- of this version; of the deletion, for a tombstone
  deleted    INTEGER NOT NULL,
  at_ms      INTEGER NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (event_id, created_ms, revision)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tokens (
  name       TEXT PRIMARY KEY,
  token_id   TEXT NOT NULL UNIQUE,
  hash       TEXT NOT NULL,
  scopes     TEXT NOT NULL,            -- JSON list
  namespace  TEXT,                     -- JSON list of [key, values] pairs
  created_ms INTEGER NOT NULL,
  created_by TEXT,
  revoked_ms INTEGER
);
-- Kept apart from tokens so that recording a use never touches a revocation.
CREATE TABLE IF NOT EXISTS token_uses (
  token_id     TEXT PRIMARY KEY,
  last_used_ms INTEGER NOT NULL
);

-- Small facts about the data: max_span_ms, the longest (end - start) ever stored.
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
`;

export class SchemaVersionError extends Error {
  constructor(file: string, found: number) {
    super(
      `${file} has schema version ${found}, this ETS knows version ${SCHEMA_VERSION}: ` +
        'use the ETS release that wrote it, or export its events (ets export) and import them here',
    );
    this.name = 'SchemaVersionError';
  }
}

/** The data folder, made owner-only (0700): the file holds every event and token hash. */
export function databasePath(dataDir: string): string {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return join(dir, DATABASE_FILE);
}

/**
 * Opens the file for writing, creating it and its schema when new. The file is created
 * 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
 */
export function openWriter(file: string): Database.Database {
  const inMemory = file === IN_MEMORY;
  if (!inMemory) {
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Every commit reaches the disk before it is acknowledged: no acknowledged write is lost,
  // even to a power cut (a commit costs about 0.3 ms here, see docs/performance.md).
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Checkpoints (copying the log into the file) are made by a reader, off the event loop
  // (read-pool.ts); this is the backstop should no reader get to it.
  db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  db.pragma('foreign_keys = OFF');
  // Index pages stay in memory: tag rows land all over their indexes (events arrive out of time order).
  db.pragma('cache_size = -262144');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== 0 && version !== SCHEMA_VERSION) {
    db.close();
    throw new SchemaVersionError(file, version);
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
}

const WRITER_CHECKPOINT_PAGES = 50_000;

/** Read-only connection settings, for the reader threads (see read-pool.ts). */
export const READER_PRAGMAS = [
  'query_only = 1',
  'busy_timeout = 5000',
  // Memory-mapped reads share the operating system's page cache between the threads.
  'mmap_size = 4294967296',
  'cache_size = -32768',
];

/**
 * Copies the database of `dataDir` to `destination` (0600) while servers keep using it:
 * SQLite's online backup, a consistent picture of one moment. Returns the pages copied.
 */
export async function backupDatabase(dataDir: string, destination: string): Promise<number> {
  const file = join(resolve(dataDir), DATABASE_FILE);
  if (!existsSync(file)) throw new Error(`no embedded store at ${file} (set --data-dir or ETS_DATA_DIR)`);
  const target = resolve(destination);
  if (existsSync(target)) throw new Error(`${target} exists: back up to a new file`);
  closeSync(openSync(target, 'wx', 0o600));
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(target);
    return totalPages;
  } finally {
    db.close();
  }
}
