// check's verdict on completeness, as CI sees it: the exit code, and problems
// (code, place, what they name) in --format json.
import { describe, expect, it } from 'vitest';
import { checkJson, mergeCommand } from '../helpers/commands.js';
import { answerAll, partner, workspace } from '../helpers/workspace.js';

const CONFIG = 'partnership: Test Partnership\ndate: 2006-03-01\n';
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('completeness (check)', () => {
  it('passes (exit 0) when every question is answered', async () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/a.md': partner('partner: A', answerAll()) });
    const r = await checkJson(ws);
    expect([r.code, r.ok, r.problems]).toEqual([0, true, []]);
  });

  it('fails (exit 1) on a question nobody answers, at the question in the question set', async () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/a.md': partner('partner: A', answerAll(['Q7'])) });
    const r = await checkJson(ws);
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      severity: 'error',
      code: 'unanswered',
      file: 'questions/odpm-lsp-2005.yaml',
    });
    // It says why (nobody answers it) and what to do: answer it, or abstain collectively in the configuration.
    expect(r.problems[0]!.message).toMatch(/^no partner answers Q7; /);
    expect(r.problems[0]!.message).toContain("'## Q7'");
    expect(r.problems[0]!.message).toContain('lsp-respond.yaml');
  });

  it('names the configuration file to abstain in even when there is none yet', async () => {
    const ws = workspace({ 'responses/a.md': partner('partner: A', answerAll(['Q7'])) });
    const r = await checkJson(ws);
    expect(r.code).toBe(1);
    expect(r.problems.find((p) => p.code === 'unanswered')!.message).toContain('lsp-respond.yaml');
  });

  it('a question counts as abstained only when every partner abstains on it', async () => {
    const files = {
      'lsp-respond.yaml': CONFIG,
      'responses/a.md': partner('partner: A\nabstain: [Q7]', answerAll(['Q7'])),
    };
    const one = await checkJson(
      workspace({ ...files, 'responses/b.md': partner('partner: B', '## Q1\n\nB on one.\n') }),
    );
    expect([one.code, codes(one.problems)]).toEqual([1, ['unanswered']]);
    const every = await checkJson(
      workspace({ ...files, 'responses/b.md': partner('partner: B\nabstain: [Q7]', '## Q1\n\nB on one.\n') }),
    );
    expect([every.code, every.problems]).toEqual([0, []]);
  });

  it('a collective abstention in lsp-respond.yaml makes a question complete', async () => {
    const ws = workspace({
      'lsp-respond.yaml': `${CONFIG}abstain:\n  Q7: Outside our remit.\n`,
      'responses/a.md': partner('partner: A', answerAll(['Q7'])),
    });
    expect((await checkJson(ws)).code).toBe(0);
  });

  it('a question whose every contribution was removed has no answer, and the problem points at the objections', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/a.md': partner('partner: A', answerAll()),
      'responses/b.md': partner(
        'partner: B\ncannot_endorse:\n  - section: Q7\n    reason: No.',
        '## Q7\n\nB on seven.\n',
      ),
    });
    const r = await checkJson(ws);
    expect(r.code).toBe(1);
    const unanswered = r.problems.filter((p) => p.code === 'unanswered');
    expect(unanswered).toHaveLength(1);
    // Both contributions were removed by the one objection on line 4 of b.md: it is named once.
    expect(unanswered[0]!.message.match(/responses\/b\.md:4\b/g)).toHaveLength(1);
    expect(unanswered[0]!.message).toMatch(/\bQ7\b/);
  });

  it('names each objection that emptied a question once, in the order of the contributions', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/a.md': partner('partner: A', answerAll()),
      'responses/b.md': partner(
        'partner: B\ncannot_endorse:\n  - section: Q7\n    reason: No.',
        '## Q7\n\nB on seven.\n',
      ),
      'responses/c.md': partner('partner: C\ncannot_endorse: [Q7/a]', ''),
    });
    const [unanswered] = (await checkJson(ws)).problems.filter((p) => p.code === 'unanswered');
    expect(unanswered!.message).toContain('(responses/b.md:4, responses/c.md:3)');
  });

  it('a question answered only through a part (Q16a) is answered', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/a.md': partner('partner: A', `${answerAll(['Q16'])}\n## Q16a\n\nOn the executive.\n`),
    });
    expect((await checkJson(ws, { partners: true })).code).toBe(0);
  });

  it('an objection to the only answer of one part leaves the question answered by the other part', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/a.md': partner(
        'partner: A\ncannot_endorse: [Q16a/a]',
        `${answerAll(['Q16'])}\n## Q16a\n\nOn the executive.\n\n## Q16b\n\nOn the thematic partnerships.\n`,
      ),
    });
    expect((await checkJson(ws)).code).toBe(0);
  });
});

