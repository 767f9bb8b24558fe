// Reading workspace files: file-system errors become positioned problems
// that say what is wrong; anything else is a bug and is left to surface as one.
import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { decodeText } from './text.js';
import { InputRefused, readInput } from './read-input.js';

/** More than any input needs (a response stops at 1 MB, a Word file at 50 MB); beyond it a file is not even read. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const at = (file: string): Position => ({ file, line: 1, column: 1 });

/**
 * A workspace file's bytes; null when it is missing (a problem unless
 * `optional`) or unreadable (always a problem, ending with `hint`). Only a
 * regular file inside the workspace is read (see readInput).
 */
export function readBytes(
  root: string,
  file: string,
  problems: Problems,
  opts: { optional?: boolean; hint?: string } = {},
): Uint8Array | null {
  try {
    return readInput(join(root, file), { workspace: root, limit: MAX_INPUT_BYTES });
  } catch (e) {
    if (e instanceof InputRefused) {
      problems.error('unreadable', at(file), `${file} ${e.message}${opts.hint ?? ''}`);
      return null;
    }
    const code = ioCode(e);
    if (code === 'ENOENT' && opts.optional) return null;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : code === 'EACCES'
            ? 'cannot be read (permission denied)'
            : `cannot be read (${code})`;
    problems.error('unreadable', at(file), `${file} ${why}${opts.hint ?? ''}`);
    return null;
  }
}

/** A workspace file as UTF-8 text; null (with a problem) when it cannot be read or is not text, or is missing and `optional`. */
export function readText(root: string, file: string, problems: Problems, optional = false): string | null {
  const bytes = readBytes(root, file, problems, { optional });
  return bytes === null ? null : decodeText(bytes, file, problems);
}

/**
 * The names in a workspace directory that are not directories, sorted; null
 * when it cannot be listed (missing, not a directory, no permission). Links,
 * pipes and devices are listed, so that reading them says what they are.
 */
export function listDir(root: string, dir: string): string[] | null {
  return list(root, dir, (d) => !d.isDirectory());
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
