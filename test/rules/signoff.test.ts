// Sign-off and staleness against circulated rounds, as check and status
// report them: `check --signoff` fails until every partner has endorsed the
// latest round, and text changed after a round makes its sign-offs and the
// objections made against it stale.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, circulate, statusCommand } from '../helpers/commands.js';
import { endorsed, lineOf, partner, rewritePartner, workspace } from '../helpers/workspace.js';

const CONFIG = `partnership: Test Partnership\ndate: 2006-03-01\nabstain:\n${Array.from(
  { length: 35 },
  (_, i) => `  Q${i + 1}: Not asked here.\n`,
)
  .join('')
  .replace('  Q3: Not asked here.\n', '')
  .replace('  Q18: Not asked here.\n', '')}`;
const COUNCIL_BODY = '## Q3\n\nCouncil view on three.\n\n## Q18\n\nCouncil view on the duty.\n';
const POLICE_BODY = '## Q3\n\nPolice view on three.\n\n## Q18\n\nPolice view on the duty.\n';

/** A workspace with two partners, circulated as round 1. */
async function circulated(): Promise<string> {
  const ws = workspace({
    'lsp-respond.yaml': CONFIG,
    'responses/council.md': partner('partner: Borough Council', COUNCIL_BODY),
    'responses/police.md': partner('partner: Police Service', POLICE_BODY),
  });
  const r = await circulate(ws);
  expect(r.code, r.stderr).toBe(0);
  return ws;
}
const of = (problems: { code: string; file: string }[], code: string) =>
  problems.filter((p) => p.code === code).map((p) => p.file);

/** A config in which everyone abstains but on Q3 to Q9, so one partner can answer just those seven. */
const SEVEN_QUESTIONS = `partnership: Test Partnership\ndate: 2006-03-01\nabstain:\n${Array.from(
  { length: 35 },
  (_, i) => i + 1,
)
  .filter((n) => n < 3 || n > 9)
  .map((n) => `  Q${n}: Not asked.\n`)
  .join('')}`;

