// Cross-file rules that no single file can check: objections must name
// existing sections, and collective abstentions should not hide answers.
import { questionRange } from '../load/questions.js';
import { allContributions } from '../merge/merge.js';
import type { Contribution, Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { formatSectionId, sectionTargets } from '../core/section-id.js';
import type { SectionId } from '../core/model.js';

export function validateWorkspace(ws: Workspace, problems: Problems): void {
  const all = allContributions(ws);
  const known = new Set(all.map((c) => c.section));
  const objected = new Set<Contribution>();
  for (const o of ws.partners.flatMap((p) => p.objections)) {
    const targets = sectionTargets(o.id, all);
    if (targets.length === 0)
      problems.error(
        'unknown-section',
        o.position,
        `${o.kind === 'separate-only' ? 'separate_only' : 'cannot_endorse'} names section ${o.section}, which does not exist; ${suggest(o.id, known, ws)}`,
      );
    for (const c of targets) objected.add(c);
  }
  for (const a of ws.config.abstain) {
    // Answers removed by an objection are accounted for already; only the ones the abstention hides need a word.
    const answers = all.filter((c) => c.target?.question === a.question && !objected.has(c));
    for (const c of answers) {
      problems.warn(
        'abstained-answer',
        c.position,
        `${a.question} has a collective abstention in ${ws.config.file ?? 'lsp-respond.yaml'} (line ${a.position.line}), so this answer is not in the response (it is shown in the draft); remove the abstention to use it`,
      );
    }
  }
}

function suggest(id: SectionId, known: Set<string>, ws: Workspace): string {
  // Say which half of the id is wrong: the question (or part), or the partner.
  if (id.kind === 'preamble') {
    const preambles = [...known].filter((s) => s.startsWith('preamble/')).sort();
    if (!ws.partners.some((p) => p.id === id.partner))
      return `there is no partner '${id.partner}'; the partners are ${ws.partners.map((p) => p.id).join(', ')}`;
    return `partner '${id.partner}' has no general comments (text before its first question heading)${preambles.length > 0 ? `; the general comments are ${preambles.slice(0, 8).join(', ')}` : ''}`;
  }
  const { question, part } = id.target;
  const q = ws.questions.questions.find((x) => x.id === question);
  if (!q) return `${question} is not a question; ${questionRange(ws.questions)}`;
  if (part !== null && !q.parts.some((p) => p.id === part)) {
    return `${q.id} has no part ${part}; ${q.parts.length > 0 ? `its parts are ${q.parts.map((p) => `${q.id}${p.id}`).join(', ')}` : `name ${q.id} or ${q.id}/<partner>`}`;
  }
  const answer = formatSectionId({ kind: 'answer', target: id.target });
  const near = [...known].filter((s) => s.startsWith(`${answer}/`) || s === answer).sort();
  return near.length > 0
    ? `sections for ${answer} are ${near.slice(0, 8).join(', ')}; see the section ids in out/draft.md`
    : `nothing answers ${answer}; see the section ids in out/draft.md (lsp-respond draft)`;
}
