// `check`'s verdict on the response as merge would write it.
import type { MergeResult } from '../merge/merge.js';
import type { Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';

export function checkCompleteness(
  ws: Workspace,
  result: MergeResult,
  problems: Problems,
  opts: { partners: boolean },
): void {
  const configFile = ws.config.file ?? 'lsp-respond.yaml';
  for (const o of result.questions) {
    if (o.state.kind !== 'unanswered') continue;
    const q = o.question.id;
    // Only a removed contribution carries objections (see Account): these are the ones that emptied the question.
    const objections = [...o.composite, ...o.contributions].flatMap((a) => a.objections);
    const why =
      objections.length > 0
        ? `every contribution to ${q} was removed because a partner cannot endorse it (${[...new Set(objections.map((x) => `${x.position.file}:${x.position.line}`))].join(', ')})`
        : `no partner answers ${q}`;
    problems.incomplete(
      'unanswered',
      o.question.position,
      `${why}; add an answer under '## ${q}' in a response file or in composite.md, or a collective abstention '${q}: <reason>' under abstain in ${configFile}`,
    );
  }
  if (!opts.partners) return;
  // A question the partnership abstains on collectively asks nothing of any partner.
  const collective = new Set(ws.config.abstain.map((a) => a.question));
  for (const p of ws.partners) {
    const answered = new Set(p.answers.map((a) => a.target?.question));
    const abstained = new Set(p.abstain.map((a) => a.question));
    const missing = ws.questions.questions
      .filter((q) => !answered.has(q.id) && !abstained.has(q.id) && !collective.has(q.id))
      .map((q) => q.id);
    if (missing.length === 0) continue;
    problems.incomplete(
      'partner-incomplete',
      { file: p.file, line: 1, column: 1 },
      `${p.name} neither answers nor abstains on ${missing.length === 1 ? missing[0] : `${missing.length} questions (${missing.join(', ')})`}; answer under '## ${missing[0]}' or list ${missing.length === 1 ? 'it' : 'them'} under abstain in the front matter`,
    );
  }
}
