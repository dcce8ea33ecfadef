/**
 * Every API request gets its Actor (request.actor) and is counted against its caller's
 * rate: a token by its name, a request without one by its client address.
 */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../domain/access';
import type { AccessPolicy } from './access';
import { HttpError } from './http-errors';
import type { RateLimiter } from './rate-limit';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Paths that read or change events; the UI's files, GraphiQL and health checks are public. */
const API_PATHS = /^\/(graphql|api\/|event\/)/;
// Replaced for every API request; other paths (assets, health) never look at it.
const NOBODY_YET = null as unknown as Actor;

export function registerAuth(app: FastifyInstance, access: AccessPolicy, rate: RateLimiter): void {
  app.decorateRequest('actor', NOBODY_YET);
  app.addHook('onRequest', async (request) => {
    if (!API_PATHS.test(request.url)) return;
    // A browser opening GraphiQL sends no token; the page then asks with one.
    const actor = await access.actorFor(request.headers.authorization);
    request.actor = actor;
    const caller = actor.token === null ? `address ${request.ip}` : `token "${actor.token}"`;
    const decision = rate.take(caller);
    if (!decision.allowed) {
      throw new HttpError(
        429,
        'RATE_LIMITED',
        `too many requests from ${caller} (ETS_RATE_LIMIT); retry after ${decision.retryAfterSeconds}s`,
        { 'retry-after': String(decision.retryAfterSeconds) },
      );
    }
  });
}
