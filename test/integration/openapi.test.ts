/**
 * The OpenAPI document at /api/v1/openapi.json, derived from the route definitions: every
 * route the real app registers is in it (collected with an onRoute hook on the app itself,
 * not from a list), every operation has an operationId, and Redocly's recommended rules pass.
 */
import { execFile } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { startTestEts, type TestEts } from '../helpers/ets';

interface Operation {
  operationId?: string;
  'x-no-client-errors'?: boolean;
  [key: string]: unknown;
}
type Document = Record<string, any>; // read as JSON

// Fastify announces each instance as it is created, before any route is added to it.
const routes: RouteOptions[] = [];
const onInstance = (message: unknown) =>
  (message as { fastify: FastifyInstance }).fastify.addHook('onRoute', (route) => {
    routes.push(route);
  });

let ets: TestEts;
let document: Document;
beforeAll(async () => {
  subscribe('fastify.initialization', onInstance);
  try {
    ets = await startTestEts();
  } finally {
    unsubscribe('fastify.initialization', onInstance);
  }
  const response = await fetch(`${ets.url}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as Document;
});
afterAll(() => ets.stop());

/** Fastify's /a/:id as OpenAPI writes it, /a/{id}. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);
const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );

it('documents every route the app registers, except those that hide themselves', () => {
  expect(routes.length).toBeGreaterThan(10);
  const missing: string[] = [];
  const hidden: string[] = [];
  for (const route of routes) {
    for (const method of methodsOf(route)) {
      const name = `${method} ${route.url}`;
      if (route.schema?.hide) {
        hidden.push(name);
        continue;
      }
      // Fastify adds a HEAD route for every GET; the GET documents it.
      const documented = method === 'HEAD' ? 'get' : method.toLowerCase();
      if (!document.paths[openApiPath(route.url)]?.[documented]) missing.push(name);
    }
  }
  expect(missing).toEqual([]);
  // The static files are not API (they hide themselves), and they are registered.
  expect(hidden).toEqual(expect.arrayContaining(['GET /assets/*', 'GET /graphiql/:file']));
  expect(Object.keys(document.paths).filter((path) => /^\/(assets|graphiql)\//.test(path))).toEqual([]);
});

it('gives every operation an operationId, a summary and a tag, each id once', () => {
  const ids = operations().map(({ operation }) => operation.operationId);
  expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  for (const { path, method, operation } of operations()) {
    expect([path, method, typeof operation.summary, Array.isArray(operation.tags)]).toEqual([
      path,
      method,
      'string',
      true,
    ]);
  }
});

/** Redocly's core is an ES module, which Jest's CommonJS runtime cannot load: it runs in a Node of its own. */
const LINT = `
import { createConfig, lintFromString } from '@redocly/openapi-core';
let source = '';
for await (const chunk of process.stdin) source += chunk;
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
process.stdout.write(JSON.stringify(problems.map((p) => ({
  rule: p.ruleId, severity: p.severity, message: p.message, pointer: p.location[0]?.pointer,
}))));
`;

interface Problem {
  rule: string;
  severity: 'error' | 'warn';
  message: string;
  pointer?: string;
}

function lint(source: string): Promise<Problem[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '--eval', LINT],
      { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin?.end(source);
  });
}

/** The operation a problem's JSON pointer (#/paths/~1a~1{id}/get/responses) lies in. */
function operationAt(pointer = ''): Operation | undefined {
  const [, paths, path, method] = pointer.split('/');
  if (paths !== 'paths' || !path || !method) return undefined;
  return document.paths[path.replace(/~1/g, '/').replace(/~0/g, '~')]?.[method];
}

it("passes Redocly's recommended rules", async () => {
  const problems = await lint(JSON.stringify(document));
  // Probes and pages that answer every request they get say so, and need no 4XX response.
  const real = problems.filter(
    (problem) => !(problem.rule === 'operation-4xx-response' && operationAt(problem.pointer)?.['x-no-client-errors']),
  );
  expect(real).toEqual([]);
});

it('lint finds a broken document, so that the test above can fail', async () => {
  const broken = structuredClone(document);
  broken.paths['/api/v1/event/'] = broken.paths['/api/v1/event'];
  delete broken.paths['/api/v1/event/{id}']?.get?.operationId;
  const rules = (await lint(JSON.stringify(broken))).map((p) => p.rule);
  expect(rules).toEqual(expect.arrayContaining(['no-path-trailing-slash', 'operation-operationId']));
});

it('keeps what the REST API says of its events and its list', () => {
  const schemas = document.components.schemas;
  expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['EventInput', 'Event', 'Tree', 'Error']));
  expect(schemas.EventInput.properties.start_time.description).toContain('MM/dd/yy:HH:mm:ss');
  expect(schemas.EventInput.examples[0].detail_urls).toEqual({ graphite: 'http//graphite' });
  const list = document.paths['/api/v1/event'].get;
  const parameters = (list.parameters as Array<{ name: string; schema: { default?: unknown } }>).map((p) => [
    p.name,
    p.schema.default,
  ]);
  expect(parameters).toEqual([
    ['tag', undefined],
    ['frm', undefined],
    ['to', undefined],
    ['use_update_time', false],
    ['count', 100],
    ['page', 1],
  ]);
  expect(document.paths['/api/v1/event/{id}/delete'].delete.responses).toHaveProperty('400');
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining(['/graphql', '/healthz', '/readyz', '/', '/event/{id}', '/api/v1/openapi.json']),
  );
});

describe('route schemas describe; the handlers still validate', () => {
  const send = (path: string, body: string, method = 'PUT', type = 'application/json') =>
    fetch(`${ets.url}${path}`, { method, headers: { 'content-type': type }, body });

  it('refuses what a schema validator would coerce or strip, in the ETS format', async () => {
    // ajv would make 5 the string "5" and drop the unknown field before the handler saw them.
    const numeric = await send('/api/v1/event/', JSON.stringify({ event: { id: 5 } }));
    expect([numeric.status, await numeric.json()]).toEqual([
      400,
      { message: 'event.id: must be a string', code: 'BAD_USER_INPUT', field: 'event.id' },
    ]);
    const unknown = await send('/api/v1/event/', JSON.stringify({ event: { id: 'x', colour: 'red' } }));
    expect(((await unknown.json()) as { field: string }).field).toBe('event.colour');
    const list = await fetch(`${ets.url}/api/v1/event/?count=many`);
    expect(await list.json()).toEqual({
      message: 'count: must be a whole number',
      code: 'BAD_USER_INPUT',
      field: 'count',
    });
  });

  it('reads a REST body of any content type as JSON, and leaves GraphQL bodies to GraphQL', async () => {
    const body = JSON.stringify({ event: { description: 'typed as text' } });
    expect((await send('/api/v1/event/', body, 'PUT', 'text/plain')).status).toBe(200);
    // The POST schema requires "query": Apollo, not the schema, answers a body without one.
    const graphql = await send('/graphql', JSON.stringify({ variables: {} }), 'POST');
    const answer = (await graphql.json()) as { errors: Array<{ message: string }> };
    expect(answer.errors[0]?.message).not.toMatch(/must have required property/);
  });
});
