/**
 * Every API request gets its Actor (request.actor) and is counted against its caller's
 * rate: a token by its name, a request without one by its client address.
 */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../domain/access';
import type { AccessPolicy } from '../transport/access';
import { HttpError } from '../transport/errors';
import type { RateLimiter } from '../transport/rate-limit';

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
// Replaced for every API request; other paths (assets, health) never look at it.
const NOBODY_YET = null as unknown as Actor;

export function registerAuth(
  app: FastifyInstance,
  access: AccessPolicy,
  rate: RateLimiter,
  onRateLimited: () => void = () => {},
): void {
  app.decorateRequest('actor', NOBODY_YET);
  const count = (caller: string) => {
    const decision = rate.take(caller);
    if (decision.allowed) return;
    onRateLimited();
    throw new HttpError(
      429,
      'RATE_LIMITED',
      `too many requests from ${caller} (ETS_RATE_LIMIT); retry after ${decision.retryAfterSeconds}s`,
      { 'retry-after': String(decision.retryAfterSeconds) },
    );
  };
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (route !== undefined && SIGNED_ROUTES.test(route)) return count(`address ${request.ip}`);
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
      count(`address ${request.ip}`);
      throw error;
    }
    request.actor = actor;
    count(actor.token === null ? `address ${request.ip}` : `token "${actor.token}"`);
  });
}
