/**
 * Every API request gets its Actor (request.actor) and is counted against its caller's
 * rate: a token by its name, a request without one by its client address. The counting,
 * its headers and its 429 are @fastify/rate-limit's, called from this hook because the
 * caller is known only once the token is checked, and a refused token still counts.
 */
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/access';
import type { AccessPolicy } from '../transport/access';
import { HttpError } from '../transport/errors';
import { bucketStore, type RateLimiter } from '../transport/rate-limit';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/**
 * Routes that read or change events, and the metrics; the UI's files, GraphiQL's and health
 * checks are public. Matched on the route, not the raw URL, which may be percent-encoded.
 * The CDEvents hook takes tokens; GitHub's and GitLab's check their own signatures.
 */
const API_ROUTES = /^\/(graphql|api\/|events?(\/|$)|metrics$|hooks\/cdevents$)/;
/** Webhooks whose senders sign instead of sending a token: counted by address, so a secret cannot be guessed at speed. */
const SIGNED_ROUTES = /^\/hooks\/(github|gitlab)$/;
// Replaced for every API request once its token is accepted; until then the request counts as one without a token.
const NOBODY_YET = null as unknown as Actor;

/** Whom a request counts against: its token, or its address without one (or with a refused one). */
function callerOf(request: FastifyRequest): string {
  const token = (request.actor as Actor | null)?.token ?? null;
  return token === null ? `address ${request.ip}` : `token "${token}"`;
}

type Count = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Takes one request from its caller's bucket, or throws the 429 (with Retry-After). */
async function registerRateLimit(app: FastifyInstance, rate: RateLimiter, onRateLimited: () => void): Promise<Count> {
  if (!rate.enabled) return async () => undefined;
  await app.register(fastifyRateLimit, {
    global: false,
    store: bucketStore(rate),
    max: rate.capacity,
    keyGenerator: callerOf,
    onExceeded: () => onRateLimited(),
    // Thrown, so that each scope's error handler words it (GraphQL's errors, REST's body).
    errorResponseBuilder: (request, { ttl }) =>
      new HttpError(
        429,
        'RATE_LIMITED',
        `too many requests from ${callerOf(request)} (ETS_RATE_LIMIT); retry after ${Math.ceil(ttl / 1000)}s`,
      ),
  });
  const limit = app.rateLimit();
  return (request, reply) => limit.call(app, request, reply);
}

export async function registerAuth(
  app: FastifyInstance,
  access: AccessPolicy,
  rate: RateLimiter,
  onRateLimited: () => void = () => {},
): Promise<void> {
  app.decorateRequest('actor', NOBODY_YET);
  const count = await registerRateLimit(app, rate, onRateLimited);
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route !== undefined && SIGNED_ROUTES.test(route)) return count(request, reply);
    if (route === undefined || !API_ROUTES.test(route)) return;
    if (!(await access.acceptsHost(request.headers.host, request.headers.authorization))) {
      throw new HttpError(
        403,
        'FORBIDDEN',
        `requests without a token for host ${request.headers.host} are refused by this loopback server ` +
          '(a DNS-rebound page could use it): ask for localhost or 127.0.0.1, or send a token',
      );
    }
    let actor: Actor;
    try {
      actor = await access.actorFor(request.headers.authorization);
    } catch (error) {
      // Refused tokens count against their address, so guessing is rate limited too.
      await count(request, reply);
      throw error;
    }
    request.actor = actor;
    await count(request, reply);
  });
}
