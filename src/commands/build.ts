// draft and merge: check, then render each planned document in each format
// and stage it; only when everything was produced are the outputs renamed
// into place, so a failed run writes nothing.
import { dirname, join, relative } from 'node:path';
import {
  OWNED,
  plan,
  type BuildCommand,
  type DocumentFormat,
  type PlannedDocument,
  type RoundContext,
} from '../compose/plan.js';
import { loadConfig } from '../load/workspace.js';
import { ROUND_FILE, ROUNDS_DIR, unusableRounds } from '../load/rounds.js';
import { roundJson } from '../rounds/round-file.js';
import { circulation, draftDating } from '../rounds/circulation.js';
import { type ResponseEndorsement, responseEndorsement } from '../rounds/gate.js';
import { gateProblems } from '../rounds/gate-problems.js';
import { reportJson } from '../compose/report.js';
import { letterGaps } from '../compose/letter.js';
import type { Position, Workspace } from '../core/model.js';
import { runCheck } from './pipeline.js';
import { exitCodeFor, type Problem, Problems } from '../core/problems.js';
import { type Threads, withThreads } from '../parallel/pool.js';
import { failure } from '../parallel/failure.js';
import type { TaskResult } from '../parallel/tasks.js';
import { OutputError, Staging } from '../write/outputs.js';
import { type Env, reportProblems, UsageError } from './env.js';
import { locked } from './locked.js';
import { summary } from './summary.js';
import { inputsOf, outputAt } from './workspace-inputs.js';

export interface BuildOptions {
  allowIncomplete: boolean;
  docx: boolean;
  /** circulate: the round's objection deadline. */
  objectionsBy?: string;
  /** merge: write the response although it holds text not circulated, or partners have not replied before the deadline. */
  acceptUnendorsed?: boolean;
}

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
  const { problems, ws, result } = await runCheck(env.root, env.today, {
    threads,
    partners: false,
    completeness: what === 'merge',
    progress: env.progress.update,
  });
  if (!ws || !result || problems.hasInputErrors()) return reportProblems(env, problems.sorted());
  const dating = what === 'circulate' ? circulation(ws, env.today, opts.objectionsBy) : draftDating(ws);
  if ('refused' in dating) {
    if (dating.at === null) throw new UsageError(dating.refused);
    return reportProblems(env, [
      ...problems.sorted(),
      { severity: 'error', kind: 'input', code: 'deadline', message: dating.refused, ...dating.at },
    ]);
  }
  const endorsement = responseEndorsement(ws, result, env.today);
  const gate = what === 'merge' ? gateProblems(ws, endorsement) : [];
  const incomplete = exitCodeFor(problems.list, false) === 1 && !opts.allowIncomplete;
  const unendorsed = gate.length > 0 && opts.acceptUnendorsed !== true;
  if (incomplete || unendorsed) {
    reportProblems(
      env,
      [...(opts.allowIncomplete ? asked(problems.sorted()) : problems.sorted()), ...gate].sort(byPlace),
    );
    if (incomplete)
      env.stderr(
        `nothing written: the response is incomplete. Fix the problems above, or run 'lsp-respond merge --allow-incomplete' to write "No collective response" for unanswered questions\n`,
      );
    if (unendorsed) env.stderr(`${refusal(endorsement)}\n`);
    return 1;
  }
  // Asked for: an unanswered question, or unendorsed text, is then worth a warning, not an error.
  const shown: Problem[] = asked([...problems.sorted(), ...gate]).sort(byPlace);
  if (what === 'merge') {
    const gaps = new Problems();
    letterGaps(ws, gaps);
    shown.push(...gaps.list);
  }
  const configAt: Position = outputAt(ws.config);
  const formats = new Set<DocumentFormat>(opts.docx ? ['md', 'docx'] : ['md']);
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
    staging = new Staging(outDir, OWNED[what], env.root, {
      inputs: inputsOf(ws.config, ws.images.keys()),
      sealed: [ROUNDS_DIR],
      record: true,
    });
    // After the staging has refused a rounds directory that is a link, which would make every round look damaged.
    if (what === 'circulate' && unusable(env, ws, problems)) return reportProblems(env, problems.sorted());
    const stage = staging;
    const runner = threads.active;
    // Documents are rendered side by side (when there are threads) but staged
    // in plan order; only a few are in flight, since at a thousand partners
    // each document tree and its DOCX take hundreds of MiB.
    const inFlight: { name: string; copies: NonNullable<PlannedDocument['copies']>; result: Promise<TaskResult> }[] =
      [];
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
      count += 1;
      env.progress.update('writing documents', count, planned.length);
    };
    const rounds: RoundContext = { dating, endorsement };
    const planned = plan(what, ws, result, ws.style.style.cover, formats, rounds);
    for (const doc of planned) {
      const toRoot =
        relative(dirname(join(outDir, doc.name)), env.root)
          .split('\\')
          .join('/') || '.';
      const task = {
        kind: 'render',
        doc: doc.build(),
        formats: doc.formats,
        toRoot,
        style: ws.style,
        images: ws.images,
      } as const;
      const result = runner.run(task);
      // Awaited in turn by settle(); until then a failure must not count as unhandled and end the process.
      result.catch(() => undefined);
      inFlight.push({ name: doc.name, copies: doc.copies ?? [], result });
      if (inFlight.length > runner.width) await settle();
    }
    while (inFlight.length > 0) await settle();
    if (what === 'merge') staging.stage('report.json', reportJson(ws, result, endorsement));
    if (what === 'circulate') staging.stage(`${ROUNDS_DIR}/${dating.round}/${ROUND_FILE}`, roundJson(ws, dating));
    written = staging.commit();
  } catch (e) {
    staging?.discard();
    if (e instanceof OutputError)
      return reportProblems(env, [
        ...shown,
        { severity: 'error', kind: 'input', code: 'output', message: e.message, ...configAt },
      ]);
    throw e;
  }
  reportProblems(env, shown);
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

/** What merge says when the round does not allow the response yet, and how to go on. */
function refusal(e: ResponseEndorsement): string {
  const round = e.round!;
  const why = [
    ...(e.uncirculated.length > 0
      ? [
          `the response would hold text the partners were not sent in round ${round.number}; circulate it ('lsp-respond circulate') for sign-off`,
        ]
      : []),
    ...(e.awaiting.length > 0
      ? [
          `not every partner has answered round ${round.number}${round.deadline ? ` before its objection deadline (${round.deadline})` : ''}; wait for their replies${round.deadline ? ' or the deadline' : ''}`,
        ]
      : []),
  ];
  return `nothing written: ${why.join(', and ')}. Or run 'lsp-respond merge --accept-unendorsed' to write it now: its cover lists only the partners who have endorsed it${e.uncirculated.length > 0 ? ', and its cover and document properties say it holds text not circulated' : ''}`;
}

/** Problems the user chose to go past (--allow-incomplete, --accept-unendorsed): warnings now, not failures. */
function asked(list: readonly Problem[]): Problem[] {
  return list.map((p) => (p.kind === 'completeness' ? { ...p, severity: 'warning' } : p));
}

function byPlace(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
