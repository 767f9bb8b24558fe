// Where import puts each part of a Word document: question recognition in the
// grammar of Markdown headings, the preamble, and everything it cannot place
// kept and reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString as plainText } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { htmlToMdast } from '../../src/import/html-mdast.js';
import { placeSections } from '../../src/import/sections.js';
import { parseQuestionSet } from '../../src/load/questions.js';
import { Problems } from '../../src/core/problems.js';
import { REPO } from '../helpers/cli.js';

const questions = parseQuestionSet(
  readFileSync(join(REPO, 'questions/odpm-lsp-2005.yaml'), 'utf8'),
  'questions/odpm-lsp-2005.yaml',
  new Problems(),
);
if (!questions) throw new Error('the bundled question set does not load');

const place = (html: string) => placeSections(htmlToMdast(html), questions);
const answers = (html: string) =>
  Object.fromEntries(
    place(html).answers.map((a) => [`${a.question.id}${a.part ?? ''}`, a.blocks.map((b) => plainText(b)).join(' | ')]),
  );

describe('question recognition', () => {
  it('headings at any level, in every written form of a reference', () => {
    expect(
      answers(
        '<h1>Q1</h1><p>one</p><h2>Question 2: text</h2><p>two</p><h3>3. text</h3><p>three</p><h4>Q 4 - text</h4><p>four</p><h5>Q16(a)</h5><p>part a</p><h6>17b</h6><p>part b</p>',
      ),
    ).toEqual({ Q1: 'one', Q2: 'two', Q3: 'three', Q4: 'four', Q16a: 'part a', Q17b: 'part b' });
  });

  it('a paragraph that is or begins with a bold reference; the rest is the first paragraph of the answer', () => {
    expect(
      answers(
        '<p><strong>Q7.</strong> Yes, with care.</p><p>More.</p><p><strong>Question 21</strong></p><p>Twenty-one.</p><p><strong>30:</strong> Thirty.</p><p><strong>16(a)</strong> Ward panels.</p>',
      ),
    ).toEqual({ Q7: 'Yes, with care. | More.', Q21: 'Twenty-one.', Q30: 'Thirty.', Q16a: 'Ward panels.' });
  });

  it('bold words after the reference stay in the answer unless they copy the question', () => {
    const copy = place('<p><strong>Q10: Should every local authority area have its own LSP?</strong> Yes.</p>');
    expect(copy.answers[0]?.title).toBe('Should every local authority area have its own LSP?');
    expect(plainText(copy.answers[0]?.blocks[0] ?? { type: 'text', value: '' })).toBe('Yes.');
    const own = answers('<p><strong>Q10 We strongly agree</strong> with the proposal.</p>');
    expect(own.Q10).toBe('We strongly agree with the proposal.');
  });

  it('bold text that only starts with a number is not a question', () => {
    expect(place('<p><strong>3 things</strong> we want.</p>').preamble.map((b) => plainText(b))).toEqual([
      '3 things we want.',
    ]);
  });

  it('text before the first question is the preamble; later headings become sub-headings (level 3 or deeper)', () => {
    const placed = place(
      '<h1>Response of the MPS</h1><p>General comments.</p><h2>Q1</h2><h1>Our view</h1><p>Agreed.</p>',
    );
    expect(placed.preamble.map((b) => b.type)).toEqual(['heading', 'paragraph']);
    expect(placed.preamble[0]).toMatchObject({ type: 'heading', depth: 3 });
    expect(placed.answers[0]?.blocks[0]).toMatchObject({ type: 'heading', depth: 3 });
  });

  it('"Abstain" alone under a question is an abstention', () => {
    const placed = place('<h2>Q27</h2><p>Abstain</p><h2>Q28</h2><p>We abstain on the first point, but...</p>');
    expect(placed.abstain.map((q) => q.id)).toEqual(['Q27']);
    expect(answers('<h2>Q27</h2><p>Abstain.</p><h2>Q28</h2><p>We abstain on the first point, but...</p>').Q28).toBe(
      'We abstain on the first point, but...',
    );
  });

  it("the form's own text and the consultation's section and topic headings are skipped, and listed", () => {
    const placed = place(
      '<p class="lsp-form">Write your answer under each question.</p><h1>Governance</h1><h2>Ensuring wide representation</h2><h3>Q16: text</h3><p>Answer.</p>',
    );
    expect(placed.skipped).toEqual([
      'Write your answer under each question.',
      'Governance',
      'Ensuring wide representation',
    ]);
    expect(placed.preamble).toEqual([]);
  });
});

