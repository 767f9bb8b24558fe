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

const council = (extra = '', words = 'Agreed') =>
  partner(`partner: Borough Council\nsector: public${extra}`, answerAll([], words));
const police = (extra = '') =>
  partner(
    `partner: Police Service\nsector: public${extra}`,
    '## Q3\n\nPolice view on three.\n\n## Q18\n\nPolice view on the duty.\n',
  );
const vcs = (extra = '') =>
  partner(`partner: Voluntary Action\nsector: voluntary${extra}`, '## Q3\n\nVoluntary view on three.\n');

const lsp = (ws: string, args: string[], today = '2006-02-15') => run(['-C', ws, '--today', today, ...args]);
const text = (ws: string, file: string) => readFileSync(join(ws, file), 'utf8');
const docxPart = (ws: string, file: string, part: string) =>
  new TextDecoder().decode(readZip(readFileSync(join(ws, file))).get(part));
const headers = (ws: string, file: string) =>
  [...readZip(readFileSync(join(ws, file))).entries()]
    .filter(([n]) => /^word\/header\d+\.xml$/.test(n))
    .map(([, b]) => new TextDecoder().decode(b));

describe('the endorsement round', { timeout: 240_000 }, () => {
  it('runs two rounds from views to a response endorsed by exactly those who signed or stayed silent', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': council(),
      'responses/police.md': police(),
      'responses/vcs.md': vcs(),
    });
    const exists = (file: string) => readdirSync(join(ws, 'out')).includes(file);

    // The draft says what it is, when it was made, and how and by when to object, before any answer.
    expect(lsp(ws, ['draft']).code).toBe(0);
    const draft = text(ws, 'out/draft.md');
    expect(draft.startsWith('**DRAFT - not for submission**\n')).toBe(true);
    expect(draft).toContain('Draft of 15 February 2006.');
    expect(draft).not.toContain('1 March 2006');
    const object = draft.indexOf('# How to object by 24 February 2006\n');
    expect(object).toBeGreaterThan(0);
    expect(object).toBeLessThan(draft.indexOf('Agreed on question 1.'));
    expect(draft).toContain(
      'tell Jessie Hamshar, Contact Officer, <contact@example.org>, 020 7000 0000, or write your reason beside that section on your endorsement sheet, the Word file `out/rounds/1/sheets/<partner-id>.docx`',
    );
    // The example id is one of this workspace's, not the bundled example's.
    expect(draft).toContain('e.g. Q1/council; or Q1 for the whole answer to question 1');
    expect(draft).toContain('  - section: Q1/council\n');
    const draftHeaders = headers(ws, 'out/draft.docx');
    expect(draftHeaders.length).toBeGreaterThanOrEqual(2);
    for (const h of draftHeaders) expect(h).toContain('DRAFT - not for submission');

    // Round 1, dated today, with round 1's deadline from the config and a hash of meaning per section.
    const circulated = lsp(ws, ['circulate']);
    expect(circulated.code, circulated.stderr).toBe(0);
    expect(circulated.stdout).toContain('round 1 (out/rounds/1/)');
    expect(readdirSync(join(ws, 'out/rounds/1')).sort()).toEqual(['draft.docx', 'draft.md', 'round.json', 'sheets']);
    expect(readdirSync(join(ws, 'out/rounds/1/sheets')).sort()).toEqual(['council.docx', 'police.docx', 'vcs.docx']);
    const round1 = JSON.parse(text(ws, 'out/rounds/1/round.json'));
    expect(round1).toMatchObject({ round: 1, date: '2006-02-15', objections_by: '2006-02-24', hash: 2 });
    expect(Object.keys(round1.sections)).toContain('Q18/police');
    expect(lsp(ws, ['status'], '2006-02-20').stdout).toContain(
      'Sign-off of round 1, circulated 2006-02-15 (objections due 2006-02-24):\n  council   no reply',
    );

    // Before the deadline nobody has replied: merge refuses, naming each partner, and writes nothing.
    const early = lsp(ws, ['merge'], '2006-02-20');
    expect(early.code).toBe(1);
    for (const name of ['Borough Council', 'Police Service', 'Voluntary Action'])
      expect(early.stderr).toContain(
        `${name} has neither signed off round 1 nor objected, and round 1's objection deadline (2006-02-24) has not passed`,
      );
    expect(early.stderr).toContain(
      "Or run 'lsp-respond merge --accept-unendorsed' to write it now: its cover lists only the partners who have endorsed it",
    );
    expect(exists('response.md')).toBe(false);

    // The council objects to the police's view on Q18 and signs off the rest; the police sign off; the voluntary sector stays silent.
    const signed = (round: number, by: string) => `\nendorsed: {round: ${round}, date: 2006-02-22, by: ${by}}`;
    const objection = '\ncannot_endorse:\n  - section: Q18/police\n    reason: Not our view.';
    writeFileSync(join(ws, 'responses/council.md'), council(`${signed(1, 'Leader')}${objection}`));
    writeFileSync(join(ws, 'responses/police.md'), police(signed(1, 'Borough Commander')));
    expect(lsp(ws, ['status'], '2006-02-23').stdout).toContain(
      '  council   endorsed, 1 objection (2006-02-22, Leader)',
    );
    const waiting = lsp(ws, ['merge'], '2006-02-23');
    expect(waiting.code).toBe(1);
    expect(waiting.stderr).toContain(
      'responses/vcs.md:1:1: error: Voluntary Action has neither signed off round 1 nor objected',
    );
    expect(waiting.stderr).not.toContain('Police Service has neither');

    // After the deadline silence is endorsement (seed 003 s.3.2); report.json says who signed and who was silent.
    const merged1 = lsp(ws, ['merge'], '2006-02-25');
    expect(merged1.code, merged1.stderr).toBe(0);
    const report1 = JSON.parse(text(ws, 'out/report.json'));
    expect(report1.partners.map((p: { id: string; endorsement: string }) => [p.id, p.endorsement])).toEqual([
      ['council', 'signed'],
      ['police', 'signed'],
      ['vcs', 'silent'],
    ]);
    expect(report1.round).toEqual({ number: 1, date: '2006-02-15', objections_by: '2006-02-24', not_circulated: [] });
    expect(text(ws, 'out/response.md')).toContain(
      '- Borough Council (public)\n- Police Service (public)\n- Voluntary Action (voluntary)',
    );
    expect(lsp(ws, ['status'], '2006-02-25').stdout).toContain(
      '  vcs       no reply; silent past the deadline, so it endorses\n',
    );

    // The police revise Q3 after the round: the text was never circulated, so merge refuses, naming the section.
    writeFileSync(
      join(ws, 'responses/police.md'),
      police(signed(1, 'Borough Commander')).replace('Police view on three.', 'Police view on three, revised.'),
    );
    const stale = lsp(ws, ['merge'], '2006-02-25');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /responses\/police\.md:\d+:1: error: Q3\/police changed after round 1 \(circulated 2006-02-15\); circulate again/,
    );
    // check --signoff says each stale sign-off once, as an error.
    const signoff = lsp(ws, ['check', '--signoff'], '2006-02-25');
    expect(signoff.code).toBe(1);
    expect(signoff.stderr.match(/Police Service endorsed round 1/g)).toHaveLength(1);
    expect(signoff.stderr).toMatch(
      /responses\/police\.md:\d+:\d+: error: Police Service endorsed round 1, but Q3\/police changed since/,
    );

    // The override writes it, and says so on the cover and in the document properties.
    const forced = lsp(ws, ['merge', '--accept-unendorsed'], '2006-02-25');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('warning: Q3/police changed after round 1');
    expect(text(ws, 'out/response.md')).toContain(
      'Not endorsed as a whole: this response contains text that was not circulated to the partners in round 1 (Q3/police).',
    );
    expect(docxPart(ws, 'out/response.docx', 'docProps/core.xml')).toContain(
      '<cp:contentStatus>Not endorsed as a whole: this response contains text that was not circulated to the partners in round 1 (Q3/police).</cp:contentStatus>',
    );
    expect(JSON.parse(text(ws, 'out/report.json')).round.not_circulated).toEqual(['Q3/police']);

    // Round 2: its own date and deadline; a deadline not after the round's date is refused.
    const tooSoon = lsp(ws, ['circulate', '--objections-by', '2006-02-27'], '2006-02-27');
    expect(tooSoon.code).toBe(2);
    expect(tooSoon.stderr).toContain('is not after that');
    expect(readdirSync(join(ws, 'out/rounds'))).toEqual(['1']);
    expect(lsp(ws, ['circulate', '--objections-by', '2006-03-02'], '2006-02-27').code).toBe(0);
    expect(JSON.parse(text(ws, 'out/rounds/2/round.json'))).toMatchObject({
      round: 2,
      date: '2006-02-27',
      objections_by: '2006-03-02',
      hash: 2,
    });
    const draft2 = text(ws, 'out/rounds/2/draft.md');
    expect(draft2).toContain('Draft of 27 February 2006.');
    expect(draft2).toContain('# How to object by 2 March 2006\n');
    expect(draft2).toContain('`out/rounds/2/sheets/<partner-id>.docx`');
    // The council's sheet carries its standing objection, and its round's dates.
    const sheet2 = docxPart(ws, 'out/rounds/2/sheets/council.docx', 'word/document.xml');
    expect(sheet2).toContain('Not our view.');
    expect(sheet2).toContain('draft of 27 February 2006');
    expect(sheet2).toContain('by 2 March 2006');
    expect(lsp(ws, ['status'], '2006-02-28').stdout).toContain('  vcs       no reply');
    // A round whose deadline falls after the submission date is pointed out.
    writeFileSync(join(ws, 'lsp-respond.yaml'), CONFIG.replace('submission: 2006-03-03', 'submission: 2006-03-01'));
    expect(lsp(ws, ['check'], '2006-02-28').stderr).toContain(
      "lsp-respond.yaml:7:15: warning: round 2's objection deadline (2006-03-02, lsp-respond circulate --objections-by) is not before deadlines.submission (2006-03-01)",
    );
    writeFileSync(join(ws, 'lsp-respond.yaml'), CONFIG);

    // A round 1 sheet is refused now, saying which round is current; the file is untouched.
    const councilBefore = text(ws, 'responses/council.md');
    const old = lsp(
      ws,
      ['import', '--endorsement', 'out/rounds/1/sheets/council.docx', '--id', 'council'],
      '2006-02-28',
    );
    expect(old.code).toBe(2);
    expect(old.stderr).toContain(
      'the sheet is for round 1, an older round whose draft has been replaced; the current round is 2: use out/rounds/2/sheets/council.docx',
    );
    // The round 2 sheet returned as it was sent changes nothing and keeps the objection, saying so.
    const unfilled = lsp(
      ws,
      ['import', '--endorsement', 'out/rounds/2/sheets/council.docx', '--id', 'council'],
      '2006-02-28',
    );
    expect(unfilled.code, unfilled.stderr).toBe(0);
    expect(unfilled.stdout).toBe(
      'imported out/rounds/2/sheets/council.docx into responses/council.md (no change): not signed off round 2\n  kept: cannot endorse Q18/police: Not our view.\n',
    );
    expect(text(ws, 'responses/council.md')).toBe(councilBefore);
    // Another partner's sheet is refused too.
    const other = lsp(
      ws,
      ['import', '--endorsement', 'out/rounds/2/sheets/police.docx', '--id', 'council'],
      '2006-02-28',
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("this is police's endorsement sheet, not council's");

    // Round 2 signed by two; the third is silent until 2 March has passed.
    writeFileSync(join(ws, 'responses/council.md'), council(`${signed(2, 'Leader')}${objection}`));
    writeFileSync(
      join(ws, 'responses/police.md'),
      police(signed(2, 'Borough Commander')).replace('Police view on three.', 'Police view on three, revised.'),
    );
    const before2 = lsp(ws, ['merge'], '2006-03-02');
    expect(before2.code).toBe(1);
    expect(before2.stderr).toContain(
      "Voluntary Action has neither signed off round 2 nor objected, and round 2's objection deadline (2006-03-02) has not passed",
    );
    const final = lsp(ws, ['merge'], '2006-03-03');
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toBe(
      'wrote 11 files to out/: draft.md, draft.docx, response.md, response.docx, TP-response.docx, letter.md, letter.docx, removed.md, report.json, 1 separate submission (out/separate/)\n',
    );
    const response = text(ws, 'out/response.md');
    expect(response).not.toContain('Not endorsed as a whole');
    expect(response).toContain('Police view on three, revised.');
    expect(response).not.toContain('Police view on the duty');
    expect(JSON.parse(text(ws, 'out/report.json')).partners.map((p: { endorsement: string }) => p.endorsement)).toEqual(
      ['signed', 'signed', 'silent'],
    );
    expect(response).toContain('Contact: Jessie Hamshar, Contact Officer, <contact@example.org>, 020 7000 0000');
    expect(readFileSync(join(ws, 'out/TP-response.docx'))).toEqual(readFileSync(join(ws, 'out/response.docx')));
    expect(headers(ws, 'out/separate/police.docx').join('')).toContain('Police Service');
    expect(headers(ws, 'out/separate/police.docx').join('')).not.toContain('TP');
    expect(docxPart(ws, 'out/separate/police.docx', 'docProps/core.xml')).toContain(
      '<dc:creator>Police Service</dc:creator>',
    );
    // The rounds are kept: merge does not prune them.
    expect(readdirSync(join(ws, 'out/rounds')).sort()).toEqual(['1', '2']);
  });

  it("keeps separate_only sections for the partner's own submission, and refuses other partners' sections there", () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': council(),
      'responses/police.md': police('\nseparate_only: [Q18/police]'),
    });
    expect(lsp(ws, ['merge']).code).toBe(0);
    expect(text(ws, 'out/response.md')).not.toContain('Police view on the duty');
    expect(text(ws, 'out/separate/police.md')).toContain('Police view on the duty');
    expect(text(ws, 'out/removed.md')).toContain(
      'Not endorsed by: Police Service, which keeps it for its own submission.',
    );
    const missing = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': council(),
      'responses/police.md': police('\nseparate_only: [Q4/police]'),
    });
    expect(lsp(missing, ['check']).stderr).toContain(
      'responses/police.md:4:17: error: separate_only names section Q4/police, which does not exist;',
    );
    const bad = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': council(),
      'responses/police.md': police('\nseparate_only: [Q3/council]'),
    });
    const r = lsp(bad, ['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "responses/police.md:4:17: error: 'Q3/council' is not one of police's own sections; separate_only lists your own contributions, such as Q18/police or preamble/police",
    );
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
    expect(r.stderr).toContain(
      'responses/police.md:4:18: warning: Q3/council is not in the response anyway (agreed wording in composite.md replaces it), so this objection changes nothing in the response',
    );
  });

  it('introduces each contribution by partner or sector when attribute: asks', () => {
    for (const [attribute, expected] of [
      ['partner', '**Police Service:**'],
      ['sector', '**From the voluntary sector:**'],
    ] as const) {
      const ws = workspace({
        'lsp-respond.yaml': `${CONFIG}attribute: ${attribute}\n`,
        'responses/council.md': council(),
        'responses/police.md': police(),
        'responses/vcs.md': vcs(),
      });
      expect(lsp(ws, ['merge']).code).toBe(0);
      expect(text(ws, 'out/response.md')).toContain(expected);
    }
  });
});

