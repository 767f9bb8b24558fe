// Temporary files: unique to the run and to the call, so two runs (or two
// stagings of one run) never delete each other's; the process id in the
// name tells a killed run's debris from a live run's files.
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const TEMP = /^\..+\.tmp-(\d+)(?:-[0-9a-f]+)?$/;

/** A hidden name beside `base` for a temporary file of this process. */
export function tempName(base: string): string {
  return `.${base}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Deletes the temporary files (and directories) in `dir` left by processes that no longer exist; never a link. */
export function clearDebris(dir: string): void {
  for (const name of readdirSync(dir)) {
    const m = TEMP.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    const stats = lstatSync(join(dir, name));
    if (stats.isFile() || stats.isDirectory()) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
