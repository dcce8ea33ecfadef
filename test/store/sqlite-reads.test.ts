/**
 * The reader processes of the embedded store: a read past its deadline is stopped with a
 * clear error while other reads go on, and the store answers again right after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { StoreTimeoutError } from '../../src/domain/errors';
import { openWriter, databasePath } from '../../src/store/sqlite/database';
import { ReadPool } from '../../src/store/sqlite/read-pool';
import { openSqliteStorage } from '../../src/store/sqlite/sqlite-storage';

// Counts for ever: only the deadline ends it.
const ENDLESS = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ets-reads-'));
  openWriter(databasePath(dir)).close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('stops a read at its deadline, naming it, while another reader answers, and reads again after', async () => {
  const pool = new ReadPool(databasePath(dir), { readers: 2, timeoutMs: 3_000 });
  try {
    const endless = pool.read(ENDLESS, [], 'column', 'heavy');
    // The other reader serves reads meanwhile.
    expect(await pool.read('SELECT 41 + 1', [], 'column', 'light')).toEqual([42]);
    const error = await endless.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(StoreTimeoutError);
    expect((error as Error).message).toMatch(/within 3000 ms \(ETS_STORE_TIMEOUT_MS\)/);
    // Two at once on both readers: both stopped, both replaced.
    const both = await Promise.allSettled([
      pool.read(ENDLESS, [], 'column', 'heavy'),
      pool.read(ENDLESS, [], 'column', 'heavy'),
    ]);
    expect(both.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await pool.read('SELECT count(*) FROM events', [], 'column', 'light')).toEqual([0]);
  } finally {
    await pool.close();
  }
});

it('reports an SQL error of a reader as it is, and keeps serving', async () => {
  const pool = new ReadPool(databasePath(dir), { readers: 1, timeoutMs: 5_000 });
  try {
    await expect(pool.read('SELECT * FROM no_such_table', [], 'rows', 'light')).rejects.toThrow('no such table');
    expect(await pool.read('SELECT 1, 2', [], 'rows', 'light')).toEqual([[1, 2]]);
  } finally {
    await pool.close();
  }
});

it('refuses a file written by another schema version, saying what to do', async () => {
  const other = await mkdtemp(join(tmpdir(), 'ets-schema-'));
  try {
    const db = openWriter(databasePath(other));
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStorage(other, pino({ level: 'silent' }), { readers: 1, readTimeoutMs: 1000 })).toThrow(
      /schema version 99.*ets export/,
    );
  } finally {
    await rm(other, { recursive: true, force: true });
  }
});