describe('check --signoff', () => {
  it('fails (exit 1) before any draft is circulated, at lsp-respond.yaml', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner('partner: Borough Council', COUNCIL_BODY),
    });
    const r = await checkJson(ws, { signoff: true });
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'not-signed-off', file: 'lsp-respond.yaml', line: 1 }),
    ]);
    expect(r.problems[0]!.message).toContain('lsp-respond circulate');
    expect((await checkJson(ws)).code).toBe(0);
  });

  it('fails for each partner that has not endorsed the latest round, at the top of its file, and only with --signoff', async () => {
    const ws = await circulated();
    expect((await checkJson(ws)).problems).toEqual([]);
    const r = await checkJson(ws, { signoff: true });
    expect(r.code).toBe(1);
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['not-signed-off', 'responses/council.md', 1],
      ['not-signed-off', 'responses/police.md', 1],
    ]);
    // Each says who has not replied and what to add when it endorses.
    expect(r.problems[0]!.message).toMatch(
      /^Borough Council has not replied; .*endorsed: \{round: 1, date: YYYY-MM-DD, by: <name>\}/,
    );
  });

  it('passes (exit 0) when every partner endorses the latest round and nothing changed since', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `partner: Borough Council\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `partner: Police Service\n${endorsed(1)}`, POLICE_BODY);
    const r = await checkJson(ws, { signoff: true });
    expect([r.code, r.problems]).toEqual([0, []]);
    expect((await statusCommand(ws)).stdout).toMatch(/council +endorsed \(2006-02-22, Chair\)/);
  });

  it('a sign-off with objections counts: "we endorse everything but these"', async () => {
    const ws = await circulated();
    rewritePartner(
      ws,
      'council',
      `partner: Borough Council\n${endorsed(1)}\ncannot_endorse: [Q3/police]`,
      COUNCIL_BODY,
    );
    rewritePartner(ws, 'police', `partner: Police Service\n${endorsed(1)}`, POLICE_BODY);
    expect((await checkJson(ws, { signoff: true })).code).toBe(0);
  });

  it('a partner that objects without endorsing is not signed off', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `partner: Borough Council\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', 'partner: Police Service\ncannot_endorse: [Q3/council, Q18/council]', POLICE_BODY);
    const r = await checkJson(ws, { signoff: true });
    expect(r.code).toBe(1);
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([['not-signed-off', 'responses/police.md']]);
    expect(r.problems[0]!.message).toMatch(
      /^Police Service objects to sections and has not signed off; .*endorsed: \{round: 1, /,
    );
    expect((await statusCommand(ws)).stdout).toMatch(/police +objected \(2 sections\)/);
  });

  it("an endorsement of an earlier round does not count once a later one is circulated; the problem is at the partner's endorsed: line", async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `partner: Borough Council\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `partner: Police Service\n${endorsed(1)}`, POLICE_BODY);
    expect((await circulate(ws, '2006-02-25')).code).toBe(0);
    rewritePartner(ws, 'police', `partner: Police Service\n${endorsed(2)}`, POLICE_BODY);
    const r = await checkJson(ws, { signoff: true });
    expect(r.code).toBe(1);
    // Round 1's text is unchanged: its sign-off is not stale, only not the latest.
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['not-signed-off', 'responses/council.md', lineOf(ws, 'responses/council.md', 'endorsed:')],
    ]);
    expect(r.problems[0]!.message).toMatch(
      /^Borough Council endorsed round 1, not the latest \(2\); .*endorsed: \{round: 2, /,
    );
    expect((await statusCommand(ws)).stdout).toMatch(/council +endorsed round 1 only; not yet round 2/);
  });

  it('endorsed: naming a round that was never circulated is bad input (exit 2) at that line', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', `partner: Borough Council\n${endorsed(3)}`, COUNCIL_BODY);
    const r = await checkJson(ws);
    expect(r.code).toBe(2);
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['unknown-round', 'responses/council.md', lineOf(ws, 'responses/council.md', 'endorsed:')],
    ]);
    expect(r.problems[0]!.message).toMatch(/latest round is 1/);
  });

  it('endorsed: before any round was circulated is bad input (exit 2)', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner(`partner: Borough Council\n${endorsed(1)}`, COUNCIL_BODY),
    });
    const r = await checkJson(ws);
    expect([r.code, r.problems.map((p) => p.code)]).toEqual([2, ['unknown-round']]);
    expect(r.problems[0]!.message).toBe(
      'endorsed names round 1, which was never circulated; no round has been circulated yet (lsp-respond circulate)',
    );
  });

  it('without lsp-respond.yaml, fails before any draft is circulated at lsp-respond.yaml, the file to create', async () => {
    const ws = workspace({ 'responses/council.md': partner('partner: Borough Council', COUNCIL_BODY) });
    const r = await checkJson(ws, { signoff: true });
    expect(r.code).toBe(1);
    expect(r.problems.filter((p) => p.code !== 'unanswered').map((p) => [p.severity, p.code, p.file, p.line])).toEqual([
      ['warning', 'no-config', 'lsp-respond.yaml', 1],
      ['error', 'not-signed-off', 'lsp-respond.yaml', 1],
    ]);
  });

  it("counts only a partner's cannot_endorse entries as its objections, not the sections it keeps separate_only", async () => {
    const ws = await circulated();
    rewritePartner(
      ws,
      'council',
      `partner: Borough Council\n${endorsed(1)}\ncannot_endorse: [Q3/police, Q18/police]\nseparate_only: [Q3/council]`,
      COUNCIL_BODY,
    );
    rewritePartner(
      ws,
      'police',
      'partner: Police Service\ncannot_endorse: [Q18/council]\nseparate_only: [Q3/police, Q18/police]',
      POLICE_BODY,
    );
    const status = (await statusCommand(ws)).stdout;
    expect(status).toMatch(/council +endorsed, 2 objections \(2006-02-22, Chair\)\n/);
    expect(status).toMatch(/police +objected \(1 section\); not signed off\n/);
    // Keeping sections for its own submission is neither an objection nor a reply.
    rewritePartner(ws, 'police', 'partner: Police Service\nseparate_only: [Q3/police]', POLICE_BODY);
    expect((await statusCommand(ws)).stdout).toMatch(/police +no reply\n/);
  });
});

describe('stale sign-offs', () => {
  async function signedOff(): Promise<string> {
    const ws = await circulated();
    rewritePartner(ws, 'council', `partner: Borough Council\n${endorsed(1)}`, COUNCIL_BODY);
    rewritePartner(ws, 'police', `partner: Police Service\n${endorsed(1)}`, POLICE_BODY);
    return ws;
  }

  it('a changed word after a round makes every sign-off of it stale: a warning, and no sign-off for --signoff', async () => {
    const ws = await signedOff();
    rewritePartner(ws, 'police', `partner: Police Service\n${endorsed(1)}`, POLICE_BODY.replace('three', 'four'));
    const plain = await checkJson(ws);
    expect(plain.code).toBe(0);
    expect(plain.problems.map((p) => [p.severity, p.code, p.file, p.line])).toEqual([
      ['warning', 'stale-signoff', 'responses/council.md', lineOf(ws, 'responses/council.md', 'endorsed:')],
      ['warning', 'stale-signoff', 'responses/police.md', lineOf(ws, 'responses/police.md', 'endorsed:')],
    ]);
    for (const p of plain.problems) expect(p.message).toContain('Q3/police');
    const r = await checkJson(ws, { signoff: true });
    expect(r.code).toBe(1);
    // With --signoff it is said once, as the reason the check fails, not also as a warning.
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['not-signed-off', 'responses/council.md'],
      ['not-signed-off', 'responses/police.md'],
    ]);
    // A stale sign-off needs the new text circulated first.
    for (const p of r.problems.filter((x) => x.code === 'not-signed-off'))
      expect(p.message).toMatch(/round 1.*circulate/);
    expect((await statusCommand(ws)).stdout).toMatch(/council +endorsed round 1, but 1 section changed since/);
  });

  it('re-wrapping a line or spacing words differently is no change to the text', async () => {
    const ws = await signedOff();
    rewritePartner(
      ws,
      'council',
      `partner: Borough Council\n${endorsed(1)}`,
      COUNCIL_BODY.replace('Council view on three.', '  Council  view\non   three.  '),
    );
    const r = await checkJson(ws, { signoff: true });
    expect([r.code, r.problems]).toEqual([0, []]);
  });

  it('a link written as a reference instead of inline is no change to the text', async () => {
    const ws = await circulated();
    rewritePartner(
      ws,
      'council',
      'partner: Borough Council',
      COUNCIL_BODY.replace('three.', 'three, see [the paper](https://example.org/p).'),
    );
    expect((await circulate(ws, '2006-02-25')).code).toBe(0);
    rewritePartner(
      ws,
      'council',
      `partner: Borough Council\n${endorsed(2)}`,
      COUNCIL_BODY.replace('three.', 'three, see [the paper][p].\n\n[p]: https://example.org/p'),
    );
    expect(of((await checkJson(ws)).problems, 'stale-signoff')).toEqual([]);
  });

  it("moving a partner's answers to another file, its id: kept, is no change to the text", async () => {
    const ws = await signedOff();
    rmSync(join(ws, 'responses/police.md'));
    writeFileSync(
      join(ws, 'responses/police-service.md'),
      partner(`partner: Police Service\nid: police\n${endorsed(1)}`, POLICE_BODY),
    );
    const r = await checkJson(ws, { signoff: true });
    expect([r.code, r.problems]).toEqual([0, []]);
  });

  it('joining two words is a change to the text', async () => {
    const ws = await signedOff();
    rewritePartner(
      ws,
      'council',
      `partner: Borough Council\n${endorsed(1)}`,
      COUNCIL_BODY.replace('Council view', 'Councilview'),
    );
    expect(of((await checkJson(ws)).problems, 'stale-signoff')).toHaveLength(2);
  });

  it('a section added or gone since the round makes sign-offs stale', async () => {
    const added = await signedOff();
    rewritePartner(
      added,
      'police',
      `partner: Police Service\n${endorsed(1)}`,
      `${POLICE_BODY}\n## Q19\n\nPolice view on nineteen.\n`,
    );
    const a = await checkJson(added);
    expect(of(a.problems, 'stale-signoff')).toHaveLength(2);
    expect(a.problems[0]!.message).toContain('Q19/police');
    const gone = await signedOff();
    rewritePartner(gone, 'council', `partner: Borough Council\n${endorsed(1)}`, '## Q3\n\nCouncil view on three.\n');
    const g = await checkJson(gone);
    expect(of(g.problems, 'stale-signoff')).toHaveLength(2);
    expect(g.problems[0]!.message).toContain('Q18/council');
  });

  it('names the changed sections in id order, at most five, and how many more', async () => {
    const body = (word: string) =>
      Array.from({ length: 7 }, (_, i) => `## Q${i + 3}\n\n${word} on ${i + 3}.\n`).join('\n');
    const config = SEVEN_QUESTIONS;
    const ws = workspace({
      'lsp-respond.yaml': config,
      'responses/council.md': partner('partner: Borough Council', body('View')),
    });
    expect((await circulate(ws)).code).toBe(0);
    rewritePartner(ws, 'council', `partner: Borough Council\n${endorsed(1)}`, body('Changed view'));
    const [stale] = (await checkJson(ws)).problems;
    expect(stale!.code).toBe('stale-signoff');
    const named = stale!.message.match(/Q\d+\/council/g);
    expect(named).toEqual(['Q3/council', 'Q4/council', 'Q5/council', 'Q6/council', 'Q7/council']);
    expect(stale!.message).toBe(
      'Borough Council endorsed round 1, but Q3/council, Q4/council, Q5/council, Q6/council, Q7/council and 2 more changed since; circulate the new text and ask for sign-off again',
    );
  });

  it('names five changed sections without counting more', async () => {
    const body = (word: string) =>
      Array.from({ length: 7 }, (_, i) => `## Q${i + 3}\n\n${i < 5 ? word : 'View'} on ${i + 3}.\n`).join('\n');
    const config = SEVEN_QUESTIONS;
    const ws = workspace({
      'lsp-respond.yaml': config,
      'responses/council.md': partner('partner: Borough Council', body('View')),
    });
    expect((await circulate(ws)).code).toBe(0);
    rewritePartner(ws, 'council', `partner: Borough Council\n${endorsed(1)}`, body('Changed view'));
    const [stale] = (await checkJson(ws)).problems;
    expect(stale!.message.match(/Q\d+\/council/g)).toEqual([
      'Q3/council',
      'Q4/council',
      'Q5/council',
      'Q6/council',
      'Q7/council',
    ]);
    expect(stale!.message).toBe(
      'Borough Council endorsed round 1, but Q3/council, Q4/council, Q5/council, Q6/council, Q7/council changed since; circulate the new text and ask for sign-off again',
    );
  });

  it('names sections added since the round among the changed ones, all in id order', async () => {
    const ws = await signedOff();
    rewritePartner(ws, 'police', `partner: Police Service\n${endorsed(1)}`, POLICE_BODY.replace('three', 'four'));
    writeFileSync(
      join(ws, 'responses/ambulance.md'),
      partner('partner: Ambulance Trust', '## Q3\n\nAmbulance on three.\n\n## Q18\n\nAmbulance on the duty.\n'),
    );
    const [stale] = (await checkJson(ws)).problems.filter((p) => p.code === 'stale-signoff');
    expect(stale!.message).toBe(
      'Borough Council endorsed round 1, but Q18/ambulance, Q3/ambulance, Q3/police changed since; circulate the new text and ask for sign-off again',
    );
  });
});

