// Why merge may not yet write the response a round allows: each section the
// partners were not sent, each partner still to reply before the deadline.
import type { Workspace } from '../core/model.js';
import { type Problem, Problems } from '../core/problems.js';
import type { ResponseEndorsement } from './gate.js';

export function gateProblems(ws: Workspace, e: ResponseEndorsement): Problem[] {
  const { round } = e;
  if (round === null) return [];
  const problems = new Problems();
  const again = `circulate again (lsp-respond circulate) so the partners can endorse the text that will be submitted`;
  for (const { account, absent } of e.uncirculated) {
    const c = account.contribution;
    problems.incomplete(
      'not-circulated',
      c.position,
      `${c.section} ${absent ? 'was not in' : 'changed after'} round ${round.number} (circulated ${round.date}); ${again}`,
    );
  }
  const deadline =
    round.deadline === null
      ? `round ${round.number} has no objection deadline, so silence is not endorsement`
      : `round ${round.number}'s objection deadline (${round.deadline}) has not passed`;
  for (const partner of e.awaiting) {
    const at = partner.endorsed?.position ?? { file: partner.file, line: 1, column: 1 };
    problems.incomplete(
      'awaiting-reply',
      at,
      `${partner.name} has neither signed off round ${round.number} nor objected, and ${deadline}; wait for its reply (import its sheet, ${ws.config.output}/rounds/${round.number}/sheets/${partner.id}.docx, or add endorsed: to its front matter)`,
    );
  }
  return problems.list;
}
