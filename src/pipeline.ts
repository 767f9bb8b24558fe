// load -> validate -> merge -> completeness: what check, status, draft and
// merge share. Rendering is not here, so check never loads a writer.
import { checkCompleteness } from './completeness.js';
import { loadWorkspace } from './load/workspace.js';
import { merge, type MergeResult } from './merge/merge.js';
import type { Workspace } from './model.js';
import { Problems } from './problems.js';
import { validate } from './validate.js';

export interface Checked {
  problems: Problems;
  ws: Workspace | null;
  result: MergeResult | null;
}

export function runCheck(root: string, today: string, opts: { partners: boolean; completeness: boolean }): Checked {
  const problems = new Problems();
  const ws = loadWorkspace(root, today, problems);
  if (!ws) return { problems, ws: null, result: null };
  validate(ws, problems);
  if (problems.hasInputErrors()) return { problems, ws, result: null };
  const result = merge(ws);
  if (opts.completeness) checkCompleteness(ws, result, problems, { partners: opts.partners });
  return { problems, ws, result };
}
