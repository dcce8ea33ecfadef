/**
 * Browser pages on other origins: those listed in ETS_CORS_ORIGINS may call the API (CORS
 * headers and preflights, by @fastify/cors); any other origin is refused outright for
 * anything but a read, so that a page elsewhere cannot send "simple" cross-site writes to
 * an open server. The plugin only leaves such a request without CORS headers, and a
 * browser sends a simple request without asking first: that refusal is our own hook.
 */
import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';

const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight';
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]) {
  if (!origin) return true; // not sent by a page of another origin
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

export async function registerCors(app: FastifyInstance, allowed: readonly string[]): Promise<void> {
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (isOriginAllowed(origin, request.headers.host, allowed)) return;
    // Without CORS headers the browser keeps a read's answer from the page anyway.
    if (request.method === 'GET' || request.method === 'HEAD') return;
    throw new HttpError(403, 'FORBIDDEN', `requests from origin ${origin} are not allowed (ETS_CORS_ORIGINS)`);
  });
  const anyOrigin = allowed.includes('*');
  await app.register(fastifyCors, {
    // Per request: a page of this server's own host is allowed whatever the list says.
    delegator: (request, callback) =>
      callback(null, {
        origin:
          request.headers.origin && isOriginAllowed(request.headers.origin, request.headers.host, allowed)
            ? anyOrigin
              ? '*'
              : true // the page's origin, repeated
            : false,
        methods: ALLOWED_METHODS,
        allowedHeaders: ALLOWED_HEADERS,
        maxAge: 600,
      }),
  });
}
