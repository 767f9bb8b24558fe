// draft and merge: check, compose the documents, render them, write them
// atomically. Nothing is written unless everything was produced.
import { join } from 'node:path';
import { draftDocument, removedDocument, responseDocument, separateDocuments } from '../compose/documents.js';
import { report as reportJson } from '../compose/report.js';
import type { DocumentModel } from '../document.js';
import { runCheck } from '../pipeline.js';
import { exitCodeFor, Problems } from '../problems.js';
import { renderMarkdown } from '../render/markdown.js';
import { OutputError, type Outputs, writeOutputs } from '../write/outputs.js';
import { loadHouseStyle, type HouseStyle } from './house-style.js';
import { type Env, report } from './env.js';

export async function build(env: Env, what: 'draft' | 'merge', opts: { allowIncomplete: boolean; docx: boolean }): Promise<number> {
  const { problems, ws, result } = runCheck(env.root, env.today, { partners: false, completeness: what === 'merge' });
  if (!ws || !result || problems.hasInputErrors()) return report(env, problems.sorted());
  const incomplete = exitCodeFor(problems.list, false) === 1;
  if (incomplete && !opts.allowIncomplete) {
    report(env, problems.sorted());
    env.stderr(`nothing written: the response is incomplete. Fix the problems above, or run 'lsp-respond merge --allow-incomplete' to write "No collective response" for unanswered questions\n`);
    return 1;
  }
  const styleProblems = new Problems();
  const style = loadHouseStyle(env.root, styleProblems);
  if (styleProblems.hasInputErrors() || !style) return report(env, [...problems.sorted(), ...styleProblems.sorted()]);

  const docs: [string, DocumentModel][] = [['draft', draftDocument(ws, result)]];
  if (what === 'merge') {
    docs.push(['response', responseDocument(ws, result)]);
    docs.push(['removed', removedDocument(ws, result)]);
    for (const [id, doc] of separateDocuments(ws, result)) docs.push([`separate/${id}`, doc]);
  }
  const outputs: Outputs = new Map();
  for (const [name, doc] of docs) {
    outputs.set(`${name}.md`, renderMarkdown(doc));
    if (opts.docx && name !== 'removed') outputs.set(`${name}.docx`, await renderDocxWith(style, ws.images, doc));
  }
  if (what === 'merge') outputs.set('report.json', reportJson(ws, result));

  const outDir = join(env.root, ws.config.output);
  try {
    writeOutputs(outDir, outputs, what === 'merge' ? ['separate'] : []);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    problems.error('output', { file: ws.config.file ?? 'lsp-respond.yaml', line: 1, column: 1 }, e.message);
    return report(env, problems.sorted());
  }
  const code = report(env, [...problems.sorted(), ...styleProblems.sorted()]);
  if (!env.quiet) {
    const files = [...outputs.keys()].sort().map((f) => `${ws.config.output}/${f}`);
    env.stdout(`wrote ${files.length} files: ${files.join(', ')}\n`);
  }
  return code === 2 ? 2 : 0;
}

async function renderDocxWith(style: HouseStyle, images: ReadonlyMap<string, Uint8Array>, doc: DocumentModel): Promise<Uint8Array> {
  const { renderDocx } = await import('../render/docx/index.js');
  return renderDocx(doc, { style: style.style, images, ...(style.referenceStyles ? { referenceStyles: style.referenceStyles } : {}) });
}
