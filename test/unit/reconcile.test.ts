/**
 * EventService.reconcile against the in-memory form of the embedded store: when another
 * writer (a second service on the same store, as another instance would be) commits
 * between this one's read and its commit, the caller's join runs again on the new
 * version, so neither write is lost.
 */
import pino from 'pino';
import { SYSTEM } from '../../src/domain/access';
import type { EventStore } from '../../src/domain/event-store';
import { EventService } from '../../src/domain/event-service';
import { InProcessFeed } from '../../src/feed/in-process-feed';
import { openStorage, type Storage } from '../../src/store/storage';
import { IN_MEMORY } from '../../src/store/sqlite/database';

let storage: Storage;
let here: EventService;
let elsewhere: EventService;
/** Run once just before this service's next commit reaches the store. */
let beforeNextCommit: (() => Promise<unknown>) | undefined;

beforeAll(async () => {
  const settings = { mongodbUri: undefined, dataDir: IN_MEMORY, readTimeoutMs: 10_000, sqliteReaders: 1 };
  storage = await openStorage(settings, pino({ level: 'silent' }));
  const events = storage.events;
  const interleaved: EventStore = Object.create(events, {
    commit: {
      value: async (...args: Parameters<EventStore['commit']>) => {
        const other = beforeNextCommit;
        beforeNextCommit = undefined;
        await other?.();
        return events.commit(...args);
      },
    },
  });
  here = new EventService(interleaved, new InProcessFeed());
  elsewhere = new EventService(storage.events, new InProcessFeed());
});
afterAll(() => storage.close());

const start = new Date('2026-11-30T10:00:00Z');

it('joins again when another writer changed the event meanwhile', async () => {
  await here.create(SYSTEM, { id: 'deploy-1', startTime: start, tags: { status: ['pending'] } });
  const seen: Array<string[] | undefined> = [];
  const written = await here.reconcile(SYSTEM, 'deploy-1', (stored) => {
    seen.push(stored?.tags.approver);
    // The first time, another instance commits between this read and this commit.
    if (seen.length === 1) {
      beforeNextCommit = () => elsewhere.write(SYSTEM, 'merge', { id: 'deploy-1', tags: { approver: ['ana'] } }, false);
    }
    return { id: 'deploy-1', startTime: start, tags: { ...stored?.tags, status: ['success'] } };
  });
  expect(seen).toEqual([undefined, ['ana']]);
  expect(written.tags).toEqual({ status: ['success'], approver: ['ana'] });
  expect(written.revision).toBe(3);
});

it('creates a missing event, and refuses a join that changes the id', async () => {
  const created = await here.reconcile(SYSTEM, 'run-1', (stored) => ({
    id: 'run-1',
    tags: { seen: [String(!!stored)] },
  }));
  expect(created).toMatchObject({ id: 'run-1', revision: 1, tags: { seen: ['false'] } });
  await expect(here.reconcile(SYSTEM, 'run-1', () => ({ id: 'run-2' }))).rejects.toThrow('event.id: must stay "run-1"');
});
