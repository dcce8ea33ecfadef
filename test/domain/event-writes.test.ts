/**
 * The write protocol of EventWrites against the in-memory form of the embedded store: a
 * second service on the same store plays another instance, and commits (or inserts) between
 * this service's read and its own commit. The losing write must read again and recompute, so
 * that neither write is lost; writes in one process queue up per event; a refused write
 * stores nothing.
 */
import pino from 'pino';
import { SYSTEM } from '../../src/domain/access';
import type { ChangeKind, EventChange } from '../../src/domain/changes';
import type { EventStore } from '../../src/domain/event-store';
import { createEventService, type EventService } from '../../src/domain/event-service';
import { InProcessFeed } from '../../src/feed/in-process-feed';
import { IN_MEMORY } from '../../src/store/sqlite/database';
import { openStorage, type Storage } from '../../src/store/storage';

let storage: Storage;
let here: EventService;
let elsewhere: EventService;
let announced: EventChange[];
/** Run once just before this service's next commit or insert reaches the store. */
let beforeNextWrite: (() => Promise<unknown>) | undefined;

async function interleave(): Promise<void> {
  const other = beforeNextWrite;
  beforeNextWrite = undefined;
  await other?.();
}

beforeEach(async () => {
  const settings = { mongodbUri: undefined, dataDir: IN_MEMORY, readTimeoutMs: 10_000, sqliteReaders: 1 };
  storage = await openStorage(settings, pino({ level: 'silent' }));
  const events = storage.events;
  const interleaved: EventStore = Object.create(events, {
    commit: {
      value: async (...args: Parameters<EventStore['commit']>) => {
        await interleave();
        return events.commit(...args);
      },
    },
    insert: {
      value: async (...args: Parameters<EventStore['insert']>) => {
        await interleave();
        return events.insert(...args);
      },
    },
  });
  const feed = new InProcessFeed();
  const own: EventChange[] = (announced = []); // an earlier test's late deliveries go to its own list
  feed.subscribe((change) => own.push(change));
  here = createEventService(interleaved, feed);
  elsewhere = createEventService(storage.events, new InProcessFeed());
});
afterEach(() => storage.close());

const start = new Date('2026-11-30T10:00:00Z');
/** What this service announced, once the feed has delivered it (in the next turn of the event loop). */
async function kinds(): Promise<Array<[ChangeKind, string, number]>> {
  await new Promise((resolve) => setImmediate(resolve));
  return announced.map(({ kind, event }) => [kind, event.id, event.revision]);
}

describe('a write that loses the race to another instance', () => {
  it('merges again on the version the other instance committed', async () => {
    await here.writes.create(SYSTEM, { id: 'deploy-1', startTime: start, tags: { service: ['web'] } });
    beforeNextWrite = () =>
      elsewhere.writes.write(SYSTEM, 'merge', { id: 'deploy-1', tags: { approver: ['ana'] } }, false);
    const written = await here.writes.write(SYSTEM, 'merge', { id: 'deploy-1', tags: { status: ['ok'] } }, false);
    expect(written.tags).toEqual({ service: ['web'], approver: ['ana'], status: ['ok'] });
    expect(written.revision).toBe(3);
    expect(await storage.events.findById('deploy-1')).toMatchObject({ revision: 3, tags: written.tags });
    // Only what this service committed is announced by it, once.
    expect(await kinds()).toEqual([
      ['CREATED', 'deploy-1', 1],
      ['UPDATED', 'deploy-1', 3],
    ]);
  });

  it('reconciles again: the join sees the other write', async () => {
    await here.writes.create(SYSTEM, { id: 'deploy-1', startTime: start, tags: { status: ['pending'] } });
    const seen: Array<string[] | undefined> = [];
    const written = await here.writes.reconcile(SYSTEM, 'deploy-1', (stored) => {
      seen.push(stored?.tags.approver);
      if (seen.length === 1) {
        beforeNextWrite = () =>
          elsewhere.writes.write(SYSTEM, 'merge', { id: 'deploy-1', tags: { approver: ['ana'] } }, false);
      }
      return { id: 'deploy-1', startTime: start, tags: { ...stored?.tags, status: ['success'] } };
    });
    expect(seen).toEqual([undefined, ['ana']]);
    expect(written.tags).toEqual({ status: ['success'], approver: ['ana'] });
    expect(written.revision).toBe(3);
  });

  it('an upsert whose event was created meanwhile changes that event instead', async () => {
    beforeNextWrite = () =>
      elsewhere.writes.create(SYSTEM, { id: 'run-1', startTime: start, tags: { by: ['elsewhere'] } });
    const written = await here.writes.write(SYSTEM, 'merge', { id: 'run-1', tags: { by: ['here'] } }, true);
    expect(written).toMatchObject({ revision: 2, tags: { by: ['elsewhere', 'here'] } });
    expect(await kinds()).toEqual([['UPDATED', 'run-1', 2]]);
  });

  it('a delete deletes the version the other instance committed', async () => {
    await here.writes.create(SYSTEM, { id: 'job-1', startTime: start });
    beforeNextWrite = () => elsewhere.writes.write(SYSTEM, 'merge', { id: 'job-1', tags: { late: ['yes'] } }, false);
    const deleted = await here.writes.delete(SYSTEM, 'job-1');
    expect(deleted).toMatchObject({ revision: 2, tags: { late: ['yes'] } });
    expect(await storage.events.findById('job-1')).toBeNull();
  });
});

