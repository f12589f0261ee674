import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Thrown when the name is taken: the caller picks another. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
    this.name = 'FileExistsError';
  }
}

/**
 * Writes `text` to `path` only if nothing is there yet, atomically: readers see the whole file or
 * none. The text goes to a temp file first (synced), which is then hard-linked to its name; a link
 * never replaces an existing file, so two exports racing for one name cannot overwrite each other.
 * Where hard links are not allowed (some mounted file systems), a check and a rename stand in.
 */
export function writeNewFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(path);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      if (existsSync(path)) throw new FileExistsError(path);
      renameSync(tmp, path);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
