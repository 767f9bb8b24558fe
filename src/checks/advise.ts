// Advice after the merge: things that are not wrong but probably not what the
// partner meant, found by comparing what was asked with what it changed.
import { allContributions, type MergeResult } from '../merge/merge.js';
import { COMPOSITE, type Contribution, type Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { sectionTargets } from '../core/section-id.js';

export function advise(ws: Workspace, result: MergeResult, problems: Problems): void {
  const all = allContributions(ws);
  const outcome = new Map(result.questions.map((o) => [o.question.id, o]));
  // Text agreed wording replaces is not in the response, objected to or not. (Under a collective
  // abstention an objection still matters: it is often the reason for the abstention.)
  const supersededAnyway = (c: Contribution): boolean => {
    if (c.target === null || c.partner === COMPOSITE) return false;
    const o = outcome.get(c.target.question);
    return (
      o?.composite.some((a) => a.contribution.target?.part == null || a.contribution.target.part === c.target?.part) ??
      false
    );
  };
  for (const o of ws.partners.flatMap((p) => p.objections)) {
    if (o.kind !== 'cannot-endorse') continue;
    const targets = sectionTargets(o.id, all);
    if (targets.length > 0 && targets.every(supersededAnyway)) {
      problems.warn(
        'objection-changes-nothing',
        o.position,
        `${o.section} is not in the response anyway (agreed wording in composite.md replaces it), so this objection changes nothing in the response; it only moves the text to removed.md and its author's separate submission`,
      );
    }
  }
}
