/**
 * The layers of src/ point one way. Each folder's main file says, in its first line, which
 * folders it may import (`// Layer: graphql. Imports: transport, config, domain.`); this test
 * reads those lines, checks every import of every file against them, and checks that the
 * declared layers have no cycle, so no arrow runs up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(__dirname, '../src');
const RULE = /^\/\/ Layer: ([\w-]+)(?: \([^)]*\))?\. Imports: ([^.]+)\.(?: Packages: ([^.]+)\.)?$/;
const ROOT = 'src';

interface Rule {
  layer: string;
  file: string;
  /** Folders this one may import; null for "anything". */
  imports: string[] | null;
  /** When given, the only packages (besides Node's own) the layer may use. */
  packages: string[] | null;
}

interface SourceFile {
  /** Relative to src/, with forward slashes. */
  path: string;
  text: string;
}

const list = (text: string) => text.split(',').map((item) => item.trim());

/** The top folder of a file under src/ ('src' for the files at its root). */
function layerOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? ROOT : path.slice(0, slash);
}

/** The layer an import lands in: a folder's index when it names the folder itself. */
function layerOfImport(target: string, folders: Set<string>): string {
  if (target.startsWith('..')) return 'outside src';
  return folders.has(target) ? target : layerOf(target);
}

function readRules(files: SourceFile[]): { rules: Map<string, Rule>; problems: string[] } {
  const rules = new Map<string, Rule>();
  const problems: string[] = [];
  for (const file of files) {
    for (const line of file.text.split('\n', 3)) {
      const match = RULE.exec(line);
      if (!match) continue;
      const [, layer, imports, packages] = match as unknown as [string, string, string, string | undefined];
      if (layer !== layerOf(file.path))
        problems.push(`${file.path} states the rule of ${layer}, not of its own folder`);
      else if (rules.has(layer)) problems.push(`${layer} has two rules: ${rules.get(layer)?.file} and ${file.path}`);
      else
        rules.set(layer, {
          layer,
          file: file.path,
          imports: imports === 'anything' ? null : imports === 'nothing' ? [] : list(imports),
          packages: packages ? list(packages) : null,
        });
    }
  }
  for (const layer of new Set(files.map((file) => layerOf(file.path))))
    if (!rules.has(layer)) problems.push(`${layer} has no rule: its main file should start with "// Layer: ${layer}."`);
  return { rules, problems };
}

/** A cycle among the declared layers, as a path, or null. */
function cycleOf(rules: Map<string, Rule>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (layer: string, path: string[]): string[] | null => {
    if (state.get(layer) === 'visiting') return [...path, layer];
    if (state.get(layer) === 'done') return null;
    state.set(layer, 'visiting');
    for (const next of rules.get(layer)?.imports ?? []) {
      const cycle = visit(next, [...path, layer]);
      if (cycle) return cycle;
    }
    state.set(layer, 'done');
    return null;
  };
  for (const layer of rules.keys()) {
    const cycle = visit(layer, []);
    if (cycle) return cycle;
  }
  return null;
}

const NODE_BUILTINS = new Set(builtinModules);
const packageName = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** Every import that breaks its folder's rule, and every rule that is missing, doubled or circular. */
export function layerViolations(files: SourceFile[]): string[] {
  const { rules, problems } = readRules(files);
  const cycle = cycleOf(rules);
  if (cycle) problems.push(`the layers import each other in a circle: ${cycle.join(' → ')}`);
  const folders = new Set(files.map((file) => layerOf(file.path)));
  for (const file of files) {
    const rule = rules.get(layerOf(file.path));
    if (!rule) continue;
    for (const { fileName: spec } of ts.preProcessFile(file.text, true, true).importedFiles) {
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(SRC, dirname(file.path), spec))
          .split('\\')
          .join('/');
        const layer = layerOfImport(target.replace(/\.js$/, ''), folders);
        if (layer !== rule.layer && rule.imports && !rule.imports.includes(layer))
          problems.push(
            `${file.path} imports ${spec} (${layer}): ${rule.layer} may import ${rule.imports.join(', ') || 'nothing'}`,
          );
      } else if (rule.packages && !spec.startsWith('node:') && !NODE_BUILTINS.has(spec)) {
        if (!rule.packages.includes(packageName(spec)))
          problems.push(`${file.path} imports the package ${spec}: ${rule.layer} may use ${rule.packages.join(', ')}`);
      }
    }
  }
  return problems;
}

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    if (!entry.name.endsWith('.ts')) return [];
    return [{ path: relative(SRC, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }];
  });
}

describe('the layers of src/', () => {
  it('have a rule each, no cycle, and no import that breaks a rule', () => {
    expect(layerViolations(sourceFiles(SRC))).toEqual([]);
  });
});

describe('layerViolations', () => {
  const rules: SourceFile[] = [
    { path: 'domain/event.ts', text: '// Layer: domain. Imports: nothing. Packages: luxon.\n' },
    { path: 'store/storage.ts', text: '// Layer: store. Imports: domain.\n' },
    { path: 'http/app.ts', text: '// Layer: http (composition only). Imports: store, domain.\n' },
  ];

  it('accepts imports that point down, and Node built-ins and listed packages in a layer with a package list', () => {
    const files = [
      ...rules,
      {
        path: 'http/x.ts',
        text: "import { a } from '../store/storage';\nimport { b } from '../store';\nimport c from 'fastify';",
      },
      { path: 'domain/y.ts', text: "import { DateTime } from 'luxon';\nimport { randomUUID } from 'node:crypto';" },
    ];
    expect(layerViolations(files)).toEqual([]);
  });

  it('names an import that runs up, an unlisted package, and a dynamic or type-only import too', () => {
    const files = [
      ...rules,
      { path: 'store/x.ts', text: "import type { App } from '../http/app';" },
      { path: 'domain/y.ts', text: "const m = import('../store/storage');\nimport { MongoClient } from 'mongodb';" },
    ];
    expect(layerViolations(files)).toEqual([
      'store/x.ts imports ../http/app (http): store may import domain',
      'domain/y.ts imports ../store/storage (store): domain may import nothing',
      'domain/y.ts imports the package mongodb: domain may use luxon',
    ]);
  });

  it('names a folder without a rule, a rule in the wrong folder, two rules, and a cycle', () => {
    const files = [
      { path: 'domain/event.ts', text: '// Layer: domain. Imports: store.\n' },
      { path: 'domain/other.ts', text: '// Layer: domain. Imports: nothing.\n' },
      { path: 'store/storage.ts', text: '// Layer: store. Imports: domain.\n' },
      { path: 'store/wrong.ts', text: '// Layer: feed. Imports: domain.\n' },
      { path: 'rest/routes.ts', text: '' },
    ];
    expect(layerViolations(files)).toEqual([
      'domain has two rules: domain/event.ts and domain/other.ts',
      'store/wrong.ts states the rule of feed, not of its own folder',
      'rest has no rule: its main file should start with "// Layer: rest."',
      'the layers import each other in a circle: domain → store → domain',
    ]);
  });
});
