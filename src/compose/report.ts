// report.json: an account of every contribution, with stable key order and
// stable ordering, so two runs give the same bytes.
import type { MergeResult } from '../merge/merge.js';
import type { Workspace } from '../core/model.js';
import type { ResponseEndorsement } from '../rounds/gate.js';

/** With a round circulated, each partner says how it endorses (`signed`, `silent`, or null) and the round is named. */
export function reportJson(ws: Workspace, result: MergeResult, endorsement: ResponseEndorsement): string {
  const contributions = result.accounts.map((a) => ({
    partner: a.contribution.partner,
    question: a.contribution.target?.question ?? null,
    part: a.contribution.target?.part ?? null,
    section: a.contribution.section,
    status: a.status,
    ...(a.status === 'removed'
      ? { objectors: a.objections.map((o) => o.by), reasons: a.objections.map((o) => o.reason) }
      : {}),
    file: a.contribution.position.file,
    line: a.contribution.position.line,
  }));
  const count = (s: string) => result.accounts.filter((a) => a.status === s).length;
  const questions = result.questions.map((o) => ({
    question: o.question.id,
    state: o.state.kind,
    ...(o.state.kind === 'abstained' ? { reason: o.state.reason, collective: o.state.collective } : {}),
    composite: o.composite.length > 0,
    included: [...o.composite, ...o.contributions]
      .filter((a) => a.status === 'included')
      .map((a) => a.contribution.section),
    abstainers: o.abstainers.map((p) => p.id),
  }));
  const stateCount = (k: string) => result.questions.filter((o) => o.state.kind === k).length;
  const value = {
    partnership: ws.config.partnership,
    consultation: { id: ws.questions.id, title: ws.questions.title },
    date: ws.config.date,
    complete: stateCount('unanswered') === 0,
    // Additional comments go to the partner's own submission only; named here so nothing a partner wrote is unaccounted for.
    partners: endorsement.partners.map(({ partner: p, how }) => ({
      id: p.id,
      name: p.name,
      sector: p.sector,
      file: p.file,
      ...(endorsement.round ? { endorsement: how } : {}),
      ...(p.additional
        ? { additional_comments: { section: p.additional.section, line: p.additional.position.line } }
        : {}),
    })),
    ...(endorsement.round
      ? {
          round: {
            number: endorsement.round.number,
            date: endorsement.round.date,
            objections_by: endorsement.round.deadline,
            not_circulated: endorsement.uncirculated.map((u) => u.account.contribution.section),
          },
        }
      : {}),
    counts: {
      contributions: result.accounts.length,
      included: count('included'),
      removed: count('removed'),
      superseded: count('superseded'),
      questions: result.questions.length,
      answered: stateCount('answered'),
      abstained: stateCount('abstained'),
      unanswered: stateCount('unanswered'),
    },
    questions,
    contributions,
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