describe('init', { timeout: 120_000 }, () => {
  it('writes no fixed date, so the response is dated on the day of the merge', () => {
    const ws = workspace({}, { questions: false });
    expect(run(['-C', ws, '--today', '2006-02-01', 'init', '--partnership', 'Camden Partnership']).code).toBe(0);
    expect(text(ws, 'lsp-respond.yaml')).not.toMatch(/^date:/m);
    writeFileSync(join(ws, 'responses/council.md'), council());
    expect(lsp(ws, ['merge', '--no-docx'], '2006-03-02').code).toBe(0);
    expect(text(ws, 'out/response.md')).toContain('\n2 March 2006\n');
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
    'responses/vcs.md': partner(
      'partner: Voluntary Action',
      '## Q3\n\nFor our members,\nwe would add a forum.\n\n## Q17a\n\nA seat on the board.\n\n## Q17b\n\nA seat on each.\n',
    ),
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
    expect(r.stderr).toContain(
      "out/rounds/1/round.json:1:1: warning: out/rounds/1/round.json is damaged (it is written by 'lsp-respond circulate' and should not be edited), so round 1 is ignored; delete out/rounds/1 and circulate again",
    );
    expect(lsp(ws, ['check', '--signoff']).stderr).toContain('no draft has been circulated');
  });
});
