/** Graphite's flat tags and event JSON, to and from ETS's tag map and description. */
import {
  joinDescription,
  numericId,
  splitDescription,
  toGraphiteEvent,
} from '../../src/integrations/graphite/event-json';
import { splitTagString, tagPair, toFlatTags, toTagMap } from '../../src/integrations/graphite/tags';

describe('splitTagString (graphite-web reads a tag string as django-tagging does)', () => {
  it.each([
    ['apple ball cat', ['apple', 'ball', 'cat']],
    ['apple, ball cat', ['apple', 'ball cat']],
    ['"apple, ball" cat dog', ['apple, ball', 'cat', 'dog']],
    ['"apple, ball", cat dog', ['apple, ball', 'cat dog']],
    ['apple "ball cat" dog', ['ball cat', 'apple', 'dog']],
    ['"apple" "ball dog', ['apple', 'ball', 'dog']],
    ['  deploy   prod ', ['deploy', 'prod']],
    ['', []],
  ])('reads %j as %j', (input, tags) => {
    expect(splitTagString(input)).toEqual(tags);
  });
});

describe('tagPair', () => {
  it.each<[string, [string, string] | undefined]>([
    ['env:prod', ['env', 'prod']],
    ['env=prod', ['env', 'prod']],
    ['kind: Kustomization', ['kind', 'Kustomization']],
    ['url=https://ci/1', ['url', 'https://ci/1']],
    ['a:b=c', ['a', 'b=c']],
    ['deploy', ['tag', 'deploy']],
    [' deploy ', ['tag', 'deploy']],
    [':leading', ['tag', ':leading']],
    ['trailing:', ['tag', 'trailing:']],
    ['', undefined],
    ['   ', undefined],
  ])('reads %j as %j', (tag, pair) => {
    expect(tagPair(tag)).toEqual(pair);
  });
});

describe('flat tags and the tag map', () => {
  it('groups values by key in their order, once each', () => {
    expect(toTagMap(['deploy', 'env:prod', 'env=staging', 'env:prod', 'zon-web'])).toEqual({
      tag: ['deploy', 'zon-web'],
      env: ['prod', 'staging'],
    });
  });

  it('reads its own flat tags back as the same map, a `tag` value with a separator included', () => {
    const tags = { tag: ['deploy', 'x:y', 'a=b'], service: ['zon-web'], author: ['yusuket@example.com'] };
    const flat = toFlatTags(tags);
    expect(flat).toEqual(['deploy', 'tag:x:y', 'tag:a=b', 'service:zon-web', 'author:yusuket@example.com']);
    expect(toTagMap(flat)).toEqual(tags);
  });

  it('keeps "__proto__" an ordinary key', () => {
    const map = toTagMap(['__proto__:x']);
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(map['__proto__']).toEqual(['x']);
  });
});

describe("Graphite's what and data in one description", () => {
  it.each([
    ['Event - deploy', 'deploy of master', 'Event - deploy\ndeploy of master'],
    ['Event - deploy', '', 'Event - deploy'],
    ['', 'details only', '\ndetails only'],
    ['title', 'line 1\nline 2', 'title\nline 1\nline 2'],
  ])('joins %j and %j as %j, and splits it back', (what, data, description) => {
    expect(joinDescription(what, data)).toBe(description);
    expect(splitDescription(description)).toEqual({ what, data });
  });
});

describe('numericId', () => {
  it('is a stable positive integer exact in JSON, different for different ids', () => {
    const id = numericId('deploy-zon-web-4711');
    expect(numericId('deploy-zon-web-4711')).toBe(id);
    expect(Number.isSafeInteger(id) && id > 0).toBe(true);
    expect(numericId('deploy-zon-web-4712')).not.toBe(id);
  });
});

describe('toGraphiteEvent', () => {
  it('answers the fields of graphite-web, when in whole seconds', () => {
    const event = {
      id: 'ev-1',
      parentId: null,
      sourceId: null,
      startTime: new Date('2016-12-05T10:25:00.999Z'),
      endTime: new Date('2016-12-05T10:26:00.000Z'),
      description: 'This is a Concrete event\nwith details',
      detailUrls: { graphite: 'http//graphite' },
      tags: { source: ['concrete'], tag: ['commit'] },
      createdAt: new Date(),
      updatedAt: new Date(),
      revision: 1,
      changedBy: null,
    };
    expect(toGraphiteEvent(event)).toEqual({
      when: 1480933500,
      what: 'This is a Concrete event',
      data: 'with details',
      tags: ['source:concrete', 'commit'],
      id: numericId('ev-1'),
      etsId: 'ev-1',
    });
  });
});
