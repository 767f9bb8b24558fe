// The record of what the tool wrote in an output directory. Only files
// named here are ever pruned, so a file someone else put there (or a link)
// is never deleted.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempName } from './temp.js';

export const MANIFEST_FILE = '.lsp-respond-outputs.json';

/** The paths (relative to `dir`, with '/') recorded as written; empty when there is no usable record. */
export function readManifest(dir: string): Set<string> {
  try {
    const data = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as unknown;
    return new Set(Array.isArray(data) ? data.filter((p): p is string => typeof p === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Replaces the record atomically, so a killed run leaves the old record or the new one. */
export function writeManifest(dir: string, paths: Iterable<string>): void {
  const temp = join(dir, tempName(MANIFEST_FILE));
  writeFileSync(temp, `${JSON.stringify([...new Set(paths)].sort(), null, 1)}\n`);
  renameSync(temp, join(dir, MANIFEST_FILE));
}
