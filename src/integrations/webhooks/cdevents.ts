/**
 * CDEvents (spec v0.3 to v0.5, carried by CloudEvents) as ETS events (pure). A pipeline run
 * and an incident are one event each, found by their subject (source and id), whose status
 * moves with every CDEvent about them; each service deployment is an event of its own, found
 * by its CDEvent's context. Embedded links name the CDEvents an event came from by context
 * id; every event carries the context ids it was made from (tag `cdevents_id`), so the first
 * linked one ETS has recorded becomes the parent.
 */
import { createHash } from 'node:crypto';
import { ValidationError } from '../../domain/errors';
import type { CloudEvent } from './cloudevents';
import type { HookEvent, HookMapping } from './hook-event';
import { paragraph, sourceIdOf, tagMap, urlMap } from './hook-event';
import { Payload } from './payload';

/** The tag holding the context ids of the CDEvents an event was made from. */
export const CONTEXT_ID_TAG = 'cdevents_id';

const TYPE = /^dev\.cdevents\.([a-z]+)\.([a-z]+)\.\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

interface CDEvent {
  kind: string;
  predicate: string;
  context: Payload;
  subject: Payload;
  subjectId: string;
  content: Payload;
  time: Date;
  tags: Record<string, string | undefined>;
  /** Context ids of the CDEvents this one links to, causes first. */
  links: string[];
}

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24);

/** The id of the event of a subject with a lifecycle (a pipeline run, an incident). */
function subjectEventId(event: CDEvent): string {
  const source = event.subject.optionalString('source') ?? event.context.string('source');
  return `cdevents-${event.kind}-${digest(source, event.subjectId)}`;
}

/** The id of the event of one occurrence (a deployment). */
function occurrenceEventId(event: CDEvent): string {
  return `cdevents-${event.kind}-${event.predicate}-${digest(event.context.string('source'), event.context.string('id'))}`;
}

function linksOf(context: Payload): string[] {
  const links = context.objects('links');
  const ids = (type: string, end: 'target' | 'from') =>
    links
      .filter((link) => link.optionalString('linkType') === type)
      .map((link) => link.optionalObject(end)?.optionalString('contextId'));
  // A relation names a cause (linkKind TRIGGER); a path or an end, the event before this one.
  return [...new Set([...ids('RELATION', 'target'), ...ids('PATH', 'from'), ...ids('END', 'from')])].filter(
    (id): id is string => id !== undefined && id !== context.string('id'),
  );
}

function readCDEvent(cloudEvent: CloudEvent, kind: string, predicate: string): CDEvent {
  const data = Payload.of(cloudEvent.data, cloudEvent.dataPath);
  const context = data.object('context');
  // The CloudEvents binding of CDEvents: the CloudEvent's type and id are the CDEvent's.
  if (context.string('type') !== cloudEvent.type) {
    throw new ValidationError(context.field('type'), `must equal the CloudEvent's type "${cloudEvent.type}"`);
  }
  if (context.string('id') !== cloudEvent.id) {
    throw new ValidationError(context.field('id'), `must equal the CloudEvent's id "${cloudEvent.id}"`);
  }
  const subject = data.object('subject');
  return {
    kind,
    predicate,
    context,
    subject,
    subjectId: subject.string('id'),
    content: subject.optionalObject('content') ?? Payload.of({}, subject.field('content')),
    time: context.time('timestamp'),
    tags: {
      source: 'cdevents',
      cdevents_source: context.string('source'),
      [CONTEXT_ID_TAG]: context.string('id'),
      cdevents_chain: context.optionalString('chainId'),
    },
    links: linksOf(context),
  };
}

/** What every event of a CDEvent has: its time, links, and tags. */
function base(event: CDEvent): Pick<HookEvent, 'parentFrom' | 'startTime' | 'endTime'> {
  return {
    parentFrom: event.links.length > 0 ? { tag: CONTEXT_ID_TAG, values: event.links } : undefined,
    startTime: event.time,
    endTime: event.time,
  };
}

const OUTCOME: Record<string, string> = { success: 'success', failure: 'fail', error: 'fail', cancel: 'cancelled' };

function pipelineRun(event: CDEvent): HookEvent {
  const name = event.content.optionalString('pipelineName');
  const status =
    event.predicate === 'queued'
      ? 'pending'
      : event.predicate === 'started'
        ? 'running'
        : (OUTCOME[event.content.string('outcome')] ?? event.content.string('outcome'));
  return {
    ...base(event),
    id: subjectEventId(event),
    sourceId: sourceIdOf(event.subjectId),
    description: [`pipeline run ${name ?? event.subjectId}`, paragraph(event.content.optionalString('errors'))],
    // "url" until v0.4, "uri" from v0.5.
    detailUrls: urlMap({ pipeline: event.content.optionalString('url') ?? event.content.optionalString('uri') }),
    tags: tagMap({ ...event.tags, type: 'pipeline', pipeline: name }),
    status,
  };
}

const DEPLOY_VERB: Record<string, string> = { deployed: 'deployed', upgraded: 'upgraded', rolledback: 'rolled back' };

function serviceDeployment(event: CDEvent): HookEvent {
  const environment = event.content.object('environment').string('id');
  const artifact = event.content.optionalString('artifactId');
  return {
    ...base(event),
    id: occurrenceEventId(event),
    sourceId: sourceIdOf(event.context.string('id')),
    description: [
      `${event.subjectId} ${DEPLOY_VERB[event.predicate]} to ${environment}${artifact ? `: ${artifact}` : ''}`,
    ],
    detailUrls: urlMap({}),
    tags: tagMap({ ...event.tags, type: 'deploy', service: event.subjectId, environment, artifact }),
    status: 'success',
  };
}

function incident(event: CDEvent): HookEvent {
  return {
    ...base(event),
    id: subjectEventId(event),
    sourceId: sourceIdOf(event.subjectId),
    description: [paragraph(event.content.optionalString('description')) ?? `incident ${event.subjectId}`],
    detailUrls: urlMap({ ticket: event.content.optionalString('ticketURI') }),
    tags: tagMap({
      ...event.tags,
      type: 'incident',
      service: event.content.optionalObject('service')?.optionalString('id'),
      environment: event.content.optionalObject('environment')?.optionalString('id'),
      artifact: event.content.optionalString('artifactId'),
    }),
    status: event.predicate === 'resolved' ? 'resolved' : 'fail',
  };
}

const MAPPINGS: Record<string, (event: CDEvent) => HookEvent> = {
  'pipelinerun.queued': pipelineRun,
  'pipelinerun.started': pipelineRun,
  'pipelinerun.finished': pipelineRun,
  'service.deployed': serviceDeployment,
  'service.upgraded': serviceDeployment,
  'service.rolledback': serviceDeployment,
  'incident.detected': incident,
  'incident.reported': incident,
  'incident.resolved': incident,
};

export function mapCDEvent(cloudEvent: CloudEvent): HookMapping {
  const match = TYPE.exec(cloudEvent.type);
  if (!match) return { ignored: `"${cloudEvent.type}" is not a CDEvents type: nothing to record` };
  const [, kind = '', predicate = ''] = match;
  const map = MAPPINGS[`${kind}.${predicate}`];
  if (!map) return { ignored: `CDEvents "${kind}.${predicate}" are not recorded` };
  const event = readCDEvent(cloudEvent, kind, predicate);
  return { events: [map(event)], reportedAt: { time: event.time, field: event.context.field('timestamp') } };
}
