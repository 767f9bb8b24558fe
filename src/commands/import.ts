// import: a partner's Word reply to responses/<id>.md. The Word file is read,
// placed question by question, checked as the loader will check it, and only
// then written (atomically, with its pictures); an existing response is never
// replaced without --force.
import { join } from 'node:path';
import { convertWord } from '../import/convert.js';
import { DamagedWordFile } from '../import/word-html.js';
import type { ImportedResponse } from '../import/sections.js';
import { partnerIdProblem } from '../load/partner-id.js';
import { parsePartnerFile } from '../load/response.js';
import { SECTORS, type Sector } from '../core/model.js';
import { Problems } from '../core/problems.js';
import { type Env, reportProblems, UsageError } from './env.js';
import { writeReported } from './write-reported.js';
import { readWordInput, reportDamaged, type WordInput } from './word-file.js';
import { locked } from './locked.js';
import { kindOf } from '../write/guard.js';
import { filesDeclaring } from '../load/declared-ids.js';

export interface ImportOptions {
  id: string;
  partner: string;
  sector: string;
  force: boolean;
}

export async function importWord(env: Env, source: string, opts: ImportOptions): Promise<number> {
  const idProblem = partnerIdProblem(opts.id);
  if (idProblem) throw new UsageError(`--id: ${idProblem}`);
  if (!(SECTORS as readonly string[]).includes(opts.sector))
    throw new UsageError(`--sector must be one of ${SECTORS.join(', ')}`);
  if (opts.partner.trim() === '') throw new UsageError('--partner must name the organisation');
  const problems = new Problems();
  const input = readWordInput(env, source, problems, 'file');
  if (!input) return reportProblems(env, problems.sorted());
  return locked(env, input.config, problems, () => importLocked(env, source, opts, input, problems));
}

async function importLocked(
  env: Env,
  source: string,
  opts: ImportOptions,
  input: WordInput,
  problems: Problems,
): Promise<number> {
  const { bytes, config, questions } = input;
  const at = { file: source, line: 1, column: 1 };
  const dir = config.responses.replace(/\/+$/, '');
  const file = `${dir}/${opts.id}.md`;
  if (kindOf(join(env.root, file)) !== 'missing' && !opts.force) {
    throw new UsageError(
      `${file} already exists; import never replaces a response unless you add --force (the file was not changed)`,
    );
  }
  const others = filesDeclaring(env.root, dir, opts.id, file);
  if (others.length > 0)
    throw new UsageError(
      `${others.join(' and ')} already declares partner id '${opts.id}'; import under another --id, or import into that file's own id`,
    );

  let converted: Awaited<ReturnType<typeof convertWord>>;
  try {
    converted = await convertWord(bytes, questions, {
      id: opts.id,
      partner: opts.partner,
      sector: opts.sector as Sector,
    });
  } catch (e) {
    if (!(e instanceof DamagedWordFile)) throw e;
    reportDamaged(problems, source, 'file', e);
    return reportProblems(env, problems.sorted());
  }
  const { placed, file: out } = converted;
  for (const w of converted.warnings)
    problems.warn('word-conversion', at, `${w}; the text is kept, check its formatting in ${file}`);
  const { comments, changes } = converted.review;
  if (comments > 0)
    problems.warn(
      'word-review',
      at,
      `the document has ${comments} comment${comments === 1 ? '' : 's'}; comments are notes on the document, not answer text, so they are not imported: read ${comments === 1 ? 'it' : 'them'} in Word, and ask the partner to put anything meant for the response into the text`,
    );
  if (changes > 0)
    problems.warn(
      'word-review',
      at,
      `the document has ${changes} tracked change${changes === 1 ? '' : 's'}; they are imported as if accepted (inserted text kept, deleted text left out): check ${file}, or accept or reject them in Word and import again`,
    );
  for (const note of placed.notes)
    problems.warn('word-placement', { file: source, line: note.paragraph, column: 1 }, note.message);
  for (const path of out.linked)
    problems.warn(
      'word-picture',
      at,
      `a picture is not PNG, JPEG or GIF, so it cannot go into the response: it is saved as ${config.responses}/${path} and linked; paste it into Word as PNG or JPEG and import again to embed it`,
    );

  // What the loader will say of the file, said now, before anything is written.
  const check = new Problems();
  parsePartnerFile(out.text, file, questions, check);
  for (const p of check.list) {
    if (p.severity === 'error')
      problems.error(
        'word-content',
        at,
        `cannot import this file: its text breaks a rule for responses (${p.message})`,
      );
  }
  if (problems.hasInputErrors()) return reportProblems(env, problems.sorted());

  const files = new Map<string, string | Uint8Array>([[`${opts.id}.md`, out.text], ...out.images]);
  const refused = writeReported(env, problems, config.responses, files, { file, line: 1, column: 1 });
  if (refused !== undefined) return refused;
  const code = reportProblems(env, problems.sorted());
  if (!env.quiet) env.stdout(account(source, file, placed, out.images.size));
  return code;
}

function account(source: string, file: string, placed: ImportedResponse, pictures: number): string {
  const blocks = (n: number) => `${n} block${n === 1 ? '' : 's'}`;
  const lines = [`imported ${source} as ${file}:`];
  if (placed.preamble.length > 0)
    lines.push(`  ${'preamble'.padEnd(9)} ${blocks(placed.preamble.length)} before the first question`);
  const empty: string[] = [];
  for (const a of placed.answers) {
    const id = `${a.question.id}${a.part ?? ''}`;
    if (a.blocks.length > 0) lines.push(`  ${id.padEnd(9)} ${blocks(a.blocks.length)} from ${a.from}`);
    else if (!placed.abstain.includes(a.question)) empty.push(id);
  }
  if (empty.length > 0)
    lines.push(`  no answer under ${empty.length} heading${empty.length === 1 ? '' : 's'}: ${empty.join(', ')}`);
  for (const q of placed.abstain) lines.push(`  ${q.id.padEnd(9)} abstains ("Abstain")`);
  if (placed.footnotes.length > 0)
    lines.push(`  ${placed.footnotes.length} footnote${placed.footnotes.length === 1 ? '' : 's'}`);
  if (pictures > 0) lines.push(`  ${pictures} picture${pictures === 1 ? '' : 's'} saved beside it`);
  if (placed.guessedHeaders.length > 0) {
    const where = [...new Set(placed.guessedHeaders)];
    lines.push(
      `  ${placed.guessedHeaders.length} table${placed.guessedHeaders.length === 1 ? ' has' : 's have'} no header row marked in Word, so the first row became the header (in ${where.join(', ')}); check ${placed.guessedHeaders.length === 1 ? 'it' : 'them'} in ${file}`,
    );
  }
  if (placed.skipped.length > 0)
    lines.push(
      `  skipped the form's own text (${placed.skipped.length}): ${placed.skipped
        .slice(0, 4)
        .map((s) => `"${s}"`)
        .join(', ')}${placed.skipped.length > 4 ? ', ...' : ''}`,
    );
  const answered = placed.answers.filter((a) => a.blocks.length > 0).length;
  lines.push(`${answered} answer${answered === 1 ? '' : 's'}; next: lsp-respond check`);
  return `${lines.join('\n')}\n`;
}
