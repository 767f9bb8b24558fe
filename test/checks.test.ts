// The checks that read an answer's words: cross-references, acronyms and the
// glossary's terms, on answers loaded as a partner's file is, so positions are
// those a user sees; and follows: in the question set.
import { describe, expect, it } from 'vitest';
import { checkAcronyms, findAcronyms, spells } from '../src/checks/acronyms.js';
import { checkFollows } from '../src/checks/follows.js';
import { checkReferences, findReferences } from '../src/checks/references.js';
import { termsUsed } from '../src/compose/glossary.js';
import { parseGlossary } from '../src/load/glossary.js';
import { parseQuestionSet } from '../src/load/questions.js';
import { merge } from '../src/merge/merge.js';
import type { Contribution } from '../src/core/model.js';
import { Problems } from '../src/core/problems.js';
import { loadPartner, messages, workspaceFrom } from './helpers/model.js';

const FRONT = '---\npartner: Borough Council\nsector: public\n---\n\n';

/** The answers of a partner file whose body is `body` (its first line is line 6). */
function answers(body: string): Contribution[] {
  const { partner, problems } = loadPartner(`${FRONT}${body}`, 'responses/council.md');
  expect(messages(problems)).toEqual([]);
  return partner!.answers;
}

const refs = (c: Contribution) =>
  findReferences(c.blocks, c.position.file, c.position).map((r) => [
    r.text,
    r.question,
    r.part,
    r.own,
    `${r.at.line}:${r.at.column}`,
  ]);
const acronyms = (c: Contribution) =>
  findAcronyms(c.blocks, c.position.file, c.position).map((a) => [a.acronym, a.spelled, `${a.at.line}:${a.at.column}`]);

describe('the cross-reference finder', () => {
  it('finds references by their cue or answer word, with the position of their first word', () => {
    const [a] = answers(
      '## Q18\n\nAs before (see our answer to Q23), and see question 5; as in Q16a,\nlike our response to Question 17(b). See also Q2.\n',
    );
    expect(refs(a!)).toEqual([
      ['see our answer to Q23', 23, null, true, '8:12'],
      ['see question 5', 5, null, false, '8:40'],
      ['as in Q16a', 16, 'a', false, '8:56'],
      ['our response to Question 17(b)', 17, 'b', true, '9:6'],
      ['See also Q2', 2, null, false, '9:38'],
    ]);
  });

  it('passes by a question named without a cue, and references in code, links and footnotes', () => {
    const [a] = answers(
      '## Q4\n\nQuestion 23 asks about assessments. `see Q5` and [see Q6](https://example.org/see-q6) and a note[^1].\n\n> Quoted: see Q7.\n\n[^1]: See our answer to Q8.\n',
    );
    expect(refs(a!)).toEqual([['see Q7', 7, null, false, '10:11']]);
  });

  it('checks each reference against the document it is printed in', () => {
    const council = `${FRONT}## Q1\n\nSee Q2; see our answer to Q3; see question 40.\n\n## Q4\n\nSee our answer to Q1.\n`;
    const police = '---\npartner: Police\ncannot_endorse: [Q4/council]\n---\n\n## Q3\n\nYes.\n';
    const { ws } = workspaceFrom({
      partners: [
        { file: 'responses/council.md', source: council },
        { file: 'responses/police.md', source: police },
      ],
    });
    const problems = new Problems();
    checkReferences(ws, merge(ws), problems);
    expect(messages(problems)).toEqual([
      "responses/council.md:8:1: warning: 'See Q2' in Q1/council points the reader to an answer to Q2, but the response has none; refer to an answer that is there, or reword the reference",
      "responses/council.md:8:9: warning: 'see our answer to Q3' in Q1/council points the reader to Borough Council's answer to Q3, but the response has none; refer to an answer that is there, or reword the reference",
      "responses/council.md:8:31: warning: 'see question 40' in Q1/council refers to question 40, which the consultation does not have; correct the number or remove the reference",
      "responses/council.md:12:1: warning: 'See our answer to Q1' in Q4/council points the reader to Borough Council's answer to Q1, but Borough Council's separate submission has none; refer to an answer that is there, or reword the reference",
    ]);
  });
});

describe('the acronym finder', () => {
  it('finds acronyms of two or more capitals, plural or possessive, and sees where they are spelled out', () => {
    const [a] = answers(
      "## Q1\n\nThe Local Area Agreement (LAA) and the LAA's targets; GLA (Greater London Authority),\nPCTs, the Office of the Deputy Prime Minister (ODPM), a Drug Action Team (DAAT), I, Q5 and DfES.\n",
    );
    expect(acronyms(a!)).toEqual([
      ['LAA', true, '8:27'],
      ['LAA', false, '8:40'],
      ['GLA', true, '8:55'],
      ['PCT', false, '9:1'],
      ['ODPM', true, '9:48'],
      ['DAAT', false, '9:75'],
    ]);
  });

  it('passes by acronyms in code, links and footnotes', () => {
    const [a] = answers(
      '## Q1\n\n`NRF` and ```GLA``` and [HMIC](https://example.org/HMIC) and <https://example.org/MPA> and a note[^1].\n\n    CODE BLOCK\n\n[^1]: The PCT agrees.\n',
    );
    expect(acronyms(a!)).toEqual([]);
  });

  it('matches initials over small joining words', () => {
    expect(spells(['Her', "Majesty's", 'Inspectorate', 'of', 'Constabulary'], 'HMIC')).toBe(true);
    expect(spells(['Crime', 'and', 'Disorder', 'Reduction', 'Partnership'], 'CDRP')).toBe(true);
    expect(spells(['Local', 'Area'], 'LAA')).toBe(false);
  });

  it('warns once per acronym, at its first use, unless the glossary defines or ignores it', () => {
    const glossary = parseGlossary(
      'terms:\n  - term: Local Area Agreement\n    acronym: LAA\n    definition: An agreement.\nignore: [UK]\n',
      'glossary.yaml',
      new Problems(),
    )!;
    const source = `${FRONT}## Q1\n\nThe LAA, the UK, the GLA and the GLA again.\n\n## Q2\n\nThe Metropolitan Police Authority (MPA) and the MPA.\n`;
    const { ws } = workspaceFrom({ partners: [{ file: 'responses/council.md', source }] });
    const problems = new Problems();
    checkAcronyms({ ...ws, glossary }, merge(ws), problems);
    expect(messages(problems)).toEqual([
      'responses/council.md:8:22: warning: GLA (in Q1/council) is used here for the first time in the response without being spelled out; spell it out here, e.g. "<the words> (GLA)", or define it in glossary.yaml: under terms, or under ignore if every reader knows it',
    ]);
  });
});

