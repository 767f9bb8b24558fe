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
import { DEFAULT_STYLE } from '../../src/core/style.js';
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

const ROUND_1 = { round: 1, date: '2006-02-15', deadline: '2006-02-24' };

const HAVE_SOFFICE = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/** A sheet as a partner returns it: `reasons` fills (or, with '', clears) the reason cells; `sheet` edits the rest. */
async function filledSheet(
  reasons: Record<string, string>,
  by: string,
  date: string,
  opts: { police?: string; round?: number; rows?: (rows: string[][]) => string[][] } = {},
): Promise<Uint8Array> {
  const { ws } = workspaceFrom({
    partners: [
      { file: 'responses/council.md', source: COUNCIL },
      { file: 'responses/police.md', source: opts.police ?? POLICE },
    ],
  });
  const doc = sheetDocument(ws, merge(ws), 'police', { ...ROUND_1, round: opts.round ?? 1 });
  // The first table holds the sections; the last is the sign-off's fields.
  const sections = doc.tree.children.find((n) => n.type === 'table');
  for (const node of doc.tree.children) {
    if (node === sections && node.type === 'table') {
      for (const row of node.children.slice(1)) {
        const section = row.children[0]?.children[0];
        const reason = section?.type === 'text' ? reasons[section.value] : undefined;
        if (reason !== undefined) row.children[3]!.children = reason === '' ? [] : [{ type: 'text', value: reason }];
      }
      if (opts.rows) {
        const [head, ...rest] = node.children;
        const cells = (values: string[]) =>
          values.map((value) => ({
            type: 'tableCell' as const,
            children: value === '' ? [] : [{ type: 'text' as const, value }],
          }));
        const texts = rest.map((r) =>
          r.children.map((c) => (c.children[0]?.type === 'text' ? c.children[0].value : '')),
        );
        node.children = [
          head!,
          ...opts.rows(texts).map((values) => ({ type: 'tableRow' as const, children: cells(values) })),
        ];
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
  const typed = `${xml.slice(0, control) + xml.slice(control, at).replace('<w:showingPlcHdr/>', '')}<w:r><w:t xml:space="preserve">${text}</w:t></w:r>${xml.slice(at + match![0].length)}`;
  parts.set('word/document.xml', new TextEncoder().encode(typed));
  return storedZip(Object.fromEntries(parts));
}

/** The sheet as LibreOffice writes it back: another program's idea of a .docx. */
function resaved(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-sheet-'));
  const input = join(dir, 'in', 'sheet.docx');
  spawnSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
  writeFileSync(input, bytes);
  spawnSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      join(dir, 'out'),
      input,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(join(dir, 'out', 'sheet.docx'));
}

describe('endorsement sheets', { timeout: 180_000 }, () => {
  it('are written by circulate, one per partner', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': COUNCIL,
      'responses/police.md': POLICE,
    });
    const r = run(['-C', ws, '--today', '2006-02-15', 'circulate']);
    expect(r.code, r.stderr).toBe(0);
    for (const id of ['council', 'police'])
      expect(existsSync(join(ws, `out/rounds/1/sheets/${id}.docx`)), id).toBe(true);
  });

  for (const via of ['our writer', 'LibreOffice'] as const) {
    (via === 'our writer' || HAVE_SOFFICE || process.env.CI ? it : it.skip)(
      `write objections and sign-off into the front matter, keeping comments (${via})`,
      async () => {
        const ws = workspace({
          'lsp-respond.yaml': CONFIG,
          'responses/council.md': COUNCIL,
          'responses/police.md': POLICE,
        });
        expect(run(['-C', ws, '--today', '2006-02-15', 'circulate']).code).toBe(0);
        let sheet = await filledSheet(
          { 'Q3/council': 'We see it differently.', 'Q5/council': 'x' },
          'Borough Commander',
          '22 February 2006',
        );
        if (via === 'LibreOffice') sheet = resaved(sheet);
        writeFileSync(join(ws, 'police-sheet.docx'), sheet);
        const r = run(['-C', ws, 'import', '--endorsement', 'police-sheet.docx', '--id', 'police']);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toBe(
          'imported police-sheet.docx into responses/police.md: endorsed round 1 (2006-02-22, Borough Commander)\n  added: cannot endorse Q3/council: We see it differently.\n  added: cannot endorse Q5/council (no reason given)\n',
        );
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
      },
    );
  }

  it('refuses a sheet for another partner, a document that is no sheet, and a sign-off without a name, changing nothing', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': COUNCIL,
      'responses/police.md': POLICE,
    });
    expect(run(['-C', ws, '--today', '2006-02-15', 'circulate']).code).toBe(0);
    writeFileSync(join(ws, 'sheet.docx'), await filledSheet({}, 'Borough Commander', '2006-02-22'));
    const wrong = run(['-C', ws, 'import', '--endorsement', 'sheet.docx', '--id', 'council']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      "sheet.docx:1:1: error: this is police's endorsement sheet, not council's; check --id, or import council's own sheet; responses/council.md was not changed",
    );
    writeFileSync(join(ws, 'unsigned.docx'), await filledSheet({}, '', '2006-02-22'));
    const unsigned = run(['-C', ws, 'import', '--endorsement', 'unsigned.docx', '--id', 'police']);
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toContain(
      "unsigned.docx:1:1: error: the sign-off has a date but no name under 'Signed off by'; add who signed off",
    );
    expect(run(['-C', ws, 'template', 'newcomer', '--partner', 'N', '--format', 'docx']).code).toBe(0);
    const form = run(['-C', ws, 'import', '--endorsement', 'out/forms/newcomer.docx', '--id', 'police']);
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('this is not an endorsement sheet');
    expect(readFileSync(join(ws, 'responses/police.md'), 'utf8')).toBe(POLICE);
  });

  it('refuses files that are no Word document, damaged ones, and edited section ids, with exit 2 and no stack trace', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': COUNCIL,
      'responses/police.md': POLICE,
    });
    const good = await filledSheet({ 'Q3/council': 'No.' }, 'B', '2006-02-22');
    writeFileSync(join(ws, 'notes.docx'), 'just some text\n');
    writeFileSync(join(ws, 'cut.docx'), good.slice(0, Math.floor(good.length / 2)));
    const { ws: model } = workspaceFrom({
      partners: [
        { file: 'responses/council.md', source: COUNCIL },
        { file: 'responses/police.md', source: POLICE },
      ],
    });
    const doc = sheetDocument(model, merge(model), 'police', ROUND_1);
    const table = doc.tree.children.find((n) => n.type === 'table')!;
    if (table.type === 'table')
      table.children[1]!.children = [
        { type: 'tableCell', children: [{ type: 'text', value: 'the first one' }] },
        ...table.children[1]!.children.slice(1, 3),
        { type: 'tableCell', children: [{ type: 'text', value: 'No.' }] },
      ];
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

  it('carry the standing objections, so a sheet returned as sent changes nothing and a cleared row is a withdrawal that is said', async () => {
    const police = POLICE.replace(
      'sector: public\n',
      'sector: public\ncannot_endorse:   # from the first reading\n  - section: Q3/council\n    reason: We see it differently.\n  - Q5/council\n  - Q7\n',
    );
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': COUNCIL,
      'responses/police.md': police,
    });
    expect(run(['-C', ws, '--today', '2006-02-15', 'circulate']).code).toBe(0);
    const xml = new TextDecoder().decode(
      readZip(readFileSync(join(ws, 'out/rounds/1/sheets/police.docx'))).get('word/document.xml'),
    );
    const rowOf = (id: string) => xml.split('<w:tr>').find((r) => r.includes(`>${id}<`)) ?? '';
    expect(rowOf('Q3/council')).toContain('We see it differently.');
    expect(rowOf('Q5/council')).toMatch(/>x</);
    expect(rowOf('Q7')).toContain('The whole answer');
    expect(rowOf('Q4/council')).not.toMatch(/>x</);

    const same = run(['-C', ws, 'import', '--endorsement', 'out/rounds/1/sheets/police.docx', '--id', 'police']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toBe(
      'imported out/rounds/1/sheets/police.docx into responses/police.md (no change): not signed off round 1\n' +
        '  kept: cannot endorse Q3/council: We see it differently.\n  kept: cannot endorse Q5/council (no reason given)\n  kept: cannot endorse Q7 (no reason given)\n',
    );
    expect(readFileSync(join(ws, 'responses/police.md'), 'utf8')).toBe(police);

    // One new objection, one cleared row: the new one is added, the cleared one withdrawn, the rest kept.
    writeFileSync(
      join(ws, 'reply.docx'),
      await filledSheet({ 'Q9/council': 'Too vague.', 'Q5/council': '' }, 'Borough Commander', '22/02/2006', {
        police,
      }),
    );
    const r = run(['-C', ws, 'import', '--endorsement', 'reply.docx', '--id', 'police']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'imported reply.docx into responses/police.md: endorsed round 1 (2006-02-22, Borough Commander)\n' +
        '  kept: cannot endorse Q3/council: We see it differently.\n' +
        '  withdrawn: Q5/council is endorsed now; its row was cleared on the sheet (the objection was: no reason given)\n' +
        '  kept: cannot endorse Q7 (no reason given)\n  added: cannot endorse Q9/council: Too vague.\n',
    );
    expect(readFileSync(join(ws, 'responses/police.md'), 'utf8')).toContain(
      'cannot_endorse:\n  - section: Q3/council\n    reason: We see it differently.\n  - Q7\n  - section: Q9/council\n    reason: Too vague.\n',
    );
    // The withdrawal is said even under --quiet.
    writeFileSync(
      join(ws, 'again.docx'),
      await filledSheet(
        { 'Q9/council': 'Too vague.', 'Q3/council': '', 'Q5/council': '' },
        'Borough Commander',
        '2006-02-23',
        { police: readFileSync(join(ws, 'responses/police.md'), 'utf8') },
      ),
    );
    const quiet = run(['-C', ws, '--quiet', 'import', '--endorsement', 'again.docx', '--id', 'police']);
    expect(quiet.stdout).toBe(
      '  withdrawn: Q3/council is endorsed now; its row was cleared on the sheet (the objection was: "We see it differently.")\n',
    );
  });

  it('are checked against the workspace before anything is written', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': COUNCIL,
      'responses/police.md': POLICE,
      'responses/other.md': POLICE.replace('sector: public', 'sector: public\nid: constable'),
    });
    const cases: [string, Uint8Array | Promise<Uint8Array>, string, string][] = [
      [
        'never.docx',
        filledSheet({}, 'B', '2006-02-22'),
        'police',
        'the sheet is for round 1, which was never circulated; no round has been circulated in this workspace',
      ],
    ];
    for (const [file, bytes, id, message] of cases) {
      writeFileSync(join(ws, file), await bytes);
      const r = run(['-C', ws, 'import', '--endorsement', file, '--id', id]);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain(message);
    }
    expect(run(['-C', ws, '--today', '2006-02-15', 'circulate']).code).toBe(0);
    const later: [string, Promise<Uint8Array>, string, string][] = [
      [
        'round9.docx',
        filledSheet({}, 'B', '2006-02-22', { round: 9 }),
        'police',
        'round9.docx:1:1: error: the sheet is for round 9, which was never circulated; the current round is 1: use out/rounds/1/sheets/police.docx; responses/police.md was not changed',
      ],
      [
        'nobody.docx',
        filledSheet({}, 'B', '2006-02-22', { rows: (rows) => [...rows, ['Q1/nobody', 'x', '', 'No.']] }),
        'police',
        'row 38 of the table names Q1/nobody, which is not a section of round 1',
      ],
      [
        'twice.docx',
        filledSheet({}, 'B', '2006-02-22', { rows: (rows) => [...rows, rows[2]!] }),
        'police',
        'rows 3 and 38 of the table both name Q3/council; each section has one row',
      ],
      [
        'escape.docx',
        filledSheet({}, 'B', '2006-02-22'),
        '../../victim',
        "--id: '../../victim' is not a valid partner id",
      ],
      [
        'constable.docx',
        filledSheet({}, 'B', '2006-02-22'),
        'other',
        "this is police's endorsement sheet, not other's",
      ],
    ];
    for (const [file, bytes, id, message] of later) {
      writeFileSync(join(ws, file), await bytes);
      const r = run(['-C', ws, 'import', '--endorsement', file, '--id', id]);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain(message);
    }
    expect(readFileSync(join(ws, 'responses/police.md'), 'utf8')).toBe(POLICE);
  });

  it('give the section ids a column wide enough that none breaks', async () => {
    const id = 'north-kensington-business-forum';
    const { ws } = workspaceFrom({
      partners: [
        { file: 'responses/council.md', source: COUNCIL },
        {
          file: `responses/${id}.md`,
          source: partner(
            'partner: Forum\nsector: private',
            'Our general comments, at some length, so that other columns want the room.\n\n## Q35\n\nA view.\n',
          ),
        },
      ],
    });
    const bytes = await renderDocx(sheetDocument(ws, merge(ws), 'council', ROUND_1), {
      style: DEFAULT_STYLE,
      images: new Map(),
    });
    const xml = new TextDecoder().decode(readZip(bytes).get('word/document.xml'));
    // The sections table comes first; the sign-off's table of fields after it.
    const grid = [...xml.split('</w:tbl>')[0]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // 'preamble/north-kensington-business-forum' at the body size: at least 0.5 em a character (Arial's lower case
    // and hyphens average less), plus the cell margins. At 12 pt the four columns' longest words no longer all fit
    // at the writer's generous 0.62 em, so the writer shares the width out in proportion.
    expect(grid[0]).toBeGreaterThanOrEqual(`preamble/${id}`.length * DEFAULT_STYLE.sizes.body * 20 * 0.5 + 216);
    expect(grid).toHaveLength(4);
  });

  it('replace only the keys they answer, keeping every other line of the front matter', () => {
    const before =
      '---\npartner: P   # the name\ncannot_endorse:   # old objections\n  - Q1/x\n  - section: Q2/x\n    reason: Old.\n# kept comment\nsector: public\nendorsed: {round: 1, date: 2006-02-01, by: A}\n---\n\n## Q1\n\nText.\n';
    const after = editFrontMatter(before, {
      cannot_endorse: { value: ['Q3/x'] },
      endorsed: { value: { round: 2, date: '2006-02-20', by: 'B' }, flow: true },
    });
    expect(after).toBe(
      '---\npartner: P   # the name\n# kept comment\nsector: public\ncannot_endorse:\n  - Q3/x\nendorsed: { round: 2, date: 2006-02-20, by: B }\n---\n\n## Q1\n\nText.\n',
    );
    expect(editFrontMatter(after!, { cannot_endorse: undefined, endorsed: undefined })).toBe(
      '---\npartner: P   # the name\n# kept comment\nsector: public\n---\n\n## Q1\n\nText.\n',
    );
    expect(editFrontMatter('No front matter.\n', { endorsed: undefined })).toBeNull();
  });

  it('reads dates as people write them', () => {
    expect(readDate('2006-02-22')).toBe('2006-02-22');
    expect(readDate('22/02/2006')).toBe('2006-02-22');
    expect(readDate('22 Feb 2006')).toBe('2006-02-22');
    expect(readDate('22 February 2006')).toBe('2006-02-22');
    expect(readDate('22.02.2006')).toBe('2006-02-22');
    expect(readDate('30 February 2006')).toBeNull();
    expect(readDate('soon')).toBeNull();
  });
});
