import type { ProblemFormat } from './problem-format.js';
import { withThreads } from '../parallel/pool.js';
import { runCheck } from './pipeline.js';
import { exitCodeFor } from '../core/problems.js';
import { type Env, print } from './env.js';
import { groupProblems } from './problem-groups.js';

export async function check(
  env: Env,
  opts: {
    partners: boolean;
    strict: boolean;
    signoff: boolean;
    readability: boolean;
    format: ProblemFormat;
    verbose?: boolean;
  },
): Promise<number> {
  const { problems, ws, result } = await withThreads((threads) =>
    runCheck(env.root, env.today, {
      threads,
      partners: opts.partners,
      completeness: true,
      signoff: opts.signoff,
      readability: opts.readability,
    }),
  );
  const list = problems.sorted();
  const code = exitCodeFor(list, opts.strict);
  print(env, opts.format, opts.format === 'text' && opts.verbose !== true ? groupProblems(list) : list, code === 0);
  if (opts.format === 'text' && !env.quiet) {
    const errors = list.filter((p) => p.severity === 'error').length;
    const warnings = list.length - errors;
    const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    if (code === 0 && ws && result) {
      const answered = result.questions.filter((q) => q.state.kind === 'answered').length;
      env.stdout(
        `check passed: ${answered} of ${result.questions.length} questions answered, ${result.questions.length - answered} abstained; ${ws.partners.length} partners (${counts})\n`,
      );
    } else {
      env.stdout(`check failed (${counts})${code === 1 && errors === 0 ? ': --strict makes warnings fail' : ''}\n`);
    }
  }
  return code;
}
