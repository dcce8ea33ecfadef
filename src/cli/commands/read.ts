/** `ets get`, `query`, `tail` and `export`: reading events. */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { EtsError, type EventData } from 'ets-client';
import { UsageError } from '../args';
import { action, clientOf, examples, filterOf, print, withFilterOptions, type FilterOptions } from '../command';
import { exportEvents } from '../events-io';
import { TIME_FLAG_RULE } from '../time-input';

function tableRow(event: EventData): string {
  const tags = Object.entries(event.tags)
    .map(([key, values]) => `${key}=${values.join(',')}`)
    .join(' ');
  return [event.startTime, event.id, tags, event.description.split('\n')[0]].join('\t');
}

export function addReadCommands(program: Command): void {
  program
    .command('get')
    .summary('print one event as JSON')
    .argument('<id>', 'the event id')
    .addHelpText('after', examples('ets get deploy-4711'))
    .action(
      action(async (options, [id]) => {
        const event = await clientOf(options).get(id as string);
        if (!event) throw new EtsError(`event "${id}" does not exist`, 'NOT_FOUND');
        print(JSON.stringify(event, null, 2));
        return 0;
      }),
    );

  withFilterOptions(
    program
      .command('query')
      .summary('list events (all pages), newest first, as a table or JSON lines')
      .description('List the matching events, newest first: start, id, tags and the first line of the description.'),
  )
    .option('-n, --limit <n>', 'at most this many events')
    .option('--json', 'one event a line, as JSON')
    .addHelpText(
      'after',
      `\n${TIME_FLAG_RULE}\n` +
        examples(
          'ets query --tag service=zon-web --from now-1h',
          'ets query --tag service=zon-web --from 2016-12-05T10:00:00Z --to 2016-12-05T11:00:00Z --limit 20',
          'ets query --search rollback --json | head -5',
        ),
    )
    .action(
      action<FilterOptions & { limit?: string; json?: boolean }>(async (options) => {
        const limit = options.limit === undefined ? Infinity : Number(options.limit);
        if (limit !== Infinity && (!Number.isInteger(limit) || limit < 0)) {
          throw new UsageError(`--limit takes a whole number, got "${options.limit}"`);
        }
        const filter = filterOf(options);
        let shown = 0;
        if (limit === 0) return 0;
        for await (const event of clientOf(options).list(filter)) {
          print(options.json ? JSON.stringify(event) : tableRow(event));
          if (++shown >= limit) break;
        }
        return 0;
      }),
    );

  withFilterOptions(
    program
      .command('tail')
      .summary('print changes as they happen, until interrupted')
      .description('Print each change to a matching event as it happens (kind, id, first line), until interrupted.'),
  )
    .option('--json', 'one change a line, as JSON')
    .addHelpText('after', examples('ets tail --tag service=zon-web', 'ets tail --search deploy --json'))
    .action(
      action<FilterOptions & { json?: boolean }>(async (options) => {
        const filter = filterOf(options);
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        process.once('SIGTERM', () => stop.abort());
        for await (const change of clientOf(options).tail(filter, stop.signal)) {
          print(
            options.json
              ? JSON.stringify(change)
              : `${change.kind}\t${change.event.id}\t${change.event.description.split('\n')[0]}`,
          );
        }
        return 0;
      }),
    );

  withFilterOptions(
    program
      .command('export')
      .summary('write matching events as NDJSON (to a file or standard output)')
      .description('Write every matching event as one JSON line, for `ets import` into this or another ETS.'),
  )
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      examples('ets export --tag service=zon-web > zon-web.ndjson', 'ets export --from now-7d --output week.ndjson'),
    )
    .action(
      action<FilterOptions & { output?: string }>(async (options) => {
        const filter = filterOf(options);
        const out = options.output ? await openForWriting(options.output) : process.stdout;
        const count = await exportEvents(clientOf(options), filter, out);
        if (options.output) await new Promise<void>((resolve) => out.end(() => resolve()));
        process.stderr.write(`exported ${count} events\n`);
        return 0;
      }),
    );
}

/** A file to write, opened before any event is read: a path that cannot be written is a usage error, not a crash. */
function openForWriting(file: string): Promise<WriteStream> {
  const out = createWriteStream(file);
  return new Promise((resolve, reject) => {
    out
      .once('open', () => resolve(out))
      .once('error', (error) => reject(new UsageError(`cannot write ${file}: ${error.message}`)));
  });
}
