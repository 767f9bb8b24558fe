// The write edge: every output is produced in memory first, then written to a
// temporary file beside its target and renamed into place, so a failed or
// killed run leaves the previous outputs as they were.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkBase, kindOf, OutputError, realSubdir, reason, refuseLink } from './guard.js';
import { readManifest, writeManifest } from './manifest.js';
import { clearDebris, tempName } from './temp.js';

export { OutputError } from './guard.js';

export type Outputs = Map<string, string | Uint8Array>;

export interface StagingOptions {
  /** Workspace-relative inputs the directory must not lead onto, through links or otherwise. */
  inputs?: readonly string[];
  /**
   * Directories whose children, once written, are never written again
   * (rounds/N). A child is built under a temporary name and renamed into
   * place whole, so it exists complete or not at all.
   */
  sealed?: readonly string[];
  /** Keep a record of the files written, which is what pruning may delete (not among the inputs). */
  record?: boolean;
}

/**
 * Outputs are staged one by one as temporary files beside their targets, so a
 * run holds at most one rendered document in memory; `commit` renames them all
 * into place only when every one exists in full, so a failed or killed run
 * leaves old or new files, never half-written ones. `owned` lists
 * subdirectories whose .md/.docx files this run fully determines: files an
 * earlier run recorded there and this run did not write are removed on
 * commit. `root` is the workspace: the directory must lead to a place inside
 * it, and messages name paths as the user wrote them. No write or deletion
 * goes through a link: every directory below `outDir` must be a real one.
 */
export class Staging {
  private readonly staged = new Map<string, string>(); // relative path -> temporary file
  private readonly prepared = new Map<string, string>(); // relative directory -> its path
  private readonly sealedBefore = new Set<string>();
  private readonly sealedNew = new Map<string, string>(); // relative sealed child, e.g. rounds/2 -> its temporary directory
  private readonly show: (p: string) => string;

  constructor(
    private readonly outDir: string,
    private readonly owned: readonly string[] = [],
    root?: string,
    private readonly opts: StagingOptions = {},
  ) {
    this.show = (p) => (root ? relative(root, p).split(sep).join('/') || '.' : p);
    this.guard(() => {
      if (root) checkBase(root, outDir, opts.inputs ?? [], this.show);
      prepareBase(outDir, this.show);
      for (const dir of owned) refuseLink(join(outDir, dir), this.show);
      for (const dir of opts.sealed ?? []) {
        const abs = join(outDir, dir);
        refuseLink(abs, this.show);
        if (kindOf(abs) === 'directory') for (const child of readdirSync(abs)) this.sealedBefore.add(`${dir}/${child}`);
      }
    });
  }

  stage(rel: string, content: string | Uint8Array): void {
    this.guard(() => {
      const sealed = [...this.sealedBefore].find((s) => rel.startsWith(`${s}/`));
      if (sealed)
        throw new OutputError(
          `${this.show(join(this.outDir, sealed))} already exists, and what was circulated is never rewritten; nothing was written`,
        );
      const child = (this.opts.sealed ?? [])
        .map((dir) => new RegExp(`^${dir}/[^/]+/`).exec(rel)?.[0])
        .find((c) => c !== undefined);
      if (child !== undefined) {
        this.stageSealed(child.slice(0, -1), rel.slice(child.length), content);
        return;
      }
      const parts = rel.split('/');
      const name = parts.pop()!;
      const dir = this.prepare(parts.join('/'));
      const target = join(dir, name);
      const kind = kindOf(target);
      if (kind === 'directory')
        throw new OutputError(`${this.show(target)} is a directory; move it away so the output can be written`);
      if (kind === 'link')
        throw new OutputError(
          `${this.show(target)} is a symbolic link; lsp-respond does not write through links: delete it so the output can be written`,
        );
      if (kind === 'other')
        throw new OutputError(`${this.show(target)} is not a regular file; move it away so the output can be written`);
      const temp = join(dir, tempName(name));
      this.staged.set(rel, temp);
      writeFileSync(temp, content, { flag: 'wx' });
    });
  }

