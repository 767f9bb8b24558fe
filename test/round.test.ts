// The endorsement round of seed 003, through the real binary: views, a dated
// draft marked as such, circulation as round 1, objections and sign-off,
// text changed after sign-off (stale), a second round, and the merge.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from './helpers/zip.js';
import { run } from './helpers/cli.js';
import { answerAll, partner, workspace } from './helpers/workspace.js';

const CONFIG = `partnership: Test Partnership
short: TP
date: 2006-03-01
deadlines:
  views: 2006-02-11
  objections: 2006-02-24
  submission: 2006-03-03
contact:
  name: Jessie Hamshar
  role: Contact Officer
  email: contact@example.org
  phone: 020 7000 0000
`;

const council = (extra = '', words = 'Agreed') => partner(`partner: Borough Council\nsector: public${extra}`, answerAll([], words));
const police = (extra = '') => partner(`partner: Police Service\nsector: public${extra}`, '## Q3\n\nPolice view on three.\n\n## Q18\n\nPolice view on the duty.\n');
const vcs = (extra = '') => partner(`partner: Voluntary Action\nsector: voluntary${extra}`, '## Q3\n\nVoluntary view on three.\n');

const lsp = (ws: string, args: string[], today = '2006-02-15') => run(['-C', ws, '--today', today, ...args]);
const text = (ws: string, file: string) => readFileSync(join(ws, file), 'utf8');
const docxPart = (ws: string, file: string, part: string) => new TextDecoder().decode(readZip(readFileSync(join(ws, file))).get(part));
const headers = (ws: string, file: string) =>
  [...readZip(readFileSync(join(ws, file))).entries()].filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, b]) => new TextDecoder().decode(b));

