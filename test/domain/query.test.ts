import { decodeCursor, encodeCursor, readEventQuery, readPageSize } from '../../src/domain/query';
import { escapeRegex } from '../../src/domain/query';
import { eventFilter } from '../../src/store/mongodb/event-filter';
import { fromDocument, tagPair, toDocument } from '../../src/store/mongodb/event-document';

describe('cursors', () => {
  it('round-trip the position of an event', () => {
    const event = { startTime: new Date('2026-11-27T10:00:00.123Z'), id: 'a "quoted" id' };
    expect(decodeCursor(encodeCursor(event))).toEqual(event);
  });

  it.each([
    ['nonsense'],
    [''],
    [Buffer.from('{"a":1}').toString('base64url')],
    [Buffer.from('[1e20,"x"]').toString('base64url')],
  ])('reject %p', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow('after: must be a cursor');
  });
});

describe('readEventQuery', () => {
  it('rejects an empty or inverted window', () => {
    expect(() => readEventQuery({ from: 2000, to: 1000 })).toThrow('filter.to: must be after from');
    expect(() => readEventQuery({ from: 1000, to: 1000 })).toThrow('filter.to');
  });

  it('ignores blank search text', () => {
    expect(readEventQuery({ search: '   ' }).search).toBeUndefined();
  });

  it('limits page sizes', () => {
    expect(readPageSize(100)).toBe(100);
    expect(() => readPageSize(1001)).toThrow('first: must be an integer from 0 to 1000');
    expect(() => readPageSize(-1)).toThrow('first');
  });
});

describe('eventFilter', () => {
  it('keeps equalities at the top level, where FerretDB can push them down', () => {
    const filter = eventFilter(readEventQuery({ parentId: 'p', tags: { service: ['web'], status: ['ok', 'fail'] } }));
    expect(filter.parentId).toBe('p');
    expect(filter.tagIndex).toBe(tagPair('service', 'web'));
    expect(filter.$and).toEqual([{ tagIndex: { $in: [tagPair('status', 'ok'), tagPair('status', 'fail')] } }]);
  });
});

describe('escapeRegex', () => {
  it('makes search text match literally', () => {
    expect(escapeRegex('a.b*(c)+[d]$')).toBe('a\\.b\\*\\(c\\)\\+\\[d\\]\\$');
    expect(new RegExp(escapeRegex('(a+)+$')).test('x(a+)+$')).toBe(true);
  });
});

describe('event documents', () => {
  it('store user keys as values, never as field names, and read back unchanged', () => {
    const event = {
      id: 'e',
      parentId: null,
      sourceId: 'ci-1',
      startTime: new Date(0),
      endTime: new Date(1),
      description: '',
      detailUrls: { 'a.b': 'x', $ref: 'y' },
      tags: { 'a.b': ['1'], $gt: ['2'] },
      createdAt: new Date(2),
      updatedAt: new Date(3),
      revision: 1,
      changedBy: null,
    };
    const doc = toDocument(event);
    expect(JSON.stringify(Object.keys(doc))).not.toMatch(/a\.b|\$gt/);
    expect(doc.tagIndex).toEqual([tagPair('a.b', '1'), tagPair('$gt', '2')]);
    expect(fromDocument(doc)).toEqual(event);
  });

  it('refuses a malformed stored document', () => {
    expect(() => fromDocument({ _id: 'x' })).toThrow('stored event "x" is malformed');
  });
});
