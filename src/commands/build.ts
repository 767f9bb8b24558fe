// draft and merge: check, then render each planned document in each format
// and stage it; only when everything was produced are the outputs renamed
// into place, so a failed run writes nothing.
import { dirname, join, relative } from 'node:path';
import { OWNED, plan, type BuildCommand, type Format } from '../compose/plan.js';
import { report as reportJson } from '../compose/report.js';
import { REFERENCE_FILE, referenceProblem } from '../load/house-style.js';
import type { Position } from '../model.js';
import { runCheck } from '../pipeline.js';
import { exitCodeFor, type Problem } from '../problems.js';
import { ReferenceDocError } from '../render/docx/reference.js';
import { WRITERS } from '../render/writers.js';
import { OutputError, Staging } from '../write/outputs.js';
import { type Env, report } from './env.js';
import { summary } from './summary.js';

export async function build(env: Env, what: BuildCommand, opts: { allowIncomplete: boolean; docx: boolean }): Promise<number> {
  const { problems, ws, result } = runCheck(env.root, env.today, { partners: false, completeness: what === 'merge' });
  if (!ws || !result || problems.hasInputErrors()) return report(env, problems.sorted());
  if (exitCodeFor(problems.list, false) === 1 && !opts.allowIncomplete) {
    report(env, problems.sorted());
    env.stderr(`nothing written: the response is incomplete. Fix the problems above, or run 'lsp-respond merge --allow-incomplete' to write "No collective response" for unanswered questions\n`);
    return 1;
  }
  // Asked for: an unanswered question is then worth a warning, not an error.
  const shown: Problem[] = problems.sorted().map((p) => (p.kind === 'completeness' ? { ...p, severity: 'warning' } : p));
  const configAt: Position = ws.config.at?.output ?? { file: ws.config.file ?? 'lsp-respond.yaml', line: 1, column: 1 };
  const formats = new Set<Format>(opts.docx ? ['md', 'docx'] : ['md']);
  const outDir = join(env.root, ws.config.output);

  // Once per place: the same unrenderable thing may occur in many documents and many times in one.
  const said = new Set<string>();
  let staging: Staging | undefined;
  let written: string[];
  try {
    staging = new Staging(outDir, OWNED[what], env.root);
    // Built, rendered and staged one at a time: at a thousand partners each
    // document tree and its DOCX object graph take hundreds of MiB.
    for (const planned of plan(what, ws, result, ws.style.style.cover, formats)) {
      const doc = planned.build();
      const toRoot = relative(dirname(join(outDir, planned.name)), env.root).split('\\').join('/') || '.';
      for (const format of planned.formats) {
        const output = `${ws.config.output}/${planned.name}.${format}`;
        const warn = (message: string, at?: Position) => {
          const where = at ?? { file: output, line: 1, column: 1 };
          const key = `${where.file}:${where.line}:${where.column}:${message}`;
          if (said.has(key)) return;
          said.add(key);
          shown.push({ severity: 'warning', kind: 'input', code: 'docx', message, ...where });
        };
        staging.stage(`${planned.name}.${format}`, await WRITERS[format]({ doc, toRoot, style: ws.style, images: ws.images, warn }));
      }
    }
    if (what === 'merge') staging.stage('report.json', reportJson(ws, result));
    written = staging.commit();
  } catch (e) {
    staging?.discard();
    if (e instanceof ReferenceDocError) {
      return report(env, [...shown, { severity: 'error', kind: 'input', code: 'reference-docx', message: referenceProblem(e.message), file: REFERENCE_FILE, line: 1, column: 1 }]);
    }
    if (e instanceof OutputError) return report(env, [...shown, { severity: 'error', kind: 'input', code: 'output', message: e.message, ...configAt }]);
    throw e;
  }
  report(env, shown);
  if (!env.quiet) env.stdout(`${summary(ws.config.output, written)}\n`);
  return 0;
}
