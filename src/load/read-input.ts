// Reading one input file without being led astray: only a regular file is
// read (a FIFO would block, a device never end), its size is taken from the
// opened file before a byte is read, and a link is followed only to a file
// inside the workspace.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { within } from '../core/paths.js';

/** A file lsp-respond will not read; the message completes "<file> ...". */
export class InputRefused extends Error {}

/**
 * The bytes of the file at `path`. With `workspace`, the file must really be
 * inside it (a link to a file inside it is followed; one leading out is
 * refused). File-system errors (ENOENT, EACCES, EISDIR) are thrown as they
 * are, for the caller to word.
 */
export function readInput(path: string, opts: { workspace: string | null; limit: number }): Buffer {
  let target = path;
  if (opts.workspace !== null) {
    target = realpathSync(path);
    if (!within(target, realpathSync(opts.workspace))) {
      throw new InputRefused(
        `is a link to ${target}, outside the workspace; lsp-respond reads nothing outside the workspace: copy the file into it instead`,
      );
    }
  }
  refuseSpecial(statSync(target));
  // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer.
  const fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    refuseSpecial(stats);
    if (stats.size > opts.limit) {
      throw new InputRefused(
        `is ${megabytes(stats.size)} MB, more than the ${megabytes(opts.limit)} MB lsp-respond reads from one file; this cannot be a file it needs`,
      );
    }
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** Checked before opening (a socket cannot be opened) and again on the opened file (it may have been swapped). */
function refuseSpecial(stats: Stats): void {
  if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!stats.isFile())
    throw new InputRefused(
      `is ${kind(stats)}, not a regular file; lsp-respond reads only regular files: put the file itself there`,
    );
}

function kind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

function megabytes(bytes: number): string {
  return (bytes / 1048576).toFixed(1).replace(/\.0$/, '');
}
