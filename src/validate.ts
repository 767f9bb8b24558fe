// Cross-file rules that no single file can check: objections must name
// existing sections, and collective abstentions should not hide answers.
import { allContributions, objectionTargets } from './merge/merge.js';
import type { Workspace } from './model.js';
import type { Problems } from './problems.js';

export function validate(ws: Workspace, problems: Problems): void {
  const all = allContributions(ws);
  const known = new Set(all.map((c) => c.section));
  for (const p of ws.partners) {
    for (const o of p.objections) {
      if (objectionTargets(o.section, all).length > 0) continue;
      problems.error('unknown-section', o.position, `cannot_endorse names section ${o.section}, which does not exist; ${suggest(o.section, known)}`);
    }
  }
  const objected = new Set(ws.partners.flatMap((p) => p.objections.flatMap((o) => objectionTargets(o.section, all))));
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

function suggest(section: string, known: Set<string>): string {
  const [question] = section.split('/');
  const near = [...known].filter((s) => s.startsWith(`${question}/`) || s === question).sort();
  return near.length > 0
    ? `sections for ${question} are ${near.slice(0, 8).join(', ')}; see the section ids in out/draft.md`
    : `nothing answers ${question}; see the section ids in out/draft.md (lsp-respond draft)`;
}
