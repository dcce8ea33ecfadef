/**
 * POST /hooks/github, /hooks/gitlab and /hooks/cdevents. Each checks its sender first (an
 * HMAC of the raw body, a shared token, an ETS token), then maps the delivery (github.ts,
 * gitlab.ts, cdevents.ts) and records it through the EventService. 200 names the events
 * recorded, 202 says why a delivery is not; a refusal writes nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { WebhookSettings } from '../../config';
import { requireScope, type Actor } from '../../domain/access';
import { UnauthenticatedError, ValidationError } from '../../domain/errors';
import type { EventService } from '../../domain/event-service';
import { errorReply, HttpError } from '../../transport/errors';
import { parseJsonBody } from '../../transport/json-body';
import { DOCUMENTATION_ONLY } from '../../transport/route-docs';
import { mapCDEvent } from './cdevents';
import { readCloudEvent } from './cloudevents';
import { checkFresh } from './freshness';
import { mapGitHubDelivery } from './github';
import { mapGitLabDelivery } from './gitlab';
import { inNamespaceOf, type HookMapping } from './hook-event';
import { HookWriter } from './hook-writer';
import { Payload } from './payload';
import { headerValue, mediaType } from './request-headers';
import { verifyGitHubSignature, verifyGitLabToken } from './signatures';

export interface WebhookDependencies {
  events: EventService;
  settings: WebhookSettings;
  /** ETS_MAX_BODY_BYTES, named in the 413 answer. */
  bodyLimit: number;
  now?: () => Date;
}

/**
 * Who GitHub's and GitLab's events are written as: recorded as changed by "webhook/github"
 * (a name no token can have), and only ever touching events tagged with their source.
 */
const VENDOR_ACTORS = {
  github: { token: 'webhook/github', scopes: ['write'], namespace: { source: ['github'] } },
  gitlab: { token: 'webhook/gitlab', scopes: ['write'], namespace: { source: ['gitlab'] } },
} satisfies Record<string, Actor>;

// The documentation of the routes (OpenAPI, DOCUMENTATION_ONLY): the handlers answer bad requests themselves.
const ERROR = {
  type: 'object',
  required: ['message', 'code'],
  properties: {
    message: { type: 'string' },
    code: { type: 'string' },
    field: { type: 'string', description: 'The header or payload field at fault.' },
  },
} as const;
const DELIVERY = { type: ['string', 'null'], description: "The sender's id of the delivery." } as const;
const REPLIES = {
  200: {
    description: 'Recorded: the events the delivery is in (changed is false when it had been recorded before).',
    type: 'object',
    required: ['delivery', 'events'],
    properties: {
      delivery: DELIVERY,
      events: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'revision', 'changed'],
          properties: { id: { type: 'string' }, revision: { type: 'integer' }, changed: { type: 'boolean' } },
        },
      },
    },
  },
  202: {
    description: 'Accepted and not recorded: an event type or state ETS does not record, said in `ignored`.',
    type: 'object',
    required: ['delivery', 'ignored'],
    properties: { delivery: DELIVERY, ignored: { type: 'string' } },
  },
  400: { ...ERROR, description: 'A payload that is not what the sender documents, or a stale delivery.' },
  401: { ...ERROR, description: 'Unsigned, wrongly signed, or without its token.' },
  403: { ...ERROR, description: "The token may not write (CDEvents), or the event is outside the sender's namespace." },
  413: { ...ERROR, description: 'The body is larger than ETS_MAX_BODY_BYTES.' },
  415: { ...ERROR, description: 'CDEvents: a CloudEvent that is not JSON, or a batch.' },
  503: { ...ERROR, description: "The hook's secret is not configured: the message names the variable to set." },
};

function routeSchema(schema: {
  operationId: string;
  summary: string;
  description: string;
  headers: Record<string, string>;
}): FastifySchema {
  return {
    operationId: schema.operationId,
    summary: schema.summary,
    description: schema.description,
    tags: ['webhooks'],
    headers: {
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(schema.headers).map(([name, description]) => [name, { type: 'string', description }]),
      ),
    },
    body: { type: 'object', description: 'The delivery, as its sender documents it.' },
    response: REPLIES,
  };
}

function notConfigured(hook: string, variable: string, what: string): HttpError {
  return new HttpError(503, 'WEBHOOK_NOT_CONFIGURED', `the ${hook} webhook is off: set ${variable} to ${what}`);
}

