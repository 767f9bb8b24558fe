import { describe, expect, it } from 'vitest';
import { parseQuestionRef } from '../src/load/headings.js';
import { loadPartner, messages } from './helpers/model.js';

describe('question references in headings', () => {
  const cases: [string, number, string | null][] = [
    ['Q12', 12, null],
    ['Q 12', 12, null],
    ['q12', 12, null],
    ['Question 12', 12, null],
    ['question12: text', 12, null],
    ['12', 12, null],
    ['12. We believe that...', 12, null],
    ['Q12: We believe', 12, null],
    ['Q12 - We believe', 12, null],
    ['Q12 – We believe', 12, null],
    ['Q12 — We believe', 12, null],
    ['Q12. We believe', 12, null],
    ['Q16a', 16, 'a'],
    ['Q16(a)', 16, 'a'],
    ['Q16 (b): the executive', 16, 'b'],
    ['Question 16a: How can', 16, 'a'],
    ['17(b) individual thematic partnerships', 17, 'b'],
    ['Q1 about the vision', 1, null],
  ];
  for (const [heading, number, part] of cases) {
    it(`reads '${heading}'`, () => {
      expect(parseQuestionRef(heading)).toMatchObject({ number, part });
    });
  }
  for (const heading of ['Introduction', 'Quality of life', 'Q', 'Qa', '12abc', 'Our 12 points']) {
    it(`rejects '${heading}'`, () => {
      expect(parseQuestionRef(heading)).toBeNull();
    });
  }
});

describe('partner files', () => {
  const front = '---\npartner: Metropolitan Police Service\nsector: public\n---\n';

  it('splits preamble and answers, attributing each with a section id', () => {
    const { partner, problems } = loadPartner(
      `${front}\nGeneral words.\n\n## Q1\n\nYes.\n\n## Question 16a: How can\n\nPart a.\n`,
      'responses/mps.md',
    );
    expect(messages(problems)).toEqual([]);
    expect(partner?.id).toBe('mps');
    expect(partner?.preamble?.section).toBe('preamble/mps');
    expect(partner?.answers.map((a) => [a.section, a.position.line])).toEqual([
      ['Q1/mps', 8],
      ['Q16a/mps', 12],
    ]);
  });

  it('treats an empty question heading as no answer', () => {
    const { partner } = loadPartner(`${front}\n## Q1\n\n## Q2\n\nSomething.\n`);
    expect(partner?.answers.map((a) => a.section)).toEqual(['Q2/p']);
  });

  const errors: [string, string, string][] = [
    [
      'an unknown question',
      '## Q36\n\nText.\n',
      'responses/p.md:6:1: error: unknown question Q36; the question set has Q1-Q35',
    ],
    [
      'a part the question lacks',
      '## Q12b\n\nText.\n',
      'responses/p.md:6:1: error: Q12 has no part b; answer it as a whole',
    ],
    [
      'the same question twice',
      '## Q3\n\nA.\n\n## Question 3\n\nB.\n',
      'responses/p.md:10:1: error: Q3 is answered twice in responses/p.md (first at line 6)',
    ],
    ['an empty level-2 heading', '##\n\nText.\n', 'responses/p.md:6:1: error: empty level-2 heading'],
    [
      'a level-2 heading that is no question',
      '## Background\n\nText.\n',
      "responses/p.md:6:1: error: level-2 heading 'Background' is not a question reference",
    ],
    [
      'a level-1 question heading',
      '## Q1\n\nA.\n\n# Q5\n\nB.\n',
      "responses/p.md:10:1: error: 'Q5' looks like a question heading but is level 1",
    ],
    [
      'a level-3 question heading',
      '## Q1\n\nA.\n\n### Question 5\n\nB.\n',
      "responses/p.md:10:1: error: 'Question 5' looks like a question heading but is level 3",
    ],
  ];
  for (const [what, body, expected] of errors) {
    it(`reports ${what} with its position`, () => {
      const { problems } = loadPartner(`${front}\n${body}`);
      expect(messages(problems).join('\n')).toContain(expected);
      expect(problems.hasInputErrors()).toBe(true);
    });
  }

  it('reports an abstention that also has an answer at the answer', () => {
    const { problems } = loadPartner('---\npartner: P\nabstain: [Q2]\n---\n\n## Q2\n\nBut we answer.\n');
    expect(messages(problems)).toEqual([
      'responses/p.md:6:1: error: responses/p.md abstains on Q2 (line 3) but also answers it here; remove the answer or the abstention',
    ]);
  });

  it('reports bad front matter values at their line and column', () => {
    const { problems } = loadPartner(
      '---\npartner: P\nsector: charity\ncannot_endorse:\n  - section: Q12/ rbkc\n---\n',
    );
    const text = messages(problems).join('\n');
    expect(text).toContain(
      'responses/p.md:3:9: error: sector: sector must be one of public, private, voluntary, community, other',
    );
  });

  it('reports a malformed section id and an unknown key', () => {
    const { problems } = loadPartner(
      '---\npartner: P\ncolour: blue\ncannot_endorse:\n  - section: Q12 rbkc\n    reason: No.\n---\n',
    );
    expect(messages(problems)).toEqual([
      "responses/p.md:3:1: warning: unknown key 'colour' in the front matter is ignored; known keys are partner, id, sector, abstain, cannot_endorse, separate_only, endorsed, representative",
      "responses/p.md:5:14: error: 'Q12 rbkc' is not a section id; write Q12 (a whole answer), Q12/<partner> (one contribution) or preamble/<partner>",
    ]);
  });

  it('keeps footnote labels of different partners apart and resolves definitions written elsewhere in the file', () => {
    const a = loadPartner(
      `${front}\n## Q1\n\nSee note.[^1]\n\n## Q2\n\nText.\n\n[^1]: Defined at the end.\n`,
      'responses/a.md',
    ).partner;
    const b = loadPartner(`${front}\n## Q1\n\nOther note.[^1]\n\n[^1]: Another.\n`, 'responses/b.md').partner;
    expect(a?.answers[0]?.footnotes.map((f) => f.identifier)).toEqual(['a-1']);
    expect(b?.answers[0]?.footnotes.map((f) => f.identifier)).toEqual(['b-1']);
  });

  it('turns raw HTML into visible text', () => {
    const { partner } = loadPartner(`${front}\n## Q1\n\n<script>alert(1)</script>\n\nInline <b>bold</b>.\n`);
    const json = JSON.stringify(partner?.answers[0]?.blocks);
    expect(json).not.toContain('"html"');
    expect(json).toContain('<script>alert(1)</script>');
  });
});
