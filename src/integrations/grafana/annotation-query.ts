/**
 * The query string of Grafana's `GET /api/annotations` as ETS reads it: `from`/`to` (epoch
 * ms; an annotation is listed when its interval overlaps [from, to]), `tags` (repeated; all
 * of them, or any with `matchAny`), `limit` (default 100), `dashboardUID` and `panelId`,
 * `type` (`alert` lists nothing: ETS has no alerts). Where Grafana reads a malformed number
 * as 0, ETS refuses it naming the parameter.
 */
import { ValidationError } from '../../domain/errors';
import { allValues, lastValue, type Query } from '../graphite/scope';
import type { TaggedQuery } from '../graphite/tagged-events';
import { toTagPairs } from '../graphite/tags';
import { DASHBOARD_TAG, PANEL_TAG } from './annotation-json';

/** Grafana's page when no limit is given. */
export const DEFAULT_LIMIT = 100;

// Go's strconv.ParseBool.
const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** A whole number given as `name`; absent, empty and 0 are "not given", as in Grafana. */
function readNumber(query: Query, name: string, what: string): number | undefined {
  const text = lastValue(query, name);
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,16}$/.test(text)) throw new ValidationError(name, `must be ${what}`);
  return Number(text) || undefined;
}

function readBoolean(query: Query, name: string): boolean {
  const text = lastValue(query, name);
  if (text === undefined || text === '' || FALSE.includes(text)) return false;
  if (TRUE.includes(text)) return true;
  throw new ValidationError(name, 'must be true or false');
}

/** The query, or null when no ETS event can match it (alerts, an empty window). */
export function readAnnotationQuery(query: Query, pageSize: number): TaggedQuery | null {
  const from = readNumber(query, 'from', 'epoch milliseconds (a whole number)');
  const to = readNumber(query, 'to', 'epoch milliseconds (a whole number)');
  const limit = readNumber(query, 'limit', `a whole number from 0 to ${pageSize}`) ?? DEFAULT_LIMIT;
  if (limit > pageSize) {
    throw new ValidationError('limit', `must be a whole number from 0 to ${pageSize} (ETS_MAX_PAGE_SIZE)`);
  }
  const panel = readNumber(query, 'panelId', 'a panel id (a whole number)');
  const alert = readNumber(query, 'alertId', 'an alert id (a whole number)');
  const match = readBoolean(query, 'matchAny') ? 'any' : 'all';
  const pairs = toTagPairs(allValues(query, 'tags'));
  const dashboard = lastValue(query, 'dashboardUID');
  const required: Array<[string, string]> = [];
  if (dashboard) required.push([DASHBOARD_TAG, dashboard]);
  if (panel !== undefined) required.push([PANEL_TAG, String(panel)]);
  if (lastValue(query, 'type') === 'alert' || alert !== undefined) return null;
  if (from !== undefined && to !== undefined && from > to) return null;
  return {
    pairs,
    match,
    required,
    ...(from !== undefined && { from: new Date(from) }),
    // [from, to] with `to` included, as Grafana's query is.
    ...(to !== undefined && { to: new Date(to + 1) }),
    limit,
  };
}
