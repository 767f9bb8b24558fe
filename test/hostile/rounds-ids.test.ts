// Rounds are never rewritten (issue 19, item 2), and imports keep to the
// rules for partner ids (item 4).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, run } from '../helpers/cli.js';
import { CONFIG, files, fullResponse, lsp, partner, workspace } from './harness.js';

const MPS = fullResponse('partner: Metropolitan Police Service\nsector: public');
const COUNCIL = fullResponse('partner: Borough Council\nsector: public');

function circulated(): string {
  const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': MPS, 'responses/council.md': COUNCIL });
  for (const today of ['2006-02-10', '2006-02-15'])
    expect(run(['-C', ws, '--today', today, 'circulate', '--no-docx']).code).toBe(0);
  return ws;
}

describe('a circulated round is never rewritten', { timeout: 120_000 }, () => {
  for (const [what, damage] of [
    ['missing', (file: string) => rmSync(file)],
    ['damaged', (file: string) => writeFileSync(file, '{"round": 2, "date": "2006-02-1')],
    [
      'another round’s',
      (file: string) => writeFileSync(file, readFileSync(file, 'utf8').replace('"round": 2', '"round": 1')),
    ],
  ] as const) {
    it(`circulate stops at a round whose round.json is ${what}, and writes nothing`, () => {
      const ws = circulated();
      damage(join(ws, 'out/rounds/2/round.json'));
      writeFileSync(join(ws, 'responses/mps.md'), MPS.replace('Agreed on question 3.', 'New text nobody saw.'));
      const out = files(join(ws, 'out'));
      const r = lsp(ws, ['--today', '2006-02-20', 'circulate', '--no-docx']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(
        'out/rounds/2/round.json:1:1: error: out/rounds/2/round.json is missing or damaged, so it is not known what round 2 circulated, and a round is never rewritten: restore out/rounds/2/round.json from a backup, or, if round 2 never reached the partners, delete out/rounds/2; then circulate again',
      );
      expect(files(join(ws, 'out'))).toEqual(out);
      // check still runs, ignoring that round with a warning.
      expect(lsp(ws, ['check']).stderr).toMatch(
        /out\/rounds\/2\/round\.json:1:1: warning: out\/rounds\/2\/round\.json (is missing|is damaged)/,
      );
    });
  }

  it('every later round is a new directory; the earlier ones stay byte for byte', () => {
    const ws = circulated();
    const rounds = files(join(ws, 'out/rounds'));
    writeFileSync(join(ws, 'responses/mps.md'), MPS.replace('Agreed on question 3.', 'Revised.'));
    for (const args of [
      ['circulate'],
      ['draft'],
      ['merge', '--accept-unendorsed'],
      ['template', 'newp', '--partner', 'New Partner', '--format', 'docx'],
    ]) {
      expect(lsp(ws, ['--today', '2006-02-20', ...args]).code).toBe(0);
    }
    const after = files(join(ws, 'out/rounds'));
    for (const [file, bytes] of rounds) expect(after.get(file), file).toBe(bytes);
    expect(JSON.parse(readFileSync(join(ws, 'out/rounds/3/round.json'), 'utf8'))).toMatchObject({
      round: 3,
      date: '2006-02-20',
    });
  });
});

describe('out/ keeps what the tool did not write', { timeout: 120_000 }, () => {
  it('prunes only separate submissions an earlier merge wrote, never a file put there by hand', () => {
    const objecting = fullResponse('partner: Borough Council\nsector: public\ncannot_endorse:\n  - Q3/mps');
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': MPS,
      'responses/council.md': objecting,
      'out/separate/notes.md': 'Kept by an officer.\n',
    });
    expect(lsp(ws, ['merge', '--no-docx', '--accept-unendorsed']).code).toBe(0);
    expect(readFileSync(join(ws, 'out/separate/mps.md'), 'utf8')).toContain('Agreed on question 3.');
    writeFileSync(join(ws, 'responses/council.md'), COUNCIL);
    expect(lsp(ws, ['merge', '--no-docx', '--accept-unendorsed']).code).toBe(0);
    expect([...files(join(ws, 'out/separate')).keys()]).toEqual(['notes.md']);
  });
});

describe('imports keep to the rules for partner ids', { timeout: 120_000 }, () => {
  let ws: string;
  beforeAll(() => {
    ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': MPS,
      'responses/council.md': COUNCIL,
      'responses/police.md': partner('partner: Police Service\nid: newp', '## Q1\n\nPolice view.\n'),
      'inbox/reply.docx': readFileSync(join(REPO, 'test/fixtures/word/pandoc-reply.docx')),
    });
    expect(run(['-C', ws, 'circulate']).code).toBe(0);
    writeFileSync(join(ws, 'inbox/sheet.docx'), readFileSync(join(ws, 'out/rounds/1/sheets/mps.docx')));
  });

  it.each([
    ['import --endorsement', ['import', '--endorsement', 'inbox/sheet.docx', '--id', '../../victim']],
    ['import --endorsement', ['import', '--endorsement', 'inbox/sheet.docx', '--id', 'MPS']],
    ['import', ['import', 'inbox/reply.docx', '--id', '../victim', '--partner', 'Victim']],
    ['template', ['template', 'nul', '--partner', 'Device']],
  ])('%s refuses an id that is not a partner id: %j', (_, args) => {
    const r = lsp(ws, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a valid partner id/);
  });

  it.each([
    [
      'import',
      ['import', 'inbox/reply.docx', '--id', 'newp', '--partner', 'New Partner'],
      "responses/police.md already declares partner id 'newp'; import under another --id",
    ],
    [
      'template',
      ['template', 'newp', '--partner', 'New Partner'],
      "responses/police.md already declares partner id 'newp'; choose another id",
    ],
  ])('%s refuses an id another response file declares', (_, args, message) => {
    const out = files(join(ws, 'out'));
    const r = lsp(ws, args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(files(join(ws, 'out'))).toEqual(out);
  });

  it('import --endorsement refuses when another file declares the id the sheet is for', () => {
    writeFileSync(
      join(ws, 'responses/mps-2005.md'),
      partner('partner: Metropolitan Police Service\nid: mps', '## Q1\n\nLast year.\n'),
    );
    try {
      const r = lsp(ws, ['import', '--endorsement', 'inbox/sheet.docx', '--id', 'mps']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(
        "responses/mps-2005.md already declares partner id 'mps', so it is not clear which file the sheet belongs in",
      );
    } finally {
      rmSync(join(ws, 'responses/mps-2005.md'));
    }
  });
});
