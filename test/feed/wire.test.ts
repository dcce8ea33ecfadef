import type { EventRecord } from '../../src/domain/event';
import { parseChange, serializeChange } from '../../src/feed/wire';

const event: EventRecord = {
  id: 'e1',
  parentId: 'p',
  sourceId: null,
  startTime: new Date('2026-11-30T10:00:00.123Z'),
  endTime: new Date('2026-11-30T10:05:00Z'),
  description: 'deploy',
  // User keys that must stay data: a prototype name, dots, a dollar.
  detailUrls: Object.assign(Object.create(null), { ci: 'https://ci/1', 'a.b': 'https://x' }),
  tags: JSON.parse('{"__proto__":["x"],"$gt":["1","2"],"service":["web"]}'),
  createdAt: new Date('2026-11-30T10:00:01Z'),
  updatedAt: new Date('2026-11-30T10:05:01Z'),
  revision: 3,
  changedBy: 'ci-bot',
};

describe('the feed wire format', () => {
  it('carries a change to another instance unchanged, user keys as data', () => {
    const read = parseChange(serializeChange({ kind: 'UPDATED', event }));
    expect(read.kind).toBe('UPDATED');
    expect(read.event).toEqual(event);
    expect(Object.keys(read.event.tags)).toEqual(['__proto__', '$gt', 'service']);
    expect(Object.getPrototypeOf(read.event.tags)).toBeNull();
  });

  it('refuses what is not a change', () => {
    expect(() => parseChange('null')).toThrow('not a change');
    expect(() => parseChange('{"kind":"EXPLODED","event":{}}')).toThrow('not a change');
    expect(() => parseChange('{"kind":"CREATED","event":{"id":"x","startTime":"yesterday"}}')).toThrow(
      'fed event "x" is malformed: startTime',
    );
  });
});