describe('the endorsement round', { timeout: 120_000 }, () => {
  it('runs from views to a signed-off response, catching text changed after sign-off', () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': council(), 'responses/police.md': police(), 'responses/vcs.md': vcs() });

    // The draft says what it is, when it was made, and how and by when to object, before any answer.
    expect(lsp(ws, ['draft']).code).toBe(0);
    const draft = text(ws, 'out/draft.md');
    expect(draft.startsWith('**DRAFT - not for submission**\n')).toBe(true);
    expect(draft).toContain('Draft of 15 February 2006.');
    expect(draft).not.toContain('1 March 2006');
    const object = draft.indexOf('# How to object by 24 February 2006\n');
    expect(object).toBeGreaterThan(0);
    expect(object).toBeLessThan(draft.indexOf('Agreed on question 1.'));
    expect(draft).toContain('tell Jessie Hamshar, Contact Officer, <contact@example.org>, 020 7000 0000, or add its section id');
    // Every page of the Word draft, the cover's included, says DRAFT.
    const draftHeaders = headers(ws, 'out/draft.docx');
    expect(draftHeaders.length).toBeGreaterThanOrEqual(2);
    for (const h of draftHeaders) expect(h).toContain('DRAFT - not for submission');

    // Round 1 is frozen with a hash per section.
    const circulated = lsp(ws, ['circulate']);
    expect(circulated.code, circulated.stderr).toBe(0);
    expect(circulated.stdout).toContain('round 1 (out/rounds/1/)');
    expect(readdirSync(join(ws, 'out/rounds/1')).sort()).toEqual(['draft.docx', 'draft.md', 'round.json', 'sheets']);
    expect(readdirSync(join(ws, 'out/rounds/1/sheets')).sort()).toEqual(['council.docx', 'police.docx', 'vcs.docx']);
    const round1 = JSON.parse(text(ws, 'out/rounds/1/round.json'));
    expect(round1).toMatchObject({ round: 1, date: '2006-02-15' });
    expect(Object.keys(round1.sections)).toContain('Q18/police');
    expect(lsp(ws, ['status'], '2006-02-20').stdout).toContain('Sign-off of round 1, circulated 2006-02-15 (objections due 2006-02-24):\n  council   no reply');

    // Nobody has signed off yet: --signoff fails, plain check passes.
    expect(lsp(ws, ['check']).code).toBe(0);
    const unsigned = lsp(ws, ['check', '--signoff']);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('responses/vcs.md:1:1: error: Voluntary Action has not replied; when it endorses round 1, add to its front matter: endorsed: {round: 1, date: YYYY-MM-DD, by: <name>}');

    // Objections and sign-offs come in; the council objects to the police's view on Q18 and signs off the rest.
    const signed = (by: string) => `\nendorsed: {round: 1, date: 2006-02-22, by: ${by}}`;
    writeFileSync(join(ws, 'responses/council.md'), council(`${signed('Leader')}\ncannot_endorse:\n  - section: Q18/police\n    reason: Not our view.`));
    writeFileSync(join(ws, 'responses/police.md'), police(signed('Borough Commander')));
    writeFileSync(join(ws, 'responses/vcs.md'), vcs(signed('Chair')));
    const ok = lsp(ws, ['check', '--signoff']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(lsp(ws, ['status']).stdout).toContain('  council   endorsed (2006-02-22, Leader)');

    // The police change their Q3 text after signing off: their sign-off and everyone's is stale.
    writeFileSync(join(ws, 'responses/police.md'), police(signed('Borough Commander')).replace('Police view on three.', 'Police view on three, revised.'));
    const stale = lsp(ws, ['check', '--signoff']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/responses\/police\.md:\d+:\d+: warning: Police Service endorsed round 1, but Q3\/police changed since; circulate the new text and ask for sign-off again/);
    expect(stale.stderr).toMatch(/responses\/vcs\.md:\d+:\d+: error: Voluntary Action endorsed round 1, whose text has changed since/);

    // An objection to text changed since the round it was made against is pointed out.
    writeFileSync(join(ws, 'responses/police.md'), police(signed('Borough Commander')).replace('Police view on the duty.', 'Police view on the duty, softened.'));
    expect(lsp(ws, ['check']).stderr).toMatch(/responses\/council\.md:\d+:\d+: warning: Q18\/police changed after round 1 \(2006-02-15\), the draft this objection was made against/);

    // Round 2: sign-offs of round 1 no longer count until renewed.
    expect(lsp(ws, ['circulate'], '2006-02-25').code).toBe(0);
    expect(JSON.parse(text(ws, 'out/rounds/2/round.json'))).toMatchObject({ round: 2, date: '2006-02-25' });
    expect(lsp(ws, ['status']).stdout).toContain('  vcs       endorsed round 1, but 1 section changed since');
    for (const [file, make, by] of [['council', council, 'Leader'], ['police', police, 'Borough Commander'], ['vcs', vcs, 'Chair']] as const) {
      let source = make(`\nendorsed: {round: 2, date: 2006-02-27, by: ${by}}${file === 'council' ? '\ncannot_endorse:\n  - section: Q18/police\n    reason: Not our view.' : ''}`);
      if (file === 'police') source = source.replace('Police view on the duty.', 'Police view on the duty, softened.');
      writeFileSync(join(ws, `responses/${file}.md`), source);
    }
    const final = lsp(ws, ['check', '--signoff']);
    expect(final.code, final.stderr).toBe(0);

    // The merge: contact on the cover, a copy named for the partnership, the police's removed view under their own name.
    const merged = lsp(ws, ['merge']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe('wrote 11 files to out/: draft.md, draft.docx, response.md, response.docx, TP-response.docx, letter.md, letter.docx, removed.md, report.json, 1 separate submission (out/separate/)\n');
    expect(text(ws, 'out/response.md')).toContain('Contact: Jessie Hamshar, Contact Officer, <contact@example.org>, 020 7000 0000');
    expect(readFileSync(join(ws, 'out/TP-response.docx'))).toEqual(readFileSync(join(ws, 'out/response.docx')));
    expect(text(ws, 'out/response.md')).not.toContain('Police view on the duty');
    expect(headers(ws, 'out/separate/police.docx').join('')).toContain('Police Service');
    expect(headers(ws, 'out/separate/police.docx').join('')).not.toContain('TP');
    expect(docxPart(ws, 'out/separate/police.docx', 'docProps/core.xml')).toContain('<dc:creator>Police Service</dc:creator>');
    // The rounds are kept: merge does not prune them.
    expect(readdirSync(join(ws, 'out/rounds')).sort()).toEqual(['1', '2']);
  });

  it('keeps separate_only sections for the partner\'s own submission, and refuses other partners\' sections there', () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': council(), 'responses/police.md': police('\nseparate_only: [Q18/police]') });
    expect(lsp(ws, ['merge']).code).toBe(0);
    expect(text(ws, 'out/response.md')).not.toContain('Police view on the duty');
    expect(text(ws, 'out/separate/police.md')).toContain('Police view on the duty');
    expect(text(ws, 'out/removed.md')).toContain('Not endorsed by: Police Service, which keeps it for its own submission.');
    const missing = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': council(), 'responses/police.md': police('\nseparate_only: [Q4/police]') });
    expect(lsp(missing, ['check']).stderr).toContain('responses/police.md:4:17: error: separate_only names section Q4/police, which does not exist;');
    const bad = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': council(), 'responses/police.md': police('\nseparate_only: [Q3/council]') });
    const r = lsp(bad, ['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("responses/police.md:4:17: error: 'Q3/council' is not one of police's own sections; separate_only lists your own contributions, such as Q18/police or preamble/police");
  });

  it('warns that an objection to superseded text changes nothing in the response', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'composite.md': '## Q3\n\nAgreed wording on three.\n',
      'responses/council.md': council(),
      'responses/police.md': police('\ncannot_endorse: [Q3/council]'),
    });
    const r = lsp(ws, ['check']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('responses/police.md:4:18: warning: Q3/council is not in the response anyway (agreed wording in composite.md replaces it), so this objection changes nothing in the response');
  });

  it('introduces each contribution by partner or sector when attribute: asks', () => {
    for (const [attribute, expected] of [['partner', '**Police Service:**'], ['sector', '**From the voluntary sector:**']] as const) {
      const ws = workspace({ 'lsp-respond.yaml': `${CONFIG}attribute: ${attribute}\n`, 'responses/council.md': council(), 'responses/police.md': police(), 'responses/vcs.md': vcs() });
      expect(lsp(ws, ['merge']).code).toBe(0);
      expect(text(ws, 'out/response.md')).toContain(expected);
    }
  });
});

