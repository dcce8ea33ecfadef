#!/usr/bin/env node
/**
 * `ets`: the command line of ETS. Exit codes scripts can trust: 0 done, 1 wrong usage,
 * 2 the server refused or could not be reached (or an import had failed lines).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { EtsClient, EtsError, type EventFilter, type EventInput, type Scope } from '../client';
import { CONNECTION, connection, detailUrls, pairs, parse, UsageError, type Options } from './args';
import { exportEvents, importEvents, type ImportReport } from './events-io';
import { describeNamespace } from '../domain/access';

const FILTER: Options = {
  tag: { type: 'string', multiple: true, short: 't' },
  exclude: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  parent: { type: 'string' },
  search: { type: 'string' },
  updated: { type: 'boolean' },
};

function filterOf(values: Record<string, unknown>): EventFilter {
  const filter: EventFilter = {};
  if (values.tag) filter.tags = pairs(values.tag, 'tag');
  if (values.exclude) filter.excludeTags = pairs(values.exclude, 'exclude');
  if (values.from) filter.from = values.from as string;
  if (values.to) filter.to = values.to as string;
  if (values.parent) filter.parentId = values.parent as string;
  if (values.search) filter.search = values.search as string;
  if (values.updated) filter.timeField = 'UPDATE'; // --from/--to on the update time
  return filter;
}

interface Command {
  summary: string;
  usage: string;
  examples: string[];
  options: Options;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

const print = (line: string) => process.stdout.write(`${line}\n`);

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'run the ETS server (configured by PORT, HOST, MONGODB_URI, … as in the README)',
    usage: 'ets serve [--port N] [--host ADDRESS]',
    examples: ['ets serve', 'ets serve --port 8080 --host 0.0.0.0'],
    options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    async run(values) {
      if (values.port) process.env.PORT = values.port as string;
      if (values.host) process.env.HOST = values.host as string;
      // Loaded here: the other commands are clients and need none of the server.
      const { runServer } = await import('../main.js');
      await runServer();
      return new Promise<number>(() => {}); // runs until a signal stops the process
    },
  },
  backup: {
    summary: 'copy the embedded store to FILE while the server keeps running (SQLite online backup)',
    usage: 'ets backup FILE [--data-dir DIR]   (DIR: ETS_DATA_DIR, else ./data)',
    examples: [
      'ets backup /backups/ets-$(date +%F).sqlite',
      'ets backup ets.sqlite --data-dir /var/lib/ets',
      'restore: stop ETS, copy the backup to DIR/ets.sqlite (mode 0600), remove DIR/ets.sqlite-wal and -shm, start ETS',
    ],
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    async run(values, positionals) {
      const [file] = positionals;
      if (!file || positionals.length > 1) throw new UsageError('backup takes one FILE to write');
      const { backupDatabase } = await import('../store/sqlite/database.js');
      const dataDir = (values['data-dir'] as string | undefined) ?? process.env.ETS_DATA_DIR ?? './data';
      try {
        const pages = await backupDatabase(dataDir, file);
        process.stderr.write(`backed up ${pages} pages of ${dataDir} to ${file}\n`);
        return 0;
      } catch (error) {
        process.stderr.write(`ets: backup failed: ${(error as Error).message}\n`);
        return 2;
      }
    },
  },
  send: {
    summary: 'record an event (one line in a deploy script); prints its id',
    usage:
      'ets send [--id ID] [--tag k=v]… [--parent ID] [--desc TEXT] [--url name=URL]… [--start T] [--end T] [--merge|--replace]',
    examples: [
      'ets send --id deploy-4711 --tag service=zon-web --tag status=pending --parent commit-abc --desc "deploy zon-web" --url ci=https://ci.example.com/4711',
      'ets send --id deploy-4711 --tag status=success --merge',
    ],
    options: {
      ...CONNECTION,
      id: { type: 'string' },
      tag: { type: 'string', multiple: true, short: 't' },
      parent: { type: 'string' },
      source: { type: 'string' },
      desc: { type: 'string', short: 'd' },
      start: { type: 'string' },
      end: { type: 'string' },
      merge: { type: 'boolean' },
      replace: { type: 'boolean' },
    },
    async run(values) {
      if (values.merge && values.replace) throw new UsageError('--merge and --replace exclude each other');
      const event: EventInput = {};
      if (values.id) event.id = values.id as string;
      if (values.tag) event.tags = pairs(values.tag, 'tag');
      if (values.parent) event.parentId = values.parent as string;
      if (values.source) event.sourceId = values.source as string;
      if (values.desc !== undefined) event.description = values.desc as string;
      if (values.start) event.startTime = values.start as string;
      if (values.end) event.endTime = values.end as string;
      const urls = detailUrls(values.url);
      if (Object.keys(urls).length > 0) event.detailUrls = urls;
      const client = new EtsClient(connection(values));
      if ((values.merge || values.replace) && !event.id) throw new UsageError('--merge and --replace need --id');
      const sent = values.merge
        ? await client.merge(event, { upsert: true })
        : values.replace
          ? await client.replace(event, { upsert: true })
          : await client.create(event);
      print(sent.id);
      return 0;
    },
  },
  get: {
    summary: 'print one event as JSON',
    usage: 'ets get ID',
    examples: ['ets get deploy-4711'],
    options: CONNECTION,
    async run(values, [id]) {
      if (!id) throw new UsageError('ets get needs an event id');
      const event = await new EtsClient(connection(values)).get(id);
      if (!event) throw new EtsError(`event "${id}" does not exist`, 'NOT_FOUND');
      print(JSON.stringify(event, null, 2));
      return 0;
    },
  },
  query: {
    summary: 'list events (all pages), newest first, as a table or JSON lines',
    usage:
      'ets query [--tag k=v]… [--exclude k=v]… [--from T] [--to T] [--updated] [--parent ID] [--search TEXT] [--limit N] [--json]',
    examples: [
      'ets query --tag service=zon-web --from 2016-12-05T10:00:00Z --limit 20',
      'ets query --search rollback --json',
    ],
    options: { ...CONNECTION, ...FILTER, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } },
    async run(values) {
      const limit = values.limit === undefined ? Infinity : Number(values.limit);
      if (!Number.isInteger(limit) && limit !== Infinity) throw new UsageError('--limit takes a whole number');
      let shown = 0;
      if (limit <= 0) return 0;
      for await (const event of new EtsClient(connection(values)).list(filterOf(values))) {
        if (values.json) print(JSON.stringify(event));
        else {
          const tags = Object.entries(event.tags)
            .map(([k, v]) => `${k}=${v.join(',')}`)
            .join(' ');
          print([event.startTime, event.id, tags, event.description.split('\n')[0]].join('\t'));
        }
        if (++shown >= limit) break;
      }
      return 0;
    },
  },
  tail: {
    summary: 'print changes as they happen, until interrupted',
    usage: 'ets tail [--tag k=v]… [--exclude k=v]… [--parent ID] [--search TEXT] [--json]',
    examples: ['ets tail --tag service=zon-web'],
    options: { ...CONNECTION, ...FILTER, json: { type: 'boolean' } },
    async run(values) {
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      for await (const change of new EtsClient(connection(values)).tail(filterOf(values), stop.signal)) {
        print(
          values.json
            ? JSON.stringify(change)
            : `${change.kind}\t${change.event.id}\t${change.event.description.split('\n')[0]}`,
        );
      }
      return 0;
    },
  },
  export: {
    summary: 'write matching events as NDJSON (to a file or standard output)',
    usage: 'ets export [filters as for query] [--output FILE]',
    examples: ['ets export --tag service=zon-web > zon-web.ndjson', 'ets export --output all.ndjson'],
    options: { ...CONNECTION, ...FILTER, output: { type: 'string', short: 'o' } },
    async run(values) {
      const out = values.output ? createWriteStream(values.output as string) : process.stdout;
      const count = await exportEvents(new EtsClient(connection(values)), filterOf(values), out);
      if (values.output) await new Promise<void>((resolve) => out.end(() => resolve()));
      process.stderr.write(`exported ${count} events\n`);
      return 0;
    },
  },
  import: {
    summary: 'create events from NDJSON; each failed line is reported and the rest go on',
    usage: 'ets import FILE|- [--on-conflict skip|merge]',
    examples: ['ets import zon-web.ndjson', 'ets export | ets import - --url http://other:4000 --on-conflict merge'],
    options: { ...CONNECTION, 'on-conflict': { type: 'string' } },
    async run(values, [file]) {
      if (!file) throw new UsageError('ets import needs a file, or - for standard input');
      const onConflict = (values['on-conflict'] as string | undefined) ?? 'skip';
      if (onConflict !== 'skip' && onConflict !== 'merge') throw new UsageError('--on-conflict is skip or merge');
      const tty = process.stderr.isTTY;
      const report = await importEvents(
        new EtsClient(connection(values)),
        file === '-' ? process.stdin : createReadStream(file),
        {
          onConflict,
          fail: (line, message) => process.stderr.write(`${tty ? '\n' : ''}line ${line}: ${message}\n`),
          progress: (r) => {
            if (tty) process.stderr.write(`\r${importSummary(r)}`);
          },
        },
      );
      process.stderr.write(`${tty ? '\n' : ''}${importSummary(report)}\n`);
      return report.failed > 0 ? 2 : 0;
    },
  },
  token: {
    summary: 'manage API tokens (needs an admin token): create, list, revoke',
    usage:
      'ets token create NAME --scope read|write|admin [--namespace k=v]…\nets token list [--json]\nets token revoke NAME',
    examples: [
      'ets token create jenkins --scope write --namespace source=jenkins',
      'ets token create dashboard --scope read',
      'ets token list',
      'ets token revoke jenkins',
    ],
    options: {
      ...CONNECTION,
      scope: { type: 'string', multiple: true, short: 's' },
      namespace: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    async run(values, [action, name, ...extra]) {
      const client = new EtsClient(connection(values));
      if (extra.length > 0) throw new UsageError(`unexpected "${extra.join(' ')}"`);
      if (action === 'create') {
        if (!name) throw new UsageError('ets token create needs a name');
        const scopes = ((values.scope as string[] | undefined) ?? []).flatMap((s) => s.split(','));
        if (scopes.length === 0) throw new UsageError('ets token create needs --scope read, write or admin');
        const created = await client.createToken({
          name,
          scopes: scopes.map((scope) => scope.trim().toUpperCase() as Scope),
          ...(values.namespace ? { namespace: pairs(values.namespace, 'namespace') } : {}),
        });
        print(created.secret);
        process.stderr.write(`token "${name}" created; it is shown only this once\n`);
        return 0;
      }
      if (action === 'list' && !name) {
        for (const token of await client.tokens()) {
          if (values.json) print(JSON.stringify(token));
          else {
            const namespace = token.namespace ? describeNamespace(token.namespace) : '-';
            const state = token.revokedAt ? `revoked ${token.revokedAt}` : `last used ${token.lastUsedAt ?? 'never'}`;
            print([token.name, token.scopes.join(',').toLowerCase(), namespace, state].join('\t'));
          }
        }
        return 0;
      }
      if (action === 'revoke') {
        if (!name) throw new UsageError('ets token revoke needs a name');
        await client.revokeToken(name);
        process.stderr.write(`token "${name}" revoked\n`);
        return 0;
      }
      throw new UsageError('ets token takes create NAME, list or revoke NAME');
    },
  },
};

function importSummary(r: ImportReport): string {
  return `${r.lines} lines: ${r.created} created, ${r.merged} merged, ${r.skipped} skipped, ${r.failed} failed`;
}

function help(name?: string): string {
  const command = name ? COMMANDS[name] : undefined;
  if (command) {
    return [
      `${command.usage}\n`,
      `${command.summary}\n`,
      'Examples:',
      ...command.examples.map((e) => `  ${e}`),
      '',
      'The server is --url URL, else ETS_URL, else http://127.0.0.1:4000; the token --token, else ETS_TOKEN.',
    ].join('\n');
  }
  return [
    'ets COMMAND [options]   (ets COMMAND --help for more)\n',
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(7)} ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    print(help(rest[0]));
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const { values, positionals } = parse(rest, command.options);
    if (values.help) {
      print(help(name));
      return 0;
    }
    return await command.run(values, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ets: ${error.message}\n\n${help(command ? name : undefined)}\n`);
      return 1;
    }
    if (error instanceof EtsError) {
      process.stderr.write(`ets: ${error.code}${error.field ? ` (${error.field})` : ''}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ets: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
