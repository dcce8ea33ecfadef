/** Runs the `ets` command as a subprocess, as a user would. */
import { spawn } from 'node:child_process';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runEts(
  args: string[],
  options: { url: string; stdin?: string; node?: string[]; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(options.node ?? []), '--import', 'tsx', 'src/cli/ets.ts', ...args], {
      env: { ...process.env, ETS_URL: options.url, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