describe('check --readability', { timeout: 60_000 }, () => {
  const files = {
    'lsp-respond.yaml': `${CONFIG}attribute: none\n`,
    'responses/council.md': partner('partner: Borough Council\nsector: public', answerAll(['Q3', 'Q5', 'Q17'])),
    'responses/police.md': partner(
      'partner: Police Service\nsector: public',
      '## Q3\n\nThe duty should fall on the council and the\ntrust, which should meet monthly.\n\n## Q5\n\nThe police already carry this duty.\n',
    ),
    'responses/vcs.md': partner('partner: Voluntary Action', '## Q3\n\nFor our members,\nwe would add a forum.\n\n## Q17a\n\nA seat on the board.\n\n## Q17b\n\nA seat on each.\n'),
  };

  it('is silent without the option, so --strict keeps its meaning', () => {
    expect(lsp(workspace(files), ['check', '--strict']).code).toBe(0);
  });

  it('warns of unattributed contributions without agreed wording, and of answers that speak as one partner', () => {
    const r = lsp(workspace(files), ['check', '--readability']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    // The police naming the council (Q3) speaks for nobody; naming itself (Q5) speaks for itself.
    // Q17a and Q17b are one partner's, so one voice.
    expect(lines).toEqual([
      "responses/police.md:6:1: warning: Q3 has contributions from 2 partners in the response (police, vcs) and no agreed wording, so they are printed one after another without saying whose they are; write a composite answer under '## Q3' in composite.md, or remove 'attribute: none' from lsp-respond.yaml so that each is introduced by its author",
      "responses/police.md:13:1: warning: 'The police' speaks for Police Service alone, but the response prints Q5/police unattributed, as the partnership's words; reword it for the partnership, or remove 'attribute: none' from lsp-respond.yaml so that it is introduced by its author",
      "responses/vcs.md:7:5: warning: 'our' speaks for Voluntary Action alone, but the response prints Q3/vcs unattributed, as the partnership's words; reword it for the partnership, or remove 'attribute: none' from lsp-respond.yaml so that it is introduced by its author",
    ]);
  });

  it('has nothing to say when contributions are attributed, as they are by default', () => {
    for (const config of [`${CONFIG}attribute: partner\n`, CONFIG]) {
      const r = lsp(workspace({ ...files, 'lsp-respond.yaml': config }), ['check', '--readability', '--strict']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});

describe('rounds read back from out/', { timeout: 60_000 }, () => {
  it('ignore a damaged round.json with a warning, instead of failing the check', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': council(),
      'out/rounds/1/round.json': '{"round": 1, "date": "not a date"',
    });
    const r = lsp(ws, ['check']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("out/rounds/1/round.json:1:1: warning: out/rounds/1/round.json is damaged (it is written by 'lsp-respond circulate' and should not be edited), so round 1 is ignored; delete out/rounds/1 and circulate again");
    expect(lsp(ws, ['check', '--signoff']).stderr).toContain('no draft has been circulated');
  });
});
