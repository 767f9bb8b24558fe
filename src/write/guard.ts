// Where outputs may go. A path is judged by where it really leads, not by how
// it is written: a symbolic link anywhere on the way could otherwise send a
// write or a deletion among the inputs or out of the workspace.
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { within } from '../core/paths.js';

export class OutputError extends Error {}

/** Where `path` really leads, resolving links in the part that exists; the part that does not is taken as written. */
export function realTarget(path: string): string {
  const missing: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(at) === at) throw e;
      missing.push(basename(at));
      at = dirname(at);
    }
  }
}

/**
 * Refuses a base directory for outputs that leads, through links, outside
 * the workspace or onto an input (either inside the other). `inputs` are
 * workspace-relative paths; those that do not exist are skipped.
 */
export function checkBase(root: string, dir: string, inputs: readonly string[], show: (p: string) => string): void {
  const realRoot = realpathSync(root);
  const real = realTarget(dir);
  if (real === realRoot) {
    throw new OutputError(
      `${show(dir)} leads to the workspace itself, through a symbolic link, where the inputs are; outputs go in a directory of their own: make ${show(dir)} a real directory`,
    );
  }
  if (!within(real, realRoot)) {
    throw new OutputError(
      `${show(dir)} leads outside the workspace (to ${real}), through a symbolic link; outputs stay inside the workspace: make ${show(dir)} a real directory of its own`,
    );
  }
  for (const input of inputs) {
    let realInput: string;
    try {
      realInput = realpathSync(join(root, input));
    } catch {
      continue;
    }
    if (within(real, realInput) || within(realInput, real)) {
      throw new OutputError(
        `${show(dir)} leads to ${relative(realRoot, real).split(sep).join('/') || '.'}, which holds or is the input ${input}; outputs never go among the inputs: make ${show(dir)} a real directory of its own`,
      );
    }
  }
}

/**
 * Makes `rel` (a relative directory) below `base` a directory, one component
 * at a time, refusing any component that is a link or not a directory, so no
 * write below it can leave `base`.
 */
export function realSubdir(base: string, rel: string, show: (p: string) => string): string {
  let at = base;
  for (const part of rel.split('/').filter((p) => p !== '' && p !== '.')) {
    at = join(at, part);
    const kind = kindOf(at);
    if (kind === 'missing') mkdirSync(at);
    else if (kind === 'link')
      throw new OutputError(
        `${show(at)} is a symbolic link; lsp-respond writes and deletes only in real directories: replace the link with a directory of its own`,
      );
    else if (kind !== 'directory')
      throw new OutputError(`${show(at)} exists but is not a directory; move it away so the outputs can be written`);
  }
  return at;
}

/** Refuses a directory whose files would be pruned when it is a link: deleting through it would reach elsewhere. */
export function refuseLink(path: string, show: (p: string) => string): void {
  if (kindOf(path) === 'link')
    throw new OutputError(
      `${show(path)} is a symbolic link; lsp-respond writes and deletes only in real directories: replace the link with a directory of its own`,
    );
}

export function kindOf(path: string): 'missing' | 'link' | 'directory' | 'file' | 'other' {
  try {
    const s = lstatSync(path);
    return s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
}

/** A file-system error in words a user can act on. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'part of the path is a file, not a directory';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  return code ?? (e as Error).message;
}
