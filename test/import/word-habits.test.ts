// What Word users do that Markdown has no direct word for: bold and italic
// runs that take the following space with them, tables with no header row
// marked, line breaks inside a paragraph, non-breaking spaces, smart quotes,
// headings numbered by Word, comments and tracked changes. Two replies, one
// saved by LibreOffice from an OpenDocument file and one built by hand with
// Word's own markup, are imported against golden Markdown, checked, merged,
// and the response DOCX read back by pandoc.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { type PandocNode, pandocJson, pandocNodes, pandocText, withPandoc } from '../docx/helpers.js';
import { REPO, run } from '../helpers/cli.js';
import { bold, heading, italic, paragraph, run as wordRun, struck, table, wordDocument } from '../helpers/word.js';
import { workspace } from '../helpers/workspace.js';

const WORD = join(REPO, 'test/fixtures/word');
const update = process.env.UPDATE_GOLDEN === '1';
const CONFIG =
  'partnership: Kensington and Chelsea Partnership\nshort: KCP\nquestions: questions/odpm-lsp-2005.yaml\ndate: 2006-03-01\n';
// The replies say "LSP" without spelling it out, as partners do: the glossary explains it.
const GLOSSARY =
  'terms:\n  - term: Local Strategic Partnership\n    acronym: LSP\n    definition: The partnership that answers.\n';

const br = '<w:r><w:br/></w:r>';
/** Word's numbering for question headings: "Q1: ", "Q2: " before Heading 2 paragraphs (w:numPr on the paragraph). */
const NUMBERING =
  '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Q%1: "/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>';
const numbered = (value: string) =>
  `<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr>${wordRun(value)}</w:p>`;

/** A reply with Word's markup for each habit (see test/helpers/word.ts). */
function handBuilt(): Uint8Array {
  const body = [
    paragraph(wordRun('General comments from the Council.')),
    numbered('Do you agree that the key role of the LSP should be to develop the vision?'),
    paragraph(
      bold('Yes. '),
      wordRun('The LSP should own the '),
      italic('vision '),
      wordRun('first, and the '),
      struck('old '),
      wordRun('new contract second.'),
    ),
    paragraph(
      bold(' '),
      wordRun('A bold space alone, '),
      bold('Agreed.'),
      wordRun('The rest, and '),
      bold('“quoted”'),
      wordRun('word.'),
    ),
    paragraph(wordRun('Signed:'), br, wordRun('Jane Smith'), br, wordRun('Head of Policy'), br),
    paragraph(
      wordRun('Within 10\u00a0km of the “town centre”, ‘the ward’ – and'),
      '<w:commentRangeStart w:id="0"/>',
      wordRun(' the river'),
      '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
      wordRun('.'),
    ),
    paragraph(wordRun('Before'), '<w:r><w:br w:type="page"/></w:r>', wordRun('after a page break.')),
    paragraph(
      wordRun('Co'),
      '<w:r><w:noBreakHyphen/></w:r>',
      wordRun('operation, re'),
      '<w:r><w:softHyphen/></w:r>',
      wordRun('generation.'),
    ),
    paragraph(
      wordRun('Tracked: '),
      '<w:ins w:id="1" w:author="Jane Smith"><w:r><w:t>kept insertion</w:t></w:r></w:ins>',
      '<w:del w:id="2" w:author="Jane Smith"><w:r><w:delText>dropped deletion</w:delText></w:r></w:del>',
      wordRun(' end.'),
    ),
    numbered('We believe it is important that LSPs reflect regional plans'),
    table([
      [[bold('Priority ')], [bold('Lead')]],
      [[wordRun('Crime and disorder')], [wordRun('Police')]],
    ]),
    table([
      [[wordRun('Board')], [wordRun('Quarterly')]],
      [[wordRun('Executive')], [wordRun('Monthly')]],
    ]),
    table([
      [[wordRun('Area')], [wordRun('Lead')]],
      [[wordRun('Housing')], [wordRun('The Council leads this, with the housing associations.')]],
    ]),
    table(
      [
        [[wordRun('')], [wordRun('')]],
        [[wordRun('Item')], [wordRun('Owner')]],
        [[wordRun('Audit')], [wordRun('Treasurer')]],
      ],
      false,
    ),
    heading(2, 'Q7: In two-tier areas'),
    table(
      [
        [[wordRun('Marked')], [wordRun('Header')]],
        [[wordRun('row')], [wordRun('kept')]],
      ],
      true,
    ),
  ];
  return wordDocument(body.join(''), {
    numbering: NUMBERING,
    comments:
      '<w:comment w:id="0" w:author="Jane Smith" w:initials="JS"><w:p><w:r><w:t>Check this figure with Planning.</w:t></w:r></w:p></w:comment>',
  });
}

