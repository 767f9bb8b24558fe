// `lsp-respond import` and `template --format docx` through the real binary:
// Word files from pandoc and LibreOffice against golden Markdown, the round
// trip form -> filled -> import -> check -> merge, and every refusal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip.js';
import { AS_POLICE, REPO, run } from '../helpers/cli.js';
import { partner, snapshot, workspace } from '../helpers/workspace.js';
import { storedZip } from '../helpers/zip.js';

const WORD = join(REPO, 'test/fixtures/word');
const update = process.env.UPDATE_GOLDEN === '1';
const CONFIG =
  'partnership: Kensington and Chelsea Partnership\nshort: KCP\nquestions: questions/odpm-lsp-2005.yaml\ndate: 2006-03-01\ndeadlines:\n  views: 2006-02-11\n';

function wordWorkspace(extra: Record<string, string | Uint8Array> = {}): string {
  return workspace({ 'lsp-respond.yaml': CONFIG, 'responses/.keep': '', ...extra });
}

describe('import of Word files written by other programs', () => {
  for (const name of ['pandoc', 'libreoffice']) {
    it(`${name}: every construct lands under its question, and check passes`, () => {
      const ws = wordWorkspace({ 'inbox/reply.docx': readFileSync(join(WORD, `${name}-reply.docx`)) });
      const r = run(['-C', ws, 'import', 'inbox/reply.docx', ...AS_POLICE]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('imported inbox/reply.docx as responses/mps.md:');
      expect(r.stdout).toMatch(/Q18 +3 blocks from bold "Question 18\."/);
      expect(r.stdout).toMatch(/Q16a +\d blocks? from bold "16\(a\)"/);
      expect(r.stdout).toMatch(/Q27 +abstains/);
      const md = readFileSync(join(ws, 'responses/mps.md'), 'utf8');
      const golden = join(WORD, 'expected', `${name}.md`);
      if (update) {
        mkdirSync(join(WORD, 'expected'), { recursive: true });
        writeFileSync(golden, md);
      }
      expect(md).toBe(readFileSync(golden, 'utf8'));
      // The picture is extracted beside the response, byte for byte.
      expect(readFileSync(join(ws, 'responses/mps-images/image-1.png'))).toEqual(readFileSync(join(WORD, 'chart.png')));
      const check = run(['-C', ws, 'check', '--partners']);
      expect(check.stderr).toContain('Q2');
      const merged = run(['-C', ws, 'merge', '--allow-incomplete', '--no-docx']);
      expect(merged.code).toBe(0);
      const response = readFileSync(join(ws, 'out/response.md'), 'utf8');
      for (const phrase of [
        'a single set of shared priorities',
        'Safer Neighbourhoods panels',
        'Ward panels are the natural link',
        'Neighbourhood Policing',
        'Quarterly',
      ]) {
        expect(response).toContain(phrase);
      }
    });
  }
});

/** The form with answers typed under some questions, as a partner would in Word. */
function fill(form: Uint8Array, answers: Record<string, string[]>): Uint8Array {
  const parts = readZip(form);
  let xml = new TextDecoder().decode(parts.get('word/document.xml'));
  for (const [question, paragraphs] of Object.entries(answers)) {
    // The heading paragraph whose text starts with the reference, e.g. "Q7: ".
    const at = xml.indexOf(`>${question}: `);
    expect(at, `heading ${question} in the form`).toBeGreaterThan(0);
    // Its answer area, a content control, as Word leaves it once typed in: the placeholder gone, the text in its place.
    const control = xml.indexOf('<w:sdt>', at);
    const content = xml.indexOf('<w:sdtContent>', control) + '<w:sdtContent>'.length;
    const end = xml.indexOf('</w:sdtContent>', content);
    expect(xml.slice(control, content)).toContain('<w:showingPlcHdr/>');
    const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
    xml = xml.slice(0, control) + xml.slice(control, content).replace('<w:showingPlcHdr/>', '') + body + xml.slice(end);
  }
  parts.set('word/document.xml', new TextEncoder().encode(xml));
  return storedZip(Object.fromEntries(parts));
}

describe('the Word response form', () => {
  it('is written to out/forms/<id>.docx with every question as a heading, and imports back as an empty response', () => {
    const ws = wordWorkspace();
    const t = run([
      '-C',
      ws,
      'template',
      'mps',
      '--partner',
      'Metropolitan Police Service',
      '--sector',
      'public',
      '--format',
      'docx',
    ]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('wrote out/forms/mps.docx');
    const form = readFileSync(join(ws, 'out/forms/mps.docx'));
    const xml = new TextDecoder().decode(readZip(form).get('word/document.xml'));
    for (let n = 1; n <= 35; n += 1) expect(xml).toContain(`>Q${n}: `);
    expect(xml).toContain('Metropolitan Police Service (public sector)');
    writeFileSync(join(ws, 'form.docx'), form);
    const r = run(['-C', ws, 'import', 'form.docx', ...AS_POLICE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 answers');
    expect(r.stdout).toMatch(/skipped the form's own text \(\d+\)/);
    const md = readFileSync(join(ws, 'responses/mps.md'), 'utf8');
    // Nothing but the front matter and the empty question headings.
    expect(
      md
        .replace(/^## Q\d+[ab]?: .*$/gm, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe('--- partner: Metropolitan Police Service sector: public ---');
  });

  it('lists the same headings, parts included, as the Markdown template, with the same contact, return date and abstentions', () => {
    const config = `${CONFIG}contact:\n  name: Jane Smith\n  role: Partnership Manager\n  email: jane.smith@rbkc.gov.uk\nabstain:\n  Q27: The Partnership takes no collective view on this question.\n`;
    const ws = workspace({ 'lsp-respond.yaml': config, 'responses/.keep': '' });
    expect(
      run(['-C', ws, 'template', 'mps', '--partner', 'Metropolitan Police Service', '--format', 'docx']).code,
    ).toBe(0);
    expect(run(['-C', ws, 'template', 'mps', '--partner', 'Metropolitan Police Service']).code).toBe(0);
    const markdown = readFileSync(join(ws, 'responses/mps.md'), 'utf8');
    const xml = new TextDecoder().decode(
      readZip(readFileSync(join(ws, 'out/forms/mps.docx'))).get('word/document.xml'),
    );
    const paragraphs = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)]
        .map((t) => t[1])
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&apos;|&#39;/g, "'"),
    );
    const formHeadings = paragraphs.filter((p) => /^Q\d+[a-z]?: /.test(p));
    const templateHeadings = [...markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(templateHeadings).toContain('Q16a: (a) the executive');
    expect(templateHeadings).toContain('Q16b: (b) individual thematic partnerships');
    expect(formHeadings).toEqual(templateHeadings);
    const returnTo =
      'Please return this form to Jane Smith, Partnership Manager, Kensington and Chelsea Partnership (jane.smith@rbkc.gov.uk) by 11 February 2006.';
    expect(paragraphs).toContain(returnTo);
    expect(markdown).toContain(`# ${returnTo.replace('this form', 'this file')}\n`);
    const abstention =
      'The Partnership abstains on Q27 collectively (“The Partnership takes no collective view on this question.”), so an answer to it is not used in the response';
    expect(paragraphs.filter((p) => p.startsWith(abstention))).toHaveLength(1);
    expect(markdown).toContain(`# ${abstention}`);
    // The template is a response file the loader takes as it is.
    const check = run(['-C', ws, 'check']);
    expect(check.stderr).not.toMatch(/responses\/mps\.md:\d+:\d+: (error|warning)/);
  }, 60_000);

  it('round trip: form -> answers typed in Word -> import -> check -> merge', () => {
    const ws = wordWorkspace({
      'responses/council.md': partner(
        'partner: Royal Borough of Kensington and Chelsea\nsector: public',
        Array.from({ length: 35 }, (_, i) => `## Q${i + 1}\n\nThe Council agrees on ${i + 1}.\n`).join('\n'),
      ),
    });
    expect(
      run(['-C', ws, 'template', 'mps', '--partner', 'Metropolitan Police Service', '--format', 'docx']).code,
    ).toBe(0);
    const filled = fill(readFileSync(join(ws, 'out/forms/mps.docx')), {
      Q7: ['Not applicable in a unitary London borough.'],
      Q18: ['A duty to co-operate would help.', 'It must be proportionate.'],
      Q16a: ['Ward panels link to the executive.'],
      Q27: ['Abstain'],
    });
    writeFileSync(join(ws, 'mps.docx'), filled);
    const r = run(['-C', ws, 'import', 'mps.docx', '--id', 'mps', '--partner', 'Metropolitan Police Service']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Q7 +1 block from heading "Q7: In two-tier areas/);
    expect(r.stdout).toMatch(/Q16a +1 block from heading "Q16a: \(a\) the executive"/);
    expect(r.stdout).toMatch(/Q18 +2 blocks/);
    expect(r.stdout).toMatch(/Q27 +abstains/);
    const md = readFileSync(join(ws, 'responses/mps.md'), 'utf8');
    expect(md).toContain('abstain:\n  - Q27\n');
    expect(md).toMatch(/## Q18: [^\n]*\n\nA duty to co-operate would help\.\n\nIt must be proportionate\.\n/);
    const check = run(['-C', ws, 'check']);
    expect(check.code, check.stderr).toBe(0);
    expect(run(['-C', ws, 'merge']).code).toBe(0);
    const response = readFileSync(join(ws, 'out/response.md'), 'utf8');
    expect(response).toContain('Ward panels link to the executive.');
    expect(response).toContain('It must be proportionate.');
    const report = JSON.parse(readFileSync(join(ws, 'out/report.json'), 'utf8')) as {
      contributions: { section: string; status: string }[];
    };
    expect(report.contributions.find((c) => c.section === 'Q18/mps')?.status).toBe('included');
  });
});

describe('import refuses what it cannot read, and writes nothing', () => {
  const refusals: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(), /the file is empty/],
    [
      'a legacy .doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
      /old-style Word \(\.doc\)/,
    ],
    [
      'a password-protected document',
      new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...Buffer.from('EncryptionInfo EncryptedPackage', 'utf16le'),
      ]),
      /protected with a password/,
    ],
    [
      'an OpenDocument file',
      storedZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }),
      /OpenDocument file \(\.odt\)/,
    ],
    [
      'an Excel file',
      storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
      /Excel or PowerPoint/,
    ],
    ['a ZIP without a document', storedZip({ 'notes.txt': 'hello' }), /no word\/document\.xml/],
    ['a truncated Word file', readFileSync(join(WORD, 'pandoc-reply.docx')).subarray(0, 4000), /damaged/],
    ['a Rich Text file', new TextEncoder().encode('{\\rtf1\\ansi Hello}'), /Rich Text \(\.rtf\)/],
    ['a PDF', new TextEncoder().encode('%PDF-1.4\n'), /is a PDF/],
    ['a text file', new TextEncoder().encode('Q1: we agree'), /not a Word document/],
    [
      'a Word file whose XML is broken',
      storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document><w:body><w:p>' }),
      /damaged/,
    ],
  ];
  for (const [what, bytes, message] of refusals) {
    it(what, () => {
      const ws = wordWorkspace({ 'reply.docx': bytes });
      const before = snapshot(ws);
      const r = run(['-C', ws, 'import', 'reply.docx', '--id', 'mps', '--partner', 'Metropolitan Police Service']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^reply\.docx:1:1: error: cannot import this file: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Save As|save it again|save it and import|ask|Word document/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(ws)).toEqual(before);
    });
  }

  it('a zip bomb: entries that declare more than a response can hold', () => {
    const bomb = storedZip({ 'word/document.xml': '<w:document/>' });
    // Declare 300 MB uncompressed in the central directory (offset 24 of its record).
    const central = Buffer.from(bomb).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(central + 24, 300 * 1024 * 1024, true);
    const ws = wordWorkspace({ 'reply.docx': bomb });
    const r = run(['-C', ws, 'import', 'reply.docx', '--id', 'mps', '--partner', 'MPS']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expands to 300 MB/);
    expect(existsSync(join(ws, 'responses/mps.md'))).toBe(false);
  });

  it('never replaces a response without --force, and replaces it with --force', () => {
    const existing = partner('partner: Metropolitan Police Service', '## Q1\n\nTyped by hand.\n');
    const ws = wordWorkspace({
      'responses/mps.md': existing,
      'reply.docx': readFileSync(join(WORD, 'pandoc-reply.docx')),
    });
    const r = run(['-C', ws, 'import', 'reply.docx', '--id', 'mps', '--partner', 'Metropolitan Police Service']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'responses/mps.md already exists; import never replaces a response unless you add --force',
    );
    expect(readFileSync(join(ws, 'responses/mps.md'), 'utf8')).toBe(existing);
    const forced = run([
      '-C',
      ws,
      'import',
      'reply.docx',
      '--id',
      'mps',
      '--partner',
      'Metropolitan Police Service',
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(ws, 'responses/mps.md'), 'utf8')).toContain('Ward panels are the natural link');
  });

  it('bad arguments: an id that cannot be a file name, an unknown sector, a missing file', () => {
    const ws = wordWorkspace({ 'reply.docx': readFileSync(join(WORD, 'pandoc-reply.docx')) });
    const badId = run(['-C', ws, 'import', 'reply.docx', '--id', '../mps', '--partner', 'MPS']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain("'../mps' is not a valid partner id");
    const badSector = run(['-C', ws, 'import', 'reply.docx', '--id', 'mps', '--partner', 'MPS', '--sector', 'police']);
    expect(badSector.code).toBe(2);
    expect(badSector.stderr).toContain('--sector must be one of');
    const missing = run(['-C', ws, 'import', 'nowhere.docx', '--id', 'mps', '--partner', 'MPS']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'nowhere.docx:1:1: error: nowhere.docx does not exist; check the path (relative paths are read from the workspace)\n',
    );
    expect(existsSync(join(ws, 'responses/mps.md'))).toBe(false);
  });

  it('a Word file left in responses/ is pointed at import, not silently ignored', () => {
    const ws = wordWorkspace({
      'responses/mps.docx': readFileSync(join(WORD, 'pandoc-reply.docx')),
      'responses/NPCT reply.docx': readFileSync(join(WORD, 'pandoc-reply.docx')),
    });
    const r = run(['-C', ws, 'check']);
    expect(r.stderr).toContain(
      "responses/mps.docx:1:1: warning: responses/mps.docx is a Word file and is not read; import it with: lsp-respond import responses/mps.docx --id mps --partner '<organisation name>'",
    );
    // The suggestion pastes: the path with a space is one argument, the id is valid.
    const suggested =
      /import it with: (lsp-respond import 'responses\/NPCT reply\.docx' --id npct-reply --partner '<organisation name>')/.exec(
        r.stderr,
      )?.[1];
    expect(suggested, r.stderr).toBeDefined();
    const pasted = spawnSync(
      'sh',
      [
        '-c',
        `${suggested?.replace('lsp-respond', `node ${JSON.stringify(join(REPO, 'bin/lsp-respond.js'))} -C ${JSON.stringify(ws)}`)} --sector community`,
      ],
      { encoding: 'utf8' },
    );
    expect(pasted.stderr).toBe('');
    expect(pasted.status).toBe(0);
    expect(readFileSync(join(ws, 'responses/npct-reply.md'), 'utf8')).toContain('partner: <organisation name>');
  }, 60_000);
});
