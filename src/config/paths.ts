/** Where the project's own files are, whether running from src/ (tsx) or dist/src/ (node). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder above this file holding package.json. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
