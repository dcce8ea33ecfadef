/** What the commands share: their action wrapper and exit code, the client, the filter flags, output. */
import type { Command } from 'commander';
import { EtsClient, type EventFilter } from 'ets-client';
import { collect, pairs, serverUrl, UsageError } from './args';
import { parseTimeFlag } from './time-input';

/** The flags every command takes, before or after its name. */
export interface GlobalOptions {
  url?: string[];
  token?: string;
}

const exitCodes = new WeakMap<Command, number>();

/** The commands from the program down to `command`: [ets, token, create]. */
function lineOf(command: Command): Command[] {
  return command.parent ? [...lineOf(command.parent), command] : [command];
}

/** The exit code the command that ran under `program` asked for (0 when none did). */
export function exitCodeOf(program: Command): number {
  return exitCodes.get(program) ?? 0;
}

/**
 * A commander action from a function of the command's options (its own and the global
 * ones) and arguments, returning the exit code.
 */
export function action<O extends object>(
  run: (options: O & GlobalOptions, args: string[], command: Command) => Promise<number>,
): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const command = args.at(-1) as Command;
    const [root, ...names] = lineOf(command);
    try {
      exitCodes.set(root as Command, await run(command.optsWithGlobals<O & GlobalOptions>(), command.args, command));
    } catch (error) {
      if (error instanceof UsageError) error.command ??= names.map((each) => each.name()).join(' ');
      throw error;
    }
  };
}

export function clientOf(options: GlobalOptions): EtsClient {
  const token = options.token ?? process.env.ETS_TOKEN;
  const url = serverUrl(options.url, process.env.ETS_URL);
  return new EtsClient(token ? { url, token } : { url });
}

/** One line to standard output (a closed pipe ends the process quietly: see ets.ts). */
export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export interface FilterOptions {
  tag?: string[];
  exclude?: string[];
  from?: string;
  to?: string;
  parent?: string;
  search?: string;
  updated?: boolean;
}

/** The flags of `events`' filter, as query, tail and export take them. */
export function withFilterOptions(command: Command): Command {
  return command
    .option('-t, --tag <key=value>', 'only events with this tag (keys: all of them; values of one key: any)', collect)
    .option('--exclude <key=value>', 'leave out events with this tag', collect)
    .option('--from <time>', 'events that end at or after this time (see Times)')
    .option('--to <time>', 'events that start before this time')
    .option('--updated', '--from and --to are about the last change, not the event')
    .option('--parent <id>', 'only the direct children of this event')
    .option('--search <text>', 'text in the description (case-insensitive)');
}

export function filterOf(options: FilterOptions, now = new Date()): EventFilter {
  const filter: EventFilter = {};
  if (options.tag) filter.tags = pairs(options.tag, 'tag');
  if (options.exclude) filter.excludeTags = pairs(options.exclude, 'exclude');
  if (options.from !== undefined) filter.from = parseTimeFlag(options.from, '--from', now);
  if (options.to !== undefined) filter.to = parseTimeFlag(options.to, '--to', now);
  if (options.parent) filter.parentId = options.parent;
  if (options.search) filter.search = options.search;
  if (options.updated) filter.timeField = 'UPDATE';
  return filter;
}

/** Help's examples block. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
