// The write edge: every output is produced in memory first, then written to a
// temporary file beside its target and renamed into place, so a failed or
// killed run leaves the previous outputs as they were.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export type Outputs = Map<string, string | Uint8Array>;

export class OutputError extends Error {}

const TEMP = /^\.(.+)\.tmp-\d+$/;

/**
 * Writes `files` (paths relative to `outDir`). `owned` lists subdirectories
 * whose .md/.docx files this run fully determines: stale ones are removed.
 * `root` is the workspace, so messages name paths as the user wrote them.
 */
export function writeOutputs(outDir: string, files: Outputs, owned: string[] = [], root?: string): void {
  const show = (p: string) => (root ? relative(root, p).split(sep).join('/') || '.' : p);
  // Each directory is prepared (and cleared of stale temporary files) once:
  // clearing it again per file would delete this run's own temporary files.
  const prepared = new Set<string>();
  const prepare = (dir: string) => {
    if (prepared.has(dir)) return;
    prepareDir(dir, show);
    prepared.add(dir);
  };
  prepare(outDir);
  const temps: [string, string][] = [];
  const discard = () => {
    for (const [temp] of temps) rmSync(temp, { force: true });
  };
  try {
    for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const target = join(outDir, rel);
      prepare(dirname(target));
      if (existsSync(target) && lstatSync(target).isDirectory()) throw new OutputError(`${show(target)} is a directory; move it away so the output can be written`);
      const temp = join(dirname(target), `.${rel.split('/').pop()}.tmp-${process.pid}`);
      temps.push([temp, target]);
      writeFileSync(temp, content);
    }
  } catch (e) {
    discard();
    if (e instanceof OutputError) throw e;
    throw new OutputError(`cannot write to ${show(outDir)}: ${reason(e)}; check that it is a writable directory`);
  }
  // Renames only start once every output exists in full, so a killed run leaves old or new files, never half-written ones.
  try {
    for (const [temp, target] of temps) renameSync(temp, target);
  } catch (e) {
    discard();
    throw new OutputError(`cannot write to ${show(outDir)}: ${reason(e)}; check that it is a writable directory`);
  }
  for (const dir of owned) {
    const abs = join(outDir, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs)) {
      if (/\.(md|docx)$/.test(name) && !files.has(`${dir}/${name}`)) rmSync(join(abs, name), { force: true });
    }
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'part of the path is a file, not a directory';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  return code ?? (e as Error).message;
}

function prepareDir(dir: string, show: (p: string) => string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new OutputError(`${show(dir)} exists but is not a directory; move it away or choose another 'output:' in lsp-respond.yaml`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot create the directory ${show(dir)}: ${reason(e)}; choose another 'output:' in lsp-respond.yaml or fix the permissions`);
  }
  // Temporary files of a run that was killed before it could rename them.
  try {
    for (const name of readdirSync(dir)) {
      if (TEMP.test(name) && lstatSync(join(dir, name)).isFile()) rmSync(join(dir, name), { force: true });
    }
  } catch (e) {
    throw new OutputError(`cannot write to ${show(dir)}: ${reason(e)}; check that it is a writable directory`);
  }
}
