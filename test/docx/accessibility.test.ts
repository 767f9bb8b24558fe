// Every kind of document the tool writes, put through the accessibility check
// of accessibility.ts (heading order, title, language, alt text, table
// headers, contrast, minimum size, italics, bold text for headings): any
// finding fails. Then the check itself is shown to find each problem, and
// the pieces behind a clean result are tested one by one.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contrast, MIN_CONTRAST } from '../../src/checks/contrast.js';
import { ANSWER_PLACEHOLDER } from '../../src/compose/form.js';
import { DEFAULT_STYLE_YAML, loadStyle } from '../../src/load/style.js';
import { DEFAULT_STYLE } from '../../src/core/style.js';
import { colourPairs } from '../../src/core/style.js';
import { readZip } from '../helpers/zip.js';
import { REPO, run } from '../helpers/cli.js';
import { loadPartner, messages } from '../helpers/model.js';
import { workspace } from '../helpers/workspace.js';
import { storedZip } from '../helpers/zip.js';
import { accessibilityFindings } from './accessibility.js';
import { answerModel, render, xmlParts } from './helpers.js';
import { png } from './images.js';
import { attr, elements, wordText, type XmlElement } from './xml.js';

const scratch = mkdtempSync(join(tmpdir(), 'lsp-a11y-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every .docx under `dir`. */
function docxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.docx'))
    .map((f) => join(dir, f))
    .sort();
}

/** A question set whose sections have questions and no topics, answered with headings of every level. */
const FLAT = {
  'lsp-respond.yaml':
    'partnership: Flat Partnership\nshort: FP\nquestions: questions/flat.yaml\ndate: 2006-03-01\ndraft_date: 2006-02-15\ndeadlines:\n  objections: 2006-02-24\ncontact:\n  name: A Officer\n  email: officer@example.org\n',
  'responses/one.md':
    '---\npartner: One Council\nsector: public\n---\n\nGeneral words.\n\n# A heading in the comments\n\n## Q1\n\n#### Deep heading first\n\nText.\n\n# Top heading\n\n### Then level three\n\n## Q2a\n\nPart answer.\n',
  'responses/two.md':
    '---\npartner: Two Forum\nsector: community\ncannot_endorse:\n  - section: Q1/one\n    reason: No.\n---\n\n## Q1\n\nThe forum view.\n\n## Q3\n\n| Lead partner | Existing groups to be merged |\n|---|---|\n| Council | Several |\n',
};
const FLAT_QUESTIONS = `id: flat
title: A consultation without topics
publisher: Department for Testing
published: "2006-01-02"
closes: "2006-03-03"
sections:
  - title: Capacity
    questions:
      - id: Q1
        text: "What gaps are there?"
      - id: Q2
        text: "What would help?"
        parts:
          - id: a
            text: "for the executive"
  - title: Everything else
    questions:
      - id: Q3
        text: "Anything else?"
`;

let example: string | undefined;

/** out/ of the bundled example after merge, a Word form and circulate: every kind of document, made once for the tests that read them. */
function exampleOut(): string {
  if (example !== undefined) return example;
  const ws = join(scratch, 'example');
  for (const part of ['lsp-respond.yaml', 'questions', 'responses', 'templates', 'composite.md'])
    cpSync(join(REPO, part), join(ws, part), { recursive: true });
  expect(run(['-C', ws, 'merge']).code).toBe(0);
  expect(run(['-C', ws, 'template', 'newcomer', '--partner', 'A Newcomer', '--format', 'docx']).code).toBe(0);
  expect(run(['-C', ws, '--today', '2006-02-15', 'circulate']).code).toBe(0);
  expect(run(['-C', ws, 'paper']).code).toBe(0);
  example = join(ws, 'out');
  return example;
}

describe('accessibility of every document the tool writes', { timeout: 600_000 }, () => {
  it('finds nothing in the bundled example: response, draft, letter, paper, separate submissions, sheets and the Word form', () => {
    const files = docxFiles(exampleOut());
    for (const kind of ['draft.docx', 'response.docx', 'letter.docx', 'paper.docx', 'separate/', 'forms/', 'sheets/'])
      expect(
        files.some((f) => f.includes(kind)),
        kind,
      ).toBe(true);
    for (const file of files) expect(accessibilityFindings(new Uint8Array(readFileSync(file))), file).toEqual([]);
  });

  it('finds nothing for a question set without topics, answered with headings of every level', () => {
    const ws = workspace({ ...FLAT, 'questions/flat.yaml': FLAT_QUESTIONS }, { questions: false });
    const merged = run(['-C', ws, 'merge']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(run(['-C', ws, 'template', 'three', '--partner', 'Three', '--format', 'docx']).code).toBe(0);
    expect(run(['-C', ws, '--today', '2006-02-15', 'circulate']).code).toBe(0);
    const files = docxFiles(join(ws, 'out'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(accessibilityFindings(new Uint8Array(readFileSync(file))), file).toEqual([]);
    // The Markdown has the same levels: a question is level 2 under its section, its answer's headings (here removed, so quoted) start at 3.
    const draft = readFileSync(join(ws, 'out/draft.md'), 'utf8');
    expect(draft).toMatch(
      /^# Capacity\n\n## Question 1\n[\s\S]*^(?:> )?### Deep heading first\n[\s\S]*^(?:> )?### Top heading\n[\s\S]*^(?:> )?### Then level three$/m,
    );
    expect(draft).toMatch(/^# General comments\n[\s\S]*^## A heading in the comments$/m);
    rmSync(ws, { recursive: true, force: true });
  });
});

/** The document.xml of `bytes` changed by `edit`, repacked. */
function edited(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const parts = readZip(bytes);
  parts.set(part, new TextEncoder().encode(edit(new TextDecoder().decode(parts.get(part)))));
  return storedZip(Object.fromEntries(parts));
}

describe('the accessibility check finds each problem it looks for', () => {
  it('a skipped heading level, a title property that is not the visible title, a picture without a description, faint and small text', async () => {
    const { bytes } = await render(answerModel('Text. ![](images/chart.png)'), {
      images: new Map([['images/chart.png', png(4, 4)]]),
    });
    let bad = edited(bytes, 'word/document.xml', (xml) =>
      xml
        .replace('<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="Heading3"/>')
        .replace(
          '<w:t xml:space="preserve">Text. </w:t>',
          '<w:rPr><w:color w:val="BBBBBB"/><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">Text. </w:t>',
        ),
    );
    bad = edited(bad, 'docProps/core.xml', (xml) =>
      xml.replace(/<dc:title>[^<]*<\/dc:title>/, '<dc:title>Something else</dc:title>'),
    );
    const findings = accessibilityFindings(bad).join('\n');
    expect(findings).toContain('"Governance" is level 3 after level 1');
    expect(findings).toContain('the title property "Something else" is not the visible title');
    expect(findings).toContain('alt text: Picture 1 has no description');
    expect(findings).toMatch(/contrast: "Text\. " in word\/document\.xml is BBBBBB on FFFFFF, 1\.\d+:1/);
    expect(findings).toContain('size: "Text. " in word/document.xml is 8 pt, under 10 pt');
  });

  it('a house style with small, italic or faint text, a table without a header row, bold text as a heading, no language', async () => {
    const style = {
      ...DEFAULT_STYLE,
      sizes: { ...DEFAULT_STYLE.sizes, body: 11, small: 8 },
      colours: { ...DEFAULT_STYLE.colours, muted: 'AAAAAA' },
    };
    const { bytes } = await render(answerModel('**Looks like a heading**\n\n| A | B |\n|---|---|\n| 1 | 2 |\n'), {
      style,
    });
    const bad = edited(
      edited(bytes, 'word/document.xml', (xml) => xml.replace('<w:tblHeader/>', '')),
      'word/styles.xml',
      (xml) =>
        xml
          .replace(/<w:lang [^>]*\/>/, '')
          .replace(
            '<w:style w:type="paragraph" w:styleId="Note">',
            '<w:style w:type="paragraph" w:styleId="Note"><w:rPr><w:i/></w:rPr>',
          ),
    );
    const findings = accessibilityFindings(bad).join('\n');
    expect(findings).toContain('size: body text is 11 pt, under 12 pt');
    expect(findings).toContain('size: style Attribution is 8 pt, under 10 pt');
    expect(findings).toMatch(/contrast: .* is AAAAAA on FFFFFF/);
    expect(findings).toContain('table 1: its first row is not marked as a header row');
    expect(findings).toContain('heading: "Looks like a heading" is bold text standing in for a heading');
    expect(findings).toContain('language: the document defaults name no language');
  });
});

describe('contrast', { timeout: 600_000 }, () => {
  it('computes WCAG ratios: black on white 21:1, the old grey on the old shading under 4.5:1', () => {
    expect(contrast('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('FFFFFF', 'FFFFFF')).toBe(1);
    expect(contrast('6E6E6E', 'EDEDED')).toBeLessThan(MIN_CONTRAST);
  });

  it('every text/background pair of the default house style (templates/style.yaml) is at least 4.5:1', () => {
    const { style, problems } = loadStyle(DEFAULT_STYLE_YAML, 'templates/style.yaml');
    expect(problems).toEqual([]);
    const pairs = colourPairs(style);
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    for (const pair of pairs)
      expect(
        contrast(pair.text, pair.background),
        `${pair.what}: ${pair.text} on ${pair.background}`,
      ).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('a house style below 4.5:1 is refused at the colour it sets, saying which text and what to do', () => {
    const faint = loadStyle('colours:\n  muted: "8A8A8A"\n', 'templates/style.yaml');
    expect(faint.style).toEqual(DEFAULT_STYLE);
    expect(faint.problems[0]).toMatchObject({ line: 2, column: 10 });
    expect(faint.problems.map((p) => p.message).join('\n')).toMatch(
      /colours\.muted: removed text in the draft on its shading would be 8A8A8A on EDEDED, a contrast of \d\.\d+:1, under the 4\.5:1 .*; choose a darker text colour/,
    );
    const shading = loadStyle('colours:\n  tableHeader: "404040"\n', 'templates/style.yaml').problems;
    expect(shading[0]?.message).toMatch(/colours\.tableHeader: table header text .*choose a lighter background/);
    expect(loadStyle('sizes:\n  small: 9\n', 'templates/style.yaml').problems[0]?.message).toContain('below 10 points');
  });

  it('check refuses such a house style with its position', () => {
    const ws = workspace({
      'lsp-respond.yaml': 'partnership: P\n',
      'templates/style.yaml': 'colours:\n  link: "7FA7FF"\n',
      'responses/a.md': '---\npartner: A\n---\n\n## Q1\n\nYes.\n',
    });
    const r = run(['-C', ws, 'check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('templates/style.yaml:2:9: error: colours.link: links would be 7FA7FF on FFFFFF');
    rmSync(ws, { recursive: true, force: true });
  });
});

describe('images', () => {
  it('check warns of an image without a description, at its position, and says how to mark a decorative one', () => {
    const { problems } = loadPartner(
      '---\npartner: A\n---\n\n## Q1\n\nSee ![](chart.png) and ![](rule.png "decorative") and ![A bar chart](c2.png).\n',
    );
    const warnings = messages(problems).filter((m) => m.includes('description'));
    expect(warnings).toEqual([
      `responses/p.md:7:5: warning: image 'chart.png' has no description, so a screen reader cannot say what it shows; write one between the brackets, ![what it shows](chart.png), or mark a purely decorative image ![](chart.png "decorative")`,
    ]);
  });

  it("a decorative image is written with an empty description and Office's decorative flag; others keep their description", async () => {
    const { bytes } = await render(
      answerModel('![](images/a.png "decorative") ![Bar chart of spending](images/b.png)'),
      {
        images: new Map([
          ['images/a.png', png(4, 4)],
          ['images/b.png', png(4, 4)],
        ]),
      },
    );
    const pictures = elements(xmlParts(bytes).get('word/document.xml')!).filter((e) => e.name === 'wp:docPr');
    expect(
      pictures.map((p) => [
        attr(p, 'descr'),
        elements(p).some((e) => e.name === 'adec:decorative' && attr(e, 'val') === '1'),
      ]),
    ).toEqual([
      ['', true],
      ['Bar chart of spending', false],
    ]);
    expect(attr(pictures[0]!, 'title')).toBeUndefined();
  });
});

describe('forms and sheets people can fill in', { timeout: 600_000 }, () => {
  const body = (bytes: Uint8Array) => xmlParts(bytes).get('word/document.xml')!;
  const controls = (root: XmlElement) =>
    elements(root).filter((e) => e.name === 'w:sdt' && !elements(e).some((c) => c.name === 'w:docPartObj'));
  const alias = (sdt: XmlElement) => attr(elements(sdt).find((e) => e.name === 'w:alias')!, 'w:val');

  it('the form has a content control with placeholder text under every question and part, and its title names the partner', () => {
    const ws = workspace({ 'lsp-respond.yaml': 'partnership: P\n' });
    expect(run(['-C', ws, 'template', 'mps', '--partner', 'Police', '--format', 'docx']).code).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(ws, 'out/forms/mps.docx')));
    const found = controls(body(bytes));
    expect(found.map(alias).slice(0, 3)).toEqual(['General comments', 'Answer to Q1', 'Answer to Q2']);
    expect(found.map(alias)).toContain('Answer to Q16a');
    expect(found).toHaveLength(1 + 35 + 4);
    for (const sdt of found) {
      expect(elements(sdt).some((e) => e.name === 'w:showingPlcHdr')).toBe(true);
      expect(wordText(sdt)).toBe(ANSWER_PLACEHOLDER);
    }
    const title = elements(xmlParts(bytes).get('docProps/core.xml')!).find((e) => e.name === 'dc:title')!;
    expect(title.children.join('')).toBe('Response form: Local Strategic Partnerships: Shaping their future (Police)');
    rmSync(ws, { recursive: true, force: true });
  });

  it('a sheet has no DRAFT banner, a heading before its table, and a sign-off table of a name field and a date picker', () => {
    const bytes = new Uint8Array(readFileSync(join(exampleOut(), 'rounds/1/sheets/mps.docx')));
    const parts = xmlParts(bytes);
    for (const [name, part] of parts)
      if (/header|footer/.test(name)) expect(wordText(part), name).not.toContain('DRAFT');
    const blocks = (
      body(bytes).children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:body')?.children ?? []
    ).filter((c): c is XmlElement => typeof c !== 'string');
    const firstTable = blocks.findIndex((b) => b.name === 'w:tbl');
    expect(wordText(blocks[firstTable - 1]!)).toBe('Sections of the draft');
    const signOff = controls(body(bytes));
    expect(signOff.map(alias)).toEqual(['Signed off by', 'Date (YYYY-MM-DD)']);
    expect(elements(signOff[1]!).some((e) => e.name === 'w:date')).toBe(true);
    const title = elements(parts.get('docProps/core.xml')!).find((e) => e.name === 'dc:title')!;
    expect(title.children.join('')).toMatch(/^Endorsement sheet: .* \(Metropolitan Police Service/);
  });
});

describe('Word-native markup', { timeout: 600_000 }, () => {
  it('e-mail addresses are mailto: links; page numbers have a stored value; no empty paragraph follows a table', async () => {
    const response = new Uint8Array(readFileSync(join(exampleOut(), 'response.docx')));
    const rels = new TextDecoder().decode(readZip(response).get('word/_rels/document.xml.rels'));
    expect(rels).toContain('Target="mailto:Jessie.Hamshar@rbkc.gov.uk"');
    const footer = xmlParts(response).get('word/footer1.xml')!;
    expect(wordText(footer)).toBe('Page 1 of 1');
    const { bytes } = await render(answerModel('| A | B |\n|---|---|\n| 1 | 2 |\n\n| C |\n|---|\n| 3 |\n\nAfter.'));
    const xml = new TextDecoder().decode(readZip(bytes).get('word/document.xml'));
    // Between two tables one paragraph keeps Word from joining them; after the last, none.
    expect(xml).toMatch(/<\/w:tbl><w:p><w:pPr><w:spacing w:after="0" w:before="0"\/><\/w:pPr><\/w:p><w:tbl>/);
    expect(xml).toMatch(/<\/w:tbl><w:p><w:r><w:t xml:space="preserve">After\.<\/w:t>/);
  });

  it('a table column is at least as wide as its longest word', async () => {
    const { bytes } = await render(
      answerModel(
        '| LAA block | Lead thematic partnership | Lead partner | Existing groups to be merged into the thematic partnership with a long explanation of why |\n|---|---|---|---|\n| a | b | c | d |\n',
      ),
    );
    const grid = elements(xmlParts(bytes).get('word/document.xml')!)
      .filter((e) => e.name === 'w:gridCol')
      .map((e) => Number(attr(e, 'w:w')));
    // 12 pt bold text at most 0.62 em a letter, plus the cell's margins.
    const least = (word: string) => word.length * 12 * 20 * 0.62 + 216;
    expect(grid[0]).toBeGreaterThanOrEqual(least('block'));
    expect(grid[1]).toBeGreaterThanOrEqual(least('partnership'));
    expect(grid[2]).toBeGreaterThanOrEqual(least('partner'));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(9026);
  });
});
