/**
 * GitHub webhook deliveries as ETS events (pure): a push records its head commit; a workflow
 * run is a child of its commit; a deployment is a child of the run that made it (or of its
 * commit), and its statuses are merged into it; a published release is an event of its own.
 * Payloads as GitHub documents them (X-GitHub-Event names the event).
 */
import type { HookEvent, HookMapping, SourceRepository } from './hook-event';
import { later, paragraph, repositoryEventId, repositoryTags, sourceIdOf, tagMap, urlMap } from './hook-event';
import type { Payload } from './payload';

interface Repository extends SourceRepository {
  htmlUrl: string;
}

function repositoryOf(payload: Payload): Repository {
  const repository = payload.object('repository');
  const fullName = repository.string('full_name');
  return {
    vendor: 'github',
    id: repository.id('id'),
    path: fullName,
    name: repository.optionalString('name') ?? fullName.split('/').pop() ?? fullName,
    htmlUrl: repository.optionalString('html_url') ?? `https://github.com/${fullName}`,
  };
}

/** A user's login; commit authors by e-mail. */
const login = (user: Payload | undefined) => user?.optionalString('login');

function branchOf(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/** The commit a push or a run names as its head (same id, same fields from either). */
function commitEvent(repository: Repository, commit: Payload, branch: string | undefined): HookEvent {
  const sha = commit.string('id');
  const author = commit.optionalObject('author');
  const time = commit.time('timestamp');
  return {
    id: repositoryEventId(repository, 'commit', sha),
    startTime: time,
    endTime: time,
    description: [paragraph(commit.optionalString('message'))],
    detailUrls: urlMap({ github: `${repository.htmlUrl}/commit/${sha}` }),
    tags: tagMap({
      ...repositoryTags(repository),
      type: 'commit',
      branch,
      commit: sha,
      author: author?.optionalString('email') ?? author?.optionalString('username') ?? author?.optionalString('name'),
    }),
  };
}

function push(payload: Payload): HookMapping {
  if (payload.optionalBoolean('deleted')) return { ignored: 'push: the ref was deleted, there is no commit to record' };
  const headCommit = payload.optionalObject('head_commit');
  if (!headCommit) return { ignored: 'push: no head commit to record' };
  const repository = repositoryOf(payload);
  const pushedAt = payload.object('repository').optionalTime('pushed_at');
  return {
    events: [commitEvent(repository, headCommit, branchOf(payload.optionalString('ref')))],
    reportedAt: pushedAt
      ? { time: pushedAt, field: 'repository.pushed_at' }
      : { time: headCommit.time('timestamp'), field: 'head_commit.timestamp' },
  };
}

const RUN_STATUS: Record<string, string> = {
  requested: 'pending',
  queued: 'pending',
  waiting: 'pending',
  pending: 'pending',
  in_progress: 'running',
};
const CONCLUSION: Record<string, string> = {
  failure: 'fail',
  timed_out: 'fail',
  startup_failure: 'fail',
};

function runStatus(run: Payload): string {
  const status = run.string('status');
  if (status !== 'completed') return RUN_STATUS[status] ?? status;
  const conclusion = run.string('conclusion');
  return CONCLUSION[conclusion] ?? conclusion;
}

function workflowRun(payload: Payload): HookMapping {
  const repository = repositoryOf(payload);
  const run = payload.object('workflow_run');
  const sha = run.string('head_sha');
  const branch = run.optionalString('head_branch');
  const createdAt = run.time('created_at');
  const updatedAt = run.time('updated_at');
  const headCommit = run.optionalObject('head_commit');
  const name = run.optionalString('name') ?? payload.optionalObject('workflow')?.optionalString('name') ?? 'workflow';
  const title = run.optionalString('display_title') ?? headCommit?.optionalString('message')?.split('\n')[0];
  const runEvent: HookEvent = {
    id: repositoryEventId(repository, 'run', run.id('id')),
    parentId: repositoryEventId(repository, 'commit', sha),
    sourceId: sourceIdOf(run.optionalString('url')),
    startTime: createdAt,
    endTime: later(createdAt, updatedAt),
    description: [`${name} #${run.optionalId('run_number') ?? run.id('id')}${title ? `: ${title}` : ''}`],
    detailUrls: urlMap({ github: run.optionalString('html_url') }),
    tags: tagMap({
      ...repositoryTags(repository),
      type: 'pipeline',
      workflow: name,
      branch,
      commit: sha,
      author: [login(run.optionalObject('actor')), login(run.optionalObject('triggering_actor'))],
    }),
    status: runStatus(run),
  };
  return {
    events: headCommit ? [commitEvent(repository, headCommit, branch), runEvent] : [runEvent],
    reportedAt: { time: updatedAt, field: 'workflow_run.updated_at' },
  };
}

const DEPLOYMENT_STATE: Record<string, string> = {
  queued: 'pending',
  pending: 'pending',
  waiting: 'pending',
  in_progress: 'running',
  failure: 'fail',
  error: 'fail',
};

/** The deployment, as its own delivery or a status's delivery tells it (the status has the later time). */
function deploymentEvent(payload: Payload, status: Payload | undefined): HookEvent {
  const repository = repositoryOf(payload);
  const deployment = payload.object('deployment');
  const sha = deployment.string('sha');
  const environment = deployment.string('environment');
  const run = payload.optionalObject('workflow_run');
  const createdAt = deployment.time('created_at');
  return {
    id: repositoryEventId(repository, 'deployment', deployment.id('id')),
    parentId: run ? repositoryEventId(repository, 'run', run.id('id')) : repositoryEventId(repository, 'commit', sha),
    sourceId: sourceIdOf(deployment.optionalString('url')),
    startTime: createdAt,
    endTime: status ? later(createdAt, status.time('created_at')) : createdAt,
    description: [
      `deploy ${repository.path}@${sha.slice(0, 7)} to ${environment}`,
      paragraph(deployment.optionalString('description')),
      paragraph(status?.optionalString('description')),
    ],
    detailUrls: urlMap({
      github: `${repository.htmlUrl}/deployments`,
      logs: status?.optionalString('log_url') ?? status?.optionalString('target_url'),
      environment: status?.optionalString('environment_url'),
    }),
    tags: tagMap({
      ...repositoryTags(repository),
      type: 'deploy',
      environment,
      commit: sha,
      author: login(deployment.optionalObject('creator')),
    }),
    // A deployment without a status yet is waiting for one.
    status: status ? (DEPLOYMENT_STATE[status.string('state')] ?? status.string('state')) : 'pending',
  };
}

function deployment(payload: Payload): HookMapping {
  return {
    events: [deploymentEvent(payload, undefined)],
    reportedAt: { time: payload.object('deployment').time('updated_at'), field: 'deployment.updated_at' },
  };
}

function deploymentStatus(payload: Payload): HookMapping {
  const status = payload.object('deployment_status');
  // GitHub marks a deployment inactive when a later one replaces it: the deployment itself is unchanged.
  if (status.string('state') === 'inactive') {
    return { ignored: 'deployment_status: "inactive" only says a later deployment replaced this one' };
  }
  return {
    events: [deploymentEvent(payload, status)],
    reportedAt: { time: status.time('updated_at'), field: 'deployment_status.updated_at' },
  };
}

const RECORDED_RELEASE_ACTIONS = ['published', 'released', 'prereleased'];

function release(payload: Payload): HookMapping {
  const action = payload.optionalString('action') ?? '';
  if (!RECORDED_RELEASE_ACTIONS.includes(action)) {
    return { ignored: `release "${action}": only published releases are recorded` };
  }
  const repository = repositoryOf(payload);
  const release = payload.object('release');
  const tag = release.string('tag_name');
  const target = release.optionalString('target_commitish');
  const publishedAt = release.time('published_at');
  return {
    events: [
      {
        id: repositoryEventId(repository, 'release', release.id('id')),
        parentId: target && /^[0-9a-f]{40}$/.test(target) ? repositoryEventId(repository, 'commit', target) : undefined,
        sourceId: sourceIdOf(release.optionalString('url')),
        startTime: publishedAt,
        endTime: publishedAt,
        description: [`release ${release.optionalString('name') ?? tag} of ${repository.path}`],
        detailUrls: urlMap({ github: release.optionalString('html_url') }),
        tags: tagMap({
          ...repositoryTags(repository),
          type: 'release',
          version: tag,
          author: login(release.optionalObject('author')),
        }),
      },
    ],
    reportedAt: { time: publishedAt, field: 'release.published_at' },
  };
}

const MAPPINGS: Record<string, (payload: Payload) => HookMapping> = {
  push,
  workflow_run: workflowRun,
  deployment,
  deployment_status: deploymentStatus,
  release,
};

/** `event` is the X-GitHub-Event header. */
export function mapGitHubDelivery(event: string, payload: Payload): HookMapping {
  if (event === 'ping') return { ignored: 'ping: the webhook reaches ETS and its signature is right' };
  const map = Object.hasOwn(MAPPINGS, event) ? MAPPINGS[event] : undefined;
  return map ? map(payload) : { ignored: `GitHub "${event}" events are not recorded` };
}
