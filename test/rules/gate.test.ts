// The merge gate of the endorsement round (README, "The endorsement round",
// step 6): once a round has been circulated, merge writes only text the
// partners were sent, and only once every partner has signed the latest round
// off, objected, or stayed silent past its objection deadline; the cover's
// "Endorsed by" and report.json say exactly who endorses and how. And
// circulate's own rule: a round's objection deadline must be after its date.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { circulate, mergeCommand } from '../helpers/commands.js';
import { endorsed, lineOf, partner, rewritePartner, snapshot, workspace } from '../helpers/workspace.js';

/** Every question abstained but Q3, Q18 and Q20, so a merge of a few sections is complete. */
const abstainAllBut = (keep: number[]) =>
  `abstain:\n${Array.from({ length: 35 }, (_, i) => i + 1)
    .filter((n) => !keep.includes(n))
    .map((n) => `  Q${n}: Not asked here.\n`)
    .join('')}`;
const BASE = `partnership: Test Partnership\ndate: 2006-03-01\n${abstainAllBut([3, 18, 20])}`;
/** Round 1's objection deadline comes from here, on line 4. */
const CONFIG = `partnership: Test Partnership\ndate: 2006-03-01\ndeadlines:\n  objections: 2006-02-24\n${abstainAllBut([3, 18, 20])}`;

const COUNCIL_BODY =
  '## Q3\n\nCouncil view on three.\n\n## Q18\n\nCouncil view on the duty.\n\n## Q20\n\nCouncil view on twenty.\n';
const POLICE_BODY = '## Q3\n\nPolice view on three.\n\n## Q18\n\nPolice view on the duty.\n';
const COUNCIL = 'partner: Borough Council\nsector: public';
const POLICE = 'partner: Police Service\nsector: public';

/** Two partners, circulated as round 1 on 15 February (objections by 24 February unless `config` says otherwise). */
async function circulated(config = CONFIG): Promise<string> {
  const ws = workspace({
    'lsp-respond.yaml': config,
    'responses/council.md': partner(COUNCIL, COUNCIL_BODY),
    'responses/police.md': partner(POLICE, POLICE_BODY),
  });
  const r = await circulate(ws);
  expect(r.code, r.stderr).toBe(0);
  return ws;
}
const roundJson = (ws: string, n: number) =>
  JSON.parse(readFileSync(join(ws, `out/rounds/${n}/round.json`), 'utf8')) as { objections_by: string | null };
const endorsements = (report: { partners: { id: string; endorsement?: string | null }[] } | null) =>
  report?.partners.map((p) => [p.id, p.endorsement]);
/** The cover's list of endorsing partners, up to the first section heading. */
const endorsedBy = (response: string | null) => {
  const from = response!.indexOf('Endorsed by:');
  expect(from).toBeGreaterThan(0);
  return response!.slice(from, response!.indexOf('\n#', from)).trim();
};
const AGAIN = 'circulate again (lsp-respond circulate) so the partners can endorse the text that will be submitted';

