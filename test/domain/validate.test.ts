import { ValidationError } from '../../src/domain/errors';
import { readDraft, readEventPatch, readId, readTagMap, readTagPatch, readUrlMap } from '../../src/domain/validate';

function fieldOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('readId', () => {
  it('accepts 1..100 characters of any kind', () => {
    expect(readId('deploy-zon-web-4711', 'id')).toBe('deploy-zon-web-4711');
    expect(readId('x'.repeat(100), 'id')).toHaveLength(100);
    expect(readId('🚀'.repeat(100), 'id')).toBe('🚀'.repeat(100));
  });

  it.each([[''], ['   '], ['x'.repeat(101)], ['a\nb'], [42], [null], ['a\ud800'], ['\udc00b']])('rejects %p', (id) => {
    expect(fieldOf(() => readId(id, 'event.id'))).toBe('event.id');
  });
});

describe('readTagMap', () => {
  it('keeps keys with dots, dollars, spaces, unicode and __proto__ as plain keys', () => {
    const raw = JSON.parse('{"a.b":["1"],"$gt":["2"],"with space":["3"],"ünï":["4"],"__proto__":["5"]}');
    const tags = readTagMap(raw, 'tags');
    expect(Object.keys(tags)).toEqual(['a.b', '$gt', 'with space', 'ünï', '__proto__']);
    expect(tags.__proto__).toEqual(['5']);
  });

  it('keeps the order of values', () => {
    expect(readTagMap({ author: ['b', 'a', 'c'] }, 'tags').author).toEqual(['b', 'a', 'c']);
  });

  it.each([
    [{ service: [] }, 'tags.service'],
    [{ service: 'zon-web' }, 'tags.service'],
    [{ service: ['a', 'a'] }, 'tags.service'],
    [{ service: [''] }, 'tags.service'],
    [{ service: ['x'.repeat(201)] }, 'tags.service'],
    [{ service: [3] }, 'tags.service'],
    [{ ['k'.repeat(101)]: ['v'] }, `tags key "${'k'.repeat(101)}"`],
    [{ '': ['v'] }, 'tags key ""'],
    [['service'], 'tags'],
    ['service', 'tags'],
  ])('rejects %p at %s', (raw, field) => {
    expect(fieldOf(() => readTagMap(raw, 'tags'))).toBe(field);
  });

  it('limits the number of keys', () => {
    const raw = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, ['v']]));
    expect(() => readTagMap(raw, 'tags')).toThrow('at most 100 keys');
  });
});

describe('readUrlMap', () => {
  it('keeps odd URLs as given', () => {
    expect(readUrlMap({ graphite: 'http//graphite', 'ci.run': 'x' }, 'detailUrls')).toEqual({
      graphite: 'http//graphite',
      'ci.run': 'x',
    });
  });

  it('rejects non-string and empty URLs', () => {
    expect(fieldOf(() => readUrlMap({ ci: 1 }, 'detailUrls'))).toBe('detailUrls.ci');
    expect(fieldOf(() => readUrlMap({ ci: '' }, 'detailUrls'))).toBe('detailUrls.ci');
  });
});

describe('readDraft', () => {
  it('tells given fields from absent ones, and null from absent', () => {
    expect(readDraft({})).toEqual({});
    expect(readDraft({ parentId: null, description: null, tags: null })).toEqual({
      parentId: null,
      description: '',
      tags: {},
    });
  });

  it('rejects an event that is its own parent', () => {
    expect(fieldOf(() => readDraft({ id: 'a', parentId: 'a' }))).toBe('event.parentId');
  });

  it('rejects a start after the end', () => {
    expect(fieldOf(() => readDraft({ startTime: 2000, endTime: 1000 }))).toBe('event.startTime');
  });

  it('limits the description to 64 KiB of UTF-8', () => {
    expect(readDraft({ description: 'x'.repeat(65536) }).description).toHaveLength(65536);
    expect(fieldOf(() => readDraft({ description: 'é'.repeat(32769) }))).toBe('event.description');
  });
});

describe('readEventPatch (updateEvent)', () => {
  function errorOf(action: () => unknown): { field: string; message: string } {
    try {
      action();
    } catch (error) {
      if (error instanceof ValidationError) return { field: error.field, message: error.message };
      throw error;
    }
    throw new Error('expected a ValidationError');
  }

  it('reads null and [] as the removal of a tag key, null as the removal of a link', () => {
    expect(
      readEventPatch({ id: 'a', tags: { status: ['ok'], old: null, gone: [] }, detailUrls: { ci: null, pr: 'x' } }),
    ).toEqual({ id: 'a', tags: { status: ['ok'], old: null, gone: null }, detailUrls: { ci: null, pr: 'x' } });
  });

  it('reads a null map as the removal of every entry, and other fields as readDraft does', () => {
    expect(readEventPatch({ tags: null, detailUrls: null, parentId: null, description: null })).toEqual({
      tags: null,
      detailUrls: null,
      parentId: null,
      description: '',
    });
    expect(fieldOf(() => readEventPatch({ id: 'a', parentId: 'a' }))).toBe('event.parentId');
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ tags: { status: 'ok' } }, 'event.tags.status', 'must be a list of strings, or null or [] to remove the key'],
    [{ tags: { status: ['ok', 'ok'] } }, 'event.tags.status', 'must not repeat the value "ok"'],
    [{ tags: { status: [''] } }, 'event.tags.status', 'must not be empty'],
    [{ tags: { '': null } }, 'event.tags key ""', 'must not be empty'],
    [{ tags: ['status'] }, 'event.tags', 'must be a JSON object'],
    [{ detailUrls: { ci: [] } }, 'event.detailUrls.ci', 'must be a URL string, or null to remove the name'],
    [{ detailUrls: { ci: '' } }, 'event.detailUrls.ci', 'must not be empty'],
  ])('refuses %j, naming %s and the rule', (input, field, rule) => {
    expect(errorOf(() => readEventPatch(input))).toEqual({ field, message: `${field}: ${rule}` });
  });

  it('keeps null and [] refused where a map is not a patch', () => {
    expect(fieldOf(() => readDraft({ tags: { status: null } }))).toBe('event.tags.status');
    expect(fieldOf(() => readDraft({ tags: { status: [] } }))).toBe('event.tags.status');
    expect(fieldOf(() => readDraft({ detailUrls: { ci: null } }))).toBe('event.detailUrls.ci');
  });

  it('limits a patch to every stored key and as many new ones', () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, null]));
    expect(Object.keys(readTagPatch(keys(200), 'tags'))).toHaveLength(200);
    expect(() => readTagPatch(keys(201), 'tags')).toThrow('tags: must have at most 200 keys');
  });
});
