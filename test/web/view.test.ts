/** The web UI's pure parts: the view in the URL, lanes, the time scale, and the timeline's data with live changes. */
import {
  changesSince,
  countOf,
  EMPTY_TIMELINE,
  eventsOf,
  onlyStartMoved,
  withChanges,
  withPage,
  type EventChange,
} from '../../web/src/data/timeline-data';
import { layoutLanes, MAX_ROWS } from '../../web/src/timeline/lanes';
import { statusOf } from '../../web/src/timeline/status';
import { histogramInterval, panWindow, ticks, zoomWindow } from '../../web/src/timeline/time-scale';
import { formatViewState, parseViewState, toggleTag } from '../../web/src/view/view-state';

describe('the view in the URL', () => {
  it('round-trips every part of the view', () => {
    const view = {
      range: { from: Date.UTC(2026, 0, 1, 10), to: Date.UTC(2026, 0, 1, 12) },
      tags: { service: ['web', 'api'], 'team:name': ['ops & dev'] },
      exclude: { status: ['success'] },
      search: 'rollback',
      lane: 'type',
      event: 'deploy-1',
      paused: true,
    };
    const query = formatViewState(view);
    expect(query).toContain('tag.service=web&tag.service=api');
    expect(parseViewState(query)).toEqual(view);
  });

  it('leaves defaults out and reads a bare URL as the last 6 hours by service, live', () => {
    expect(parseViewState('')).toEqual({
      range: { preset: '6h' },
      tags: {},
      exclude: {},
      search: '',
      lane: 'service',
      event: null,
      paused: false,
    });
    expect(formatViewState(parseViewState('?range=1h'))).toBe('?range=1h');
  });

  it('falls back to the default range on nonsense', () => {
    expect(parseViewState('?range=9y').range).toEqual({ preset: '6h' });
    expect(parseViewState('?from=2026-01-02&to=2026-01-01').range).toEqual({ preset: '6h' });
  });

  it('toggles a tag value in and out', () => {
    expect(toggleTag({}, 'service', 'web')).toEqual({ service: ['web'] });
    expect(toggleTag({ service: ['web'] }, 'service', 'api')).toEqual({ service: ['web', 'api'] });
    expect(toggleTag({ service: ['web'] }, 'service', 'web')).toEqual({});
  });
});

describe('lanes', () => {
  const event = (id: string, start: number, end: number, tags: Record<string, string[]>) => ({
    id,
    parentId: null,
    startTime: new Date(start).toISOString(),
    endTime: new Date(end).toISOString(),
    description: id,
    tags,
  });

  it('groups by a tag key, busiest first, events without it last, overlapping ranges on rows', () => {
    const lanes = layoutLanes(
      [
        event('a', 0, 100, { service: ['web'] }),
        event('b', 50, 150, { service: ['web'] }),
        event('c', 200, 300, { service: ['web'] }),
        event('d', 0, 10, { service: ['api'] }),
        event('e', 0, 0, {}),
        event('f', 0, 10, { service: ['api', 'web'] }),
      ],
      'service',
    );
    expect(lanes.map((l) => [l.name, l.events.length])).toEqual([
      ['web', 4],
      ['api', 2],
      ['(none)', 1],
    ]);
    const rows = Object.fromEntries(lanes[0]!.events.map((p) => [p.event.id, p.row]));
    expect(rows).toEqual({ f: 0, a: 1, b: 0, c: 0 }); // b fits after f ends
  });

  it('stops adding rows at the cap', () => {
    const many = Array.from({ length: 20 }, (_, i) => event(`x${i}`, 0, 100, { service: ['web'] }));
    expect(layoutLanes(many, 'service')[0]!.rows).toBe(MAX_ROWS);
  });

  it('reads the status tag into four colours', () => {
    expect(['success', 'FAILED', 'running', 'weird', undefined].map((s) => statusOf(s ? { status: [s] } : {}))).toEqual(
      ['success', 'fail', 'pending', 'other', 'other'],
    );
  });
});