describe('merge after a round: partners still to reply', () => {
  it('before the deadline, merge refuses (exit 1), writing nothing, naming each partner that has neither signed off nor objected at the top of its file', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    const before = snapshot(ws);
    // The deadline day itself is still before the deadline has passed.
    const r = await mergeCommand(ws, { today: '2006-02-24' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "responses/police.md:1:1: error: Police Service has neither signed off round 1 nor objected, and round 1's objection deadline (2006-02-24) has not passed; wait for its reply (import its sheet, out/rounds/1/sheets/police.docx, or add endorsed: to its front matter)\n",
    );
    expect(r.stderr).not.toContain('Borough Council has neither');
    expect(r.stderr).toContain(
      'nothing written: not every partner has answered round 1 before its objection deadline (2006-02-24); wait for their replies or the deadline.',
    );
    expect([r.report, r.response]).toEqual([null, null]);
    expect(snapshot(ws)).toEqual(before);
  });

  it("a partner that signed off an earlier round is named at its endorsed: line until the latest round's deadline has passed; then it is silent, not signed", async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `${POLICE}\n${endorsed(1)}`, POLICE_BODY);
    expect((await circulate(ws, '2006-02-25', '2006-03-02')).code).toBe(0);
    rewritePartner(ws, 'police', `${POLICE}\n${endorsed(2)}`, POLICE_BODY);
    const early = await mergeCommand(ws, { today: '2006-03-02' });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(
      `responses/council.md:${lineOf(ws, 'responses/council.md', 'endorsed:')}:1: error: Borough Council has neither signed off round 2 nor objected, and round 2's objection deadline (2006-03-02) has not passed`,
    );
    expect(early.stderr).not.toContain('Police Service has neither');
    const merged = await mergeCommand(ws, { today: '2006-03-03' });
    expect(merged.code, merged.stderr).toBe(0);
    expect(endorsements(merged.report)).toEqual([
      ['council', 'silent'],
      ['police', 'signed'],
    ]);
    expect(merged.report!.round).toEqual({
      number: 2,
      date: '2006-02-25',
      objections_by: '2006-03-02',
      not_circulated: [],
    });
  });

  it('a partner that objects without signing off is not waited for, and the cover does not list it', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `${POLICE}\ncannot_endorse: [Q3/council]`, POLICE_BODY);
    const r = await mergeCommand(ws, { today: '2006-02-20' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('has neither signed off');
    expect(endorsements(r.report)).toEqual([
      ['council', 'signed'],
      ['police', null],
    ]);
    expect(endorsedBy(r.response)).toBe('Endorsed by:\n\n- Borough Council (public)');
  });

  it('keeping its own section for its own submission (separate_only) is no reply: the partner is still waited for', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `${POLICE}\nseparate_only: [Q18/police]`, POLICE_BODY);
    const r = await mergeCommand(ws, { today: '2006-02-20' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'responses/police.md:1:1: error: Police Service has neither signed off round 1 nor objected',
    );
    expect(r.report).toBeNull();
  });

  it('a round without an objection deadline never makes silence endorsement: merge refuses however late it is', async () => {
    const ws = await circulated(BASE);
    expect(roundJson(ws, 1).objections_by).toBeNull();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    const r = await mergeCommand(ws, { today: '2099-12-31' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'responses/police.md:1:1: error: Police Service has neither signed off round 1 nor objected, and round 1 has no objection deadline, so silence is not endorsement; wait for its reply',
    );
    expect(r.stderr).toContain('nothing written: not every partner has answered round 1; wait for their replies.');
    expect(r.report).toBeNull();
  });
});

describe('merge after a round: silence and sign-off', () => {
  it('the day after the deadline a silent partner endorses: report.json says who signed and who was silent, and the cover lists both', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    const r = await mergeCommand(ws, { today: '2006-02-25' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('has neither signed off');
    expect(endorsements(r.report)).toEqual([
      ['council', 'signed'],
      ['police', 'silent'],
    ]);
    expect(r.report!.round).toEqual({ number: 1, date: '2006-02-15', objections_by: '2006-02-24', not_circulated: [] });
    expect(endorsedBy(r.response)).toBe('Endorsed by:\n\n- Borough Council (public)\n- Police Service (public)');
    expect(r.response).not.toContain('Not endorsed as a whole');
  });

  it('a partner that signed off before the deadline is signed, not silent, after it', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `${POLICE}\n${endorsed(1)}`, POLICE_BODY);
    const r = await mergeCommand(ws, { today: '2006-03-01' });
    expect(r.code, r.stderr).toBe(0);
    expect(endorsements(r.report)).toEqual([
      ['council', 'signed'],
      ['police', 'signed'],
    ]);
  });

  it('without any round, merge works as before: every partner is listed, and report.json names no round and no endorsement', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner(COUNCIL, COUNCIL_BODY),
      'responses/police.md': partner(POLICE, POLICE_BODY),
    });
    const r = await mergeCommand(ws, { today: '2006-02-20' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report!.partners.map((p) => 'endorsement' in p)).toEqual([false, false]);
    expect(r.report!.round).toBeUndefined();
    expect(endorsedBy(r.response)).toBe('Endorsed by:\n\n- Borough Council (public)\n- Police Service (public)');
  });
});

