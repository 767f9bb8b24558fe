// The Word response form: what `template --format docx` sends to partners who
// work in Word. Every question is a Word heading ("Q7: text") that import
// recognises; the cover and instructions use styles import skips, so a form
// returned untouched imports as an empty response.
import type { Paragraph, RootContent } from 'mdast';
import { markAnswer, type DocumentModel } from '../core/document.js';
import { questionDepth } from '../load/questions.js';
import type { Config, Glossary, QuestionSet, Sector } from '../core/model.js';
import { abstentionNote, formHeadings, returnNote } from './form-content.js';
import { entry } from './glossary.js';
import { heading, longDate, para } from './nodes.js';
import { outline } from './skeleton.js';

export interface FormFor {
  id: string;
  partner: string;
  sector: Sector;
}

const INSTRUCTIONS = [
  'Write your answer under each question heading, in as many paragraphs, lists and tables as you need. Leave the space under a question empty if you have nothing to say.',
  'To decline a question, write only the word Abstain under it.',
  'Comments that belong to no single question go here, before the first question.',
  'Keep the question headings as they are: they tell the partnership which answer is which. Bold, italics, lists, tables, footnotes, links and pictures are all kept.',
];

/** What an answer area shows until the partner writes in it; import reads an area still saying this as empty. */
export const ANSWER_PLACEHOLDER = 'Write your answer here, or leave this empty.';

/** The space to write in: a content control in Word (see render/docx/controls.ts). */
const answerArea = (label: string): Paragraph => markAnswer(para(ANSWER_PLACEHOLDER), { label });

/** The whole glossary, before the first question, so partners write with the partnership's terms; import skips it as the form's own text. */
function glossaryNotes(glossary: Glossary | null): RootContent[] {
  if (!glossary || glossary.terms.length === 0) return [];
  return [
    para(
      'Terms: please use these names (and acronyms) as the partnership does. The response explains every one it uses in its Glossary.',
      'form-note',
    ),
    ...glossary.terms.map((t) => entry(t, 'form-note')),
  ];
}

export function formDocument(
  config: Config,
  questions: QuestionSet,
  who: FormFor,
  today: string,
  glossary: Glossary | null,
): DocumentModel {
  const children: RootContent[] = [
    heading(1, `Response form: ${questions.title}`, 'title'),
    para(`${who.partner} (${who.sector} sector), for the ${config.partnership}`, 'subtitle'),
    para(`Consultation by the ${questions.publisher}, published ${longDate(questions.published)}.`, 'cover'),
    para(returnNote(config, 'form'), 'cover'),
    para(`Partner id: ${who.id}`, 'cover'),
    ...glossaryNotes(glossary),
    ...INSTRUCTIONS.map((i) => para(i, 'form-note')),
    answerArea('General comments'),
  ];
  const headings = formHeadings(config, questions);
  children.push(
    ...outline(
      questions.questions,
      (q) => q,
      (q) =>
        headings
          .filter((h) => h.question === q)
          .flatMap((h): RootContent[] => [
            heading(h.part === null ? questionDepth(q) : questionDepth(q) === 2 ? 3 : 4, h.text),
            ...(h.abstention === null ? [] : [para(abstentionNote(h.question.id, h.abstention), 'form-note')]),
            answerArea(`Answer to ${q.id}${h.part ?? ''}`),
          ]),
    ),
  );
  return {
    kind: 'form',
    meta: {
      title: `Response form: ${questions.title} (${who.partner})`,
      subject: `Response form for ${who.partner}`,
      creator: config.partnership,
      short: config.short,
      date: today,
    },
    tree: { type: 'root', children },
  };
}
