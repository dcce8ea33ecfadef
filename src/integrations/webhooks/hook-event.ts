/**
 * What one webhook delivery says about one ETS event, and how it joins the stored event so
 * that every delivery, in any order and any number of times, leaves the same event: tags,
 * links and times as a merge unites them, and a status that moves to the one reported last.
 */
import { emptyMap, type EventFields, type EventRecord, type TagMap, type UrlMap } from '../../domain/event';
import { LIMITS } from '../../domain/limits';
import { mergeEvent } from '../../domain/rules';

export interface HookEvent {
  /** Made from the vendor's object ids, so a redelivery finds its event. */
  id: string;
  parentId?: string;
  /** The parent is the first recorded event carrying one of these tag values (CDEvents links). */
  parentFrom?: { tag: string; values: string[] };
  sourceId?: string;
  startTime: Date;
  endTime: Date;
  /** Paragraphs, each appended to the stored description unless it is already there; absent ones are skipped. */
  description: Array<string | undefined>;
  detailUrls: UrlMap;
  /** Never `status`: see `status`. */
  tags: TagMap;
  /** The status this delivery reports, as of `endTime`. */
  status?: string;
}

/** The time of the change a delivery reports, and the payload field it was read from. */
export interface ReportedAt {
  time: Date;
  field: string;
}

/** A delivery: events to record (parents first), or why nothing is recorded. */
export type HookMapping = { events: HookEvent[]; reportedAt: ReportedAt } | { ignored: string };

type TagInput = string | undefined | ReadonlyArray<string | undefined>;

/** Tags from optional values: absent, empty and over-long values are left out, as are keys left empty. */
export function tagMap(entries: Record<string, TagInput>): TagMap {
  const tags = emptyMap<string[]>();
  for (const [key, input] of Object.entries(entries)) {
    const values = [...new Set(typeof input === 'string' || input === undefined ? [input] : input)].filter(
      (value): value is string => value !== undefined && value !== '' && [...value].length <= LIMITS.tagValueLength,
    );
    if (values.length > 0) tags[key] = values;
  }
  return tags;
}

/** Detail URLs from optional values: absent, empty and over-long URLs are left out. */
export function urlMap(entries: Record<string, string | undefined>): UrlMap {
  const urls = emptyMap<string>();
  for (const [name, url] of Object.entries(entries)) {
    if (url !== undefined && url !== '' && url.length <= LIMITS.detailUrlLength) urls[name] = url;
  }
  return urls;
}

const PARAGRAPH_CHARS = 4000;

/** A paragraph of a vendor's free text (a commit message, an error), cut to a size a description holds many of. */
export function paragraph(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const chars = [...trimmed];
  return chars.length <= PARAGRAPH_CHARS ? trimmed : `${chars.slice(0, PARAGRAPH_CHARS - 1).join('')}…`;
}

/** A source id, when it fits. */
export function sourceIdOf(text: string | undefined): string | undefined {
  return text !== undefined && [...text].length <= LIMITS.sourceIdLength ? text : undefined;
}

/** The repository (GitHub) or project (GitLab) a delivery is about. */
export interface SourceRepository {
  vendor: 'github' | 'gitlab';
  /** Its number, which survives renames. */
  id: string;
  /** owner/name: GitHub's full_name, GitLab's path_with_namespace. */
  path: string;
  /** The path's last part: the service tag. */
  name: string;
}

/** Ids by the repository's number: `github-186853002-run-289782451`, `gitlab-1-pipeline-31`. */
export function repositoryEventId(repository: SourceRepository, kind: string, id: string): string {
  return `${repository.vendor}-${repository.id}-${kind}-${id}`;
}

/** The tags every event of a repository carries. */
export function repositoryTags(repository: SourceRepository) {
  return { source: repository.vendor, repository: repository.path, service: repository.name };
}

/** The later of two times: an end never before its start. */
export function later(a: Date, b: Date): Date {
  return b > a ? b : a;
}

/**
 * Appends a paragraph unless it already stands in the text as whole lines. (A merge's rule,
 * "unless contained", would drop a commit title "test" from "deploy gitlab-test".)
 */
export function appendParagraph(text: string, paragraph: string): string {
  if (text === '') return paragraph;
  const lines = `\n${text}\n`;
  return lines.includes(`\n${paragraph}\n`) ? text : `${text}\n${paragraph}`;
}

/** Statuses before the end of a run; every other status is an outcome. */
const RANK: Record<string, number> = { pending: 0, running: 1 };
const rank = (status: string) => RANK[status] ?? 2;

/**
 * Whether the delivery's status replaces the stored one: it is reported at a later time
 * than the stored event ends, or at the same time and further along (running after pending,
 * an outcome after running). Equal in both, the greater word wins, so the result does not
 * depend on the order deliveries arrive in.
 */
export function statusMoves(stored: Pick<EventFields, 'tags' | 'endTime'>, hook: HookEvent): boolean {
  if (hook.status === undefined) return false;
  const current = stored.tags.status?.[0];
  if (current === undefined) return true;
  const later = hook.endTime.getTime() - stored.endTime.getTime();
  if (later !== 0) return later > 0;
  const further = rank(hook.status) - rank(current);
  return further !== 0 ? further > 0 : hook.status >= current;
}

function withStatus(tags: TagMap, status: string): TagMap {
  const next = Object.assign(emptyMap<string[]>(), tags);
  next.status = [status]; // an existing key keeps its place
  return next;
}

/**
 * The event as it is after the delivery: exactly the stored event when the delivery was
 * recorded before, so writing it back (as a replace) changes nothing.
 */
export function joinDelivery(stored: EventRecord | null, hook: HookEvent, now: Date): EventFields {
  const description = hook.description
    .filter((text): text is string => text !== undefined)
    .reduce(appendParagraph, stored?.description ?? '');
  if (!stored) {
    return {
      id: hook.id,
      parentId: hook.parentId ?? null,
      sourceId: hook.sourceId ?? null,
      startTime: hook.startTime,
      endTime: hook.endTime,
      description,
      detailUrls: hook.detailUrls,
      tags: hook.status === undefined ? hook.tags : withStatus(hook.tags, hook.status),
    };
  }
  const merged = mergeEvent(
    stored,
    {
      // A link set by hand (or an earlier delivery) stays.
      parentId: stored.parentId ?? hook.parentId,
      sourceId: stored.sourceId ?? hook.sourceId,
      startTime: hook.startTime,
      endTime: hook.endTime,
      detailUrls: hook.detailUrls,
      tags: hook.tags,
    },
    now,
  );
  return {
    id: stored.id,
    parentId: merged.parentId,
    sourceId: merged.sourceId,
    startTime: merged.startTime,
    endTime: merged.endTime,
    description,
    detailUrls: merged.detailUrls,
    tags: hook.status !== undefined && statusMoves(stored, hook) ? withStatus(merged.tags, hook.status) : merged.tags,
  };
}

/** Adds a token's namespace to the tags of an event, so that the token may write it. */
export function inNamespaceOf(hook: HookEvent, namespace: TagMap | null): HookEvent {
  if (namespace === null) return hook;
  const tags = Object.assign(emptyMap<string[]>(), hook.tags);
  for (const [key, values] of Object.entries(namespace)) tags[key] = [...new Set([...(tags[key] ?? []), ...values])];
  return { ...hook, tags };
}
