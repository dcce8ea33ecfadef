/**
 * The progress line of `ets import` on a terminal (cli-progress): lines done, rate, and time
 * left when the input's size is known. Off a terminal there is no progress line, only the
 * messages.
 */
import { MultiBar, type Params } from 'cli-progress';
import type { ImportReport } from './events-io';

export interface ImportProgress {
  /** After each batch: what is done, and how far into the input it is. */
  update(report: ImportReport, bytesRead: number): void;
  /** A message of its own line, above the progress line. */
  log(line: string): void;
  /** Takes the progress line away (the final summary is printed once, after it). */
  stop(): void;
}

export interface ProgressState {
  lines: number;
  elapsedMs: number;
  /** 0..1 of the input read; undefined when its size is unknown (a pipe) */
  done?: number;
  /** seconds left, as estimated from the recent rate */
  etaSeconds?: number;
}

const BAR_WIDTH = 20;

/** `[██████░░░░] 42% | 42,000 lines | 8,123 lines/s | 5s left` (the parts that are known). */
export function formatProgress({ lines, elapsedMs, done, etaSeconds }: ProgressState): string {
  const parts: string[] = [];
  if (done !== undefined) {
    const filled = Math.round(done * BAR_WIDTH);
    parts.push(`[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${Math.floor(done * 100)}%`);
  }
  parts.push(`${lines.toLocaleString('en-US')} lines`);
  if (elapsedMs > 0) parts.push(`${Math.round((lines * 1000) / elapsedMs).toLocaleString('en-US')} lines/s`);
  if (lines > 0 && done !== undefined && done < 1 && etaSeconds !== undefined && Number.isFinite(etaSeconds)) {
    parts.push(`${formatDuration(etaSeconds)} left`);
  }
  return parts.join(' | ');
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The progress of an import of `totalBytes` (undefined: unknown) told on `stream`. */
export function importProgress(stream: NodeJS.WriteStream, totalBytes: number | undefined): ImportProgress {
  if (!stream.isTTY) {
    return { update: () => {}, log: (line) => stream.write(`${line}\n`), stop: () => {} };
  }
  const bars = new MultiBar({
    stream,
    clearOnComplete: true,
    hideCursor: true,
    linewrap: false,
    etaBuffer: 20,
    format: (_options, params: Params, payload: { lines: number }) =>
      formatProgress({
        lines: payload.lines,
        elapsedMs: Date.now() - params.startTime,
        ...(totalBytes ? { done: params.progress, etaSeconds: Number(params.eta) } : {}),
      }),
  });
  // Without a known size the bar runs against 1 and only the line count moves.
  const bar = bars.create(totalBytes || 1, 0, { lines: 0 });
  return {
    update: (report, bytesRead) =>
      bar.update(totalBytes ? Math.min(bytesRead, totalBytes) : 0, { lines: report.lines }),
    log: (line) => bars.log(`${line}\n`),
    stop: () => {
      bars.update(); // writes the messages still waiting for a redraw
      bars.stop();
    },
  };
}
