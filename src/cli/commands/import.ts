/** `ets import`: events from NDJSON, each bad line reported by its number and the rest going on. */
import { createReadStream, fstatSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { UsageError } from '../args';
import { action, clientOf, examples } from '../command';
import { importEvents, type ImportReport } from '../events-io';
import { importProgress } from '../import-progress';

function summary(r: ImportReport): string {
  return `${r.lines} lines: ${r.created} created, ${r.merged} merged, ${r.skipped} skipped, ${r.failed} failed`;
}

/** The input's size when it is a file (also a file given as standard input), for the time left. */
function sizeOf(file: string): number | undefined {
  try {
    const stats = file === '-' ? fstatSync(0) : statSync(file);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

export function addImportCommand(program: Command): void {
  program
    .command('import')
    .summary('create events from NDJSON; each failed line is reported and the rest go on')
    .argument('<file>', 'an NDJSON file (as ets export writes it), or - for standard input')
    .addOption(
      new Option('--on-conflict <what>', 'an event whose id exists: skip it, or merge into it')
        .choices(['skip', 'merge'])
        .default('skip'),
    )
    .option('-v, --verbose', 'also name each skipped event, by line')
    .addHelpText(
      'after',
      '\nOn a terminal a progress line shows the lines done, the rate and the time left; the summary comes last.\n' +
        'Exit code 2 when a line failed.\n' +
        examples(
          'ets import zon-web.ndjson',
          'ets import zon-web.ndjson --on-conflict merge --verbose',
          'ets export --url http://old:4000 | ets import - --url http://new:4000',
        ),
    )
    .action(
      action<{ onConflict: 'skip' | 'merge'; verbose?: boolean }>(async (options, [file]) => {
        if (!file) throw new UsageError('ets import needs a file, or - for standard input');
        const client = clientOf(options);
        const input = file === '-' ? process.stdin : createReadStream(file);
        const opened = new Promise<void>((resolve, reject) => {
          if (file === '-') resolve();
          else input.once('open', () => resolve()).once('error', reject);
        });
        await opened.catch((error: Error) => {
          throw new UsageError(`cannot read ${file}: ${error.message}`);
        });
        const progress = importProgress(process.stderr, sizeOf(file));
        let report: ImportReport;
        try {
          report = await importEvents(client, input, {
            onConflict: options.onConflict,
            fail: (line, message) => progress.log(`line ${line}: ${message}`),
            skip: (line, id) => {
              if (options.verbose) progress.log(`line ${line}: skipped "${id}": it exists`);
            },
            progress: (done, bytes) => progress.update(done, bytes),
          });
        } finally {
          progress.stop();
        }
        process.stderr.write(`${summary(report)}\n`);
        return report.failed > 0 ? 2 : 0;
      }),
    );
}
