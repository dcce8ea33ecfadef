/**
 * The web UI at /: the Vite build in dist/web (npm run build:web), served by this process.
 * Hashed assets are cached for a year, index.html never; a CSP allows only our own scripts
 * and connections to this host (fetch and the graphql-ws socket).
 */
import escapeHtml from 'escape-html';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { projectRoot } from '../config/paths';
import { FileCache } from '../transport/file-cache';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
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

export function registerWebUi(app: FastifyInstance, folder = webUiFolder()): void {
  let index: Buffer | undefined;
  const assets = new FileCache();
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('content-security-policy', contentSecurityPolicy(request)).header('x-content-type-options', 'nosniff');
    // Looked for until found, then kept: a first build made while the server runs is
    // picked up; after a rebuild (which deletes the old assets), restart the server.
    index ??= existsSync(join(folder, 'index.html')) ? await readFile(join(folder, 'index.html')) : undefined;
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(index ?? notBuiltPage());
  };
  // The view lives in the query string, so every view is this one page.
  app.get('/', page);

  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const { file } = request.params;
    const type = CONTENT_TYPES[extname(file)];
    if (!ASSET_NAME.test(file) || !type) return reply.code(404).send({ error: 'not found' });
    let body: Buffer;
    try {
      body = await assets.read(join(folder, 'assets', file));
    } catch {
      return reply.code(404).send({ error: 'not found' });
    }
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
}
