// Cross-references between answers ("see our answer to Q23", "as in Q5"):
// each must point at an answer the reader of that document can find. A
// contribution is read in the response if included, else in its author's
// separate submission; a reference is checked against that document alone.
import type { RootContent } from 'mdast';
import type { Account, MergeResult } from '../merge/merge.js';
import { COMPOSITE, type Contribution, type Position, type Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { positionIn, prose } from './prose.js';

export interface Reference {
  /** The words as written, e.g. 'see our answer to Q23'. */
  text: string;
  question: number;
  part: string | null;
  /** "our answer": the author's own answer, not just any. */
  own: boolean;
  at: Position;
}

// A cue ("see", "as in") or an answer word ("answer to") makes a mention of a
// question a reference to its answer; "Question 23 asks..." alone is not one.
const CUE = String.raw`(?:(see(?:\s+also)?|cf\.?|as\s+(?:in|at|under|with)|compare|refer\s+to|set\s+out\s+(?:in|under|at))\s+)?`;
const WHOSE = String.raw`(?:(our|my|its|the|this|that)\s+)?`;
const ANSWER = String.raw`(?:((?:answer|response|reply|comment)s?)\s+(?:to|on|under|at|for)\s+)?`;
const QUESTION = String.raw`(?:questions?\s*|q\s?)(\d{1,3})(?:\s?\(([a-z])\)|([a-z]))?(?![\w])`;
const REFERENCE = new RegExp(String.raw`\b${CUE}${WHOSE}${ANSWER}${QUESTION}`, 'gi');

/** The cross-references in an answer's running text (not in code, links or footnotes). */
export function findReferences(blocks: readonly RootContent[], file: string, fallback: Position): Reference[] {
  const out: Reference[] = [];
  for (const piece of prose(blocks)) {
    for (const m of piece.value.matchAll(REFERENCE)) {
      const [text, cue, whose, answer, number, bracketed, letter] = m;
      if (cue === undefined && answer === undefined) continue;
      out.push({
        text: text.replace(/\s+/g, ' '),
        question: Number(number),
        part: (bracketed ?? letter)?.toLowerCase() ?? null,
        own: whose?.toLowerCase() === 'our' || whose?.toLowerCase() === 'my',
        at: positionIn(piece, m.index, file, fallback),
      });
    }
  }
  return out;
}

/** What one document holds, as a reference needs it: does it answer this question (part), and who does? */
interface Holds {
  where: string;
  answers: (question: number, part: string | null, by: string | null) => boolean;
}

function holding(accounts: Account[], where: string): Holds {
  const byQuestion = new Map<string, Contribution[]>();
  for (const { contribution: c } of accounts)
    if (c.target) byQuestion.set(c.target.question, [...(byQuestion.get(c.target.question) ?? []), c]);
  return {
    where,
    answers: (question, part, by) =>
      (byQuestion.get(`Q${question}`) ?? []).some(
        (c) => (part === null || c.target?.part == null || c.target.part === part) && (by === null || c.partner === by),
      ),
  };
}

export function checkReferences(ws: Workspace, result: MergeResult, problems: Problems): void {
  const names = new Map(ws.partners.map((p) => [p.id, p.name]));
  const response = holding(
    result.accounts.filter((a) => a.status === 'included'),
    'the response',
  );
  const separate = new Map<string, Holds>();
  /** The document a contribution is printed in, for readers outside the partnership; null for none. */
  const printedIn = (a: Account): Holds | null => {
    const partner = a.contribution.partner;
    if (a.status === 'included') return response;
    if (a.status === 'superseded' || partner === COMPOSITE) return null;
    if (!separate.has(partner))
      separate.set(
        partner,
        holding(
          result.accounts.filter((x) => x.status === 'removed' && x.contribution.partner === partner),
          `${names.get(partner) ?? partner}'s separate submission`,
        ),
      );
    return separate.get(partner)!;
  };
  for (const a of result.accounts) {
    const c = a.contribution;
    const holds = printedIn(a);
    if (holds === null) continue;
    for (const ref of findReferences(c.blocks, c.position.file, c.position)) {
      const by = ref.own && c.partner !== COMPOSITE ? c.partner : null;
      if (!ws.questions.questions.some((q) => q.number === ref.question)) {
        problems.warn(
          'dangling-reference',
          ref.at,
          `'${ref.text}' in ${c.section} refers to question ${ref.question}, which the consultation does not have; correct the number or remove the reference`,
        );
        continue;
      }
      if (holds.answers(ref.question, ref.part, by)) continue;
      const what = `Q${ref.question}${ref.part ?? ''}`;
      const whose = by === null ? `an answer to ${what}` : `${names.get(by) ?? by}'s answer to ${what}`;
      problems.warn(
        'dangling-reference',
        ref.at,
        `'${ref.text}' in ${c.section} points the reader to ${whose}, but ${holds.where} has none; refer to an answer that is there, or reword the reference`,
      );
    }
  }
}
