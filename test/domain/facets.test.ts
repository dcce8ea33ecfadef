import { countIntoBuckets, histogramBuckets, histogramWindow, readInterval } from '../../src/domain/facets';
import { readEventQuery } from '../../src/domain/query';

describe('readInterval', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
  ])('reads %s', (text, ms) => expect(readInterval(text)).toBe(ms));

  it.each([['0m'], ['5'], ['1y'], ['-1h'], [''], [60]])('rejects %p', (text) => {
    expect(() => readInterval(text)).toThrow('interval: must be a whole number and a unit');
  });
});

describe('histogramBuckets', () => {
  const t = (iso: string) => new Date(iso);

  it('lists every bucket of the window, aligned to the interval, with counts by start time', () => {
    const counted = countIntoBuckets(
      [t('2026-01-01T00:45:00Z'), t('2026-01-01T00:59:59.999Z'), t('2026-01-01T02:00:00Z')],
      3_600_000,
    );
    const buckets = histogramBuckets(t('2026-01-01T00:30:00Z'), t('2026-01-01T03:00:00Z'), 3_600_000, counted);
    expect(buckets.map((b) => [b.start.toISOString(), b.count])).toEqual([
      ['2026-01-01T00:00:00.000Z', 2],
      ['2026-01-01T01:00:00.000Z', 0],
      ['2026-01-01T02:00:00.000Z', 1],
    ]);
  });

  it('needs a window and refuses too many buckets', () => {
    expect(() => histogramWindow(readEventQuery({ from: 0 }), 1000)).toThrow('needs both from and to');
    expect(() => histogramWindow(readEventQuery({ from: 0, to: 86_400_000 }), 1000)).toThrow('at most 10000 buckets');
  });
});
