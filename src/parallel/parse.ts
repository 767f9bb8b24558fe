// Partner files parsed side by side: split into runs of similar size, each
// run a task, results put back in file order.
import type { ParsedPartner } from '../load/response.js';
import type { QuestionSet } from '../core/model.js';
import type { Problem } from '../core/problems.js';
import { failure } from './failure.js';
import type { Threads } from './pool.js';
import type { OnProgress } from '../core/progress.js';

export async function parseFiles(
  files: readonly { file: string; source: string }[],
  questions: QuestionSet,
  threads: Threads,
  progress: OnProgress = () => {},
): Promise<{ result: ParsedPartner | null; problems: Problem[] }[]> {
  const bytes = files.reduce((n, f) => n + f.source.length, 0);
  const runner = threads.for(bytes);
  // On this thread, a file at a time (for the progress bar); on threads, a
  // few runs each, so one slow file does not leave the others idle.
  const runs = runner.width === 1 ? files.length : Math.min(files.length, runner.width * 4);
  const chunks: (typeof files)[number][][] = [];
  let size = 0;
  for (const f of files) {
    if (chunks.length === 0 || (size >= bytes / runs && chunks.length < runs)) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(f);
    size += f.source.length;
  }
  let done = 0;
  const parse = async (chunk: (typeof chunks)[number]) => {
    const result = await runner.run({ kind: 'parse', files: chunk, questions });
    done += chunk.length;
    progress('reading responses', done, files.length);
    return result;
  };
  const results = [];
  // On this thread a task runs as soon as it is asked for: one after another, so the bar moves.
  if (runner.width === 1) for (const chunk of chunks) results.push(await parse(chunk));
  else results.push(...(await Promise.all(chunks.map(parse))));
  return results.flatMap((r) => {
    if (r.kind !== 'parse') throw failure(r);
    return r.parsed;
  });
}