describe('check --partners', () => {
  const full = partner('partner: Full', answerAll());

  it('fails (exit 1) when a partner neither answers nor abstains on a question, naming it at the top of its file', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/full.md': full,
      'responses/gap.md': partner('partner: Gap', answerAll(['Q9'])),
    });
    expect((await checkJson(ws)).code).toBe(0);
    const r = await checkJson(ws, { partners: true });
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'partner-incomplete',
        file: 'responses/gap.md',
        line: 1,
        column: 1,
      }),
    ]);
    expect(r.problems[0]!.message).toBe(
      "Gap neither answers nor abstains on Q9; answer under '## Q9' or list it under abstain in the front matter",
    );
  });

  it('names every question a partner leaves out, and how many', async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/full.md': full,
      'responses/gap.md': partner('partner: Gap', answerAll(['Q9', 'Q11', 'Q30'])),
    });
    const r = await checkJson(ws, { partners: true });
    expect(codes(r.problems)).toEqual(['partner-incomplete']);
    expect(r.problems[0]!.message).toBe(
      "Gap neither answers nor abstains on 3 questions (Q9, Q11, Q30); answer under '## Q9' or list them under abstain in the front matter",
    );
  });

  it("is satisfied by a partner's own abstention", async () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/full.md': full,
      'responses/gap.md': partner('partner: Gap\nabstain: [Q9]', answerAll(['Q9'])),
    });
    expect((await checkJson(ws, { partners: true })).code).toBe(0);
  });
});

describe('merge refuses an incomplete response', () => {
  it('exit 1 and nothing written, unless --allow-incomplete', async () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/a.md': partner('partner: A', answerAll(['Q7'])) });
    const refused = await mergeCommand(ws);
    expect([refused.code, refused.report]).toEqual([1, null]);
    const allowed = await mergeCommand(ws, { allowIncomplete: true });
    expect(allowed.code).toBe(0);
    expect(allowed.report).toMatchObject({ complete: false, counts: { unanswered: 1 } });
    expect(allowed.report!.questions.find((q) => q.question === 'Q7')!.state).toBe('unanswered');
  });

  it("report.json gives each question's state, an abstention's reason, and who abstained", async () => {
    const ws = workspace({
      'lsp-respond.yaml': `${CONFIG}abstain:\n  Q8: Outside our remit.\n`,
      'responses/a.md': partner('partner: A\nabstain: [Q7]', answerAll(['Q7', 'Q8'])),
      'responses/b.md': partner('partner: B\nabstain: [Q7]', ''),
    });
    const r = await mergeCommand(ws);
    expect(r.code, r.stderr).toBe(0);
    const q = (id: string) => r.report!.questions.find((x) => x.question === id);
    expect(q('Q7')).toMatchObject({ state: 'abstained', collective: false, abstainers: ['a', 'b'], included: [] });
    expect(q('Q8')).toMatchObject({ state: 'abstained', collective: true, reason: 'Outside our remit.' });
    expect(q('Q1')).toMatchObject({ state: 'answered', included: ['Q1/a'], abstainers: [] });
    expect(r.report!.complete).toBe(true);
  });
});
