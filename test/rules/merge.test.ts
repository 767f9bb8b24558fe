// Endorse-or-remove and agreed wording, as the README states them, checked on
// the merge's result: each contribution's status, each question's state, and
// the order the response prints them in.
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/merge/merge.js';
import { workspaceFrom } from '../helpers/model.js';

const file = (id: string, front: string, body: string) => ({
  file: `responses/${id}.md`,
  source: `---\npartner: ${id.toUpperCase()}\n${front}---\n\n${body}`,
});
const load = (input: Parameters<typeof workspaceFrom>[0]) => {
  const { ws, problems } = workspaceFrom(input);
  expect(problems.list.filter((p) => p.severity === 'error')).toEqual([]);
  return merge(ws);
};
const statuses = (result: ReturnType<typeof merge>) =>
  Object.fromEntries(result.accounts.map((a) => [a.contribution.section, a.status]));
const question = (result: ReturnType<typeof merge>, id: string) => result.questions.find((q) => q.question.id === id)!;

describe('agreed wording (composite.md)', () => {
  const parts = file(
    'rbkc',
    '',
    '## Q16\n\nWhole view.\n\n## Q16a\n\nOn the executive.\n\n## Q16b\n\nOn thematic partnerships.\n',
  );

  it("a composite answer to one part (Q16a) supersedes only that part's contributions", () => {
    const result = load({ partners: [parts], composite: '## Q16a\n\nAgreed on the executive.\n' });
    expect(statuses(result)).toEqual({
      Q16a: 'included',
      'Q16/rbkc': 'included',
      'Q16a/rbkc': 'superseded',
      'Q16b/rbkc': 'included',
    });
  });

  it('a composite answer to the whole question supersedes every contribution to it and to its parts', () => {
    const result = load({ partners: [parts], composite: '## Q16\n\nAgreed on sixteen.\n' });
    expect(statuses(result)).toEqual({
      Q16: 'included',
      'Q16/rbkc': 'superseded',
      'Q16a/rbkc': 'superseded',
      'Q16b/rbkc': 'superseded',
    });
  });

  it('a composite answer supersedes nothing on other questions', () => {
    const result = load({
      partners: [file('rbkc', '', '## Q1\n\nOne.\n\n## Q2\n\nTwo.\n')],
      composite: '## Q2\n\nAgreed on two.\n',
    });
    expect(statuses(result)).toEqual({ 'Q1/rbkc': 'included', Q2: 'included', 'Q2/rbkc': 'superseded' });
  });

  it('removed beats superseded: an objection to superseded text still removes it', () => {
    const objector = file('mps', 'cannot_endorse: [Q16a/rbkc]\n', '');
    const result = load({ partners: [parts, objector], composite: '## Q16a\n\nAgreed on the executive.\n' });
    expect(statuses(result)['Q16a/rbkc']).toBe('removed');
  });

  it('an objection to the whole answer removes the agreed wording too', () => {
    const objector = file('mps', 'cannot_endorse: [Q16]\n', '');
    const result = load({ partners: [parts, objector], composite: '## Q16a\n\nAgreed on the executive.\n' });
    expect(statuses(result)).toEqual({
      Q16a: 'removed',
      'Q16/rbkc': 'removed',
      'Q16a/rbkc': 'removed',
      'Q16b/rbkc': 'removed',
    });
    expect(question(result, 'Q16').state.kind).toBe('unanswered');
  });
});

describe('endorse-or-remove', () => {
  it('one objection removes a section; the objector and its reason stay with it', () => {
    const result = load({
      partners: [
        file('rbkc', '', '## Q1\n\nOne.\n'),
        file('mps', 'cannot_endorse:\n  - section: Q1/rbkc\n    reason: Too strong.\n', ''),
      ],
    });
    const removed = result.accounts.find((a) => a.contribution.section === 'Q1/rbkc')!;
    expect(removed.status).toBe('removed');
    expect(removed.objections.map((o) => [o.by, o.reason])).toEqual([['mps', 'Too strong.']]);
  });

  it('a section nobody objects to carries no objections', () => {
    const result = load({
      partners: [file('rbkc', '', '## Q1\n\nOne.\n\n## Q2\n\nTwo.\n'), file('mps', 'cannot_endorse: [Q1/rbkc]\n', '')],
    });
    const kept = result.accounts.find((a) => a.contribution.section === 'Q2/rbkc')!;
    expect([kept.status, kept.objections]).toEqual(['included', []]);
  });

  it('an objection to a part (Q16a) removes that part only', () => {
    const parts = file('rbkc', '', '## Q16a\n\nOn the executive.\n\n## Q16b\n\nOn thematic partnerships.\n');
    const result = load({ partners: [parts, file('mps', 'cannot_endorse: [Q16a]\n', '')] });
    expect(statuses(result)).toEqual({ 'Q16a/rbkc': 'removed', 'Q16b/rbkc': 'included' });
    expect(question(result, 'Q16').state.kind).toBe('answered');
  });

  it("an objection to a partner's preamble removes it from the response", () => {
    const result = load({
      partners: [
        file('rbkc', '', 'General comments.\n\n## Q1\n\nOne.\n'),
        file('mps', 'cannot_endorse: [preamble/rbkc]\n', ''),
      ],
    });
    expect(result.preambles.map((a) => [a.contribution.section, a.status])).toEqual([['preamble/rbkc', 'removed']]);
  });
});

