/**
 * The web UI at /: the Vite build in dist/web (npm run build:web), served by this process.
 * Hashed assets are cached for a year, index.html never; a CSP allows only our own scripts
 * and connections to this host (fetch and the graphql-ws socket). Files are sent by
 * @fastify/static (content types, ETags, ranges); the page's headers are ours.
 */
import fastifyStatic from '@fastify/static';
import escapeHtml from 'escape-html';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { projectRoot } from '../config/paths';

/** Vite's asset names: name-hash.ext, nothing that could climb out of the folder. */
const ASSET_NAME = /^[\w.-]+\.[a-z0-9]+$/i;
/** A Host header fit to repeat in the CSP (host, port, or a bracketed IPv6 address). */
const HOST = /^[\w.-]+(:\d+)?$|^\[[\d:a-f.]+\](:\d+)?$/i;

export function webUiFolder(): string {
  return join(projectRoot(), 'dist', 'web');
}

function contentSecurityPolicy(request: FastifyRequest): string {
  const host = request.headers.host && HOST.test(request.headers.host) ? request.headers.host : null;
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Mantine sets CSS variables in a <style> element and style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function notBuiltPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ETS: the web UI is not built</title>
<style>body { font: 15px/1.5 system-ui, sans-serif; margin: 3rem; color: #1d2330; } code { background: #f1f3f5; padding: 0 .3rem; }</style></head>
<body><h1>The ETS web UI is not built</h1>
<p>Build it with <code>npm run build:web</code> (or <code>npm run build</code>; <code>npm start</code> does it before starting),
then reload this page. It is looked for in <code>${escapeHtml(webUiFolder())}</code>.</p>
<p>The API works meanwhile: <a href="/graphql">GraphQL</a> (GraphiQL in a browser),
<a href="/api/v1/openapi.json">REST API v1</a>, and the tree of an event at <code>/event/{id}/</code>.</p></body></html>`;
}

export async function registerWebUi(app: FastifyInstance, folder = webUiFolder()): Promise<void> {
  // A scope of its own: GraphiQL's files have their own copy of the plugin.
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: join(folder, 'assets'),
      prefix: '/assets/',
      // Flat names only: nothing else is a build output, nor can climb out of the folder.
      allowedPath: (path) => ASSET_NAME.test(path.slice(1)),
      index: false,
      maxAge: '1y',
      immutable: true,
      setHeaders: (response) => response.setHeader('x-content-type-options', 'nosniff'),
    });
    // The view lives in the query string, so every view is this one page. Read at each
    // request (revalidated by its ETag), so a build made while the server runs is served.
    scope.get('/', async (request, reply) => {
      reply.headers({
        'content-security-policy': contentSecurityPolicy(request),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
      if (!existsSync(join(folder, 'index.html'))) return reply.type('text/html; charset=utf-8').send(notBuiltPage());
      return reply.sendFile('index.html', folder, { cacheControl: false });
    });
  });
}
