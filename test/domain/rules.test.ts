import { ConflictError, ValidationError } from '../../src/domain/errors';
import type { EventRecord } from '../../src/domain/event';
import {
  applyMapPatch,
  createEvent,
  createPatched,
  mergeDescription,
  mergeEvent,
  mergeTags,
  replaceEvent,
  resolveTimes,
  sameFields,
  updateEvent,
} from '../../src/domain/rules';

const t = (iso: string) => new Date(iso);
const NOW = t('2026-11-27T12:00:00.000Z');
const LATER = t('2026-11-27T13:00:00.000Z');

function stored(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: 'deploy-1',
    parentId: null,
    sourceId: null,
    startTime: t('2026-11-27T10:00:00Z'),
    endTime: t('2026-11-27T10:05:00Z'),
    description: 'deploy zon-web',
    detailUrls: { ci: 'https://ci/1' },
    tags: { service: ['zon-web'], author: ['a@example.com'] },
    createdAt: NOW,
    updatedAt: NOW,
    revision: 3,
    changedBy: null,
    ...overrides,
  };
}

describe('resolveTimes', () => {
  it('uses now for both when none is given', () => {
    expect(resolveTimes({}, NOW)).toEqual({ startTime: NOW, endTime: NOW });
  });

  it('uses the one given for both', () => {
    expect(resolveTimes({ startTime: LATER }, NOW)).toEqual({ startTime: LATER, endTime: LATER });
    expect(resolveTimes({ endTime: LATER }, NOW)).toEqual({ startTime: LATER, endTime: LATER });
  });

  it('rejects a start after the end', () => {
    expect(() => resolveTimes({ startTime: LATER, endTime: NOW }, NOW)).toThrow(ValidationError);
  });
});

describe('createEvent', () => {
  it('starts at revision 1 with defaults', () => {
    expect(createEvent('x', {}, NOW)).toEqual({
      id: 'x',
      parentId: null,
      sourceId: null,
      startTime: NOW,
      endTime: NOW,
      description: '',
      detailUrls: {},
      tags: {},
      createdAt: NOW,
      updatedAt: NOW,
      revision: 1,
      changedBy: null,
    });
  });
});

describe('replaceEvent', () => {
  it('becomes exactly the input, keeping id and createdAt, defaults for the rest', () => {
    const next = replaceEvent(stored({ parentId: 'p' }), { tags: { service: ['other'] } }, LATER);
    expect(next).toEqual({
      id: 'deploy-1',
      parentId: null,
      sourceId: null,
      startTime: LATER,
      endTime: LATER,
      description: '',
      detailUrls: {},
      tags: { service: ['other'] },
      createdAt: NOW,
      updatedAt: LATER,
      revision: 4,
      changedBy: null,
    });
  });
});

describe('updateEvent', () => {
  it('overwrites given fields and keeps the others', () => {
    const next = updateEvent(stored(), { description: 'new', tags: { status: ['success'] } }, LATER);
    expect(next.description).toBe('new');
    expect(next.tags).toEqual({ service: ['zon-web'], author: ['a@example.com'], status: ['success'] });
    expect(next.detailUrls).toEqual({ ci: 'https://ci/1' });
    expect(next.startTime).toEqual(stored().startTime);
    expect(next.revision).toBe(4);
  });

  it('clears the parent with an explicit null', () => {
    expect(updateEvent(stored({ parentId: 'p' }), { parentId: null }, LATER).parentId).toBeNull();
    expect(updateEvent(stored({ parentId: 'p' }), {}, LATER).parentId).toBe('p');
  });

  it('rejects a patch that puts the start after the stored end', () => {
    expect(() => updateEvent(stored(), { startTime: LATER }, LATER)).toThrow('must not be after endTime');
  });

  describe('patches the maps (JSON Merge Patch, RFC 7386)', () => {
    const event = stored({
      tags: { service: ['zon-web'], status: ['pending'], author: ['a@example.com'] },
      detailUrls: { ci: 'https://ci/1', logs: 'https://logs/1' },
    });

    it('replaces a given tag key in its place and keeps the other keys', () => {
      const next = updateEvent(event, { tags: { status: ['success'] } }, LATER);
      expect(next.tags).toEqual({ service: ['zon-web'], status: ['success'], author: ['a@example.com'] });
      expect(Object.keys(next.tags)).toEqual(['service', 'status', 'author']);
    });

    it('removes a key given as null, adds a new one at the end', () => {
      const next = updateEvent(event, { tags: { status: null, env: ['prod'] } }, LATER);
      expect(next.tags).toEqual({ service: ['zon-web'], author: ['a@example.com'], env: ['prod'] });
      expect(Object.keys(next.tags)).toEqual(['service', 'author', 'env']);
    });

    it('removes every tag or link with a null map, changes none with an empty one', () => {
      expect(updateEvent(event, { tags: null }, LATER).tags).toEqual({});
      expect(updateEvent(event, { detailUrls: null }, LATER).detailUrls).toEqual({});
      expect(updateEvent(event, { tags: {}, detailUrls: {} }, LATER)).toMatchObject({
        tags: event.tags,
        detailUrls: event.detailUrls,
      });
    });

    it('sets, replaces and removes detail URLs by name', () => {
      const next = updateEvent(event, { detailUrls: { ci: 'https://ci/2', logs: null, pr: 'https://pr/9' } }, LATER);
      expect(next.detailUrls).toEqual({ ci: 'https://ci/2', pr: 'https://pr/9' });
    });

    it('leaves the stored event as it was', () => {
      updateEvent(event, { tags: { status: null }, detailUrls: { ci: null } }, LATER);
      expect(event.tags.status).toEqual(['pending']);
      expect(event.detailUrls.ci).toBe('https://ci/1');
    });

    it('takes "__proto__" as an ordinary key', () => {
      const patch = JSON.parse('{"__proto__": ["x"]}') as Record<string, string[]>;
      const next = updateEvent(event, { tags: patch }, LATER);
      expect(Object.keys(next.tags)).toEqual(['service', 'status', 'author', '__proto__']);
      expect(updateEvent(next, { tags: JSON.parse('{"__proto__": null}') }, LATER).tags).toEqual(event.tags);
    });
  });
});

