// What every command gets from the global options.
import type { Problem } from '../core/problems.js';
import { exitCodeFor } from '../core/problems.js';
import { formatProblems, type ProblemFormat } from './problem-format.js';
import type { Progress } from './progress.js';

export interface Env {
  root: string;
  today: string;
  quiet: boolean;
  /** The progress bar of long runs (a no-op unless stderr is a terminal and --quiet is off). */
  progress: Progress;
  color: boolean;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Prints problems as text on stderr (errors only under --quiet) and returns the exit code. */
export function reportProblems(env: Env, problems: readonly Problem[], strict = false): 0 | 1 | 2 {
  const shown = env.quiet ? problems.filter((p) => p.severity === 'error') : problems;
  env.progress.clear();
  env.stderr(formatProblems(shown, 'text', false, env.color));
  return exitCodeFor(problems, strict);
}

export function print(env: Env, format: ProblemFormat, problems: readonly Problem[], ok: boolean): void {
  if (format === 'text')
    env.stderr(
      formatProblems(env.quiet ? problems.filter((p) => p.severity === 'error') : problems, 'text', ok, env.color),
    );
  else env.stdout(formatProblems(problems, format, ok, false));
}

/** Usage problems (bad arguments) end the command with exit 2. */
export class UsageError extends Error {}
