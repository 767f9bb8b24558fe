// The consultation's own structure (sections, topics, questions) around
// whatever a document says about each question; questions with nothing to
// say are left out when the document asks for it.
import type { RootContent } from 'mdast';
import type { MergeResult, QuestionOutcome } from '../merge/merge.js';
import type { Question } from '../model.js';
import { heading, para } from './nodes.js';

export function questionTitle(q: Question): string {
  return `Question ${q.number}`;
}

export function partLabel(q: Question, part: string | null): RootContent[] {
  if (part === null) return [];
  const found = q.parts.find((p) => p.id === part);
  return [para(`(${part}) ${found?.text ?? ''}`.trim(), 'part')];
}

/** Builds section (1) / topic (2) / question (3) headings around `body`; a null body omits the question. */
export function skeleton(result: MergeResult, body: (o: QuestionOutcome) => RootContent[] | null): RootContent[] {
  const out: RootContent[] = [];
  let section: string | null = null;
  let topic: string | null = null;
  for (const o of result.questions) {
    const content = body(o);
    if (content === null) continue;
    const q = o.question;
    if (q.section !== section) {
      out.push(heading(1, q.section));
      section = q.section;
      topic = null;
    }
    if (q.topic !== null && q.topic !== topic) {
      out.push(heading(2, q.topic));
      topic = q.topic;
    }
    out.push(heading(3, questionTitle(q)), para(q.text, 'question'), ...content);
  }
  return out;
}
