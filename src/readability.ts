// check --readability: how the response will read, not whether it is valid.
// Opt-in, because ordinary valid workspaces trigger it and --strict makes
// every warning fail (SPEC 2).
import type { Nodes } from 'mdast';
import type { MergeResult } from './merge/merge.js';
import type { Position, Workspace } from './model.js';
import type { Problems } from './problems.js';

/** Words by which an answer speaks for one organisation rather than the partnership. */
const ONE_VOICE = /\b(we|our|ours|us|the council|the trust|the pct|the police|the force)\b/i;

function firstOneVoice(node: Nodes, file: string): { word: string; at: Position } | null {
  if (node.type === 'text') {
    const m = ONE_VOICE.exec(node.value);
    const start = node.position?.start;
    if (m && start) {
      const before = node.value.slice(0, m.index);
      const lines = before.split('\n');
      const line = start.line + lines.length - 1;
      const column = lines.length === 1 ? start.column + before.length : lines.at(-1)!.length + 1;
      return { word: m[0], at: { file, line, column } };
    }
  }
  if ('children' in node) {
    for (const child of node.children) {
      const found = firstOneVoice(child, file);
      if (found) return found;
    }
  }
  return null;
}

export function checkReadability(ws: Workspace, result: MergeResult, problems: Problems): void {
  // Attributed contributions say whose they are: nothing here applies.
  if (ws.config.attribute !== 'none') return;
  const names = new Map(ws.partners.map((p) => [p.id, p.name]));
  for (const o of result.questions) {
    const included = (list: typeof o.contributions) => list.filter((a) => a.status === 'included').map((a) => a.contribution);
    const partners = included(o.contributions);
    if (included(o.composite).length === 0 && partners.length >= 2) {
      problems.warn(
        'no-composite',
        partners[0]!.position,
        `${o.question.id} has ${partners.length} contributions in the response (${[...new Set(partners.map((c) => c.partner))].join(', ')}) and no agreed wording, so they are printed one after another without saying whose they are; write a composite answer under '## ${o.question.id}' in composite.md, or set 'attribute: partner' in lsp-respond.yaml`,
      );
    }
    for (const c of partners) {
      const found = firstOneVoice({ type: 'root', children: c.blocks }, c.position.file);
      if (found) {
        problems.warn(
          'speaks-as-one',
          found.at,
          `'${found.word}' speaks for ${names.get(c.partner) ?? c.partner} alone, but the response prints ${c.section} unattributed, as the partnership's words; reword it for the partnership, or set 'attribute: partner' in lsp-respond.yaml`,
        );
      }
    }
  }
}
