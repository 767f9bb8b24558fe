// The consultation's own structure (sections, topics, questions) around
// whatever a document says about each question; questions with nothing to
// say are left out when the document asks for it.
import type { RootContent } from 'mdast';
import type { MergeResult, QuestionOutcome } from '../merge/merge.js';
import { questionDepth } from '../load/questions.js';
import type { Question } from '../core/model.js';
import { heading, para } from './nodes.js';

export function questionTitle(q: Question): string {
  return `Question ${q.number}`;
}

export function partLabel(q: Question, part: string | null): RootContent[] {
  if (part === null) return [];
  const found = q.parts.find((p) => p.id === part);
  return [para(`(${part}) ${found?.text ?? ''}`.trim(), 'part')];
}

/** Section (1) and topic (2) headings around what `render` makes of each question; null leaves a question out. */
export function outline<T>(
  items: readonly T[],
  questionOf: (item: T) => Question,
  render: (item: T) => RootContent[] | null,
): RootContent[] {
  const out: RootContent[] = [];
  let section: string | null = null;
  let topic: string | null = null;
  for (const item of items) {
    const content = render(item);
    if (content === null) continue;
    const q = questionOf(item);
    if (q.section !== section) {
      out.push(heading(1, q.section));
      section = q.section;
      topic = null;
    }
    if (q.topic !== null && q.topic !== topic) {
      out.push(heading(2, q.topic));
      topic = q.topic;
    }
    out.push(...content);
  }
  return out;
}

/** The documents' outline: each question as a heading (3, or 2 without a topic) and its text, then `body`; a null body omits the question. */
export function skeleton(result: MergeResult, body: (o: QuestionOutcome) => RootContent[] | null): RootContent[] {
  return outline(
    result.questions,
    (o) => o.question,
    (o) => {
      const content = body(o);
      return content === null
        ? null
        : [
            heading(questionDepth(o.question), questionTitle(o.question)),
            para(o.question.text, 'question'),
            ...content,
          ];
    },
  );
}
