// A question that only makes sense after another ("If so, ...": follows: Q18)
// reads out of context in a response that gives no view on the one it follows.
import type { MergeResult } from '../merge/merge.js';
import type { Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';

export function checkFollows(ws: Workspace, result: MergeResult, problems: Problems): void {
  const outcomes = new Map(result.questions.map((o) => [o.question.id, o]));
  const configFile = ws.config.file ?? 'lsp-respond.yaml';
  for (const o of result.questions) {
    const first =
      o.question.follows === null || o.state.kind !== 'answered' ? undefined : outcomes.get(o.question.follows);
    if (first === undefined || first.state.kind === 'answered') continue;
    const answer = [...o.composite, ...o.contributions].find((a) => a.status === 'included');
    if (!answer) continue;
    const q = o.question.id;
    const why =
      first.state.kind === 'abstained'
        ? `the response abstains on ${first.question.id}`
        : `the response has no answer to ${first.question.id}`;
    problems.warn(
      'follows-unanswered',
      answer.contribution.position,
      `${q} follows ${first.question.id} ("${o.question.text.split(/\s+/).slice(0, 3).join(' ')} ..."), but ${why}, so this answer reads out of context; abstain on ${q} too ('${q}: <reason>' under abstain in ${configFile}), or answer ${first.question.id}`,
    );
  }
}
