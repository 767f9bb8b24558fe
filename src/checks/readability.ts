// check --readability: how the response will read, not whether it is valid.
// Opt-in, because ordinary valid workspaces trigger it and --strict makes
// every warning fail (SPEC 2). It only has something to say under
// `attribute: none`: an introduced contribution says whose it is.
import type { Nodes } from 'mdast';
import type { MergeResult } from '../merge/merge.js';
import type { PartnerResponse, Position, Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';

/** Words by which any answer speaks for its author rather than the partnership. */
const FIRST_PERSON = ['we', 'our', 'ours', 'us'];

/**
 * How an organisation names itself in the third person ("the Council
 * believes"), keyed by what its name says it is. The same words in another
 * partner's answer name someone else ("the duty should fall on the police"),
 * which is no claim to speak for the partnership.
 */
const SELF_NAMES: { kind: RegExp; names: string[] }[] = [
  { kind: /\b(council|borough|city|county|district)\b/i, names: ['the council'] },
  { kind: /\b(police|constabulary)\b/i, names: ['the police', 'the force'] },
  { kind: /\b(trust|primary care|pct|nhs)\b/i, names: ['the trust', 'the pct'] },
];

function oneVoice(partner: PartnerResponse | undefined): RegExp {
  const own = SELF_NAMES.filter((s) => partner !== undefined && s.kind.test(partner.name))
    // A council is public; a voluntary "Social Council" naming "the Council" means the local authority.
    .filter((s) => !s.names.includes('the council') || partner?.sector === 'public')
    .flatMap((s) => s.names.map((n) => n.replace(' ', '\\s+')));
  return new RegExp(`\\b(${[...FIRST_PERSON, ...own].join('|')})\\b`, 'i');
}

function firstOneVoice(node: Nodes, file: string, words: RegExp): { word: string; at: Position } | null {
  if (node.type === 'text') {
    const m = words.exec(node.value);
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
      const found = firstOneVoice(child, file, words);
      if (found) return found;
    }
  }
  return null;
}

export function checkReadability(ws: Workspace, result: MergeResult, problems: Problems): void {
  if (ws.config.attribute !== 'none') return;
  const partners = new Map(ws.partners.map((p) => [p.id, p]));
  for (const o of result.questions) {
    const included = (list: typeof o.contributions) =>
      list.filter((a) => a.status === 'included').map((a) => a.contribution);
    const contributions = included(o.contributions);
    // Answers to parts of one question by one partner are one voice.
    const authors = [...new Set(contributions.map((c) => c.partner))];
    if (included(o.composite).length === 0 && authors.length >= 2) {
      problems.warn(
        'no-composite',
        contributions[0]!.position,
        `${o.question.id} has contributions from ${authors.length} partners in the response (${authors.join(', ')}) and no agreed wording, so they are printed one after another without saying whose they are; write a composite answer under '## ${o.question.id}' in composite.md, or remove 'attribute: none' from lsp-respond.yaml so that each is introduced by its author`,
      );
    }
    for (const c of contributions) {
      const partner = partners.get(c.partner);
      const found = firstOneVoice({ type: 'root', children: c.blocks }, c.position.file, oneVoice(partner));
      if (found) {
        problems.warn(
          'speaks-as-one',
          found.at,
          `'${found.word.replace(/\s+/g, ' ')}' speaks for ${partner?.name ?? c.partner} alone, but the response prints ${c.section} unattributed, as the partnership's words; reword it for the partnership, or remove 'attribute: none' from lsp-respond.yaml so that it is introduced by its author`,
        );
      }
    }
  }
}
