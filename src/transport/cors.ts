/**
 * Browser pages on other origins: those listed in ETS_CORS_ORIGINS may call the API (CORS
 * headers, preflights); any other origin is refused outright for anything but a read, so
 * that a page elsewhere cannot send "simple" cross-site writes to an open server.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';

const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight';
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]) {
  if (!origin) return true; // not sent by a page of another origin
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

export function registerCors(app: FastifyInstance, allowed: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin) return;
    if (!isOriginAllowed(origin, request.headers.host, allowed)) {
      // Without CORS headers the browser keeps a read's answer from the page anyway.
      if (request.method === 'GET' || request.method === 'HEAD') return;
      throw new HttpError(403, 'FORBIDDEN', `requests from origin ${origin} are not allowed (ETS_CORS_ORIGINS)`);
    }
    reply.header('access-control-allow-origin', allowed.includes('*') ? '*' : origin);
    reply.header('vary', 'origin');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      return reply
        .code(204)
        .headers({
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': '600',
        })
        .send();
    }
  });
}
