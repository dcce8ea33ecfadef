/**
 * GraphiQL served by ETS itself from the installed packages, with no CDN: the service
 * often runs where the internet is not reachable.
 */
import fastifyStatic from '@fastify/static';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The page's names for files of three packages, each sent from its package's folder. */
const ASSETS: Record<string, { pkg: string; file: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css' },
};

const packageFolder = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

/*
 * Queries and mutations go by POST; subscriptions over the websocket of the same path
 * (graphql-ws, with the copy bundled in graphiql.js). GraphiQL sends its headers as the
 * connection_init payload, where ETS reads the token from "authorization": the names are
 * lower-cased, so a header typed as "Authorization" reaches the websocket too.
 */
const GRAPHIQL_SCRIPT = `
    const subscriptionUrl = location.origin.replace(/^http/, 'ws') + location.pathname;
    const send = GraphiQL.createFetcher({ url: location.pathname, subscriptionUrl });
    const lowerCased = (headers) =>
      Object.fromEntries(Object.entries(headers || {}).map(([name, value]) => [name.toLowerCase(), value]));
    const fetcher = (params, options) => send(params, Object.assign({}, options, { headers: lowerCased(options && options.headers) }));
    const defaultQuery = '# The 20 events that started last, with what caused them\\n{\\n  events(first: 20) {\\n    totalCount\\n    nodes {\\n      id startTime endTime description tags\\n      parent { id description }\\n    }\\n  }\\n}\\n';
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
    );
  `;

/**
 * The page allows its own files and its one inline script (by hash), nothing else, and no
 * framing: GraphiQL runs with the visitor's token in reach.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${createHash('sha256').update(GRAPHIQL_SCRIPT).digest('base64')}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'", // the websocket of subscriptions too (CSP Level 3: 'self' covers ws: and wss:)
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const GRAPHIQL_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ETS GraphQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>${GRAPHIQL_SCRIPT}</script>
</body>
</html>`;

/** A browser asking for a page (not a client sending a query by GET). */
export function wantsGraphiQL(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  return request.method === 'GET' && !query?.query && (request.headers.accept ?? '').includes('text/html');
}

export async function registerGraphiQLAssets(app: FastifyInstance): Promise<void> {
  // A scope of its own: the web UI's files have their own copy of the plugin.
  await app.register(async (scope) => {
    // Only reply.sendFile: the names are ours, the files the packages'.
    await scope.register(fastifyStatic, { serve: false });
    scope.get<{ Params: { file: string } }>('/graphiql/:file', { schema: { hide: true } }, async (request, reply) => {
      const asset = Object.hasOwn(ASSETS, request.params.file) ? ASSETS[request.params.file] : undefined;
      if (!asset) return reply.code(404).send({ error: 'not found' });
      return reply.sendFile(asset.file, packageFolder(asset.pkg), { maxAge: '1d' });
    });
  });
}