describe('time scale', () => {
  const hour = 3_600_000;
  it('zooms around an anchor and pans by a share of the span', () => {
    expect(zoomWindow({ from: 0, to: 4 * hour }, 0.5, 0.25)).toEqual({ from: 0.5 * hour, to: 2.5 * hour });
    expect(panWindow({ from: 0, to: 4 * hour }, -0.25)).toEqual({ from: -hour, to: 3 * hour });
  });

  it('puts ticks on round times and picks a histogram interval the API accepts', () => {
    const { step, times } = ticks({ from: 10 * 60_000, to: 6 * hour }, 1200);
    expect(step).toBe(30 * 60_000);
    expect(times[0]).toBe(30 * 60_000);
    expect(histogramInterval({ from: 0, to: 6 * hour }, 120)).toEqual({ interval: '5m', ms: 5 * 60_000 });
    expect(histogramInterval({ from: 0, to: 7 * 24 * hour }, 120).interval).toBe('2h');
  });
});

describe("the timeline's data with live changes", () => {
  const event = (id: string, description = id) => ({
    id,
    parentId: null,
    startTime: '2026-01-01T10:00:00.000Z',
    endTime: '2026-01-01T10:00:00.000Z',
    description,
    tags: {},
  });
  const change = (kind: EventChange['kind'], id: string, description?: string): EventChange => ({
    kind,
    event: event(id, description),
  });
  const ids = (data: Parameters<typeof eventsOf>[0]) => eventsOf(data).map((e) => e.id);

  it('adds pages in order, counting from the first', () => {
    const data = withPage(withPage(EMPTY_TIMELINE, { nodes: [event('c'), event('b')], totalCount: 3 }), {
      nodes: [event('a')],
    });
    expect(ids(data)).toEqual(['c', 'b', 'a']);
    expect(countOf(data)).toBe(3);
  });

  it('applies the last change of each event over the listed ones, whichever arrived first', () => {
    // A change to an event on a page that is still loading: the page must not undo it.
    let data = withChanges(withPage(EMPTY_TIMELINE, { nodes: [event('b')], totalCount: 3 }), [
      change('CREATED', 'new'),
      change('UPDATED', 'a', 'a renamed'),
      change('DELETED', 'b'),
    ]);
    data = withPage(data, { nodes: [event('a')] });
    expect(eventsOf(data)).toEqual([event('a', 'a renamed'), event('new')]);
    expect(countOf(data)).toBe(4); // the new one was not listed
    data = withChanges(data, [change('UPDATED', 'new', 'new renamed')]);
    expect(eventsOf(data).map((e) => e.description)).toEqual(['a renamed', 'new renamed']);
  });

  it('keeps over a finished load only the changes that arrived while it ran', () => {
    const before = withChanges(EMPTY_TIMELINE, [change('CREATED', 'old')]).changes;
    const during = withChanges({ ...EMPTY_TIMELINE, changes: before }, [change('CREATED', 'during')]).changes;
    expect([...changesSince(before, during).keys()]).toEqual(['during']);
    // The same event changed again while the load ran: the newer change stays.
    const again = withChanges({ ...EMPTY_TIMELINE, changes: before }, [change('DELETED', 'old')]).changes;
    expect([...changesSince(before, again).values()].map((c) => c.kind)).toEqual(['DELETED']);
    expect(changesSince(undefined, during)).toBe(during);
  });

  it('tells a moving window that stepped on from another filter', () => {
    const at = (from: string, search?: string) => ({ from, search });
    expect(onlyStartMoved(at('2026-01-01T10:00:00Z'), at('2026-01-01T10:05:00Z'))).toBe(true);
    expect(onlyStartMoved(at('2026-01-01T10:05:00Z'), at('2026-01-01T10:00:00Z'))).toBe(false);
    expect(onlyStartMoved(at('2026-01-01T10:00:00Z'), at('2026-01-01T10:05:00Z', 'deploy'))).toBe(false);
  });
});
