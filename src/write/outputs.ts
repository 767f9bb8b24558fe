// The write edge: every output is produced in memory first, then written to a
// temporary file beside its target and renamed into place, so a failed or
// killed run leaves the previous outputs as they were.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export type Outputs = Map<string, string | Uint8Array>;

export class OutputError extends Error {}

const TEMP = /^\.(.+)\.tmp-\d+$/;

/**
 * Outputs are staged one by one as temporary files beside their targets, so a
 * run holds at most one rendered document in memory; `commit` renames them all
 * into place only when every one exists in full, so a failed or killed run
 * leaves old or new files, never half-written ones. `owned` lists
 * subdirectories whose .md/.docx files this run fully determines: stale ones
 * are removed on commit. `root` is the workspace, so messages name paths as
 * the user wrote them.
 */
export class Staging {
  private readonly staged = new Map<string, string>(); // relative path -> temporary file
  private readonly prepared = new Set<string>();
  private readonly show: (p: string) => string;

  constructor(
    private readonly outDir: string,
    private readonly owned: readonly string[] = [],
    root?: string,
  ) {
    this.show = (p) => (root ? relative(root, p).split(sep).join('/') || '.' : p);
    this.guard(() => this.prepare(outDir));
  }

  stage(rel: string, content: string | Uint8Array): void {
    this.guard(() => {
      const target = join(this.outDir, rel);
      this.prepare(dirname(target));
      if (existsSync(target) && lstatSync(target).isDirectory()) throw new OutputError(`${this.show(target)} is a directory; move it away so the output can be written`);
      const temp = join(dirname(target), `.${rel.split('/').pop()}.tmp-${process.pid}`);
      this.staged.set(rel, temp);
      writeFileSync(temp, content);
    });
  }

  /** The staged paths, relative to the output directory, sorted. */
  paths(): string[] {
    return [...this.staged.keys()].sort();
  }

  /** Renames every staged file into place; returns their paths. */
  commit(): string[] {
    const paths = this.paths();
    this.guard(() => {
      for (const rel of paths) renameSync(this.staged.get(rel)!, join(this.outDir, rel));
    });
    for (const dir of this.owned) {
      const abs = join(this.outDir, dir);
      if (!existsSync(abs)) continue;
      for (const name of readdirSync(abs)) {
        if (/\.(md|docx)$/.test(name) && !this.staged.has(`${dir}/${name}`)) rmSync(join(abs, name), { force: true });
      }
    }
    this.staged.clear();
    return paths;
  }

  /** Removes every staged temporary file; the previous outputs stay as they were. */
  discard(): void {
    for (const temp of this.staged.values()) rmSync(temp, { force: true });
    this.staged.clear();
  }

  /** Runs a file-system step; on failure nothing staged survives and the error says what to do. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (e) {
      this.discard();
      if (e instanceof OutputError) throw e;
      throw new OutputError(`cannot write to ${this.show(this.outDir)}: ${reason(e)}; check that it is a writable directory`);
    }
  }

  /** Each directory is prepared (and cleared of stale temporary files) once: again would delete this run's own. */
  private prepare(dir: string): void {
    if (this.prepared.has(dir)) return;
    prepareDir(dir, this.show);
    this.prepared.add(dir);
  }
}

/** Writes `files` (paths relative to `outDir`) all or nothing; see Staging. */
export function writeOutputs(outDir: string, files: Outputs, owned: string[] = [], root?: string): void {
  const staging = new Staging(outDir, owned, root);
  for (const [rel, content] of files) staging.stage(rel, content);
  staging.commit();
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
