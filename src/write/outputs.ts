// The write edge: every output is produced in memory first, then written to a
// temporary file beside its target and renamed into place, so a failed or
// killed run leaves the previous outputs as they were.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Outputs = Map<string, string | Uint8Array>;

export class OutputError extends Error {}

const TEMP = /^\.(.+)\.tmp-\d+$/;

/**
 * Writes `files` (paths relative to `outDir`). `owned` lists subdirectories
 * whose .md/.docx files this run fully determines: stale ones are removed.
 */
export function writeOutputs(outDir: string, files: Outputs, owned: string[] = []): void {
  prepareDir(outDir);
  const temps: [string, string][] = [];
  try {
    for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const target = join(outDir, rel);
      prepareDir(dirname(target));
      const temp = join(dirname(target), `.${rel.split('/').pop()}.tmp-${process.pid}`);
      writeFileSync(temp, content);
      temps.push([temp, target]);
    }
  } catch (e) {
    for (const [temp] of temps) rmSync(temp, { force: true });
    throw new OutputError(`cannot write to ${outDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; check that it is a writable directory`);
  }
  for (const [temp, target] of temps) renameSync(temp, target);
  for (const dir of owned) {
    const abs = join(outDir, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs)) {
      if (/\.(md|docx)$/.test(name) && !files.has(`${dir}/${name}`)) rmSync(join(abs, name), { force: true });
    }
  }
}

function prepareDir(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new OutputError(`${dir} exists but is not a directory; move it away or choose another 'output:' in lsp-respond.yaml`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot create ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; check the permissions`);
  }
  // Temporary files of a run that was killed before it could rename them.
  for (const name of readdirSync(dir)) {
    if (TEMP.test(name) && lstatSync(join(dir, name)).isFile()) rmSync(join(dir, name), { force: true });
  }
}
