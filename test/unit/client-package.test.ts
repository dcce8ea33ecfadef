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

it('depends at run time on exactly the packages its sources import', () => {
  const sources = readdirSync(join(clientDir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(clientDir, 'src', file), 'utf8'));
  const imported = new Set<string>();
  for (const source of sources) {
    // Type-only imports vanish from the build; node: builtins need nothing installed.
    for (const [, typeOnly, specifier] of source.matchAll(/^import (type )?[^;]*? from '([^']+)'/gm)) {
      if (!typeOnly && !specifier!.startsWith('.') && !specifier!.startsWith('node:')) imported.add(specifier!);
    }
  }
  const { dependencies, files } = json(join(clientDir, 'package.json'));
  expect(Object.keys(dependencies).sort()).toEqual([...imported].sort());
  expect(files).toEqual(['dist/']);
});
