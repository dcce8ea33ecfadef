/** Runs the `ets` command as a subprocess, as a user would. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface EtsOptions {
  url: string;
  /** Node's own flags, e.g. a heap limit */
  node?: string[];
  env?: NodeJS.ProcessEnv;
}

/** `ets` started, talking to `url`. */
export function spawnEts(args: string[], options: EtsOptions): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...(options.node ?? []), '--import', 'tsx', 'src/cli/ets.ts', ...args], {
    env: { ...process.env, ETS_URL: options.url, ...options.env },
  });
}

/** `ets` run to its end, with what it printed. */
export function runEts(args: string[], options: EtsOptions & { stdin?: string }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawnEts(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
