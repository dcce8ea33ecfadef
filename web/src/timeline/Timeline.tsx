/**
 * The timeline: lanes of events on a canvas. Wheel or pinch zooms, drag pans, the keyboard
 * does both; hovering shows an event, clicking opens it.
 */
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimelineEventFragment } from '../api/__generated__/graphql';
import { drawAxis, drawTimeline, GUTTER, hitAt, lanesHeight, type Hit } from './draw-timeline';
import type { Lane } from './lanes';
import { STATUS_MANTINE } from './status';
import { formatDuration, formatTime, panWindow, zoomWindow, type TimeWindow } from './time-scale';
import { useCanvasDrawing } from './use-canvas';

const AXIS_HEIGHT = 26;
const KEY_ZOOM = 0.7;

interface Props {
  lanes: readonly Lane[];
  laneKey: string;
  window: TimeWindow;
  now: number;
  selectedId: string | null;
  onWindowChange: (window: TimeWindow) => void;
  onReset: () => void;
  onSelect: (event: TimelineEventFragment | null) => void;
}

export function Timeline({ lanes, laneKey, window, now, selectedId, onWindowChange, onReset, onSelect }: Props) {
  const { ref: box, width, height: boxHeight } = useElementSize();
  const axis = useRef<HTMLCanvasElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const hits = useRef<Hit[]>([]);
  const drag = useRef<{ x: number; window: TimeWindow; moved: boolean } | null>(null);
  const [hover, setHover] = useState<{ hit: Hit; x: number; y: number } | null>(null);
  const height = Math.max(lanesHeight(lanes), boxHeight - AXIS_HEIGHT - 2);
  const plot = width - GUTTER;

  // Handlers read the latest window through a ref: the wheel listener is attached once.
  const latest = useRef({ window, onWindowChange, plot });
  latest.current = { window, onWindowChange, plot };

  const hoveredId = hover?.hit.placed.event.id ?? null;
  useCanvasDrawing(axis, width, AXIS_HEIGHT, (ctx) => drawAxis(ctx, window, width, AXIS_HEIGHT, `${laneKey} (UTC)`), [
    window,
    laneKey,
  ]);
  // Redrawn when the hovered event changes, not on every move of the pointer.
  useCanvasDrawing(
    canvas,
    width,
    height,
    (ctx) => {
      hits.current = drawTimeline(ctx, { lanes, window, width, height, now, selectedId, hoveredId });
    },
    [lanes, window, now, selectedId, hoveredId],
  );

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { window: current, onWindowChange: change, plot: plotWidth } = latest.current;
      const anchor = Math.min(1, Math.max(0, (event.offsetX - GUTTER) / plotWidth));
      const horizontal = event.shiftKey ? event.deltaY : event.deltaX;
      if (Math.abs(horizontal) > Math.abs(event.deltaY) || event.shiftKey)
        change(panWindow(current, horizontal / plotWidth));
      // Pinch arrives as a wheel with ctrlKey and small deltas.
      else change(zoomWindow(current, Math.exp(event.deltaY * (event.ctrlKey ? 0.01 : 0.0015)), anchor));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, window, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d) {
      const dx = event.clientX - d.x;
      if (Math.abs(dx) > 3) d.moved = true;
      if (d.moved) {
        onWindowChange(panWindow(d.window, -dx / plot));
        setHover(null);
        return;
      }
    }
    const { offsetX, offsetY } = event.nativeEvent;
    const hit = hitAt(hits.current, offsetX, offsetY);
    setHover(hit ? { hit, x: offsetX, y: offsetY } : null);
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved) return;
    const hit = hitAt(hits.current, event.nativeEvent.offsetX, event.nativeEvent.offsetY);
    if (hit) onSelect(hit.placed.event);
  };

  // Events in time order, for stepping with the keyboard.
  const ordered = useMemo(() => {
    const unique = new Map<string, { event: TimelineEventFragment; start: number }>();
    for (const lane of lanes) for (const p of lane.events) unique.set(p.event.id, { event: p.event, start: p.start });
    return [...unique.values()].sort((a, b) => a.start - b.start);
  }, [lanes]);

  const step = (direction: 1 | -1) => {
    const visible = ordered.filter((o) => o.start >= window.from && o.start < window.to);
    if (!visible.length) return;
    const at = visible.findIndex((o) => o.event.id === selectedId);
    const next = at === -1 ? (direction === 1 ? 0 : visible.length - 1) : at + direction;
    const target = visible[Math.min(visible.length - 1, Math.max(0, next))];
    if (target) onSelect(target.event);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const actions: Record<string, () => void> = {
      ArrowLeft: () => onWindowChange(panWindow(window, event.shiftKey ? -0.5 : -0.1)),
      ArrowRight: () => onWindowChange(panWindow(window, event.shiftKey ? 0.5 : 0.1)),
      '+': () => onWindowChange(zoomWindow(window, KEY_ZOOM)),
      '=': () => onWindowChange(zoomWindow(window, KEY_ZOOM)),
      '-': () => onWindowChange(zoomWindow(window, 1 / KEY_ZOOM)),
      '0': onReset,
      n: () => step(1),
      ']': () => step(1),
      p: () => step(-1),
      '[': () => step(-1),
      Escape: () => onSelect(null),
    };
    const action = actions[event.key];
    if (!action || event.metaKey || event.ctrlKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  const h = hover?.hit.placed;
  return (
    <div
      ref={box}
      className="timeline"
      // As tall as its lanes, up to a share of the page (app.css); the event list takes the rest.
      style={{ flexBasis: lanesHeight(lanes) + AXIS_HEIGHT + 2 }}
      tabIndex={0}
      role="group"
      aria-label="Timeline. Arrow keys pan, plus and minus zoom, 0 resets, N and P step through events, Escape closes."
      onKeyDown={onKeyDown}
      data-testid="timeline"
      data-lanes={lanes.length}
      data-events={ordered.length}
    >
      <canvas ref={axis} className="timeline-axis" aria-hidden />
      <div className="timeline-lanes">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${ordered.length} events in ${lanes.length} lanes by ${laneKey}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHover(null)}
          style={{ cursor: drag.current?.moved ? 'grabbing' : hover ? 'pointer' : 'grab' }}
        />
        {h && hover && (
          <Paper
            className="timeline-tooltip"
            shadow="md"
            p="xs"
            withBorder
            style={{ left: Math.min(hover.x + 14, width - 340), top: hover.y + 16 }}
          >
            <Stack gap={2}>
              <Group gap={6} wrap="nowrap">
                <Badge size="xs" color={STATUS_MANTINE[h.status]} variant="light">
                  {h.event.tags.status?.[0] ?? 'no status'}
                </Badge>
                <Text size="xs" c="dimmed" truncate>
                  {hover.hit.lane.name} · {h.event.id}
                </Text>
              </Group>
              <Text size="sm" fw={500} lineClamp={2}>
                {h.event.description || h.event.id}
              </Text>
              <Text size="xs" c="dimmed">
                {formatTime(h.start)}
                {h.end > h.start ? ` · ${formatDuration(h.end - h.start)}` : ''}
              </Text>
            </Stack>
          </Paper>
        )}
      </div>
    </div>
  );
}