describe('abstention', () => {
  const a = file('a', 'abstain: [Q3]\n', '## Q1\n\nA on one.\n');
  const b = file('b', '', '## Q1\n\nB on one.\n');

  it('a question counts as abstained only when every partner abstains on it', () => {
    const one = load({ partners: [a, b] });
    expect(question(one, 'Q3').state).toEqual({ kind: 'unanswered' });
    expect(question(one, 'Q3').abstainers.map((p) => p.id)).toEqual(['a']);
    const both = load({ partners: [a, file('b', 'abstain: [Q3]\n', '## Q1\n\nB on one.\n')] });
    expect(question(both, 'Q3').state).toMatchObject({ kind: 'abstained', collective: false });
  });

  it('when every partner abstains, the question is abstained with the reason that every partner abstained', () => {
    const result = load({ partners: [a, file('b', 'abstain: [Q3]\n', '## Q1\n\nB on one.\n')] });
    expect(question(result, 'Q3').state).toEqual({
      kind: 'abstained',
      reason: 'Every partner abstained on this question.',
      collective: false,
    });
  });

  it('with no partners at all, no question counts as abstained', () => {
    const result = load({ partners: [] });
    expect(new Set(result.questions.map((q) => q.state.kind))).toEqual(new Set(['unanswered']));
  });

  it("a partner's abstention does not hide another partner's answer", () => {
    const result = load({ partners: [a, file('b', '', '## Q3\n\nB on three.\n')] });
    expect(question(result, 'Q3').state.kind).toBe('answered');
  });

  it('a collective abstention keeps its reason, and supersedes the answers and agreed wording to that question', () => {
    const result = load({
      partners: [file('rbkc', '', '## Q2\n\nOn two.\n\n## Q3\n\nOn three.\n')],
      composite: '## Q2\n\nAgreed on two.\n',
      abstain: { Q2: 'Outside our remit.' },
    });
    expect(question(result, 'Q2').state).toEqual({ kind: 'abstained', reason: 'Outside our remit.', collective: true });
    expect(question(result, 'Q2').collectiveAbstention).toBe('Outside our remit.');
    expect(statuses(result)).toEqual({ Q2: 'superseded', 'Q2/rbkc': 'superseded', 'Q3/rbkc': 'included' });
    expect(question(result, 'Q3').collectiveAbstention).toBeNull();
  });

  it('a collective abstention supersedes the answers to that question where there is no agreed wording', () => {
    const result = load({
      partners: [file('rbkc', '', '## Q3\n\nOn three.\n\n## Q16a\n\nOn the executive.\n')],
      abstain: { Q3: 'Outside our remit.', Q16: 'No collective view.' },
    });
    expect(statuses(result)).toEqual({ 'Q3/rbkc': 'superseded', 'Q16a/rbkc': 'superseded' });
    expect(question(result, 'Q3').state).toEqual({ kind: 'abstained', reason: 'Outside our remit.', collective: true });
  });

  it('a collective abstention does not stop an objection removing an answer', () => {
    const result = load({
      partners: [file('rbkc', '', '## Q2\n\nOn two.\n'), file('mps', 'cannot_endorse: [Q2/rbkc]\n', '')],
      abstain: { Q2: 'No view.' },
    });
    expect(statuses(result)['Q2/rbkc']).toBe('removed');
  });
});

describe('the order of the response', () => {
  it('answers to the whole question come first, then each part in the question set’s order', () => {
    const result = load({ partners: [file('rbkc', '', '## Q16b\n\nB.\n\n## Q16\n\nWhole.\n\n## Q16a\n\nA.\n')] });
    expect(question(result, 'Q16').contributions.map((a) => a.contribution.section)).toEqual([
      'Q16/rbkc',
      'Q16a/rbkc',
      'Q16b/rbkc',
    ]);
  });

  it("within one part, partners keep the partners list's order", () => {
    const partners = ['c', 'a', 'b'].map((id) => file(id, '', `## Q16a\n\n${id}.\n`));
    const result = load({ partners, order: ['c', 'a', 'b'] });
    expect(question(result, 'Q16').contributions.map((a) => a.contribution.partner)).toEqual(['c', 'a', 'b']);
  });

  it('every section is accounted for once: preambles, then each question’s agreed wording and contributions', () => {
    const result = load({
      partners: [
        file('rbkc', '', 'Preamble.\n\n## Q2\n\nTwo.\n\n## Q1\n\nOne.\n'),
        file('mps', '', 'Police preamble.\n\n## Q1\n\nOne.\n'),
      ],
      composite: '## Q2\n\nAgreed.\n',
    });
    expect(result.accounts.map((a) => a.contribution.section)).toEqual([
      'preamble/mps',
      'preamble/rbkc',
      'Q1/mps',
      'Q1/rbkc',
      'Q2',
      'Q2/rbkc',
    ]);
    expect(question(result, 'Q2').composite.map((a) => a.contribution.section)).toEqual(['Q2']);
  });
});
