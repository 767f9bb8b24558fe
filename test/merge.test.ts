import { describe, expect, it } from 'vitest';
import { merge } from '../src/merge/merge.js';
import { Problems } from '../src/core/problems.js';
import { validateWorkspace } from '../src/checks/validate.js';
import { messages, workspaceFrom } from './helpers/model.js';

const file = (id: string, front: string, body: string) => ({
  file: `responses/${id}.md`,
  source: `---\npartner: ${id.toUpperCase()}\n${front}---\n\n${body}`,
});

const statuses = (ws: ReturnType<typeof workspaceFrom>['ws']) =>
  Object.fromEntries(merge(ws).accounts.map((a) => [a.contribution.section, a.status]));

describe('endorse-or-remove', () => {
  const rbkc = file('rbkc', '', 'Our preamble.\n\n## Q1\n\nCouncil on Q1.\n\n## Q2\n\nCouncil on Q2.\n');
  const mps = file('mps', '', '## Q1\n\nPolice on Q1.\n\n## Q2\n\nPolice on Q2.\n');

  it('includes everything when nobody objects', () => {
    const { ws } = workspaceFrom({ partners: [rbkc, mps] });
    expect(statuses(ws)).toEqual({
      'preamble/rbkc': 'included',
      'Q1/mps': 'included',
      'Q1/rbkc': 'included',
      'Q2/mps': 'included',
      'Q2/rbkc': 'included',
    });
  });

  it('removes one contribution for an objection to Q1/rbkc, keeping objector and reason', () => {
    const objector = file(
      'mps',
      'cannot_endorse:\n  - section: Q1/rbkc\n    reason: Too strong.\n',
      '## Q1\n\nPolice on Q1.\n',
    );
    const { ws } = workspaceFrom({ partners: [rbkc, objector] });
    const result = merge(ws);
    const removed = result.accounts.filter((a) => a.status === 'removed');
    expect(removed.map((a) => [a.contribution.section, a.objections.map((o) => [o.by, o.reason])])).toEqual([
      ['Q1/rbkc', [['mps', 'Too strong.']]],
    ]);
    expect(result.questions[0]?.state.kind).toBe('answered');
  });

  it('removes the whole answer for an objection to Q2, leaving it unanswered', () => {
    const objector = file(
      'mps',
      'cannot_endorse:\n  - section: Q2\n',
      '## Q1\n\nPolice on Q1.\n\n## Q2\n\nPolice on Q2.\n',
    );
    const { ws } = workspaceFrom({ partners: [rbkc, objector] });
    const result = merge(ws);
    expect(statuses(ws)).toMatchObject({ 'Q2/rbkc': 'removed', 'Q2/mps': 'removed', 'Q1/rbkc': 'included' });
    expect(result.questions[1]?.state.kind).toBe('unanswered');
  });

  it('keeps every objector when two partners object to one section', () => {
    const a = file('a', 'cannot_endorse:\n  - section: Q1/rbkc\n    reason: A says no.\n', '');
    const b = file('b', 'cannot_endorse: [Q1/rbkc]\n', '');
    const { ws } = workspaceFrom({ partners: [rbkc, a, b] });
    const account = merge(ws).accounts.find((x) => x.contribution.section === 'Q1/rbkc');
    expect(account?.objections.map((o) => [o.by, o.reason])).toEqual([
      ['a', 'A says no.'],
      ['b', ''],
    ]);
  });

  it('removes a preamble, and an author may object to its own section', () => {
    const self = file('rbkc', 'cannot_endorse: [preamble/rbkc]\n', 'Our preamble.\n\n## Q1\n\nCouncil on Q1.\n');
    const { ws } = workspaceFrom({ partners: [self] });
    expect(statuses(ws)).toEqual({ 'preamble/rbkc': 'removed', 'Q1/rbkc': 'included' });
  });

  it('lets composite.md supersede the partners on its question, and only there', () => {
    const { ws } = workspaceFrom({ partners: [rbkc, mps], composite: '## Q1\n\nAgreed wording.\n' });
    expect(statuses(ws)).toMatchObject({
      Q1: 'included',
      'Q1/rbkc': 'superseded',
      'Q1/mps': 'superseded',
      'Q2/rbkc': 'included',
    });
  });

  it('counts a collective abstention, and an abstention by every partner, as explicit', () => {
    const a = file('a', 'abstain: [Q3]\n', '## Q1\n\nA.\n');
    const b = file('b', 'abstain: [Q3]\n', '');
    const { ws } = workspaceFrom({ partners: [a, b], abstain: { Q2: 'No view.' } });
    const states = merge(ws)
      .questions.slice(0, 4)
      .map((q) => q.state.kind);
    expect(states).toEqual(['answered', 'abstained', 'abstained', 'unanswered']);
  });

  it('orders contributions by the partners list, else by id', () => {
    const { ws: byId } = workspaceFrom({ partners: [rbkc, mps] });
    expect(merge(byId).questions[0]?.contributions.map((a) => a.contribution.partner)).toEqual(['mps', 'rbkc']);
    const { ws: listed } = workspaceFrom({ partners: [mps, rbkc], order: ['rbkc', 'mps'] });
    expect(merge(listed).questions[0]?.contributions.map((a) => a.contribution.partner)).toEqual(['rbkc', 'mps']);
  });

  it('reports an objection to a section that does not exist', () => {
    const objector = file('mps', 'cannot_endorse:\n  - section: Q2/nobody\n', '');
    const { ws } = workspaceFrom({ partners: [rbkc, objector] });
    const problems = new Problems();
    validateWorkspace(ws, problems);
    expect(messages(problems)).toEqual([
      'responses/mps.md:4:14: error: cannot_endorse names section Q2/nobody, which does not exist; sections for Q2 are Q2/rbkc; see the section ids in out/draft.md',
    ]);
  });
});