function strongTexts(json: unknown): string[] {
  return pandocNodes(json, 'Strong').map((s) => pandocText(s.c).trim());
}

describe('Word habits survive import', () => {
  const cases: [string, () => Uint8Array, number][] = [
    ['libreoffice-habits', () => readFileSync(join(WORD, 'libreoffice-habits.docx')), 1],
    ['hand-built', handBuilt, 2],
  ];
  for (const [name, bytes, guessed] of cases) {
    withPandoc(
      `${name}: golden Markdown, a clean check, and a response DOCX pandoc reads as intended`,
      async () => {
        const ws = workspace({
          'lsp-respond.yaml': CONFIG,
          'glossary.yaml': GLOSSARY,
          'responses/.keep': '',
          'reply.docx': bytes(),
        });
        const r = run([
          '-C',
          ws,
          'import',
          'reply.docx',
          '--id',
          'rbkc',
          '--partner',
          'Royal Borough of Kensington and Chelsea',
          '--sector',
          'public',
        ]);
        expect(r.code, r.stderr).toBe(0);
        // Headings numbered by Word are read with their numbers.
        expect(r.stdout).toMatch(/Q1 +\d blocks? from heading "Q1: Do you agree/);
        expect(r.stdout).toMatch(/Q2 +\d blocks? from heading "Q2: We believe/);
        expect(r.stdout).toContain(
          `${guessed} table${guessed === 1 ? ' has' : 's have'} no header row marked in Word, so the first row became the header (in Q2); check`,
        );
        expect(r.stderr).toMatch(
          /reply\.docx:1:1: warning: the document has 1 comment; comments are notes on the document, not answer text, so they are not imported/,
        );
        const md = readFileSync(join(ws, 'responses/rbkc.md'), 'utf8');
        const golden = join(WORD, 'expected', `${name}.md`);
        if (update) {
          mkdirSync(join(WORD, 'expected'), { recursive: true });
          writeFileSync(golden, md);
        }
        expect(md).toBe(readFileSync(golden, 'utf8'));
        expect(md).not.toMatch(/&#x?[0-9a-f]+;/i);
        expect(md).not.toMatch(/^\|(?: +\|)+$/m);
        expect(md).toContain('10\u00a0km');
        expect(md).not.toContain('Check this figure');
        if (name === 'hand-built') expect(md).toContain('Co\u2011operation, re\u00adgeneration.');
        if (name === 'hand-built') expect(md).toContain('Before after a page break.');

        const check = run(['-C', ws, 'check', '--strict']);
        expect(check.stderr).not.toContain('literal-emphasis');
        expect(check.stderr).not.toMatch(/responses\/rbkc\.md:\d+:\d+: warning/);
        expect(run(['-C', ws, 'merge', '--allow-incomplete']).code).toBe(0);
        const json = pandocJson(readFileSync(join(ws, 'out/response.docx')));
        const text = pandocText(json);
        expect(text).not.toMatch(/[*_~]{1,2}\S|\S[*_~]{1,2}(?:\s|$)/);
        expect(strongTexts(json)).toEqual(expect.arrayContaining(['Yes.']));
        expect(pandocNodes(json, 'Emph').map((e) => pandocText(e.c).trim())).toContain('vision');
        expect(pandocNodes(json, 'Strikeout').map((e) => pandocText(e.c).trim())).toContain('old');
        expect(pandocNodes(json, 'LineBreak').length).toBeGreaterThanOrEqual(2);
        expect(text).toContain('10\u00a0km');
        expect(text).toContain('“town centre”');
        // Every table has a header row with text in it.
        const tables = pandocNodes(json, 'Table');
        expect(tables.length).toBeGreaterThanOrEqual(2);
        for (const t of tables) {
          const head = (t.c as unknown[])[3] as PandocNode;
          expect(pandocText(head).trim(), JSON.stringify(head)).not.toBe('');
        }
      },
      120_000,
    );
  }
});
