#!/usr/bin/env node
// Layer: cli (also a composition root: ets serve starts the server). Imports: src, store, config, domain.
/**
 * `ets`: the command line of ETS (commander). Exit codes scripts can trust: 0 done, 1 wrong
 * usage, 2 the server refused or could not be reached (or an import had failed lines).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { EtsError } from 'ets-client';
import { ConfigError } from '../config';
import { projectRoot } from '../config/paths';
import { collect, SERVER_RULE, UsageError } from './args';
import { examples, exitCodeOf } from './command';
import { addImportCommand } from './commands/import';
import { addReadCommands } from './commands/read';
import { addSendCommand } from './commands/send';
import { addServerCommands } from './commands/server';
import { addTokenCommand } from './commands/token';
import { TIME_FLAG_RULE } from './time-input';

export function version(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

const EXIT_CODES =
  'Exit codes: 0 done, 1 wrong usage, 2 refused by the server or not reached (or an import had failed lines).';

export function buildProgram(): Command {
  const program = new Command('ets')
    .description('ETS, the event tracking service: record and read operational change.')
    .usage('[--url URL] [--token TOKEN] COMMAND [options]   (these two flags may also come after COMMAND)')
    .option('-u, --url <url>', 'the ETS server (else ETS_URL, else http://127.0.0.1:4000)', collect)
    .option('--token <token>', 'an API token (else ETS_TOKEN)')
    .version(version(), '-V, --version', 'print the version of ets')
    .helpOption('-h, --help', 'this help, with examples')
    .helpCommand('help [command]', 'the help of a command, with examples')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'ets: ')) })
    .exitOverride()
    .addHelpText(
      'after',
      `\n${EXIT_CODES}\n${SERVER_RULE}\n\n${TIME_FLAG_RULE}\n` +
        examples(
          'ets send --id deploy-4711 --tag service=zon-web --tag status=pending --link ci=https://ci.example.com/4711',
          'ets send --id deploy-4711 --update --tag status=success',
          'ets query --tag service=zon-web --from now-1h',
          'ets --url https://ets.example.com help query',
        ),
    );
  addServerCommands(program);
  addSendCommand(program);
  addReadCommands(program);
  addImportCommand(program);
  addTokenCommand(program);
  forEachCommand(program, (command, names) => command.showHelpAfterError(hintFor(names)));
  return program;
}

function forEachCommand(command: Command, visit: (command: Command, names: string[]) => void, names: string[] = []) {
  visit(command, names);
  for (const sub of command.commands) forEachCommand(sub, visit, [...names, sub.name()]);
}

/** The names of a command and its subcommands, each checked. */
function commandPath(program: Command, names: string[]): string[] {
  let command = program;
  for (const [at, name] of names.entries()) {
    const next = command.commands.find((each) => each.name() === name);
    if (!next) throw new UsageError(`unknown command "${names.slice(0, at + 1).join(' ')}"`);
    command = next;
  }
  return names;
}

function hintFor(names: string[]): string {
  return names.length ? `(ets help ${names.join(' ')} lists its flags)` : '(ets help lists the commands)';
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    // commander's help command takes one name: `ets help token create` is `ets token create --help`.
    const args = argv[0] === 'help' && argv.length > 1 ? [...commandPath(program, argv.slice(1)), '--help'] : argv;
    await program.parseAsync(args, { from: 'user' });
    return exitCodeOf(program);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1; // commander said why
    if (error instanceof UsageError) {
      process.stderr.write(`ets: ${error.message}\n${hintFor(error.command?.split(' ') ?? [])}\n`);
      return 1;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`ets: ${error.message}\n`);
      return 1;
    }
    if (error instanceof EtsError) {
      process.stderr.write(`ets: ${error.code}${error.field ? ` (${error.field})` : ''}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** `ets query | head`: once the reader has gone, nobody wants the rest; end quietly, done. */
function endQuietlyOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
}

if (require.main === module) {
  process.stdout.on('error', endQuietlyOnClosedPipe);
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
