// import --endorsement: a partner's returned endorsement sheet into its
// response file's front matter (cannot_endorse and endorsed), leaving the
// rest of the file, comments included, as it was. The sheet is checked
// against the workspace first (whose it is, which round, which sections);
// anything wrong leaves the file untouched.
import { join } from 'node:path';
import { DamagedWordFile } from '../import/word-html.js';
import { editFrontMatter } from '../import/front-matter-edit.js';
import { readSheet, SheetError, type SheetReply } from '../import/endorsement.js';
import { applySheet, describeChange } from '../import/sheet-changes.js';
import { ioCode, MAX_INPUT_BYTES } from '../load/files.js';
import { InputRefused, readInput } from '../load/read-input.js';
import { filesDeclaring } from '../load/declared-ids.js';
import { partnerIdProblem } from '../load/partner-id.js';
import { locked } from './locked.js';
import { parsePartnerFile } from '../load/response.js';
import { loadRounds, ROUNDS_DIR } from '../load/rounds.js';
import type { Round, SectionId } from '../core/model.js';
import { Problems } from '../core/problems.js';
import { formatSectionId, parseSectionId } from '../core/section-id.js';
import { readWordInput, reportDamaged, type WordInput } from './word-file.js';
import { type Env, reportProblems, UsageError } from './env.js';
import { writeReported } from './write-reported.js';

/** Whether a sheet row's id names a section of the round: itself, or (a whole answer, Q12) a contribution to that question. */
function names(row: SectionId, section: SectionId): boolean {
  if (row.kind !== 'answer') return formatSectionId(row) === formatSectionId(section);
  return (
    section.kind !== 'preamble' &&
    section.target.question === row.target.question &&
    (row.target.part === null || section.target.part === row.target.part)
  );
}

/** Why the sheet cannot be read into this workspace, or null. */
function sheetProblem(
  reply: SheetReply,
  id: string,
  fileId: string,
  rounds: readonly Round[],
  output: string,
): string | null {
  const latest = rounds.at(-1);
  const current = latest
    ? `the current round is ${latest.number}: use ${output}/${ROUNDS_DIR}/${latest.number}/sheets/${id}.docx`
    : 'no round has been circulated in this workspace (lsp-respond circulate writes the sheets)';
  const idProblem = partnerIdProblem(reply.partnerId);
  if (idProblem) return `the sheet's Partner id is wrong: ${idProblem}; use the sheet circulate wrote for this partner`;
  if (reply.partnerId !== id)
    return `this is ${reply.partnerId}'s endorsement sheet, not ${id}'s; check --id, or import ${id}'s own sheet`;
  if (fileId !== id)
    return `the response file declares id: ${fileId}, not ${id}; the sheet is ${id}'s, so it cannot go into that file`;
  const round = rounds.find((r) => r.number === reply.round);
  if (!round) return `the sheet is for round ${reply.round}, which was never circulated; ${current}`;
  if (round !== latest)
    return `the sheet is for round ${reply.round}, an older round whose draft has been replaced; ${current}`;
  const inRound = Object.keys(round.sections).map(parseSectionId);
  for (const r of reply.rows) {
    const parsed = parseSectionId(r.section)!;
    if (!inRound.some((s) => s !== null && names(parsed, s)))
      return `row ${r.row} of the table names ${r.section}, which is not a section of round ${round.number}; the rows must stay as the sheet gave them`;
  }
  return null;
}

export async function importEndorsement(env: Env, sheet: string, id: string): Promise<number> {
  const idProblem = partnerIdProblem(id);
  if (idProblem) throw new UsageError(`--id: ${idProblem}`);
  const problems = new Problems();
  const input = readWordInput(env, sheet, problems, 'sheet');
  if (!input) return reportProblems(env, problems.sorted());
  // Held from reading the response file to writing it back, so no other run's edit is lost in between.
  return locked(env, input.config, problems, () => importLocked(env, sheet, id, input, problems));
}