describe('glossary.yaml', () => {
  it('reports a broken entry, an unknown key and a term defined twice at their positions', () => {
    const problems = new Problems();
    parseGlossary(
      'terms:\n  - term: A thing\n    acronym: at\n    definition: x\n    colour: red\n',
      'glossary.yaml',
      problems,
    );
    expect(messages(problems)).toEqual([
      'glossary.yaml:3:14: error: terms.acronym: acronym must be an acronym such as LAA: capitals (and digits), no spaces',
      "glossary.yaml:5:5: warning: unknown key 'colour' in glossary.yaml (a term) is ignored; known keys are term, acronym, definition, url",
    ]);
    const twice = new Problems();
    parseGlossary(
      'terms:\n  - {term: Sure Start, definition: x}\n  - {term: sure start, definition: y}\n',
      'glossary.yaml',
      twice,
    );
    expect(messages(twice)).toEqual([
      "glossary.yaml:3:12: error: 'sure start' is already defined at line 2 of glossary.yaml; define each term and acronym once: merge the two entries",
    ]);
  });

  it('lists the terms a document uses, by name (any case, plural) or acronym, in order of first use', () => {
    const glossary = parseGlossary(
      'terms:\n  - {term: Sure Start, definition: s}\n  - {term: Local Area Agreement, acronym: LAA, definition: l}\n  - {term: Government Offices, definition: g}\n  - {term: Structure Plan, definition: p}\n',
      'glossary.yaml',
      new Problems(),
    )!;
    const used = termsUsed(glossary, [
      {
        type: 'paragraph',
        children: [
          {
            type: 'text',
            value: 'The LAAs and the Government Office for London; structure planning, and `Sure Start` in code.',
          },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'local area agreements, and sure starts.' }] },
    ]);
    expect(used.map((t) => t.term)).toEqual(['Local Area Agreement', 'Government Offices', 'Sure Start']);
  });
});

describe('follows:', () => {
  const set = (follows: string) =>
    `id: s\ntitle: T\npublisher: P\npublished: "2005-12-08"\ncloses: "2006-03-03"\nsections:\n  - title: S\n    questions:\n      - {id: Q1, text: "A duty?"}\n      - {id: Q2, follows: ${follows}, text: "If so, whose?"}\n`;

  it('names an earlier question of the set', () => {
    for (const [follows, why] of [
      ['Q9', 'which the question set does not have'],
      ['Q2', 'which does not come before it'],
    ]) {
      const problems = new Problems();
      expect(parseQuestionSet(set(follows!), 'questions/s.yaml', problems)).toBeNull();
      expect(messages(problems)[0]).toContain(`questions/s.yaml:10:27: error: Q2 follows ${follows}, ${why}`);
    }
    expect(parseQuestionSet(set('Q1'), 'questions/s.yaml', new Problems())?.questions[1]?.follows).toBe('Q1');
  });

  it('warns of Q19 answered while the response abstains on Q18, or has no answer to it', () => {
    const source = `${FRONT}## Q19\n\nAttendance.\n\n## Q20\n\nThe police.\n`;
    const abstaining = workspaceFrom({
      partners: [{ file: 'responses/council.md', source }],
      abstain: { Q18: 'No view.' },
    }).ws;
    const problems = new Problems();
    checkFollows(abstaining, merge(abstaining), problems);
    expect(messages(problems)).toEqual([
      `responses/council.md:6:1: warning: Q19 follows Q18 ("If so, what ..."), but the response abstains on Q18, so this answer reads out of context; abstain on Q19 too ('Q19: <reason>' under abstain in lsp-respond.yaml), or answer Q18`,
      `responses/council.md:10:1: warning: Q20 follows Q18 ("If so, which ..."), but the response abstains on Q18, so this answer reads out of context; abstain on Q20 too ('Q20: <reason>' under abstain in lsp-respond.yaml), or answer Q18`,
    ]);
    const silent = workspaceFrom({ partners: [{ file: 'responses/council.md', source }] }).ws;
    const none = new Problems();
    checkFollows(silent, merge(silent), none);
    expect(messages(none)[0]).toContain('but the response has no answer to Q18');
    const answered = workspaceFrom({
      partners: [{ file: 'responses/council.md', source: `${source}\n## Q18\n\nYes.\n` }],
    }).ws;
    const fine = new Problems();
    checkFollows(answered, merge(answered), fine);
    expect(messages(fine)).toEqual([]);
  });
});
