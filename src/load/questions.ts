// The question set: YAML -> QuestionSet, every question with its position so
// that problems about a question can point at it.
import { z } from 'zod';
import type { Question, QuestionSet } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { describeIssue, QUESTION_ID, textField, warnUnknownKeys } from './fields.js';
import { readYamlMapping, parseWithSchema } from './yaml.js';

const questionSchema = z.object({
  id: z
    .string({ error: 'id must be Q followed by a number, e.g. Q12' })
    .regex(QUESTION_ID, { error: 'id must be Q followed by a number, e.g. Q12' }),
  text: textField('text'),
  follows: z
    .string({ error: 'follows must be a question id, e.g. Q18' })
    .regex(QUESTION_ID, { error: 'follows must be a question id, e.g. Q18' })
    .optional(),
  parts: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z]$/, { error: 'a part id is one lower-case letter, e.g. a' }),
        text: textField('part text'),
      }),
    )
    .optional(),
});

const questionsList = z
  .array(questionSchema, { error: 'questions must be a list of questions' })
  .min(1, { error: 'questions must not be empty' });

const setSchema = z.object({
  id: textField('id'),
  title: textField('title'),
  publisher: textField('publisher'),
  published: textField('published'),
  closes: textField('closes'),
  respond_to: z
    .object(
      {
        name: textField('respond_to.name'),
        address: z
          .union([textField('respond_to.address'), z.array(textField('a line of respond_to.address'))], {
            error: 'respond_to.address must be text, or a list of lines',
          })
          .optional(),
        email: textField('respond_to.email').optional(),
      },
      { error: 'respond_to must be a mapping: name, and optionally address and email' },
    )
    .optional(),
  sections: z
    .array(
      z.object({
        title: textField('section title'),
        topics: z.array(z.object({ title: textField('topic title'), questions: questionsList })).optional(),
        questions: questionsList.optional(),
      }),
      { error: 'sections must be a list' },
    )
    .min(1, { error: 'sections must not be empty' }),
});

export function parseQuestionSet(source: string, file: string, problems: Problems): QuestionSet | null {
  const yaml = readYamlMapping(
    source,
    file,
    problems,
    'a question set must be a mapping with id, title, publisher, published, closes and sections',
  );
  if (!yaml) return null;
  warnUnknownKeys(yaml, ['respond_to'], ['name', 'address', 'email'], problems, `${file} (respond_to)`);
  const data = parseWithSchema(yaml, setSchema, problems, describeIssue);
  if (!data) return null;

  const questions: Question[] = [];
  const seen = new Map<string, Question>();
  const pathOf = new Map<string, (string | number)[]>();
  const sections: QuestionSet['sections'] = [];
  let ok = true;
  data.sections.forEach((section, si) => {
    const hasTopics = section.topics !== undefined;
    if (hasTopics === (section.questions !== undefined)) {
      problems.error(
        'schema',
        yaml.at(['sections', si]),
        `section '${section.title}' must have either topics or questions, not both or neither`,
      );
      ok = false;
      return;
    }
    const groups = section.topics
      ? section.topics.map((t, ti) => ({
          title: t.title,
          list: t.questions,
          path: ['sections', si, 'topics', ti, 'questions'],
        }))
      : [{ title: null, list: section.questions ?? [], path: ['sections', si, 'questions'] }];
    const topics: QuestionSet['sections'][number]['topics'] = [];
    for (const group of groups) {
      const ids: string[] = [];
      group.list.forEach((q, qi) => {
        const position = yaml.at([...group.path, qi, 'id']);
        pathOf.set(q.id, [...group.path, qi]);
        const before = seen.get(q.id);
        if (before) {
          problems.error(
            'duplicate-question',
            position,
            `question ${q.id} is defined twice (first at line ${before.position.line}); give each question its own id`,
          );
          ok = false;
          return;
        }
        const question: Question = {
          id: q.id,
          number: Number(q.id.slice(1)),
          text: q.text,
          follows: q.follows ?? null,
          parts: q.parts ?? [],
          section: section.title,
          topic: group.title,
          position,
        };
        seen.set(q.id, question);
        questions.push(question);
        ids.push(q.id);
      });
      topics.push({ title: group.title, questions: ids });
    }
    sections.push({ title: section.title, topics });
  });
  for (const q of questions) {
    if (q.follows === null) continue;
    const before = seen.get(q.follows);
    if (!before || before.number >= q.number) {
      const where = yaml.at([...pathOf.get(q.id)!, 'follows']);
      problems.error(
        'unknown-question',
        where,
        `${q.id} follows ${q.follows}, ${before ? 'which does not come before it' : `which the question set does not have`}; 'follows:' names an earlier question that this one only makes sense after (e.g. follows: Q18 on a question that begins "If so")`,
      );
      ok = false;
    }
  }
  if (!ok) return null;
  const to = data.respond_to;
  // A one-string address may still be written over several lines (a YAML block scalar).
  const address =
    to?.address === undefined
      ? []
      : (Array.isArray(to.address) ? to.address : to.address.split('\n')).map((l) => l.trim()).filter(Boolean);
  const respondTo = to ? { name: to.name, address, email: to.email ?? null, position: yaml.at(['respond_to']) } : null;
  return {
    id: data.id,
    title: data.title,
    publisher: data.publisher,
    published: data.published,
    closes: data.closes,
    sections,
    questions,
    file,
    respondTo,
  };
}

/** "the question set has Q1-Q35", for messages about an unknown question. */
/**
 * The heading level of a question in every document: under its topic (3), or
 * straight under its section (2) when the section has no topics, so levels
 * never skip. An answer's own headings start one below.
 */
export function questionDepth(q: Pick<Question, 'topic'>): 2 | 3 {
  return q.topic === null ? 2 : 3;
}

export function questionRange(set: QuestionSet): string {
  return `the question set has ${set.questions[0]?.id}-${set.questions.at(-1)?.id}`;
}
