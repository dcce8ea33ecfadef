/**
 * Grafana's annotation JSON (its HTTP API's `/api/annotations`), to and from the domain's
 * event: `time`/`timeEnd` (epoch ms) are the start and end, `text` the description, `tags`
 * flat tags (graphite/tags.ts). A dashboard's UID and a panel's id, which ETS events do not
 * have, are kept as the tags `grafana_dashboard_uid` and `grafana_panel_id` and given back
 * in their own fields. Ids are numbers in Grafana: numericId of the ETS id, which travels
 * beside it as `etsId`.
 */
import { ValidationError } from '../../domain/errors';
import { emptyMap, type EventRecord, type TagMap } from '../../domain/event';
import { parseEventTime } from '../../domain/time';
import { readObject, type RawEventInput } from '../../domain/validate';
import { joinDescription, numericId, readEpochSeconds } from '../graphite/event-json';
import { readFlatTags, toFlatTags, toTagMap } from '../graphite/tags';

export const DASHBOARD_TAG = 'grafana_dashboard_uid';
export const PANEL_TAG = 'grafana_panel_id';

/** Grafana's annotation as its `GET /api/annotations` lists it (its ItemDTO). */
export interface GrafanaAnnotation {
  id: number;
  alertId: 0;
  alertName: '';
  dashboardId: 0;
  dashboardUID: string | null;
  panelId: number;
  userId: 0;
  newState: '';
  prevState: '';
  created: number;
  updated: number;
  time: number;
  timeEnd: number;
  text: string;
  tags: string[];
  /** The token that made the last change, as Grafana names the user who made an annotation. */
  login: string;
  email: '';
  avatarUrl: '';
  data: Record<string, never>;
  etsId: string;
}

/** An integer as Grafana's JSON binding reads one (an int64); absent, null and 0 are "not given". */
function readInteger(body: Record<string, unknown>, name: string, what: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === 0) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ValidationError(name, `must be ${what}`);
  return value;
}

function readTags(value: unknown): string[] {
  if (typeof value === 'string') throw new ValidationError('tags', 'must be a list of strings');
  return readFlatTags(value, 'tags');
}

/** The dashboard and panel an annotation belongs to, as ETS tags. */
function placeTags(body: Record<string, unknown>): TagMap {
  const tags = emptyMap<string[]>();
  if (body.dashboardUID !== undefined && body.dashboardUID !== null && body.dashboardUID !== '') {
    if (typeof body.dashboardUID !== 'string') throw new ValidationError('dashboardUID', 'must be a string');
    tags[DASHBOARD_TAG] = [body.dashboardUID];
  }
  const panel = readInteger(body, 'panelId', 'an integer');
  if (panel !== undefined) tags[PANEL_TAG] = [String(panel)];
  return tags;
}

/**
 * The body of `POST /api/annotations`: `text` (required), `time` and `timeEnd` (epoch ms;
 * none: now; a `timeEnd` before `time` is swapped, as Grafana does), `tags`, `dashboardUID`
 * and `panelId`. `dashboardId`, `data` and Argo CD's `isRegion` are accepted and not kept.
 * Flux sends `when` in epoch seconds instead of `time`: it is the start when `time` is absent.
 */
export function fromAnnotation(raw: unknown): RawEventInput {
  const body = readObject(raw, 'body');
  if (typeof body.text !== 'string' || body.text === '') {
    throw new ValidationError('text', 'must be a non-empty string (the annotation text)');
  }
  const time = readInteger(body, 'time', 'epoch milliseconds (an integer)');
  const timeEnd = readInteger(body, 'timeEnd', 'epoch milliseconds (an integer)');
  const start =
    time !== undefined
      ? new Date(time)
      : body.when !== undefined && body.when !== null && body.when !== 0
        ? parseEventTime(readEpochSeconds(body.when, 'when'), 'when')
        : undefined;
  const end = timeEnd === undefined ? undefined : new Date(timeEnd);
  const [startTime, endTime] = start && end && end < start ? [end, start] : [start, end];
  return {
    description: body.text,
    tags: { ...toTagMap(readTags(body.tags)), ...placeTags(body) },
    ...(startTime && { startTime }),
    ...(endTime && { endTime }),
  };
}

/**
 * The body of `POST /api/annotations/graphite` (Graphite's event JSON, as Grafana reads it):
 * `what` (required, not empty), `data`, `tags` (a list, or a string split on spaces) and
 * `when` (epoch seconds; absent or 0: now).
 */
export function fromGraphiteAnnotation(raw: unknown): RawEventInput {
  const body = readObject(raw, 'body');
  if (typeof body.what !== 'string' || body.what === '') {
    throw new ValidationError('what', 'must be a non-empty string (the annotation title)');
  }
  if (body.data !== undefined && body.data !== null && typeof body.data !== 'string') {
    throw new ValidationError('data', 'must be a string');
  }
  const tags = typeof body.tags === 'string' ? body.tags.split(' ') : readFlatTags(body.tags, 'tags');
  const when = readInteger(body, 'when', 'epoch seconds (an integer)');
  return {
    description: joinDescription(body.what, typeof body.data === 'string' ? body.data : ''),
    tags: toTagMap(tags),
    ...(when !== undefined && { startTime: new Date(when * 1000) }),
  };
}

export function toAnnotation(event: EventRecord): GrafanaAnnotation {
  const { [DASHBOARD_TAG]: dashboard, [PANEL_TAG]: panel, ...tags } = event.tags;
  const panelId = Number(panel?.[0] ?? 0);
  return {
    id: numericId(event.id),
    alertId: 0,
    alertName: '',
    dashboardId: 0,
    dashboardUID: dashboard?.[0] ?? null,
    panelId: Number.isSafeInteger(panelId) ? panelId : 0,
    userId: 0,
    newState: '',
    prevState: '',
    created: event.createdAt.getTime(),
    updated: event.updatedAt.getTime(),
    time: event.startTime.getTime(),
    timeEnd: event.endTime.getTime(),
    text: event.description,
    tags: toFlatTags(tags),
    login: event.changedBy ?? '',
    email: '',
    avatarUrl: '',
    data: {},
    etsId: event.id,
  };
}
