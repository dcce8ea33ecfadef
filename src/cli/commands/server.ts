/** `ets serve` (its flags made from the configuration's table) and `ets backup`. */
import { Option, type Command } from 'commander';
import { ConfigError, loadConfig, SETTINGS } from '../../config';
import { UsageError } from '../args';
import { action, examples } from '../command';

/** The flag of a variable: `ETS_DATA_DIR` → `data-dir`, `MONGODB_URI` → `mongodb-uri`. */
export function flagOf(variable: string): string {
  return variable.replace(/^ETS_/, '').toLowerCase().replaceAll('_', '-');
}

/** One flag per variable of the configuration, described with its variable and default. */
export function serveFlags(): Array<{ variable: string; flag: string; option: Option }> {
  return Object.entries(SETTINGS).map(([variable, setting]) => ({
    variable,
    flag: flagOf(variable),
    option: new Option(`--${flagOf(variable)} <value>`, `${setting.meaning} [${variable}; default: ${setting.shown}]`),
  }));
}

export function addServerCommands(program: Command): void {
  const flags = serveFlags();
  const serve = program
    .command('serve')
    .summary('run the ETS server (settings by flag or variable: ets serve --help)')
    .description(
      'Run the ETS server until SIGINT or SIGTERM. Each setting is a flag or a variable; a flag overrides its variable.',
    );
  for (const { option } of flags) serve.addOption(option);
  serve
    .addHelpText(
      'after',
      examples(
        'ets serve',
        'ets serve --port 8080 --host 0.0.0.0 --data-dir /var/lib/ets',
        'ets serve --mongodb-uri "mongodb://db1,db2,db3/ets?replicaSet=rs0" --redis-url redis://cache:6379 --log-level warn',
      ),
    )
    .action(
      action<Record<string, string | undefined>>(async (options) => {
        const overrides: Record<string, string> = {};
        for (const { variable, option } of flags) {
          const value = options[option.attributeName()];
          if (value !== undefined) overrides[variable] = value;
        }
        try {
          loadConfig({ ...process.env, ...overrides }); // refused here, naming the flag, before anything starts
        } catch (error) {
          if (error instanceof ConfigError && error.variable in overrides) {
            throw new UsageError(`--${flagOf(error.variable)} (${error.variable}) ${error.rule}`);
          }
          throw error;
        }
        Object.assign(process.env, overrides);
        // Loaded here: the other commands are clients and need none of the server.
        const { runServer } = await import('../../main.js');
        await runServer();
        return new Promise<number>(() => {}); // runs until a signal stops the process
      }),
    );

  program
    .command('backup')
    .summary('copy the embedded store to FILE while the server keeps running (SQLite online backup)')
    .argument('<file>', 'the copy to write; it must not exist')
    .option('--data-dir <dir>', 'the data folder of the server (default: ETS_DATA_DIR, else ./data)')
    .addHelpText(
      'after',
      '\nTo restore: stop ETS, copy the backup to DIR/ets.sqlite (mode 0600), remove DIR/ets.sqlite-wal and\n' +
        'DIR/ets.sqlite-shm if they are there, and start ETS.\n' +
        examples('ets backup /backups/ets-$(date +%F).sqlite', 'ets backup ets.sqlite --data-dir /var/lib/ets'),
    )
    .action(
      action<{ dataDir?: string }>(async (options, [file]) => {
        const { backupDatabase } = await import('../../store/sqlite/database.js');
        const dataDir =
          options.dataDir ?? SETTINGS.ETS_DATA_DIR.read(process.env.ETS_DATA_DIR, 'ETS_DATA_DIR', process.env);
        try {
          const pages = await backupDatabase(dataDir, file as string);
          process.stderr.write(`backed up ${pages} pages of ${dataDir} to ${file}\n`);
          return 0;
        } catch (error) {
          process.stderr.write(`ets: backup failed: ${(error as Error).message}\n`);
          return 2;
        }
      }),
    );
}
