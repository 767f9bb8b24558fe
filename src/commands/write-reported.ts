// A command's files written inside the workspace: a refusal (a link, an input
// in the way, a directory that cannot be made) becomes a positioned `output`
// problem and exit 2, like any other bad input, with nothing written.
import { join } from 'node:path';
import type { Position } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { OutputError, type Outputs, writeOutputs } from '../write/outputs.js';
import { type Env, reportProblems } from './env.js';

/** Writes `files` under the workspace's `dir`; undefined when written, else the exit code after reporting why not at `at`. */
export function writeReported(
  env: Env,
  problems: Problems,
  dir: string,
  files: Outputs,
  at: Position,
): number | undefined {
  try {
    writeOutputs(join(env.root, dir), files, [], env.root);
    return undefined;
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    problems.error('output', at, e.message);
    return reportProblems(env, problems.sorted());
  }
}