describe('stale objections', () => {
  it('an objection to text changed since the round the partner saw is pointed out at the objection; one to unchanged text is not', async () => {
    const ws = await circulated();
    rewritePartner(
      ws,
      'police',
      'partner: Police Service\ncannot_endorse:\n  - section: Q3/council\n    reason: No.\n  - section: Q18/council\n    reason: No.',
      POLICE_BODY,
    );
    expect((await checkJson(ws)).problems).toEqual([]);
    rewritePartner(
      ws,
      'council',
      'partner: Borough Council',
      COUNCIL_BODY.replace('Council view on the duty.', 'Council view on the duty, softened.'),
    );
    const r = await checkJson(ws);
    expect(r.code).toBe(0);
    expect(r.problems.map((p) => [p.severity, p.code, p.file, p.line])).toEqual([
      ['warning', 'stale-objection', 'responses/police.md', lineOf(ws, 'responses/police.md', 'Q18/council')],
    ]);
    expect(r.problems[0]!.message).toContain('Q18/council');
    expect(r.problems[0]!.message).not.toContain('Q3/council');
  });

  it('an objection to a whole answer names only the sections of it that changed', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', 'partner: Borough Council\ncannot_endorse: [Q3]', COUNCIL_BODY);
    rewritePartner(ws, 'police', 'partner: Police Service', POLICE_BODY.replace('three', 'four'));
    const [stale, ...more] = (await checkJson(ws)).problems.filter((p) => p.code === 'stale-objection');
    expect(more).toEqual([]);
    expect(stale!.message).toContain('Q3/police');
    expect(stale!.message).not.toContain('Q3/council');
  });

  it('is judged against the round the partner endorsed, not the latest', async () => {
    const ws = await circulated();
    rewritePartner(ws, 'council', 'partner: Borough Council', COUNCIL_BODY.replace('on the duty', 'on the new duty'));
    expect((await circulate(ws, '2006-02-25')).code).toBe(0);
    // The police saw round 1, where Q18/council read differently.
    rewritePartner(ws, 'police', `partner: Police Service\n${endorsed(1)}\ncannot_endorse: [Q18/council]`, POLICE_BODY);
    const r = await checkJson(ws);
    expect(of(r.problems, 'stale-objection')).toEqual(['responses/police.md']);
    // Against round 2, the latest, it is not stale.
    rewritePartner(ws, 'police', 'partner: Police Service\ncannot_endorse: [Q18/council]', POLICE_BODY);
    expect(of((await checkJson(ws)).problems, 'stale-objection')).toEqual([]);
  });

  it("no objection is stale before any round, and a partner's separate_only sections are never objections to stale text", async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner('partner: Borough Council', COUNCIL_BODY),
      'responses/police.md': partner('partner: Police Service\ncannot_endorse: [Q3/council]', POLICE_BODY),
    });
    expect((await checkJson(ws)).problems).toEqual([]);
    const round = await circulated();
    rewritePartner(
      round,
      'police',
      'partner: Police Service\nseparate_only: [Q3/police]',
      POLICE_BODY.replace('three', 'four'),
    );
    expect(of((await checkJson(round)).problems, 'stale-objection')).toEqual([]);
  });
});
