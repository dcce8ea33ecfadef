/**
 * Draws the lanes onto a canvas and returns where each event landed, for hit-testing
 * and for the links between a selected event and its parent and children.
 */
import type { Lane, PlacedEvent } from './lanes';
import { STATUS_COLOR } from './status';
import { tickLabel, ticks, timeToX, type TimeWindow } from './time-scale';

export const GUTTER = 176;
const ROW_HEIGHT = 16;
const ROW_GAP = 3;
const LANE_PADDING = 6;
const POINT_SIZE = 5;
const FONT = '12px system-ui, -apple-system, "Segoe UI", sans-serif';

export interface Hit {
  x: number;
  y: number;
  w: number;
  h: number;
  placed: PlacedEvent;
  lane: Lane;
}

function laneHeight(lane: Lane): number {
  return lane.rows * (ROW_HEIGHT + ROW_GAP) - ROW_GAP + 2 * LANE_PADDING;
}

export function lanesHeight(lanes: readonly Lane[]): number {
  return lanes.reduce((sum, lane) => sum + laneHeight(lane), 0);
}

interface DrawInput {
  lanes: readonly Lane[];
  window: TimeWindow;
  width: number;
  height: number;
  now: number;
  selectedId: string | null;
  hoveredId: string | null;
}

export function drawTimeline(ctx: CanvasRenderingContext2D, input: DrawInput): Hit[] {
  const { lanes, window, width, height, now, selectedId, hoveredId } = input;
  const plot = width - GUTTER;
  const x = (time: number) => GUTTER + timeToX(time, window, plot);
  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';

  // Lane stripes, then the grid, then incidents across every lane, then events on top.
  let top = 0;
  lanes.forEach((lane, i) => {
    const h = laneHeight(lane);
    ctx.fillStyle = i % 2 ? '#f8f9fb' : '#ffffff';
    ctx.fillRect(0, top, width, h);
    top += h;
  });
  drawDensities(ctx, lanes, x, width);
  ctx.strokeStyle = '#e9ecef';
  ctx.lineWidth = 1;
  for (const t of ticks(window, plot).times) {
    const tx = Math.round(x(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(tx, 0);
    ctx.lineTo(tx, height);
    ctx.stroke();
  }
  const seenIncidents = new Set<string>();
  for (const lane of lanes) {
    for (const placed of lane.events) {
      if (!placed.incident || seenIncidents.has(placed.event.id)) continue;
      seenIncidents.add(placed.event.id);
      const x1 = Math.max(GUTTER, x(placed.start));
      const x2 = Math.min(width, Math.max(x(placed.end), x1 + 2));
      if (x2 <= GUTTER || x1 >= width) continue;
      ctx.fillStyle = 'rgba(250, 82, 82, 0.08)';
      ctx.fillRect(x1, 0, x2 - x1, height);
    }
  }

  const hits: Hit[] = [];
  top = 0;
  for (const lane of lanes) {
    const h = laneHeight(lane);
    ctx.save();
    ctx.beginPath();
    ctx.rect(GUTTER, top, plot, h);
    ctx.clip();
    for (const placed of lane.events) {
      const hit = drawEvent(ctx, placed, lane, x, top + LANE_PADDING + placed.row * (ROW_HEIGHT + ROW_GAP), plot);
      if (hit) hits.push(hit);
    }
    ctx.restore();
    top += h;
  }

  drawNow(ctx, x(now), height);
  const emphasised = [hoveredId, selectedId].filter((id): id is string => id !== null);
  for (const hit of hits)
    if (emphasised.includes(hit.placed.event.id)) outline(ctx, hit, hit.placed.event.id === selectedId);
  if (selectedId) drawLinks(ctx, hits, selectedId);
  drawGutter(ctx, lanes, height);
  return hits;
}

/** Under the drawn events, a shade per bucket where each lane has events: darker is busier. */
function drawDensities(
  ctx: CanvasRenderingContext2D,
  lanes: readonly Lane[],
  x: (time: number) => number,
  width: number,
): void {
  let top = 0;
  for (const lane of lanes) {
    const h = laneHeight(lane);
    const density = lane.density;
    if (density && density.max > 0) {
      for (const bucket of density.buckets) {
        const x1 = Math.max(GUTTER, x(bucket.start));
        const x2 = Math.min(width, x(bucket.start + density.bucketMs));
        if (x2 <= x1) continue;
        ctx.fillStyle = `rgba(34, 139, 230, ${(0.08 + 0.42 * (bucket.count / density.max)).toFixed(3)})`;
        ctx.fillRect(x1, top + 2, Math.max(1, x2 - x1), h - 4);
      }
    }
    top += h;
  }
}

function drawEvent(
  ctx: CanvasRenderingContext2D,
  placed: PlacedEvent,
  lane: Lane,
  x: (time: number) => number,
  y: number,
  plot: number,
): Hit | null {
  const x1 = x(placed.start);
  const x2 = x(placed.end);
  if (x2 < GUTTER - POINT_SIZE || x1 > GUTTER + plot + POINT_SIZE) return null;
  const color = STATUS_COLOR[placed.status];
  if (x2 - x1 < 3) {
    // A point in time (or a range too short to see): a diamond.
    const cx = (x1 + x2) / 2;
    const cy = y + ROW_HEIGHT / 2;
    ctx.beginPath();
    ctx.moveTo(cx, cy - POINT_SIZE - 1);
    ctx.lineTo(cx + POINT_SIZE, cy);
    ctx.lineTo(cx, cy + POINT_SIZE + 1);
    ctx.lineTo(cx - POINT_SIZE, cy);
    ctx.closePath();
    ctx.fillStyle = color.fill;
    ctx.fill();
    ctx.strokeStyle = color.stroke;
    ctx.stroke();
    return { x: cx - POINT_SIZE - 1, y, w: 2 * POINT_SIZE + 2, h: ROW_HEIGHT, placed, lane };
  }
  const left = Math.max(x1, GUTTER - 2);
  const w = Math.min(x2, GUTTER + plot + 2) - left;
  ctx.beginPath();
  ctx.roundRect(left, y, w, ROW_HEIGHT, 3);
  ctx.fillStyle = color.fill;
  ctx.globalAlpha = 0.88;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = color.stroke;
  ctx.stroke();
  if (w > 48) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(left + 4, y, w - 8, ROW_HEIGHT);
    ctx.clip();
    ctx.fillStyle = placed.status === 'pending' ? '#3b2f00' : '#ffffff';
    ctx.fillText(placed.title, Math.max(left, GUTTER) + 5, y + ROW_HEIGHT / 2 + 0.5);
    ctx.restore();
  }
  return { x: left, y, w, h: ROW_HEIGHT, placed, lane };
}

function outline(ctx: CanvasRenderingContext2D, hit: Hit, selected: boolean): void {
  ctx.save();
  ctx.lineWidth = selected ? 2.5 : 1.5;
  ctx.strokeStyle = selected ? '#1c1f2e' : '#495057';
  if (selected) {
    ctx.shadowColor = 'rgba(34, 139, 230, 0.8)';
    ctx.shadowBlur = 6;
  }
  ctx.beginPath();
  ctx.roundRect(hit.x - 1.5, hit.y - 1.5, hit.w + 3, hit.h + 3, 4);
  ctx.stroke();
  ctx.restore();
}

/** Curves from the selected event to its parent and its children, where they are drawn. */
function drawLinks(ctx: CanvasRenderingContext2D, hits: readonly Hit[], selectedId: string): void {
  const selected = hits.find((h) => h.placed.event.id === selectedId);
  if (!selected) return;
  const parentId = selected.placed.event.parentId;
  ctx.save();
  ctx.strokeStyle = 'rgba(28, 31, 46, 0.55)';
  ctx.lineWidth = 1.25;
  ctx.setLineDash([4, 3]);
  for (const hit of hits) {
    const isParent = hit.placed.event.id === parentId;
    const isChild = hit.placed.event.parentId === selectedId;
    if (!isParent && !isChild) continue;
    const [from, to] = isParent ? [hit, selected] : [selected, hit];
    const x1 = from.x + Math.min(from.w, 8);
    const y1 = from.y + from.h / 2;
    const x2 = to.x;
    const y2 = to.y + to.h / 2;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.bezierCurveTo(x1 + 30, y1, x2 - 30, y2, x2, y2);
    ctx.stroke();
  }
  ctx.restore();
}

function drawNow(ctx: CanvasRenderingContext2D, nowX: number, height: number): void {
  if (nowX < GUTTER) return;
  ctx.save();
  ctx.strokeStyle = '#228be6';
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(Math.round(nowX) + 0.5, 0);
  ctx.lineTo(Math.round(nowX) + 0.5, height);
  ctx.stroke();
  ctx.restore();
}

function drawGutter(ctx: CanvasRenderingContext2D, lanes: readonly Lane[], height: number): void {
  ctx.fillStyle = '#f1f3f5';
  ctx.fillRect(0, 0, GUTTER, height);
  let top = 0;
  for (const lane of lanes) {
    const h = laneHeight(lane);
    ctx.fillStyle = lane.value === null ? '#868e96' : '#212529';
    ctx.font = `600 ${FONT}`;
    const count = String(lane.events.length);
    const countWidth = ctx.measureText(count).width;
    ctx.fillText(fitText(ctx, lane.name, GUTTER - countWidth - 26), 10, top + Math.min(h / 2, 14));
    ctx.font = FONT;
    ctx.fillStyle = '#868e96';
    ctx.fillText(count, GUTTER - countWidth - 10, top + Math.min(h / 2, 14));
    ctx.strokeStyle = '#dee2e6';
    ctx.beginPath();
    ctx.moveTo(0, top + h - 0.5);
    ctx.lineTo(ctx.canvas.width, top + h - 0.5);
    ctx.stroke();
    top += h;
  }
  ctx.strokeStyle = '#ced4da';
  ctx.beginPath();
  ctx.moveTo(GUTTER - 0.5, 0);
  ctx.lineTo(GUTTER - 0.5, height);
  ctx.stroke();
}

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}

export function hitAt(hits: readonly Hit[], px: number, py: number): Hit | undefined {
  // Last drawn is on top; a small margin makes points and thin bars easy to hit.
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i]!;
    if (px >= h.x - 2 && px <= h.x + h.w + 2 && py >= h.y - 1 && py <= h.y + h.h + 1) return h;
  }
  return undefined;
}

export function drawAxis(
  ctx: CanvasRenderingContext2D,
  window: TimeWindow,
  width: number,
  height: number,
  label: string,
): void {
  const plot = width - GUTTER;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#495057';
  ctx.fillText(label, 10, height / 2);
  const { times, step } = ticks(window, plot);
  ctx.strokeStyle = '#ced4da';
  for (const t of times) {
    const tx = Math.round(GUTTER + timeToX(t, window, plot)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(tx, height - 6);
    ctx.lineTo(tx, height);
    ctx.stroke();
    ctx.fillStyle = '#495057';
    ctx.fillText(tickLabel(t, step), tx + 4, height / 2 - 1);
  }
  ctx.strokeStyle = '#dee2e6';
  ctx.beginPath();
  ctx.moveTo(0, height - 0.5);
  ctx.lineTo(width, height - 0.5);
  ctx.stroke();
}
