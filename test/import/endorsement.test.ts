// Endorsement sheets: circulate writes one per partner; filled in (by us, and
// re-saved by LibreOffice where it is installed) and imported, they put the
// partner's objections and sign-off into its front matter and nothing else
// changes in the file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHEET, sheetDocument } from '../../src/compose/sheet.js';
import { readZip, storedZip } from '../helpers/zip.js';
import { readDate } from '../../src/import/endorsement.js';
import { editFrontMatter } from '../../src/import/front-matter-edit.js';
import { merge } from '../../src/merge/merge.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { DEFAULT_STYLE } from '../../src/load/style.js';
import { run } from '../helpers/cli.js';
import { workspaceFrom } from '../helpers/model.js';
import { answerAll, partner, workspace } from '../helpers/workspace.js';

const CONFIG = 'partnership: Test Partnership\ndate: 2006-03-01\ndeadlines:\n  objections: 2006-02-24\n';
const POLICE = `---
# The police's reply, kept by the borough command.
partner: Police Service   # as printed
sector: public
---

## Q3

Police view on three.

## Q18

Police view on the duty.
`;
const COUNCIL = partner('partner: Borough Council\nsector: public', answerAll());

const HAVE_SOFFICE = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

async function filledSheet(reasons: Record<string, string>, by: string, date: string): Promise<Uint8Array> {
  const { ws } = workspaceFrom({ partners: [{ file: 'responses/council.md', source: COUNCIL }, { file: 'responses/police.md', source: POLICE }] });
  const doc = sheetDocument(ws, merge(ws), 'police', 1);
  for (const node of doc.tree.children) {
    if (node.type === 'table') {
      for (const row of node.children.slice(1)) {
        const section = row.children[0]?.children[0];
        const reason = section?.type === 'text' ? reasons[section.value] : undefined;
        if (reason !== undefined) row.children[3]!.children = [{ type: 'text', value: reason }];
      }
    }
  }
  const bytes = await renderDocx(doc, { style: DEFAULT_STYLE, images: new Map() });
  return typeInto(typeInto(bytes, SHEET.signedBy, by), SHEET.date, date);
}

/** The sheet with `text` typed into the sign-off field named `alias`, as Word leaves a content control; '' leaves it untouched. */
function typeInto(bytes: Uint8Array, alias: string, text: string): Uint8Array {
  if (text === '') return bytes;
  const parts = readZip(bytes);
  const xml = new TextDecoder().decode(parts.get('word/document.xml'));
  const control = xml.indexOf(`<w:alias w:val="${alias}"/>`);
  expect(control, alias).toBeGreaterThan(0);
  const run = /<w:r><w:rPr><w:rStyle w:val="PlaceholderText"\/><\/w:rPr><w:t xml:space="preserve">[^<]*<\/w:t><\/w:r>/y;
  const at = xml.indexOf('<w:r>', control);
  run.lastIndex = at;
  const match = run.exec(xml);
  expect(match, `placeholder of ${alias}`).not.toBeNull();
  const typed = xml.slice(0, control) + xml.slice(control, at).replace('<w:showingPlcHdr/>', '') + `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` + xml.slice(at + match![0].length);
  parts.set('word/document.xml', new TextEncoder().encode(typed));
  return storedZip(Object.fromEntries(parts));
}

/** The sheet as LibreOffice writes it back: another program's idea of a .docx. */
function resaved(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-sheet-'));
  const input = join(dir, 'in', 'sheet.docx');
  spawnSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
  writeFileSync(input, bytes);
  spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), input], { stdio: 'ignore', timeout: 120_000 });
  return readFileSync(join(dir, 'out', 'sheet.docx'));
}

