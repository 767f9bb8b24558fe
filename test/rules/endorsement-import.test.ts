// import --endorsement writes a returned sheet's objections and sign-off into
// the partner's front matter, replacing its cannot_endorse and endorsed and
// leaving every other byte of the file as it was (README, "The endorsement
// round", step 4).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheetDocument } from '../../src/compose/sheet.js';
import { editFrontMatter } from '../../src/import/front-matter-edit.js';
import { DEFAULT_STYLE } from '../../src/core/style.js';
import { merge } from '../../src/merge/merge.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { circulate, importSheet } from '../helpers/commands.js';
import { workspaceFrom } from '../helpers/model.js';
import { answerAll, partner, workspace } from '../helpers/workspace.js';

const CONFIG = 'partnership: Test Partnership\ndate: 2006-03-01\n';
const COUNCIL = partner('partner: Borough Council', answerAll());
const BODY = '## Q3\n\nPolice view on three.\n\n## Q18\n\nPolice view on the duty.\n';

/** The police's sheet for round 1, filled in as a partner would. */
async function sheet(reasons: Record<string, string>, by: string, date: string): Promise<Uint8Array> {
  const { ws } = workspaceFrom({
    partners: [
      { file: 'responses/council.md', source: COUNCIL },
      { file: 'responses/police.md', source: partner('partner: Police Service', BODY) },
    ],
  });
  const doc = sheetDocument(ws, merge(ws), 'police', { round: 1, date: '2006-02-15', deadline: null });
  // The first table holds the sections; the last is the sign-off's two fields, typed into as a partner would.
  const tables = doc.tree.children.filter((n) => n.type === 'table');
  const fields = tables.at(-1)!.children[1]!.children;
  [by, date].forEach((value, i) => {
    if (value !== '') fields[i]!.children = [{ type: 'text', value }];
  });
  for (const node of doc.tree.children) {
    if (node === tables[0] && node.type === 'table') {
      for (const row of node.children.slice(1)) {
        const section = row.children[0]?.children[0];
        const reason = section?.type === 'text' ? reasons[section.value] : undefined;
        if (reason !== undefined) row.children[3]!.children = [{ type: 'text', value: reason }];
      }
    }
  }
  return renderDocx(doc, { style: DEFAULT_STYLE, images: new Map() });
}

const LONG_REASON =
  'We see it differently: the duty would fall on the police alone, and the Partnership has not discussed how it would be resourced.';

let objecting: Uint8Array;
let endorsing: Uint8Array;
let blank: Uint8Array;
let long: Uint8Array;
beforeAll(async () => {
  long = await sheet({ 'Q3/council': LONG_REASON }, 'Borough Commander', '2006-02-22');
  objecting = await sheet(
    { 'Q3/council': 'We see it differently.', 'Q5/council': 'x' },
    'Borough Commander',
    '2006-02-22',
  );
  endorsing = await sheet({}, 'Borough Commander', '2006-02-22');
  blank = await sheet({}, '', '');
}, 60_000);

/** Imports `bytes` into a workspace whose responses/police.md is `police`; the file afterwards. */
async function imported(police: string, bytes: Uint8Array): Promise<{ code: number; stderr: string; after: string }> {
  // The sheet is of round 1, so round 1 is circulated first (a sheet of a round never circulated is refused).
  const ws = workspace({
    'lsp-respond.yaml': CONFIG,
    'responses/council.md': COUNCIL,
    'responses/police.md': partner('partner: Police Service', BODY),
    'sheet.docx': bytes,
  });
  expect((await circulate(ws)).code).toBe(0);
  writeFileSync(join(ws, 'responses/police.md'), police);
  const r = await importSheet(ws, 'sheet.docx', 'police');
  return { code: r.code, stderr: r.stderr, after: readFileSync(join(ws, 'responses/police.md'), 'utf8') };
}

const OBJECTIONS = 'cannot_endorse:\n  - section: Q3/council\n    reason: We see it differently.\n  - Q5/council\n';
const SIGNED = 'endorsed: { round: 1, date: 2006-02-22, by: Borough Commander }\n';

