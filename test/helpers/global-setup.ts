/**
 * One store for the whole test run: MONGODB_URI when it is set (any MongoDB or FerretDB),
 * else the embedded store in a temporary folder. Each test file then uses its own database.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded-store';

declare global {
  var etsTestStore: EmbeddedStore | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.ETS_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ets-test-store-'));
  const store = await startEmbeddedStore(dataDir, pino({ level: 'info' }));
  globalThis.etsTestStore = store;
  process.env.ETS_TEST_MONGODB_URI = store.uri;
}