async function importLocked(
  env: Env,
  sheet: string,
  id: string,
  input: WordInput,
  problems: Problems,
): Promise<number> {
  const at = { file: sheet, line: 1, column: 1 };
  const { bytes, config, questions } = input;

  let reply: SheetReply;
  try {
    reply = await readSheet(bytes);
  } catch (e) {
    if (e instanceof SheetError) problems.error('endorsement-sheet', at, e.message);
    else if (e instanceof DamagedWordFile) reportDamaged(problems, sheet, 'sheet', e);
    else throw e;
    return reportProblems(env, problems.sorted());
  }
  const dir = config.responses.replace(/\/+$/, '');
  const file = `${dir}/${id}.md`;
  const others = filesDeclaring(env.root, dir, id, file);
  if (others.length > 0)
    throw new UsageError(
      `${others.join(' and ')} already declares partner id '${id}', so it is not clear which file the sheet belongs in; give each partner one file and import again`,
    );
  let source: string;
  try {
    source = readInput(join(env.root, file), { workspace: env.root, limit: MAX_INPUT_BYTES }).toString('utf8');
  } catch (e) {
    if (e instanceof InputRefused) {
      problems.error('unreadable', { file, line: 1, column: 1 }, `${file} ${e.message}`);
      return reportProblems(env, problems.sorted());
    }
    const code = ioCode(e);
    problems.error(
      'unreadable',
      { file, line: 1, column: 1 },
      code === 'ENOENT'
        ? `${file} does not exist; the sheet's answers go into the partner's response file (import its Word reply or run lsp-respond template first)`
        : `${file} cannot be read (${code})`,
    );
    return reportProblems(env, problems.sorted());
  }
  const parsed = parsePartnerFile(source, file, questions, new Problems());
  const rounds = loadRounds(env.root, config.output, problems);
  const refused = sheetProblem(reply, id, parsed?.partner.id ?? id, rounds, config.output);
  if (refused) {
    problems.error('endorsement-sheet', at, `${refused}; ${file} was not changed`);
    return reportProblems(env, problems.sorted());
  }

  // The sheet went out with the partner's standing objections filled in: what changed is what the partner changed.
  const before = (parsed?.partner.objections ?? [])
    .filter((o) => o.kind === 'cannot-endorse')
    .map((o) => ({ section: o.section, reason: o.reason }));
  const { after, changes } = applySheet(before, reply.rows);
  // Only what the sheet changes is rewritten: a sheet returned as it was sent leaves the file byte for byte.
  const objectionsChanged = changes.some(
    (c) => c.kind === 'added' || c.kind === 'withdrawn' || c.kind === 'reason-changed',
  );
  const was = parsed?.partner.endorsed;
  const signOffChanged =
    reply.signOff !== null &&
    !(was && was.round === reply.round && was.date === reply.signOff.date && was.by === reply.signOff.by);
  const edited = editFrontMatter(source, {
    ...(objectionsChanged
      ? {
          cannot_endorse: after.length > 0 ? { value: after.map((o) => (o.reason === '' ? o.section : o)) } : undefined,
        }
      : {}),
    ...(reply.signOff && signOffChanged
      ? { endorsed: { value: { round: reply.round, date: reply.signOff.date, by: reply.signOff.by }, flow: true } }
      : {}),
  });
  if (edited === null) {
    problems.error(
      'front-matter',
      { file, line: 1, column: 1 },
      `${file} has no front matter that can be edited (it must start with '---' and a YAML mapping closed by '---'); fix it, then import the sheet again`,
    );
    return reportProblems(env, problems.sorted());
  }
  // What the loader will say of the file, said now, before anything is written.
  const check = new Problems();
  parsePartnerFile(edited, file, questions, check);
  for (const p of check.list)
    if (p.severity === 'error')
      problems.error(
        'endorsement-sheet',
        at,
        `the sheet's answers would break ${file} (${p.message}); nothing was written`,
      );
  if (problems.hasInputErrors()) return reportProblems(env, problems.sorted());
  if (edited !== source) {
    const refused = writeReported(env, problems, config.responses, new Map([[`${id}.md`, edited]]), {
      file,
      line: 1,
      column: 1,
    });
    if (refused !== undefined) return refused;
  }
  const code = reportProblems(env, problems.sorted());
  const signed = reply.signOff
    ? `endorsed round ${reply.round} (${reply.signOff.date}, ${reply.signOff.by})`
    : `not signed off round ${reply.round}`;
  const lines = [
    `imported ${sheet} into ${file}${edited === source ? ' (no change)' : ''}: ${signed}`,
    ...changes.map((c) => `  ${describeChange(c)}`),
  ];
  // A withdrawn objection puts text back into the response: said even under --quiet.
  const shown = env.quiet
    ? lines.filter((l) => l.startsWith('  withdrawn'))
    : changes.length === 0
      ? [`${lines[0]}; no objections`]
      : lines;
  if (shown.length > 0) env.stdout(`${shown.join('\n')}\n`);
  return code;
}
