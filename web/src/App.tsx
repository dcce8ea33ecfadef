/** The page: header controls, filter lists, histogram over the timeline, event list, event details. */
import { ActionIcon, Alert, Anchor, AppShell, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineEventFragment } from './api/__generated__/graphql';
import { HistogramQuery, LaneHistogramQuery } from './api/operations';
import { useGraphQLQuery } from './api/queries';
import { EventDetails } from './details/EventDetails';
import { eventFilter, queryWindow, windowOf } from './data/event-filter';
import { useTimelineEvents } from './data/use-timeline-events';
import { ActiveFilters } from './filters/ActiveFilters';
import { FacetPanel } from './filters/FacetPanel';
import { SearchBox } from './filters/SearchBox';
import { TimeRangeControl } from './filters/TimeRangeControl';
import { LiveControl } from './live/LiveControl';
import { useNow } from './live/use-now';
import { useLiveChanges } from './live/use-live-changes';
import { TokenDialog } from './settings/TokenDialog';
import { EmptyState, ErrorState, LoadingState } from './states/StateMessage';
import { EventList } from './timeline/EventList';
import { KeyboardHelp } from './timeline/KeyboardHelp';
import { layoutLanes } from './timeline/lanes';
import { TimelinePane } from './timeline/TimelinePane';
import { formatTime, histogramInterval, type TimeWindow } from './timeline/time-scale';
import { ShareButton } from './view/ShareButton';
import { useViewState } from './view/use-view-state';
import {
  DEFAULT_PRESET,
  formatViewState,
  resolveRange,
  toggleTag,
  type RangePreset,
  type ViewState,
} from './view/view-state';

const HISTOGRAM_BARS = 120;

/** A "last …" view leaves a little room after now, so what is happening now is not on the edge. */
function withRoomAfterNow(view: ViewState, window: TimeWindow): TimeWindow {
  return 'preset' in view.range ? { from: window.from, to: window.to + (window.to - window.from) * 0.03 } : window;
}

function describeView(view: ViewState): string {
  const range =
    'preset' in view.range
      ? `last ${view.range.preset}`
      : `${formatTime(view.range.from)} → ${formatTime(view.range.to)}`;
  const tags = Object.entries(view.tags).map(([k, v]) => `${k}=${v.join('|')}`);
  return ['ETS', ...tags, view.search && `“${view.search}”`, range].filter(Boolean).join(' · ');
}