  /** A file of a new sealed child goes straight into the child's temporary directory, under its own name. */
  private stageSealed(child: string, rest: string, content: string | Uint8Array): void {
    let temp = this.sealedNew.get(child);
    if (temp === undefined) {
      const parts = child.split('/');
      const name = parts.pop()!;
      temp = join(this.prepare(parts.join('/')), tempName(name));
      mkdirSync(temp);
      this.sealedNew.set(child, temp);
    }
    const parts = rest.split('/');
    const name = parts.pop()!;
    const dir = realSubdir(temp, parts.join('/'), this.show);
    this.staged.set(`${child}/${rest}`, join(dir, name));
    writeFileSync(join(dir, name), content, { flag: 'wx' });
  }

  /** The staged paths, relative to the output directory, sorted. */
  paths(): string[] {
    return [...this.staged.keys()].sort();
  }

  /** Renames every staged file into place; returns their paths. */
  commit(): string[] {
    const paths = this.paths();
    const record = this.opts.record === true;
    this.guard(() => {
      const before = record ? readManifest(this.outDir) : new Set<string>();
      // Recorded first, so a run killed between renames leaves nothing it wrote unrecorded.
      if (record) writeManifest(this.outDir, [...before, ...paths]);
      const inSealed = (rel: string) => [...this.sealedNew.keys()].some((child) => rel.startsWith(`${child}/`));
      for (const rel of paths) if (!inSealed(rel)) renameSync(this.staged.get(rel)!, join(this.outDir, rel));
      // Last: for circulate, the round appearing is the moment it is circulated. A child that appeared meanwhile is not replaced (rename fails).
      for (const [child, temp] of this.sealedNew) {
        if (kindOf(join(this.outDir, child)) !== 'missing')
          throw new OutputError(
            `${this.show(join(this.outDir, child))} appeared while this run was writing, and what was circulated is never rewritten; run the command again`,
          );
        renameSync(temp, join(this.outDir, child));
      }
      this.sealedNew.clear();
      this.staged.clear();
      const kept = new Set(paths);
      for (const rel of before) {
        const abs = join(this.outDir, rel);
        if (kept.has(rel) || kindOf(abs) !== 'file') continue;
        const owner = this.owned.find((dir) => rel.startsWith(`${dir}/`) && !rel.slice(dir.length + 1).includes('/'));
        if (owner !== undefined && /\.(md|docx)$/.test(rel)) rmSync(abs, { force: true });
        else kept.add(rel);
      }
      if (record) writeManifest(this.outDir, kept);
    });
    return paths;
  }

  /** Removes every staged temporary file; the previous outputs stay as they were. */
  discard(): void {
    for (const temp of this.staged.values()) rmSync(temp, { force: true });
    for (const temp of this.sealedNew.values()) rmSync(temp, { recursive: true, force: true });
    this.staged.clear();
    this.sealedNew.clear();
  }

  /** Runs a file-system step; on failure nothing staged survives and the error says what to do. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (e) {
      this.discard();
      if (e instanceof OutputError) throw e;
      throw new OutputError(
        `cannot write to ${this.show(this.outDir)}: ${reason(e)}; check that it is a writable directory`,
      );
    }
  }

  /** Each directory is prepared (and cleared of a killed run's temporary files) once. */
  private prepare(rel: string): string {
    let dir = this.prepared.get(rel);
    if (dir === undefined) {
      dir = realSubdir(this.outDir, rel, this.show);
      clearDebris(dir);
      this.prepared.set(rel, dir);
    }
    return dir;
  }
}

/** Writes `files` (paths relative to `outDir`) all or nothing; see Staging. */
export function writeOutputs(
  outDir: string,
  files: Outputs,
  owned: string[] = [],
  root?: string,
  opts: StagingOptions = {},
): void {
  const staging = new Staging(outDir, owned, root, opts);
  for (const [rel, content] of files) staging.stage(rel, content);
  staging.commit();
}

function prepareBase(dir: string, show: (p: string) => string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new OutputError(
      `${show(dir)} exists but is not a directory; move it away or choose another 'output:' in lsp-respond.yaml`,
    );
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(
      `cannot create the directory ${show(dir)}: ${reason(e)}; choose another 'output:' in lsp-respond.yaml or fix the permissions`,
    );
  }
  clearDebris(dir);
}