describe('import --endorsement', () => {
  it('adds the objections (a reason, or the bare id) and the sign-off at the end of the front matter, keeping every other line and comment', async () => {
    const police = `---\n# The police's reply.\npartner: Police Service   # as printed\n\nsector: public\n---\n\n${BODY}`;
    const r = await imported(police, objecting);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(
      `---\n# The police's reply.\npartner: Police Service   # as printed\n\nsector: public\n${OBJECTIONS}${SIGNED}---\n\n${BODY}`,
    );
  });

  it('replaces earlier cannot_endorse and endorsed wherever they stand, whatever their form, with the lines between kept', async () => {
    const police = `---\npartner: Police Service\ncannot_endorse:   # round 0\n  - Q1/council\n  - section: Q2/council\n    reason: Old.\n# kept comment\nendorsed:\n  round: 1\n  date: 2006-02-01\n  by: Someone\nsector: public\n---\n\n${BODY}`;
    const r = await imported(police, objecting);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(
      `---\npartner: Police Service\n# kept comment\nsector: public\n${OBJECTIONS}${SIGNED}---\n\n${BODY}`,
    );
  });

  it("a row cleared on the sheet withdraws that objection, and a sheet not signed leaves the file's sign-off as it was", async () => {
    const police = `---\npartner: Police Service\ncannot_endorse: [Q1/council]\nendorsed: {round: 1, date: 2006-02-01, by: A}\n---\n\n${BODY}`;
    const r = await imported(police, blank);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(`---\npartner: Police Service\nendorsed: {round: 1, date: 2006-02-01, by: A}\n---\n\n${BODY}`);
  });

  it('a file whose cannot_endorse has no value is left as it was (exit 2): the sheet changes no objection, and the file breaks the rules', async () => {
    const police = `---\npartner: Police Service\ncannot_endorse:\n---\n\n${BODY}`;
    const r = await imported(police, endorsing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot_endorse must be a list of sections');
    expect(r.after).toBe(police);
  });

  it('keeps a byte order mark, spaces after ---, and Windows line ends in the lines it does not replace', async () => {
    const police = `\uFEFF---  \r\npartner: Police Service\r\nendorsed: {round: 1, date: 2006-02-01, by: A}\r\nsector: public\r\n---\t\r\n\r\n${BODY.replace(/\n/g, '\r\n')}`;
    const r = await imported(police, endorsing);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(
      `\uFEFF---  \r\npartner: Police Service\r\nsector: public\r\n${SIGNED}---\t\r\n\r\n${BODY.replace(/\n/g, '\r\n')}`,
    );
  });

  it('writes a long reason on one line, as the partner wrote it', async () => {
    const r = await imported(partner('partner: Police Service', BODY), long);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(
      `---\npartner: Police Service\ncannot_endorse:\n  - section: Q3/council\n    reason: "${LONG_REASON}"\n${SIGNED}---\n\n${BODY}`,
    );
  });

  it('keeps a comment ruled with dashes: only a line of --- alone closes the front matter', async () => {
    const police = `---\n# ------------------------------\npartner: Police Service\n# ---\n---\n\n${BODY}`;
    const r = await imported(police, endorsing);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(
      `---\n# ------------------------------\npartner: Police Service\n# ---\n${SIGNED}---\n\n${BODY}`,
    );
  });

  it('starts the new keys on a line of their own when the last line of the front matter ends in a lone carriage return', async () => {
    const police = `---\npartner: Police Service\r---\n\n${BODY}`;
    const r = await imported(police, endorsing);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(`---\npartner: Police Service\r\n${SIGNED}---\n\n${BODY}`);
  });

  it('replaces a key on the last line of the front matter when that line ends in a lone carriage return', async () => {
    const police = `---\npartner: Police Service\ncannot_endorse:\n  - Q5/council\r---\n\n${BODY}`;
    const r = await imported(police, objecting);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(
      `---\npartner: Police Service\ncannot_endorse:\n  - Q5/council\n  - section: Q3/council\n    reason: We see it differently.\n${SIGNED}---\n\n${BODY}`,
    );
  });

  it('edits a file that ends at its closing ---', async () => {
    const r = await imported('---\npartner: Police Service\n---', endorsing);
    expect(r.code, r.stderr).toBe(0);
    expect(r.after).toBe(`---\npartner: Police Service\n${SIGNED}---`);
  });

  it.each([
    ['no front matter', `partner: Police Service\n\n${BODY}`],
    ['front matter never closed', `---\npartner: Police Service\n\n${BODY}`],
    ['front matter that is a list', `---\n- partner\n- Police Service\n---\n\n${BODY}`],
    ['front matter that is no YAML', `---\npartner: [Police Service\n---\n\n${BODY}`],
    ['front matter ruled off with ----, which does not close it', `---\npartner: Police Service\n----\n---\n\n${BODY}`],
    [
      'no front matter, only a rule (---) below lines that read as YAML',
      `Memo\nFrom: Police Service\n\n---\n\n${BODY}`,
    ],
  ])('refuses a response file with %s (exit 2), changing nothing', async (_, police) => {
    const r = await imported(police, objecting);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^responses\/police\.md:1:1: error: .*front matter/m);
    expect(r.after).toBe(police);
  });
});

describe('the front matter edit behind import --endorsement', () => {
  it('removing every key of a front matter leaves it empty, adding no line', () => {
    const edited = editFrontMatter(`---\n${OBJECTIONS}${SIGNED}---\n\n${BODY}`, {
      cannot_endorse: undefined,
      endorsed: undefined,
    });
    expect(edited).toBe(`---\n---\n\n${BODY}`);
  });
});
