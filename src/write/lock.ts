// One writing run at a time per workspace: a lock file in the output
// directory, naming the process that holds it. A second run waits a little,
// then says who holds it and what to do; a lock whose process is gone (a run
// that was killed) is taken over.
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { checkBase, OutputError, reason } from './guard.js';
import { tempName } from './temp.js';

export const LOCK_FILE = '.lsp-respond.lock';

/** How long a run waits for another to finish before it gives up (ms). */
const WAIT_MS = 5_000;
const POLL_MS = 100;

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export interface Lock {
  release(): void;
}

/**
 * Takes the lock of the workspace `root`, in its output directory `output`
 * (relative), which must lead to a place of its own inside the workspace,
 * away from `inputs`. A directory made only to hold the lock is removed again
 * on release if nothing was written in it, so a run that fails writes nothing.
 */
export function lockOutputs(root: string, output: string, inputs: readonly string[]): Lock {
  const dir = join(root, output);
  const show = (p: string) => relative(root, p).split(sep).join('/') || '.';
  try {
    checkBase(root, dir, inputs, show);
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw new OutputError(
      `cannot use ${show(dir)} for the outputs: ${reason(e)}; choose another 'output:' in lsp-respond.yaml or fix the permissions`,
    );
  }
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new OutputError(
      `${show(dir)} exists but is not a directory; move it away or choose another 'output:' in lsp-respond.yaml`,
    );
  let made: string | undefined;
  try {
    made = mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(
      `cannot create the directory ${show(dir)}: ${reason(e)}; choose another 'output:' in lsp-respond.yaml or fix the permissions`,
    );
  }
  let held: Lock;
  try {
    held = lock(dir, show);
  } catch (e) {
    unmake(dir, made);
    if (e instanceof OutputError) throw e;
    throw new OutputError(`cannot write to ${show(dir)}: ${reason(e)}; check that it is a writable directory`);
  }
  return {
    release: () => {
      held.release();
      unmake(dir, made);
    },
  };
}

/** Removes the directories from `dir` up to `made` (the first one mkdir created), as long as they are empty. */
function unmake(dir: string, made: string | undefined): void {
  if (made === undefined) return;
  for (let at = dir; ; at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return;
    }
    if (at === made) return;
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Takes the lock of `dir` (an existing output directory). The file is written
 * in full under a temporary name and linked into place, so a lock is never
 * seen half-written, and linking fails when another run holds it. Waiting
 * blocks: nothing else is going on while a command waits to start writing.
 */
function lock(dir: string, show: (p: string) => string): Lock {
  const path = join(dir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const content = `${JSON.stringify(mine)}\n`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (tryLink(path, content)) return { release: () => releaseIfMine(path, content) };
    const holder = readHolder(path);
    if (holder && isGone(holder)) {
      takeOverStale(path, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder
        ? `process ${holder.pid}${holder.host === mine.host ? '' : ` on ${holder.host}`}, since ${holder.since}`
        : 'another process';
      throw new OutputError(
        `${show(dir)} is in use by another lsp-respond run (${who}); wait for it to finish and run this again. If no run is going, delete ${show(path)}`,
      );
    }
    Atomics.wait(pause, 0, 0, POLL_MS);
  }
}

function tryLink(path: string, content: string): boolean {
  const temp = join(path, '..', tempName(LOCK_FILE));
  writeFileSync(temp, content);
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT, some shares): create it exclusively instead; it is empty only for an instant, and an unreadable lock is waited for, not taken over.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return tryCreate(path, content);
    throw e;
  } finally {
    rmSync(temp, { force: true });
  }
}

function tryCreate(path: string, content: string): boolean {
  try {
    writeFileSync(path, content, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function readHolder(path: string): Holder | null {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.since === 'string'
      ? (data as Holder)
      : null;
  } catch {
    return null;
  }
}

/** A holder on this machine whose process no longer exists. One on another machine (a shared drive) cannot be judged, so it is waited for. */
function isGone(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves a dead run's lock aside and deletes it. Two runs may find the same
 * stale lock; the one that moves it second may have moved the first one's
 * fresh lock instead, so what was moved is checked, and a live lock put back.
 */
function takeOverStale(path: string, stale: Holder): void {
  const aside = join(path, '..', tempName(LOCK_FILE));
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      linkSync(aside, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  rmSync(aside, { force: true });
}

function releaseIfMine(path: string, content: string): void {
  try {
    if (readFileSync(path, 'utf8') === content) rmSync(path, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
