/**
 * NDJSON export and import with bounded memory: export writes page by page; import reads
 * line by line and sends batches one after another, reporting each failed line by number.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type EtsClient, type EventData, type EventFilter, type EventInput } from 'ets-client';

const BATCH = 500;
const INPUT_FIELDS = [
  'id',
  'parentId',
  'sourceId',
  'startTime',
  'endTime',
  'description',
  'detailUrls',
  'tags',
] as const;

export async function exportEvents(client: EtsClient, filter: EventFilter, out: Writable): Promise<number> {
  let count = 0;
  for await (const event of client.list(filter)) {
    if (!out.write(`${JSON.stringify(event)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
    count++;
  }
  return count;
}

export interface ImportReport {
  lines: number;
  created: number;
  merged: number;
  skipped: number;
  failed: number;
}

/** What a line of an export holds that a write accepts (server-set fields are left out). */
function toInput(line: string): EventInput {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
  const event = parsed as Partial<EventData>;
  const input: Record<string, unknown> = {};
  for (const field of INPUT_FIELDS) if (event[field] !== undefined) input[field] = event[field];
  return input as EventInput;
}

export interface ImportHooks {
  onConflict: 'skip' | 'merge';
  /** A line that was not imported, by its number in the input (from 1), and why. */
  fail(line: number, message: string): void;
  /** A line skipped because its id exists (--on-conflict skip). */
  skip(line: number, id: string): void;
  /** After each batch: what was done, and how many bytes of the input were read. */
  progress(report: ImportReport, bytesRead: number): void;
}

/** A server message about one event of a batch, about the line instead ("events[3].startTime: …" → "startTime: …"). */
function aboutTheLine(message: string): string {
  return message.replace(/^events?(\[\d+\])?\./, '');
}

export async function importEvents(client: EtsClient, input: Readable, hooks: ImportHooks): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, created: 0, merged: 0, skipped: 0, failed: 0 };
  let batch: Array<{ line: number; event: EventInput }> = [];
  let bytesRead = 0;

  const failed = (line: number, message: string) => {
    report.failed++;
    hooks.fail(line, aboutTheLine(message));
  };
  const flush = async () => {
    const sent = batch;
    batch = [];
    const results = sent.length === 0 ? [] : await client.createMany(sent.map((item) => item.event));
    for (const result of results) {
      const item = sent[result.index] as { line: number; event: EventInput };
      if ('event' in result) report.created++;
      else if (result.error.code === 'CONFLICT' && hooks.onConflict === 'skip') {
        report.skipped++;
        hooks.skip(item.line, item.event.id ?? '');
      } else if (result.error.code === 'CONFLICT') {
        try {
          await client.merge(item.event, { upsert: true });
          report.merged++;
        } catch (error) {
          failed(item.line, (error as Error).message);
        }
      } else failed(item.line, result.error.message);
    }
    hooks.progress(report, bytesRead);
  };

  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    report.lines++;
    bytesRead += Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    try {
      batch.push({ line: report.lines, event: toInput(text) });
    } catch (error) {
      failed(report.lines, `not an event: ${(error as Error).message}`);
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}
