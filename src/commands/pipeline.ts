// load -> validate -> merge -> completeness: what check, status, draft and
// merge share. Rendering is not here, so check never loads a writer.
import { advise } from '../checks/advise.js';
import { checkReadability } from '../checks/readability.js';
import { type RoundsReview, reviewRounds } from '../rounds/signoff.js';
import { checkCompleteness } from '../checks/completeness.js';
import { checkTimetable } from '../checks/timetable.js';
import { checkFollows } from '../checks/follows.js';
import { checkReferences } from '../checks/references.js';
import { checkAcronyms } from '../checks/acronyms.js';
import { loadWorkspace } from '../load/workspace.js';
import { merge, type MergeResult } from '../merge/merge.js';
import type { Workspace } from '../core/model.js';
import type { Threads } from '../parallel/pool.js';
import type { OnProgress } from '../core/progress.js';
import { Problems } from '../core/problems.js';
import { validateWorkspace } from '../checks/validate.js';

export interface Checked {
  problems: Problems;
  ws: Workspace | null;
  result: MergeResult | null;
  /** Sign-off of each partner against the rounds circulated. */
  rounds: RoundsReview | null;
}

/** `threads` belong to the command, which closes them when it is done (it may render on them too). */
export async function runCheck(
  root: string,
  today: string,
  opts: {
    threads: Threads;
    partners: boolean;
    completeness: boolean;
    signoff?: boolean;
    readability?: boolean;
    progress?: OnProgress;
  },
): Promise<Checked> {
  const problems = new Problems();
  const ws = await loadWorkspace(root, today, problems, opts.threads, opts.progress);
  if (!ws) return { problems, ws: null, result: null, rounds: null };
  validateWorkspace(ws, problems);
  checkTimetable(ws, problems);
  if (problems.hasInputErrors()) return { problems, ws, result: null, rounds: null };
  const result = merge(ws);
  advise(ws, result, problems);
  checkFollows(ws, result, problems);
  checkReferences(ws, result, problems);
  checkAcronyms(ws, result, problems);
  const rounds = reviewRounds(ws, problems, { signoff: opts.signoff === true });
  if (opts.readability) checkReadability(ws, result, problems);
  if (opts.completeness) checkCompleteness(ws, result, problems, { partners: opts.partners });
  return { problems, ws, result, rounds };
}
