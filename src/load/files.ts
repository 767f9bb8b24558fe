// Reading workspace files: file-system errors become positioned problems
// that say what is wrong; anything else is a bug and is left to surface as one.
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from '../model.js';
import type { Problems } from '../problems.js';
import { decodeText } from './text.js';

const at = (file: string): Position => ({ file, line: 1, column: 1 });

/**
 * A workspace file's bytes; null when it is missing (a problem unless
 * `optional`) or unreadable (always a problem, ending with `hint`).
 */
export function readBytes(root: string, file: string, problems: Problems, opts: { optional?: boolean; hint?: string } = {}): Uint8Array | null {
  try {
    return readFileSync(join(root, file));
  } catch (e) {
    const code = ioCode(e);
    if (code === 'ENOENT' && opts.optional) return null;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code})`;
    problems.error('unreadable', at(file), `${file} ${why}${opts.hint ?? ''}`);
    return null;
  }
}

/** A workspace file as UTF-8 text; null (with a problem) when it cannot be read or is not text, or is missing and `optional`. */
export function readText(root: string, file: string, problems: Problems, optional = false): string | null {
  const bytes = readBytes(root, file, problems, { optional });
  return bytes === null ? null : decodeText(bytes, file, problems);
}

/** The file names in a workspace directory, sorted; null when it cannot be listed (missing, not a directory, no permission). */
export function listDir(root: string, dir: string): string[] | null {
  return list(root, dir, (d) => d.isFile() || d.isSymbolicLink());
}

export function listSubdirs(root: string, dir: string): string[] | null {
  return list(root, dir, (d) => d.isDirectory());
}

function list(root: string, dir: string, keep: (d: Dirent) => boolean): string[] | null {
  try {
    return readdirSync(join(root, dir), { withFileTypes: true })
      .filter(keep)
      .map((d) => d.name)
      .sort();
  } catch (e) {
    ioCode(e);
    return null;
  }
}

/** The code of a file-system error; anything else is a bug and is rethrown, not reported as bad input. */
export function ioCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') throw e;
  return code;
}