describe('endorsement sheets', { timeout: 180_000 }, () => {
  it('are written by circulate, one per partner', () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': COUNCIL, 'responses/police.md': POLICE });
    const r = run(['-C', ws, '--today', '2006-02-15', 'circulate']);
    expect(r.code, r.stderr).toBe(0);
    for (const id of ['council', 'police']) expect(existsSync(join(ws, `out/rounds/1/sheets/${id}.docx`)), id).toBe(true);
  });

  for (const via of ['our writer', 'LibreOffice'] as const) {
    (via === 'our writer' || HAVE_SOFFICE || process.env.CI ? it : it.skip)(`write objections and sign-off into the front matter, keeping comments (${via})`, async () => {
      const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': COUNCIL, 'responses/police.md': POLICE });
      expect(run(['-C', ws, '--today', '2006-02-15', 'circulate']).code).toBe(0);
      let sheet = await filledSheet({ 'Q3/council': 'We see it differently.', 'Q5/council': 'x' }, 'Borough Commander', '22 February 2006');
      if (via === 'LibreOffice') sheet = resaved(sheet);
      writeFileSync(join(ws, 'police-sheet.docx'), sheet);
      const r = run(['-C', ws, 'import', '--endorsement', 'police-sheet.docx', '--id', 'police']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('imported police-sheet.docx into responses/police.md: cannot endorse Q3/council, Q5/council; endorsed round 1 (2006-02-22, Borough Commander)\n');
      const after = readFileSync(join(ws, 'responses/police.md'), 'utf8');
      expect(after).toBe(
        POLICE.replace(
          'sector: public\n',
          'sector: public\ncannot_endorse:\n  - section: Q3/council\n    reason: We see it differently.\n  - Q5/council\nendorsed: { round: 1, date: 2006-02-22, by: Borough Commander }\n',
        ),
      );
      const signoff = run(['-C', ws, 'check', '--signoff']);
      expect(signoff.stderr).toContain('Borough Council has not replied');
      expect(signoff.stderr).not.toContain('Police Service');
    });
  }

  it('refuses a sheet for another partner, a document that is no sheet, and a sign-off without a name, changing nothing', async () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': COUNCIL, 'responses/police.md': POLICE });
    writeFileSync(join(ws, 'sheet.docx'), await filledSheet({}, 'Borough Commander', '2006-02-22'));
    const wrong = run(['-C', ws, 'import', '--endorsement', 'sheet.docx', '--id', 'council']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("sheet.docx is police's endorsement sheet, not council's; check --id");
    writeFileSync(join(ws, 'unsigned.docx'), await filledSheet({}, '', '2006-02-22'));
    const unsigned = run(['-C', ws, 'import', '--endorsement', 'unsigned.docx', '--id', 'police']);
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toContain("unsigned.docx:1:1: error: the sign-off has a date but no name under 'Signed off by'; add who signed off");
    expect(run(['-C', ws, 'template', 'newcomer', '--partner', 'N', '--format', 'docx']).code).toBe(0);
    const form = run(['-C', ws, 'import', '--endorsement', 'out/forms/newcomer.docx', '--id', 'police']);
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('this is not an endorsement sheet');
    expect(readFileSync(join(ws, 'responses/police.md'), 'utf8')).toBe(POLICE);
  });

  it('refuses files that are no Word document, damaged ones, and edited section ids, with exit 2 and no stack trace', async () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': COUNCIL, 'responses/police.md': POLICE });
    const good = await filledSheet({ 'Q3/council': 'No.' }, 'B', '2006-02-22');
    writeFileSync(join(ws, 'notes.docx'), 'just some text\n');
    writeFileSync(join(ws, 'cut.docx'), good.slice(0, Math.floor(good.length / 2)));
    const { ws: model } = workspaceFrom({ partners: [{ file: 'responses/council.md', source: COUNCIL }, { file: 'responses/police.md', source: POLICE }] });
    const doc = sheetDocument(model, merge(model), 'police', 1);
    const table = doc.tree.children.find((n) => n.type === 'table')!;
    if (table.type === 'table') table.children[1]!.children = [{ type: 'tableCell', children: [{ type: 'text', value: 'the first one' }] }, ...table.children[1]!.children.slice(1, 3), { type: 'tableCell', children: [{ type: 'text', value: 'No.' }] }];
    writeFileSync(join(ws, 'edited.docx'), await renderDocx(doc, { style: DEFAULT_STYLE, images: new Map() }));
    for (const [file, message] of [
      ['notes.docx', 'notes.docx:1:1: error: cannot import this sheet:'],
      ['cut.docx', 'cut.docx:1:1: error: cannot import this sheet:'],
      ['edited.docx', "edited.docx:1:1: error: row 1 of the table has 'the first one' where a section id should be"],
      ['missing.docx', 'missing.docx:1:1: error: missing.docx does not exist'],
    ] as const) {
      const r = run(['-C', ws, 'import', '--endorsement', file, '--id', 'police']);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain(message);
      expect(r.stderr, file).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(join(ws, 'responses/police.md'), 'utf8')).toBe(POLICE);
  });

  it('replace only the keys they answer, keeping every other line of the front matter', () => {
    const before = '---\npartner: P   # the name\ncannot_endorse:   # old objections\n  - Q1/x\n  - section: Q2/x\n    reason: Old.\n# kept comment\nsector: public\nendorsed: {round: 1, date: 2006-02-01, by: A}\n---\n\n## Q1\n\nText.\n';
    const after = editFrontMatter(before, { cannot_endorse: { value: ['Q3/x'] }, endorsed: { value: { round: 2, date: '2006-02-20', by: 'B' }, flow: true } });
    expect(after).toBe('---\npartner: P   # the name\n# kept comment\nsector: public\ncannot_endorse:\n  - Q3/x\nendorsed: { round: 2, date: 2006-02-20, by: B }\n---\n\n## Q1\n\nText.\n');
    expect(editFrontMatter(after!, { cannot_endorse: undefined, endorsed: undefined })).toBe('---\npartner: P   # the name\n# kept comment\nsector: public\n---\n\n## Q1\n\nText.\n');
    expect(editFrontMatter('No front matter.\n', { endorsed: undefined })).toBeNull();
  });

  it('reads dates as people write them', () => {
    expect(readDate('2006-02-22')).toBe('2006-02-22');
    expect(readDate('22/02/2006')).toBe('2006-02-22');
    expect(readDate('22 Feb 2006')).toBe('2006-02-22');
    expect(readDate('30 February 2006')).toBeNull();
    expect(readDate('soon')).toBeNull();
  });
});