describe('writes in one process', () => {
  it('queue up per event: concurrent merges each land, one revision each', async () => {
    await here.writes.create(SYSTEM, { id: 'deploy-1', startTime: start });
    const hosts = Array.from({ length: 20 }, (_, i) => `host-${i}`);
    await Promise.all(
      hosts.map((host) => here.writes.write(SYSTEM, 'merge', { id: 'deploy-1', tags: { host: [host] } }, false)),
    );
    const stored = await storage.events.findById('deploy-1');
    expect(stored?.revision).toBe(21);
    expect([...(stored?.tags.host ?? [])].sort()).toEqual([...hosts].sort());
  });

  it('a write that changes nothing makes no revision and announces nothing', async () => {
    await here.writes.create(SYSTEM, { id: 'deploy-1', startTime: start, tags: { service: ['web'] } });
    const same = await here.writes.write(SYSTEM, 'merge', { id: 'deploy-1', tags: { service: ['web'] } }, false);
    expect(same.revision).toBe(1);
    expect(await kinds()).toEqual([['CREATED', 'deploy-1', 1]]);
  });

  it('a refused write stores nothing: a bad value, a cycle of causes, a missing event without upsert', async () => {
    await here.writes.create(SYSTEM, { id: 'a', startTime: start });
    await here.writes.create(SYSTEM, { id: 'b', parentId: 'a', startTime: start });
    await expect(here.writes.write(SYSTEM, 'merge', { id: 'a', tags: { '': ['x'] } }, false)).rejects.toThrow(
      /event\.tags/,
    );
    await expect(here.writes.write(SYSTEM, 'merge', { id: 'a', parentId: 'b' }, false)).rejects.toThrow(
      'event.parentId: "b" descends from "a": it would be its own ancestor',
    );
    await expect(here.writes.write(SYSTEM, 'merge', { id: 'missing' }, false)).rejects.toThrow('missing');
    expect(await storage.events.findById('a')).toMatchObject({ revision: 1, parentId: null, tags: {} });
    expect(await storage.events.findById('missing')).toBeNull();
  });

  it('reconcile creates a missing event, and refuses a join that changes the id', async () => {
    const created = await here.writes.reconcile(SYSTEM, 'run-1', (stored) => ({
      id: 'run-1',
      tags: { seen: [String(!!stored)] },
    }));
    expect(created).toMatchObject({ id: 'run-1', revision: 1, tags: { seen: ['false'] } });
    await expect(here.writes.reconcile(SYSTEM, 'run-1', () => ({ id: 'run-2' }))).rejects.toThrow(
      'event.id: must stay "run-1"',
    );
  });
});