export function App() {
  const [view, updateView] = useViewState();
  const [tokenOpen, setTokenOpen] = useState(false);
  const now = useNow(!view.paused);
  const lastPreset = useRef<RangePreset>('preset' in view.range ? view.range.preset : DEFAULT_PRESET);
  if ('preset' in view.range) lastPreset.current = view.range.preset;

  const asked = useMemo(() => queryWindow(view, now), [view, now]);
  const filterKey = JSON.stringify(eventFilter(view, asked));
  const filter = useMemo(() => JSON.parse(filterKey) as ReturnType<typeof eventFilter>, [filterKey]);
  const committed = windowOf(asked, now);

  const settled = useMemo(() => withRoomAfterNow(view, resolveRange(view.range, now)), [view, now]);
  const settle = useCallback(
    (w: TimeWindow) => updateView({ range: { from: Math.round(w.from), to: Math.round(w.to) } }, 'replace'),
    [updateView],
  );
  const reset = useCallback(() => updateView({ range: { preset: lastPreset.current } }, 'replace'), [updateView]);

  const timeline = useTimelineEvents(filter);
  const live = useLiveChanges(filter, view.paused, timeline.applyChanges);

  const bucket = histogramInterval(committed, HISTOGRAM_BARS);
  const histogramTo = asked.to ?? Math.ceil((now + bucket.ms) / bucket.ms) * bucket.ms;
  const histogram = useGraphQLQuery(HistogramQuery, {
    filter: { ...filter, to: new Date(histogramTo).toISOString() },
    interval: bucket.interval,
  });

  // More events than drawn: the server counts each lane's events per bucket across the window.
  const laneCounts = useGraphQLQuery(
    LaneHistogramQuery,
    { key: view.lane, filter: { ...filter, to: new Date(histogramTo).toISOString() }, interval: bucket.interval },
    { enabled: timeline.capped },
  );
  // Disabled, the query still offers the previous window's answer as a placeholder: not wanted here.
  const densities =
    timeline.capped && laneCounts.data ? { bucketMs: bucket.ms, lanes: laneCounts.data.laneHistogram } : undefined;
  const lanes = useMemo(
    () => layoutLanes(timeline.events, view.lane, densities),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- densities is rebuilt from laneCounts.data
    [timeline.events, view.lane, timeline.capped, laneCounts.data, bucket.ms],
  );
  useEffect(() => {
    document.title = describeView(view);
  }, [view]);

  const include = useCallback(
    (key: string, value: string) => updateView({ tags: toggleTag(view.tags, key, value) }),
    [updateView, view.tags],
  );
  const exclude = useCallback(
    (key: string, value: string) => updateView({ exclude: toggleTag(view.exclude, key, value) }),
    [updateView, view.exclude],
  );
  const onLaneKey = useCallback((lane: string) => updateView({ lane }), [updateView]);
  const select = useCallback(
    (event: TimelineEventFragment | null) => updateView({ event: event?.id ?? null }),
    [updateView],
  );
  const open = useCallback((id: string) => updateView({ event: id }), [updateView]);
  const hrefOf = useCallback((id: string) => formatViewState({ ...view, event: id }), [view]);
  const filtered = Object.keys(view.tags).length + Object.keys(view.exclude).length > 0 || view.search !== '';
  const clearFilters = () => updateView({ tags: {}, exclude: {}, search: '' });
  const count = timeline.totalCount.toLocaleString('en');
  const summary = !timeline.loaded
    ? timeline.error
      ? ''
      : 'Loading…'
    : `${count} event${timeline.totalCount === 1 ? '' : 's'}${
        timeline.capped
          ? ` (${timeline.loading ? 'loaded' : 'drawing'} the newest ${timeline.events.length.toLocaleString('en')}${timeline.loading ? '…' : ''})`
          : ''
      }`;

  let body;
  if (!timeline.loaded && timeline.error) {
    body = <ErrorState error={timeline.error} onRetry={timeline.reload} onSetToken={() => setTokenOpen(true)} />;
  } else if (!timeline.loaded) {
    body = <LoadingState />;
  } else if (timeline.events.length === 0) {
    const widen =
      !('preset' in view.range) || view.range.preset !== '7d'
        ? () => updateView({ range: { preset: '7d' } })
        : undefined;
    body = (
      <EmptyState
        window={`${formatTime(settled.from)} and ${formatTime(settled.to)}`}
        filtered={filtered}
        onWiden={widen}
        onClearFilters={clearFilters}
      />
    );
  } else {
    body = (
      <>
        <TimelinePane
          settled={settled}
          onSettle={settle}
          buckets={histogram.data?.histogram}
          bucketMs={bucket.ms}
          interval={bucket.interval}
          lanes={lanes}
          laneKey={view.lane}
          now={now}
          selectedId={view.event}
          onReset={reset}
          onSelect={select}
        />
        <div className="list-pane">
          <EventList
            events={timeline.events}
            window={settled}
            laneKey={view.lane}
            selectedId={view.event}
            hrefOf={hrefOf}
            onSelect={select}
          />
        </div>
      </>
    );
  }

  return (
    <AppShell
      header={{ height: 50 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: true } }} // narrow screens: the timeline first
      aside={{
        width: { base: 380, xl: 460 },
        breakpoint: 'md',
        collapsed: { desktop: !view.event, mobile: !view.event },
      }}
      padding={0}
    >
      <AppShell.Header className="header">
        <Group h="100%" px="sm" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Anchor href="/" underline="never" className="brand" aria-label="ETS home: the default view">
              <span className="brand-mark" aria-hidden />
              ETS
            </Anchor>
            <TimeRangeControl range={view.range} onChange={(range) => updateView({ range })} />
            <SearchBox value={view.search} onChange={(search) => updateView({ search }, 'replace')} />
          </Group>
          <Group gap={6} wrap="nowrap">
            {timeline.loading && timeline.loaded && (
              <Text size="xs" c="dimmed">
                updating…
              </Text>
            )}
            <ShareButton view={view} window={settled} />
            <LiveControl
              status={live.status}
              waiting={live.waiting}
              onToggle={() => updateView({ paused: !view.paused }, 'replace')}
            />
            <KeyboardHelp />
            <Tooltip label="API token">
              <ActionIcon variant="default" size="md" aria-label="Settings" onClick={() => setTokenOpen(true)}>
                ⚙
              </ActionIcon>
            </Tooltip>
            <Anchor href="/graphql" size="xs" c="dimmed" px={4}>
              GraphQL
            </Anchor>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className="navbar">
        <FacetPanel
          filter={filter}
          tags={view.tags}
          exclude={view.exclude}
          laneKey={view.lane}
          onLaneKey={onLaneKey}
          onInclude={include}
          onExclude={exclude}
        />
      </AppShell.Navbar>

      <AppShell.Main>
        <Stack gap={0} className="main-column">
          <ActiveFilters
            tags={view.tags}
            exclude={view.exclude}
            search={view.search}
            summary={summary}
            onRemoveTag={include}
            onRemoveExclude={exclude}
            onClearSearch={() => updateView({ search: '' })}
            onClearAll={clearFilters}
          />
          {timeline.loaded && timeline.error && (
            <Alert color="red" py={4} title={null}>
              <Text size="xs">
                Showing older results: {timeline.error.message}{' '}
                <Anchor size="xs" component="button" onClick={timeline.reload}>
                  Retry
                </Anchor>
              </Text>
            </Alert>
          )}
          {live.error && !view.paused && (
            <Alert color="orange" py={4}>
              <Text size="xs">Live updates stopped: {live.error.message}. Reload the page to try again.</Text>
            </Alert>
          )}
          {body}
        </Stack>
      </AppShell.Main>

      <AppShell.Aside className="aside">
        {view.event && (
          <EventDetails
            id={view.event}
            onClose={() => select(null)}
            onOpen={open}
            onAddTag={include}
            onExcludeTag={exclude}
            onShowTime={(range) => updateView({ range })}
          />
        )}
      </AppShell.Aside>

      <TokenDialog opened={tokenOpen} onClose={() => setTokenOpen(false)} />
    </AppShell>
  );
}
