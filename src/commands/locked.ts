// Commands that write hold the workspace's lock (in its output directory)
// from before they read until they have written.
import type { Config } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { lockOutputs } from '../write/lock.js';
import { OutputError } from '../write/outputs.js';
import { type Env, reportProblems } from './env.js';
import { inputsOf, outputAt } from './workspace-inputs.js';

/** Runs `work` holding the lock; when it cannot be had (or out/ cannot be used), reports why with `problems` and writes nothing. */
export async function locked(
  env: Env,
  config: Config,
  problems: Problems,
  work: () => Promise<number>,
): Promise<number> {
  let release: () => void;
  try {
    release = lockOutputs(env.root, config.output, inputsOf(config)).release;
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    problems.error('output', outputAt(config), e.message);
    return reportProblems(env, problems.sorted());
  }
  try {
    return await work();
  } finally {
    release();
  }
}
