/** Files that do not change while the server runs (installed packages, hashed build output), read once. */
import { readFile } from 'node:fs/promises';

export class FileCache {
  private readonly files = new Map<string, Promise<Buffer>>();

  /** The file's content; a file that cannot be read is not remembered, and the error is thrown. */
  read(path: string): Promise<Buffer> {
    let content = this.files.get(path);
    if (!content) {
      content = readFile(path);
      this.files.set(path, content);
      content.catch(() => this.files.delete(path));
    }
    return content;
  }
}
