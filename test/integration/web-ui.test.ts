/** Serving the built web UI: content types, caching, the CSP, and the page when it is not built. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import Fastify from 'fastify';
import { registerWebUi } from '../../src/http/web-ui';

interface Reply {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A server on a free port, and GET over real HTTP with a Host header of our choosing. */
async function appServing(folder: string) {
  const app = Fastify();
  await registerWebUi(app, folder);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const fetchPage = (path: string, host?: string) =>
    new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers: host ? { host } : {} }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
  return { close: () => app.close(), fetchPage };
}

it('serves index.html uncached with a CSP, and hashed assets cached for a year', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'ets-web-'));
  await mkdir(join(folder, 'assets'));
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>',
  );
  await writeFile(join(folder, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(join(folder, 'assets', 'index-abc123.css'), 'body{}');
  const app = await appServing(folder);
  try {
    const page = await app.fetchPage('/?range=6h&tag.service=web', 'ets.example:4000');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ws://ets.example:4000 wss://ets.example:4000");
    expect(page.body).toContain('/assets/index-abc123.js');

    const script = await app.fetchPage('/assets/index-abc123.js');
    // @fastify/send's type for .js (mime 3); a JavaScript MIME type to browsers, as text/javascript is.
    expect(script.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const style = await app.fetchPage('/assets/index-abc123.css');
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');

    expect((await app.fetchPage('/assets/missing-1.js')).statusCode).toBe(404);
    expect((await app.fetchPage('/assets/..%2Findex.html')).statusCode).toBe(404);
    // A Host header that is not a host does not reach the CSP.
    const odd = await app.fetchPage('/', "x; script-src 'unsafe-inline'");
    expect(String(odd.headers['content-security-policy'])).not.toContain("script-src 'unsafe-inline'");
    expect(String(odd.headers['content-security-policy'])).toMatch(/connect-src 'self';/);
  } finally {
    await app.close();
  }
});

it('says how to build the UI when it is not built, and serves a build made while it runs', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'ets-web-empty-'));
  const app = await appServing(folder);
  try {
    const page = await app.fetchPage('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build:web');
    expect(page.body).toContain('href="/graphql"');
    await writeFile(join(folder, 'index.html'), '<!doctype html><title>built</title>');
    const built = await app.fetchPage('/');
    expect(built.body).toBe('<!doctype html><title>built</title>');
    expect(built.headers['cache-control']).toBe('no-cache');
  } finally {
    await app.close();
  }
});
