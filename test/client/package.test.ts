/** The typed client is its own package, versioned with the server, needing only what it imports. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const clientDir = join(root, 'packages/client');
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

it('has the version of the server, and the server depends on exactly that version', () => {
  const server = json(join(root, 'package.json'));
  const client = json(join(clientDir, 'package.json'));
  expect(client.name).toBe('ets-client');
  expect(client.version).toBe(server.version);
  expect(server.dependencies['ets-client']).toBe(server.version);
  expect(server.workspaces).toContain('packages/client');
});

/** The packages a source file imports, type-only imports too (a declaration file keeps them). */
function packagesImportedBy(source: string): string[] {
  return [...source.matchAll(/^import (?:type )?[^;]*? from '([^']+)'/gm)]
    .map(([, specifier]) => specifier!)
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'));
}

it('depends on exactly the packages its sources import', () => {
  const sources = readdirSync(join(clientDir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(clientDir, 'src', file), 'utf8'));
  const imported = new Set(sources.flatMap(packagesImportedBy));
  const { dependencies, files } = json(join(clientDir, 'package.json'));
  expect(Object.keys(dependencies).sort()).toEqual([...imported].sort());
  expect(files).toEqual(['dist/']);
});

it('exports a transport the browser can run: no Node module, the WebSocket class passed in', () => {
  const transport = readFileSync(join(clientDir, 'src/transport.ts'), 'utf8');
  expect(transport).not.toMatch(/from 'node:/);
  expect(packagesImportedBy(transport).sort()).toEqual([
    '@graphql-typed-document-node/core',
    'exponential-backoff',
    'graphql-ws',
  ]);
  expect(json(join(clientDir, 'package.json')).exports['./transport']).toEqual({
    types: './dist/transport.d.ts',
    default: './dist/transport.js',
  });
});