describe('what cannot be placed is kept and reported, never dropped', () => {
  it('an unknown question or part: kept as bold text where it stands, with a note naming it', () => {
    const placed = place(
      '<h2>Q3</h2><p>Three.</p><h2>Q36 Something</h2><p>Thirty-six.</p><p><strong>Q12c</strong> See above.</p>',
    );
    expect(placed.answers.map((a) => a.question.id)).toEqual(['Q3']);
    expect(placed.answers[0]?.blocks.map((b) => plainText(b))).toEqual([
      'Three.',
      'Q36 Something',
      'Thirty-six.',
      'Q12c See above.',
    ]);
    expect(placed.notes).toEqual([
      {
        paragraph: 3,
        message: expect.stringMatching(
          /^"Q36 Something": Q36 is not a question of Local Strategic Partnerships: Shaping their future \(Q1-Q35\); it is kept as text under Q3/,
        ),
      },
      {
        paragraph: 5,
        message: expect.stringMatching(/^"Q12c See above\.": Q12 has no part c; it is kept as text under Q3/),
      },
    ]);
  });

  it('the same question twice: the second part joins the first answer, with a note', () => {
    const placed = place('<h2>Q5</h2><p>First.</p><h2>Q6</h2><p>Six.</p><h2>Q5</h2><p>Second.</p>');
    expect(answers('<h2>Q5</h2><p>First.</p><h2>Q6</h2><p>Six.</p><h2>Q5</h2><p>Second.</p>')).toEqual({
      Q5: 'First. | Second.',
      Q6: 'Six.',
    });
    expect(placed.notes[0]?.message).toMatch(/^Q5 appears a second time/);
  });

  it('a plain paragraph that starts like a reference stays where it is, with a note', () => {
    const placed = place('<h2>Q6</h2><p>Six.</p><p>Q7 In two-tier areas we think so.</p>');
    expect(answers('<h2>Q6</h2><p>Six.</p><p>Q7 In two-tier areas we think so.</p>').Q6).toBe(
      'Six. | Q7 In two-tier areas we think so.',
    );
    expect(placed.notes[0]?.message).toMatch(/neither a heading nor bold, so it stays in Q6/);
  });
});

describe('Word notes and bookmarks', () => {
  it("mammoth's note list becomes Markdown footnotes numbered by first reference, without back-links", () => {
    const tree = htmlToMdast(
      '<p>A<sup><a href="#footnote-7" id="footnote-ref-7">[7]</a></sup> B<sup><a href="#endnote-2" id="endnote-ref-2">[2]</a></sup></p><ol><li id="footnote-7"><p>Seven. <a href="#footnote-ref-7">↑</a></p></li></ol><ol><li id="endnote-2"><p>Two. <a href="#endnote-ref-2">↑</a></p></li></ol>',
    );
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'footnoteDefinition', 'footnoteDefinition']);
    expect(tree.children.slice(1).map((d) => [(d as { identifier: string }).identifier, plainText(d).trim()])).toEqual([
      ['1', 'Seven.'],
      ['2', 'Two.'],
    ]);
  });

  it('bookmarks leave no empty links', () => {
    expect(htmlToMdast('<p><a id="_Toc1"></a>Text</p>').children[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text', value: 'Text' }],
    });
  });
});
