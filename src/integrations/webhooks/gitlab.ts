/**
 * GitLab webhook deliveries as ETS events (pure): a pipeline is a child of its commit
 * (recorded from the pipeline's own payload), a job a child of its pipeline, a deployment a
 * child of the job that ran it. Payloads as GitLab documents them; `object_kind` names the event.
 */
import type { HookEvent, HookMapping, SourceRepository } from './hook-event';
import { later, paragraph, repositoryEventId, repositoryTags, sourceIdOf, tagMap, urlMap } from './hook-event';
import type { Payload } from './payload';

interface Project extends SourceRepository {
  webUrl: string | undefined;
}

function projectOf(payload: Payload): Project {
  const project = payload.object('project');
  const path = project.string('path_with_namespace');
  return {
    vendor: 'gitlab',
    id: project.id('id'),
    path,
    name: path.split('/').pop() ?? path,
    webUrl: project.optionalString('web_url'),
  };
}

/** A user by e-mail, unless GitLab withholds it ("[REDACTED]" without a public e-mail). */
function authorOf(user: Payload | undefined): string | undefined {
  const email = user?.optionalString('email');
  if (email && email !== '[REDACTED]') return email;
  return user?.optionalString('username') ?? user?.optionalString('name');
}

/** A branch, or none when the ref is a tag. */
function branchOf(payload: Payload): string | undefined {
  return payload.optionalBoolean('tag') ? undefined : payload.optionalString('ref');
}

/** Pipeline, job and deployment statuses in ETS's words; others are kept as GitLab says them. */
const STATUS: Record<string, string> = {
  created: 'pending',
  waiting_for_resource: 'pending',
  preparing: 'pending',
  pending: 'pending',
  scheduled: 'pending',
  blocked: 'pending',
  running: 'running',
  failed: 'fail',
  canceled: 'cancelled',
  canceling: 'cancelled',
};
const statusOf = (status: string) => STATUS[status] ?? status;

function pipeline(payload: Payload): HookMapping {
  const project = projectOf(payload);
  const pipeline = payload.object('object_attributes');
  const sha = pipeline.string('sha');
  const branch = branchOf(pipeline);
  const createdAt = pipeline.time('created_at');
  const finishedAt = pipeline.optionalTime('finished_at');
  const id = pipeline.id('id');
  const events: HookEvent[] = [];
  const commit = payload.optionalObject('commit');
  if (commit) {
    const time = commit.time('timestamp');
    events.push({
      id: repositoryEventId(project, 'commit', commit.string('id')),
      startTime: time,
      endTime: time,
      description: [paragraph(commit.optionalString('message'))],
      detailUrls: urlMap({ gitlab: commit.optionalString('url') }),
      tags: tagMap({
        ...repositoryTags(project),
        type: 'commit',
        branch,
        commit: commit.string('id'),
        author: authorOf(commit.optionalObject('author')),
      }),
    });
  }
  const url = pipeline.optionalString('url') ?? (project.webUrl && `${project.webUrl}/-/pipelines/${id}`);
  events.push({
    id: repositoryEventId(project, 'pipeline', id),
    parentId: repositoryEventId(project, 'commit', sha),
    sourceId: sourceIdOf(url),
    startTime: createdAt,
    endTime: finishedAt ? later(createdAt, finishedAt) : createdAt,
    description: [
      `${pipeline.optionalString('name') ?? 'pipeline'} #${pipeline.optionalId('iid') ?? id} on ${project.path}`,
    ],
    detailUrls: urlMap({ gitlab: url }),
    tags: tagMap({
      ...repositoryTags(project),
      type: 'pipeline',
      branch,
      commit: sha,
      author: authorOf(payload.optionalObject('user')),
    }),
    status: statusOf(pipeline.string('status')),
  });
  return {
    events,
    reportedAt: finishedAt
      ? { time: finishedAt, field: 'object_attributes.finished_at' }
      : { time: createdAt, field: 'object_attributes.created_at' },
  };
}

