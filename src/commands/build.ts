// draft and merge: check, compose the documents, render them, write them
// atomically. Nothing is written unless everything was produced.
import { dirname, join, relative } from 'node:path';
import { draftDocument, removedDocument, responseDocument, separateDocument, separatePartners } from '../compose/documents.js';
import { report as reportJson } from '../compose/report.js';
import type { DocumentModel } from '../document.js';
import { runCheck } from '../pipeline.js';
import { exitCodeFor, type Problem } from '../problems.js';
import { renderMarkdown } from '../render/markdown.js';
import { OutputError, type Outputs, writeOutputs } from '../write/outputs.js';
import { type Env, report } from './env.js';
import { ReferenceDocError } from '../render/docx/reference.js';
import { type HouseStyle, REFERENCE_FILE, referenceProblem } from '../load/house-style.js';

export async function build(env: Env, what: 'draft' | 'merge', opts: { allowIncomplete: boolean; docx: boolean }): Promise<number> {
  const { problems, ws, result } = runCheck(env.root, env.today, { partners: false, completeness: what === 'merge' });
  if (!ws || !result || problems.hasInputErrors()) return report(env, problems.sorted());
  if (exitCodeFor(problems.list, false) === 1 && !opts.allowIncomplete) {
    report(env, problems.sorted());
    env.stderr(`nothing written: the response is incomplete. Fix the problems above, or run 'lsp-respond merge --allow-incomplete' to write "No collective response" for unanswered questions\n`);
    return 1;
  }
  // Asked for: an unanswered question is then worth a warning, not an error.
  const shown: Problem[] = problems.sorted().map((p) => (p.kind === 'completeness' ? { ...p, severity: 'warning' } : p));

  // The house style gives the cover wording of every output, Markdown included.
  const style = ws.style;
  const cover = style.style.cover;

  // Built, rendered and dropped one at a time: at a thousand partners each
  // document tree and its DOCX object graph take hundreds of MiB.
  const docs: [string, () => DocumentModel][] = [['draft', () => draftDocument(ws, result, cover)]];
  if (what === 'merge') {
    docs.push(['response', () => responseDocument(ws, result, cover)]);
    docs.push(['removed', () => removedDocument(ws, result, cover)]);
    for (const partner of separatePartners(result)) docs.push([`separate/${partner}`, () => separateDocument(ws, result, partner, cover)]);
  }
  const outputs: Outputs = new Map();
  const outDir = join(env.root, ws.config.output);
  for (const [name, build] of docs) {
    const doc = build();
    const toRoot = relative(dirname(join(outDir, name)), env.root).split('\\').join('/') || '.';
    outputs.set(`${name}.md`, renderMarkdown(doc, toRoot));
    // removed.md is an internal record for the partnership, not a submission: no DOCX.
    if (opts.docx && name !== 'removed') {
      // Once per document: the same unrenderable thing may occur many times.
      const said = new Set<string>();
      const warn = (message: string) => {
        if (said.has(message)) return;
        said.add(message);
        shown.push({ severity: 'warning', kind: 'input', code: 'docx', message, file: `${ws.config.output}/${name}.docx`, line: 1, column: 1 });
      };
      try {
        outputs.set(`${name}.docx`, await renderDocxWith(style, ws.images, doc, warn));
      } catch (e) {
        if (!(e instanceof ReferenceDocError)) throw e;
        return report(env, [...shown, { severity: 'error', kind: 'input', code: 'reference-docx', message: referenceProblem(e.message), file: REFERENCE_FILE, line: 1, column: 1 }]);
      }
    }
  }
  if (what === 'merge') outputs.set('report.json', reportJson(ws, result));

  try {
    writeOutputs(outDir, outputs, what === 'merge' ? ['separate'] : [], env.root);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    return report(env, [...shown, { severity: 'error', kind: 'input', code: 'output', message: e.message, ...(ws.config.at?.output ?? { file: ws.config.file ?? 'lsp-respond.yaml', line: 1, column: 1 }) }]);
  }
  report(env, shown);
  if (!env.quiet) {
    const files = [...outputs.keys()].sort().map((f) => `${ws.config.output}/${f}`);
    env.stdout(`wrote ${files.length} files: ${files.join(', ')}\n`);
  }
  return 0;
}

async function renderDocxWith(style: HouseStyle, images: ReadonlyMap<string, Uint8Array>, doc: DocumentModel, warn: (m: string) => void): Promise<Uint8Array> {
  const { renderDocx } = await import('../render/docx/index.js');
  return renderDocx(doc, { style: style.style, images, warn, ...(style.referenceStyles ? { referenceStyles: style.referenceStyles } : {}) });
}