function rawBody(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/** GitHub sends JSON, or a form whose "payload" field holds it (the signature covers the form). */
function gitHubPayload(request: FastifyRequest, body: Buffer): Payload {
  if (mediaType(request.headers['content-type']) !== 'application/x-www-form-urlencoded') {
    return Payload.of(parseJsonBody(body));
  }
  const form = new URLSearchParams(body.toString('utf8')).get('payload');
  if (form === null) throw new ValidationError('payload', 'is required: a form delivery holds the JSON in "payload"');
  return Payload.of(parseJsonBody(Buffer.from(form, 'utf8')));
}

export function registerWebhookRoutes(scope: FastifyInstance, deps: WebhookDependencies): void {
  const { events, settings, bodyLimit } = deps;
  const now = deps.now ?? (() => new Date());
  const writer = new HookWriter(events, now);

  // The raw bytes, whatever the content type: GitHub's signature is over them.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  scope.setErrorHandler((error: unknown, request, reply) => {
    const known = errorReply(error, bodyLimit);
    if (!known) {
      request.log.error({ err: error }, 'unexpected error while recording a webhook');
      return reply.code(500).send({ message: 'internal server error', code: 'INTERNAL_SERVER_ERROR' });
    }
    const { status, code, message, field, headers } = known;
    return reply
      .code(status)
      .headers(headers ?? {})
      .send({ message, code, ...(field && { field }) });
  });

  async function answer(reply: FastifyReply, actor: Actor, delivery: string | null, mapping: HookMapping) {
    if ('ignored' in mapping) return reply.code(202).send({ delivery, ignored: mapping.ignored });
    checkFresh(mapping.reportedAt, now(), settings.maxAgeMs);
    const hooks = mapping.events.map((hook) => inNamespaceOf(hook, actor.namespace));
    return reply.code(200).send({ delivery, events: await writer.record(actor, hooks) });
  }

  scope.post('/hooks/github', {
    ...DOCUMENTATION_ONLY,
    schema: routeSchema({
      operationId: 'receiveGitHubWebhook',
      summary: 'A GitHub webhook delivery',
      description:
        'Records push, workflow_run, deployment, deployment_status and release deliveries (JSON or form). ' +
        'Signed with ETS_GITHUB_WEBHOOK_SECRET (X-Hub-Signature-256); stale past ETS_WEBHOOK_MAX_AGE_HOURS.',
      headers: {
        'x-hub-signature-256': 'sha256= and the HMAC-SHA256 of the body with the webhook secret.',
        'x-github-event': 'The event: push, workflow_run, deployment, deployment_status, release; others get 202.',
        'x-github-delivery': "The delivery's id, echoed in the answer.",
      },
    }),
    handler: async (request, reply) => {
      const secret = settings.githubSecret;
      if (secret === undefined) throw notConfigured('GitHub', 'ETS_GITHUB_WEBHOOK_SECRET', "the webhook's secret");
      const body = rawBody(request);
      verifyGitHubSignature(secret, body, headerValue(request.headers, 'x-hub-signature-256'));
      request.actor = VENDOR_ACTORS.github; // for the request's log line
      const event = headerValue(request.headers, 'x-github-event');
      if (!event) throw new ValidationError('x-github-event', 'is required: the GitHub event this delivery is');
      const delivery = headerValue(request.headers, 'x-github-delivery') ?? null;
      return answer(reply, request.actor, delivery, mapGitHubDelivery(event, gitHubPayload(request, body)));
    },
  });

  scope.post('/hooks/gitlab', {
    ...DOCUMENTATION_ONLY,
    schema: routeSchema({
      operationId: 'receiveGitLabWebhook',
      summary: 'A GitLab webhook delivery',
      description:
        'Records pipeline, job and deployment events. Carries ETS_GITLAB_WEBHOOK_TOKEN in X-Gitlab-Token; ' +
        'stale past ETS_WEBHOOK_MAX_AGE_HOURS.',
      headers: {
        'x-gitlab-token': "The webhook's secret token.",
        'x-gitlab-event': 'The event: Pipeline Hook, Job Hook, Deployment Hook; others get 202.',
        'x-gitlab-event-uuid': "The delivery's id, echoed in the answer.",
      },
    }),
    handler: async (request, reply) => {
      const token = settings.gitlabToken;
      if (token === undefined) throw notConfigured('GitLab', 'ETS_GITLAB_WEBHOOK_TOKEN', "the webhook's secret token");
      verifyGitLabToken(token, headerValue(request.headers, 'x-gitlab-token'));
      request.actor = VENDOR_ACTORS.gitlab;
      const delivery = headerValue(request.headers, 'x-gitlab-event-uuid') ?? null;
      const payload = Payload.of(parseJsonBody(rawBody(request)));
      const event = headerValue(request.headers, 'x-gitlab-event');
      return answer(reply, request.actor, delivery, mapGitLabDelivery(payload, event));
    },
  });

  scope.post('/hooks/cdevents', {
    ...DOCUMENTATION_ONLY,
    schema: routeSchema({
      operationId: 'receiveCDEvent',
      summary: 'A CDEvent, as a CloudEvent over HTTP',
      description:
        'Records pipelinerun queued/started/finished, service deployed/upgraded/rolledback and incident ' +
        'detected/reported/resolved, in binary or structured content mode. Needs an ETS token with the ' +
        "write scope; the token's namespace is added to the events' tags. Stale past ETS_WEBHOOK_MAX_AGE_HOURS.",
      headers: {
        authorization: 'Bearer and an ETS token with the write scope.',
        'content-type': 'application/json (binary mode) or application/cloudevents+json (structured mode).',
        'ce-specversion': 'Binary mode: 1.0.',
        'ce-id': "Binary mode: the CDEvent's context id.",
        'ce-source': "Binary mode: the CDEvent's context source.",
        'ce-type': "Binary mode: the CDEvent's type, e.g. dev.cdevents.pipelinerun.started.0.2.0.",
        'ce-time': "Binary mode: the CDEvent's timestamp.",
      },
    }),
    handler: async (request, reply) => {
      const actor = request.actor;
      // Even where anyone may write, a CDEvent must say who sent it.
      if (actor.token === null) {
        throw new UnauthenticatedError(
          'CDEvents need an ETS token with the write scope: Authorization: Bearer <token> (ets token create)',
        );
      }
      requireScope(actor, 'write');
      const cloudEvent = readCloudEvent(request.headers, rawBody(request));
      return answer(reply, actor, cloudEvent.id, mapCDEvent(cloudEvent));
    },
  });
}