/** A job's time: the precise field, else its `_iso` twin (which newer GitLab versions send too). */
function jobTime(payload: Payload, key: string): Date | undefined {
  return payload.optionalTime(key) ?? payload.optionalTime(`${key}_iso`);
}

function job(payload: Payload): HookMapping {
  const project = projectOf(payload);
  const id = payload.id('build_id');
  const createdAt = jobTime(payload, 'build_created_at');
  const startedAt = jobTime(payload, 'build_started_at') ?? createdAt;
  if (!startedAt) return { ignored: 'Job Hook: the job has no time yet' };
  const finishedAt = jobTime(payload, 'build_finished_at');
  const end = finishedAt ? later(startedAt, finishedAt) : startedAt;
  const status = statusOf(payload.string('build_status'));
  const url = project.webUrl && `${project.webUrl}/-/jobs/${id}`;
  return {
    events: [
      {
        id: repositoryEventId(project, 'job', id),
        parentId: repositoryEventId(project, 'pipeline', payload.id('pipeline_id')),
        sourceId: sourceIdOf(url),
        startTime: startedAt,
        endTime: end,
        description: [
          `${payload.optionalString('build_stage') ?? 'job'}: ${payload.string('build_name')}`,
          status === 'fail' ? paragraph(payload.optionalString('build_failure_reason')) : undefined,
        ],
        detailUrls: urlMap({ gitlab: url }),
        tags: tagMap({
          ...repositoryTags(project),
          type: 'job',
          job: payload.string('build_name'),
          stage: payload.optionalString('build_stage'),
          environment: payload.optionalObject('environment')?.optionalString('name'),
          branch: branchOf(payload),
          commit: payload.optionalString('sha'),
          author: authorOf(payload.optionalObject('user')),
        }),
        status,
      },
    ],
    reportedAt: { time: end, field: finishedAt ? 'build_finished_at' : 'build_started_at' },
  };
}

function deployment(payload: Payload): HookMapping {
  const project = projectOf(payload);
  const at = payload.time('status_changed_at');
  const commitUrl = payload.optionalString('commit_url');
  const sha = /\/commit\/([0-9a-f]{40})$/.exec(commitUrl ?? '')?.[1] ?? payload.optionalString('short_sha');
  const environment = payload.string('environment');
  const job = payload.optionalId('deployable_id');
  return {
    events: [
      {
        id: repositoryEventId(project, 'deployment', payload.id('deployment_id')),
        // Started by API or a trigger job, a deployment has no job of its own.
        parentId: job
          ? repositoryEventId(project, 'job', job)
          : sha && sha.length === 40
            ? repositoryEventId(project, 'commit', sha)
            : undefined,
        startTime: at,
        endTime: at,
        description: [
          `deploy ${project.path}${sha ? `@${sha.slice(0, 8)}` : ''} to ${environment}`,
          paragraph(payload.optionalString('commit_title')),
        ],
        detailUrls: urlMap({
          job: payload.optionalString('deployable_url'),
          environment: payload.optionalString('environment_external_url'),
          commit: commitUrl,
        }),
        tags: tagMap({
          ...repositoryTags(project),
          type: 'deploy',
          environment,
          commit: sha,
          author: authorOf(payload.optionalObject('user')),
        }),
        status: statusOf(payload.string('status')),
      },
    ],
    reportedAt: { time: at, field: 'status_changed_at' },
  };
}

const MAPPINGS: Record<string, (payload: Payload) => HookMapping> = { pipeline, build: job, deployment };

/** `event` is the X-Gitlab-Event header, for the answer to a kind ETS does not record. */
export function mapGitLabDelivery(payload: Payload, event: string | undefined): HookMapping {
  const kind = payload.optionalString('object_kind') ?? '';
  const map = Object.hasOwn(MAPPINGS, kind) ? MAPPINGS[kind] : undefined;
  return map ? map(payload) : { ignored: `GitLab "${event ?? kind}" events are not recorded` };
}
