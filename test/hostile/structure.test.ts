// Headings that are not what they seem, objections that name nothing, and
// abstentions that contradict an answer: each an error at its own line,
// never text silently attached to the wrong question or dropped.
import { describe, expect, it } from 'vitest';
import { check, CONFIG, failedMerge, fullResponse, partner, pos, workspace } from './harness.js';

const MPS = 'partner: Metropolitan Police Service\nsector: public';

describe('question headings', { timeout: 60_000 }, () => {
  it('reports each wrong heading at its line, with what to write instead', () => {
    const extra = [
      '',
      '## Q36',
      '',
      'A question the consultation does not ask.',
      '',
      '## Question 5: again',
      '',
      'A second answer to Q5.',
      '',
      '##',
      '',
      'Under an empty heading.',
      '',
      '# Q7',
      '',
      'Under a level-1 heading.',
      '',
      '### Q8',
      '',
      'Under a level-3 heading.',
      '',
      '## Q16c',
      '',
      'A part Q16 does not have.',
      '',
    ].join('\n');
    const source = fullResponse(MPS, extra);
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': source });
    const err = check(ws, 2);
    const at = (needle: string) =>
      `responses/mps.md:${pos(source, needle, source.indexOf('Agreed on question 35.'))}: error: `;
    expect(err).toContain(`${at('## Q36')}unknown question Q36; the question set has Q1-Q35`);
    expect(err).toContain(
      `${at('## Question 5')}Q5 is answered twice in responses/mps.md (first at line ${pos(source, '## Q5').split(':')[0]}); merge the two answers under one heading`,
    );
    expect(err).toContain(`${at('##\n')}empty level-2 heading; write the question, e.g. '## Q12', or delete the line`);
    expect(err).toContain(
      `${at('# Q7')}'Q7' looks like a question heading but is level 1; question headings are level 2: write '## Q7'`,
    );
    expect(err).toContain(
      `${at('### Q8')}'Q8' looks like a question heading but is level 3; question headings are level 2: write '## Q8'`,
    );
    expect(err).toContain(`${at('## Q16c')}Q16 has no part c; its parts are Q16a, Q16b`);
    expect(err.match(/: error: /g)).toHaveLength(6);
    failedMerge(ws, 2);
  });

  it('treats an empty question heading, as in a template, as no answer', () => {
    const source = fullResponse(MPS, '\n## Q7\n\n## Q8\n\nWe agree with the proposal.\n', ['Q7', 'Q8']);
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': source });
    expect(check(ws, 1)).toMatch(
      /^questions\/odpm-lsp-2005\.yaml:\d+:\d+: error: no partner answers Q7; add an answer under '## Q7'/m,
    );
  });
});

describe('cannot_endorse', { timeout: 60_000 }, () => {
  const rbkc = fullResponse('partner: Royal Borough of Kensington and Chelsea\nid: rbkc\nsector: public', '', []);

  it('reports an unknown section, a malformed id and a duplicate, each at its entry', () => {
    const front = [
      MPS,
      'cannot_endorse:',
      '  - section: Q12/nobody', // line 5
      '    reason: Not a partner.',
      '  - section: Q36', // line 7
      '  - section: Q17c/rbkc', // line 8
      '  - section: preamble/rbkc', // line 9
      '  - section: Q 12 / rbkc', // line 10
      '  - section: Q3/rbkc', // line 11
      '    reason: First.',
      '  - section: Q3/rbkc', // line 13
      '    reason: Again.',
    ].join('\n');
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/rbkc.md': rbkc,
      'responses/mps.md': partner(front, '## Q1\n\nWe agree.\n'),
    });
    const err = check(ws, 2);
    expect(err).toContain(
      'responses/mps.md:5:14: error: cannot_endorse names section Q12/nobody, which does not exist; sections for Q12 are Q12/rbkc; see the section ids in out/draft.md',
    );
    expect(err).toContain(
      'responses/mps.md:7:14: error: cannot_endorse names section Q36, which does not exist; Q36 is not a question; the question set has Q1-Q35',
    );
    expect(err).toContain(
      'responses/mps.md:8:14: error: cannot_endorse names section Q17c/rbkc, which does not exist; Q17 has no part c; its parts are Q17a, Q17b',
    );
    expect(err).toContain(
      "responses/mps.md:9:14: error: cannot_endorse names section preamble/rbkc, which does not exist; partner 'rbkc' has no general comments (text before its first question heading)",
    );
    expect(err).toContain(
      "responses/mps.md:10:14: error: 'Q 12 / rbkc' is not a section id; write Q12 (a whole answer), Q12/<partner> (one contribution) or preamble/<partner>",
    );
    expect(err).toContain(
      'responses/mps.md:13:14: warning: Q3/rbkc is listed twice under cannot_endorse; the first entry counts',
    );
    failedMerge(ws, 2);
  });

  it('accepts the same section twice with a warning (exit 0), failing only under --strict', () => {
    const front = `${MPS}\ncannot_endorse:\n  - Q3/rbkc\n  - Q3/rbkc`;
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/rbkc.md': rbkc,
      'responses/mps.md': partner(front, '## Q3\n\nWe agree.\n'),
    });
    const warning =
      'responses/mps.md:6:5: warning: Q3/rbkc is listed twice under cannot_endorse; the first entry counts';
    expect(check(ws, 0)).toContain(warning);
    expect(check(ws, 1, ['--strict'])).toContain(warning);
  });
});

describe('abstentions', { timeout: 60_000 }, () => {
  it('refuses an abstention on a question the partner also answers, at the answer', () => {
    const source = fullResponse(`${MPS}\nabstain: [Q27]`);
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': source });
    expect(check(ws, 2)).toContain(
      `responses/mps.md:${pos(source, '## Q27')}: error: responses/mps.md abstains on Q27 (line 4) but also answers it here; remove the answer or the abstention`,
    );
    failedMerge(ws, 2);
  });

  it('refuses an abstention on an unknown question', () => {
    const ws = workspace({
      'lsp-respond.yaml': `${CONFIG}abstain:\n  Q40: No view.\n`,
      'responses/mps.md': fullResponse(`${MPS}\nabstain:\n  - Q99`),
    });
    const err = check(ws, 2);
    expect(err).toContain(
      'lsp-respond.yaml:4:3: error: cannot abstain on unknown question Q40; the question set has Q1-Q35',
    );
    expect(err).toContain(
      'responses/mps.md:5:5: error: cannot abstain on unknown question Q99; the question set has Q1-Q35',
    );
  });
});