describe('applyMapPatch', () => {
  it('is the patch itself, without its nulls, on an empty map', () => {
    expect(applyMapPatch({}, { a: ['1'], b: null })).toEqual({ a: ['1'] });
    expect(applyMapPatch({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});

describe('createPatched', () => {
  it('creates the event an update of nothing describes: the patch without its removals', () => {
    const created = createPatched('x', { tags: { status: ['ok'], gone: null }, detailUrls: { ci: null } }, NOW);
    expect(created).toMatchObject({ id: 'x', tags: { status: ['ok'] }, detailUrls: {}, revision: 1 });
  });
});

describe('mergeEvent', () => {
  it('unites tags per key, existing order first, without duplicates', () => {
    expect(mergeTags({ a: ['1', '2'], b: ['x'] }, { a: ['3', '1'], c: ['y'] })).toEqual({
      a: ['1', '2', '3'],
      b: ['x'],
      c: ['y'],
    });
  });

  it('widens the time range to the earlier start and the later end', () => {
    const next = mergeEvent(
      stored(),
      { startTime: t('2026-11-27T09:00:00Z'), endTime: t('2026-11-27T10:01:00Z') },
      LATER,
    );
    expect(next.startTime).toEqual(t('2026-11-27T09:00:00Z'));
    expect(next.endTime).toEqual(t('2026-11-27T10:05:00Z'));
  });

  it('keeps the times when the input has none', () => {
    const next = mergeEvent(stored(), { description: 'x' }, LATER);
    expect([next.startTime, next.endTime]).toEqual([stored().startTime, stored().endTime]);
  });

  it('appends a new trimmed description after a newline unless empty or already there', () => {
    expect(mergeDescription('deploy zon-web', '  finished  ')).toBe('deploy zon-web\nfinished');
    expect(mergeDescription('deploy zon-web', 'zon-web')).toBe('deploy zon-web');
    expect(mergeDescription('deploy zon-web', '   ')).toBe('deploy zon-web');
    expect(mergeDescription('', 'first')).toBe('first');
  });

  it('overlays detail URLs, new names winning', () => {
    const next = mergeEvent(stored(), { detailUrls: { ci: 'https://ci/2', pr: 'https://pr/9' } }, LATER);
    expect(next.detailUrls).toEqual({ ci: 'https://ci/2', pr: 'https://pr/9' });
  });

  it.each(['parentId', 'sourceId'] as const)(
    'sets %s when there is none, keeps an equal one, refuses a different one',
    (field) => {
      expect(mergeEvent(stored(), { [field]: 'p' }, LATER)[field]).toBe('p');
      expect(mergeEvent(stored({ [field]: 'p' }), { [field]: 'p' }, LATER)[field]).toBe('p');
      expect(mergeEvent(stored({ [field]: 'p' }), { [field]: null }, LATER)[field]).toBe('p');
      expect(() => mergeEvent(stored({ [field]: 'p' }), { [field]: 'q' }, LATER)).toThrow(ConflictError);
    },
  );

  it('keeps the tag limits after uniting', () => {
    const many = (from: number) => Array.from({ length: 600 }, (_, i) => `v${from + i}`);
    expect(() => mergeEvent(stored({ tags: { k: many(0) } }), { tags: { k: many(600) } }, LATER)).toThrow(
      'at most 1000 values',
    );
  });

  it('changes nothing visible when the input adds nothing', () => {
    const before = stored();
    expect(sameFields(before, mergeEvent(before, { tags: { service: ['zon-web'] } }, LATER))).toBe(true);
    expect(sameFields(before, mergeEvent(before, { tags: { service: ['other'] } }, LATER))).toBe(false);
  });
});