describe('merge after a round: text the partners were not sent', () => {
  it('merge refuses, writing nothing, when a section changed after the round, naming it where it is written', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `${POLICE}\n${endorsed(1)}`, POLICE_BODY.replace('on three.', 'on three, revised.'));
    const before = snapshot(ws);
    const r = await mergeCommand(ws, { today: '2006-02-25' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `responses/police.md:${lineOf(ws, 'responses/police.md', '## Q3')}:1: error: Q3/police changed after round 1 (circulated 2006-02-15); ${AGAIN}\n`,
    );
    // Only the changed section: the police's Q18 and the council's Q3 are as they were sent.
    expect(r.stderr.match(/ after round 1 /g)).toHaveLength(1);
    expect(r.stderr).toContain(
      "nothing written: the response would hold text the partners were not sent in round 1; circulate it ('lsp-respond circulate') for sign-off.",
    );
    expect(snapshot(ws)).toEqual(before);
  });

  it('a section added after the round was not in it, and merge refuses', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `${POLICE}\n${endorsed(1)}`, `${POLICE_BODY}\n## Q20\n\nPolice view on twenty.\n`);
    const r = await mergeCommand(ws, { today: '2006-02-25' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `responses/police.md:${lineOf(ws, 'responses/police.md', '## Q20')}:1: error: Q20/police was not in round 1 (circulated 2006-02-15); ${AGAIN}\n`,
    );
    expect(r.stderr).not.toContain('changed after');
  });

  it('text the response will not hold (removed by an objection) may change after the round', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}\ncannot_endorse: [Q18/police]`, COUNCIL_BODY);
    rewritePartner(
      ws,
      'police',
      `${POLICE}\n${endorsed(1)}`,
      POLICE_BODY.replace('on the duty.', 'on the duty, revised.'),
    );
    const r = await mergeCommand(ws, { today: '2006-02-20' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.report!.round!.not_circulated).toEqual([]);
    expect(r.response).not.toContain('on the duty, revised');
  });

  it('--accept-unendorsed writes it anyway, as warnings: the cover lists only who endorsed, and it and report.json name the sections not circulated', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `${COUNCIL}\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(
      ws,
      'police',
      POLICE,
      `${POLICE_BODY.replace('on three.', 'on three, revised.')}\n## Q20\n\nPolice view on twenty.\n`,
    );
    const r = await mergeCommand(ws, { today: '2006-02-20', acceptUnendorsed: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: Q3/police changed after round 1');
    expect(r.stderr).toContain('warning: Q20/police was not in round 1');
    expect(r.stderr).toContain('warning: Police Service has neither signed off round 1 nor objected');
    expect(endorsements(r.report)).toEqual([
      ['council', 'signed'],
      ['police', null],
    ]);
    expect(r.report!.round!.not_circulated).toEqual(['Q3/police', 'Q20/police']);
    expect(r.response).toContain(
      'Not endorsed as a whole: this response contains text that was not circulated to the partners in round 1 (Q3/police, Q20/police).',
    );
    expect(endorsedBy(r.response)).toBe('Endorsed by:\n\n- Borough Council (public)');
  });

  it('--accept-unendorsed before anyone has replied: the cover says no partner has endorsed the response yet', async () => {
    const ws = await circulated();
    const r = await mergeCommand(ws, { today: '2006-02-20', acceptUnendorsed: true });
    expect(r.code, r.stderr).toBe(0);
    expect(endorsements(r.report)).toEqual([
      ['council', null],
      ['police', null],
    ]);
    expect(r.response).toContain('Endorsed by:\n\nNo partner has endorsed this response yet.');
  });
});

describe("circulate: a round's objection deadline", () => {
  it("deadlines.objections is round 1's, said at its line when it is not after the round's date (exit 2, nothing written)", async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner(COUNCIL, COUNCIL_BODY),
    });
    const r = await circulate(ws, '2006-02-24');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'lsp-respond.yaml:4:15: error: round 1 would be dated 2006-02-24 (--today, else today), but its objection deadline, deadlines.objections (2006-02-24), is not after that, so partners would have no time to object; give a later date with --objections-by YYYY-MM-DD. Nothing written\n',
    );
    expect(existsSync(join(ws, 'out'))).toBe(false);
    const ok = await circulate(ws, '2006-02-23');
    expect(ok.code, ok.stderr).toBe(0);
    expect(roundJson(ws, 1).objections_by).toBe('2006-02-24');
  });

  it("--objections-by not after the round's date is a usage error (exit 2): it has no place in a file", async () => {
    const ws = await circulated();
    const r = await circulate(ws, '2006-02-27', '2006-02-27');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'lsp-respond: error: round 2 would be dated 2006-02-27 (--today, else today), but its objection deadline, --objections-by 2006-02-27, is not after that, so partners would have no time to object; give a later date with --objections-by YYYY-MM-DD. Nothing written\n',
    );
    expect(existsSync(join(ws, 'out/rounds/2'))).toBe(false);
  });

  it('--objections-by wins over deadlines.objections for round 1', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner(COUNCIL, COUNCIL_BODY),
    });
    const r = await circulate(ws, '2006-02-24', '2006-02-28');
    expect(r.code, r.stderr).toBe(0);
    expect(roundJson(ws, 1).objections_by).toBe('2006-02-28');
  });

  it('a later round circulated without --objections-by has no deadline, even past deadlines.objections', async () => {
    const ws = await circulated();
    const r = await circulate(ws, '2006-02-27');
    expect(r.code, r.stderr).toBe(0);
    expect(roundJson(ws, 2).objections_by).toBeNull();
  });
});
