// draft and merge: check, then render each planned document in each format
// and stage it; only when everything was produced are the outputs renamed
// into place, so a failed run writes nothing.
import { dirname, join, relative } from 'node:path';
import { nextRound, OWNED, plan, type BuildCommand, type Format, type PlannedDocument } from '../compose/plan.js';
import { loadConfig } from '../load/workspace.js';
import { ROUND_FILE, ROUNDS_DIR, unusableRounds } from '../load/rounds.js';
import { roundJson } from '../rounds/round-file.js';
import { report as reportJson } from '../compose/report.js';
import { letterGaps } from '../compose/letter.js';
import type { Position, Workspace } from '../model.js';
import { runCheck } from '../pipeline.js';
import { exitCodeFor, type Problem, Problems } from '../problems.js';
import { type Threads, withThreads } from '../parallel/pool.js';
import { failure } from '../parallel/failure.js';
import type { TaskResult } from '../parallel/tasks.js';
import { OutputError, Staging } from '../write/outputs.js';
import { type Env, report } from './env.js';
import { locked } from './locked.js';
import { summary } from './summary.js';
import { inputsOf, outputAt } from './workspace-inputs.js';

type BuildOptions = { allowIncomplete: boolean; docx: boolean };

/**
 * The workspace is locked before it is read, so circulate numbers its round
 * from what is really there, and two runs never write out/ at once.
 */
export async function build(env: Env, what: BuildCommand, opts: BuildOptions): Promise<number> {
  // Read once more by the check; a config with problems is left to it to report, and nothing is written.
  const seen = new Problems();
  const config = loadConfig(env.root, env.today, seen);
  const work = () => withThreads((threads) => buildLocked(env, what, opts, threads));
  return config && !seen.hasInputErrors() ? locked(env, config, new Problems(), work) : work();
}

async function buildLocked(env: Env, what: BuildCommand, opts: BuildOptions, threads: Threads): Promise<number> {
  const { problems, ws, result } = await runCheck(env.root, env.today, { threads, partners: false, completeness: what === 'merge', progress: env.progress.update });
  if (!ws || !result || problems.hasInputErrors()) return report(env, problems.sorted());
  if (exitCodeFor(problems.list, false) === 1 && !opts.allowIncomplete) {
    report(env, problems.sorted());
    env.stderr(`nothing written: the response is incomplete. Fix the problems above, or run 'lsp-respond merge --allow-incomplete' to write "No collective response" for unanswered questions\n`);
    return 1;
  }
  // Asked for: an unanswered question is then worth a warning, not an error.
  const shown: Problem[] = problems.sorted().map((p) => (p.kind === 'completeness' ? { ...p, severity: 'warning' } : p));
  if (what === 'merge') {
    const gaps = new Problems();
    letterGaps(ws, gaps);
    shown.push(...gaps.list);
  }
  const configAt: Position = outputAt(ws.config);
  const formats = new Set<Format>(opts.docx ? ['md', 'docx'] : ['md']);
  const outDir = join(env.root, ws.config.output);

  // Once per place: the same unrenderable thing may occur in many documents and many times in one.
  const said = new Set<string>();
  const warn = (output: string, message: string, at?: Position) => {
    const where = at ?? { file: output, line: 1, column: 1 };
    const key = `${where.file}:${where.line}:${where.column}:${message}`;
    if (said.has(key)) return;
    said.add(key);
    shown.push({ severity: 'warning', kind: 'input', code: 'docx', message, ...where });
  };
  let staging: Staging | undefined;
  let written: string[];
  try {
    staging = new Staging(outDir, OWNED[what], env.root, { inputs: inputsOf(ws.config, ws.images.keys()), sealed: [ROUNDS_DIR], record: true });
    // After the staging has refused a rounds directory that is a link, which would make every round look damaged.
    if (what === 'circulate' && unusable(env, ws, problems)) return report(env, problems.sorted());
    const stage = staging;
    const runner = threads.active;
    // Documents are rendered side by side (when there are threads) but staged
    // in plan order; only a few are in flight, since at a thousand partners
    // each document tree and its DOCX take hundreds of MiB.
    const inFlight: { name: string; copies: NonNullable<PlannedDocument['copies']>; result: Promise<TaskResult> }[] = [];
    let count = 0;
    const settle = async () => {
      const { name, copies, result } = inFlight.shift()!;
      const done = await result;
      if (done.kind !== 'render') throw failure(done);
      for (const w of done.warnings) warn(`${ws.config.output}/${name}.${w.format}`, w.message, w.at);
      for (const [format, content] of done.outputs) {
        const also = copies.filter((c) => c.formats === undefined || c.formats.includes(format)).map((c) => c.name);
        for (const as of [name, ...also]) stage.stage(`${as}.${format}`, content);
      }
      env.progress.update('writing documents', (count += 1), planned.length);
    };
    const planned = plan(what, ws, result, ws.style.style.cover, formats);
    for (const doc of planned) {
      const toRoot = relative(dirname(join(outDir, doc.name)), env.root).split('\\').join('/') || '.';
      const task = { kind: 'render', doc: doc.build(), formats: doc.formats, toRoot, style: ws.style, images: ws.images } as const;
      const result = runner.run(task);
      // Awaited in turn by settle(); until then a failure must not count as unhandled and end the process.
      result.catch(() => undefined);
      inFlight.push({ name: doc.name, copies: doc.copies ?? [], result });
      if (inFlight.length > runner.width) await settle();
    }
    while (inFlight.length > 0) await settle();
    if (what === 'merge') staging.stage('report.json', reportJson(ws, result));
    if (what === 'circulate') staging.stage(`${ROUNDS_DIR}/${nextRound(ws)}/${ROUND_FILE}`, roundJson(ws));
    written = staging.commit();
  } catch (e) {
    staging?.discard();
    if (e instanceof OutputError) return report(env, [...shown, { severity: 'error', kind: 'input', code: 'output', message: e.message, ...configAt }]);
    throw e;
  }
  report(env, shown);
  if (!env.quiet) env.stdout(`${summary(ws.config.output, written)}\n`);
  return 0;
}

/** Records each round directory circulate cannot build on; true if there is one. */
function unusable(env: Env, ws: Workspace, problems: Problems): boolean {
  const rounds = unusableRounds(env.root, ws.config.output, ws.rounds);
  for (const n of rounds) {
    const file = `${ws.config.output}/${ROUNDS_DIR}/${n}/${ROUND_FILE}`;
    problems.error(
      'round-unusable',
      { file, line: 1, column: 1 },
      `${file} is missing or damaged, so it is not known what round ${n} circulated, and a round is never rewritten: restore ${file} from a backup, or, if round ${n} never reached the partners, delete ${ws.config.output}/${ROUNDS_DIR}/${n}; then circulate again`,
    );
  }
  return rounds.length > 0;
}
