// import --endorsement: a partner's returned endorsement sheet into its
// response file's front matter (cannot_endorse and endorsed), leaving the
// rest of the file, comments included, as it was.
import { join } from 'node:path';
import { DamagedWordFile } from '../import/word-html.js';
import { editFrontMatter } from '../import/front-matter-edit.js';
import { readSheet, SheetError, type SheetReply } from '../import/endorsement.js';
import { ioCode, MAX_INPUT_BYTES } from '../load/files.js';
import { InputRefused, readInput } from '../load/read-input.js';
import { filesDeclaring } from '../load/declared-ids.js';
import { partnerIdProblem } from '../load/partner-id.js';
import { locked } from './locked.js';
import { parsePartnerFile } from '../load/response.js';
import { Problems } from '../problems.js';
import { OutputError, writeOutputs } from '../write/outputs.js';
import { readWordInput, reportDamaged, type WordInput } from './word-file.js';
import { type Env, report, UsageError } from './env.js';

export async function importEndorsement(env: Env, sheet: string, id: string): Promise<number> {
  const idProblem = partnerIdProblem(id);
  if (idProblem) throw new UsageError(`--id: ${idProblem}`);
  const problems = new Problems();
  const input = readWordInput(env, sheet, problems, 'sheet');
  if (!input) return report(env, problems.sorted());
  // Held from reading the response file to writing it back, so no other run's edit is lost in between.
  return locked(env, input.config, problems, () => importLocked(env, sheet, id, input, problems));
}

async function importLocked(env: Env, sheet: string, id: string, input: WordInput, problems: Problems): Promise<number> {
  const at = { file: sheet, line: 1, column: 1 };
  const { bytes, config, questions } = input;

  let reply: SheetReply;
  try {
    reply = await readSheet(bytes);
  } catch (e) {
    if (e instanceof SheetError) problems.error('endorsement-sheet', at, e.message);
    else if (e instanceof DamagedWordFile) reportDamaged(problems, sheet, 'sheet', e);
    else throw e;
    return report(env, problems.sorted());
  }
  if (reply.partnerId !== id) throw new UsageError(`${sheet} is ${reply.partnerId}'s endorsement sheet, not ${id}'s; check --id`);

  const dir = config.responses.replace(/\/+$/, '');
  const file = `${dir}/${id}.md`;
  const others = filesDeclaring(env.root, dir, id, file);
  if (others.length > 0) throw new UsageError(`${others.join(' and ')} already declares partner id '${id}', so it is not clear which file the sheet belongs in; give each partner one file and import again`);
  let source: string;
  try {
    source = readInput(join(env.root, file), { workspace: env.root, limit: MAX_INPUT_BYTES }).toString('utf8');
  } catch (e) {
    if (e instanceof InputRefused) {
      problems.error('unreadable', { file, line: 1, column: 1 }, `${file} ${e.message}`);
      return report(env, problems.sorted());
    }
    const code = ioCode(e);
    problems.error('unreadable', { file, line: 1, column: 1 }, code === 'ENOENT' ? `${file} does not exist; the sheet's answers go into the partner's response file (import its Word reply or run lsp-respond template first)` : `${file} cannot be read (${code})`);
    return report(env, problems.sorted());
  }
  // The sheet is the partner's whole reply to the round: it replaces earlier objections and sign-off.
  const edited = editFrontMatter(source, {
    cannot_endorse: reply.objections.length > 0 ? { value: reply.objections.map((o) => (o.reason === '' ? o.section : o)) } : undefined,
    endorsed: reply.signOff ? { value: { round: reply.round, date: reply.signOff.date, by: reply.signOff.by }, flow: true } : undefined,
  });
  if (edited === null) {
    problems.error('front-matter', { file, line: 1, column: 1 }, `${file} has no front matter that can be edited (it must start with '---' and a YAML mapping closed by '---'); fix it, then import the sheet again`);
    return report(env, problems.sorted());
  }
  // What the loader will say of the file, said now, before anything is written.
  const check = new Problems();
  parsePartnerFile(edited, file, questions, check);
  for (const p of check.list) if (p.severity === 'error') problems.error('endorsement-sheet', at, `the sheet's answers would break ${file} (${p.message}); nothing was written`);
  if (problems.hasInputErrors()) return report(env, problems.sorted());
  try {
    writeOutputs(join(env.root, config.responses), new Map([[`${id}.md`, edited]]), [], env.root);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    problems.error('output', { file, line: 1, column: 1 }, e.message);
    return report(env, problems.sorted());
  }
  const code = report(env, problems.sorted());
  if (!env.quiet) {
    const objected = reply.objections.length === 0 ? 'no objections' : `cannot endorse ${reply.objections.map((o) => o.section).join(', ')}`;
    const signed = reply.signOff ? `endorsed round ${reply.round} (${reply.signOff.date}, ${reply.signOff.by})` : 'not signed off';
    env.stdout(`imported ${sheet} into ${file}: ${objected}; ${signed}\n`);
  }
  return code;
}
