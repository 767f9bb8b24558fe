// The decision paper (`lsp-respond paper`): what a partnership's board is
// asked to agree before any partner writes a word. Cover and "For decision",
// the four sections (the officer's wording from templates/paper.md, else the
// built-in one, both with {placeholders} filled from the workspace), the
// contact officer, and Annex A: every question under the consultation's own
// headings. A placeholder the workspace cannot fill is left bracketed in the
// text with a warning, never silently dropped.
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { DocumentModel } from '../core/document.js';
import {
  PAPER_SECTIONS,
  PLACEHOLDER,
  type PaperSection,
  type PaperTemplate,
  type Placeholder,
} from '../load/paper-template.js';
import type { Config, Position, QuestionSet } from '../core/model.js';
import { contactLine } from './documents.js';
import type { Problems } from '../core/problems.js';
import { bullets, heading, longDate, para, strong, text } from './nodes.js';

const TITLES: Record<PaperSection, string> = {
  Purpose: 'Purpose',
  Background: 'Background',
  Process: 'Proposed process',
  Recommendation: 'Recommendation',
};

export const DEFAULT_BOARD = 'Board';

/** A placeholder's value, or why the workspace cannot give it (the hint goes into the paper and the warning). */
type Value = { text: string } | { missing: string };

function values(
  config: Config,
  questions: QuestionSet,
  board: string,
): Record<Exclude<Placeholder, 'sections'>, Value> {
  const deadline = (key: string): Value => {
    const date = config.deadlines[key];
    return date ? { text: longDate(date) } : { missing: `deadlines.${key} in lsp-respond.yaml` };
  };
  const to = config.viewsTo;
  return {
    partnership: { text: config.partnership },
    short: { text: config.short },
    board: { text: board },
    consultation: { text: questions.title },
    publisher: { text: questions.publisher },
    published: { text: longDate(questions.published) },
    closes: { text: longDate(questions.closes) },
    questions: { text: String(questions.questions.length) },
    views_to: to
      ? { text: [to.name, to.role, to.email].filter((x): x is string => x !== null).join(', ') }
      : { missing: 'views_to: (or contact:) in lsp-respond.yaml' },
    views_by: deadline('views'),
    draft_date: { text: longDate(config.draftDate) },
    objections_by: deadline('objections'),
    submission_by: config.deadlines.submission
      ? { text: longDate(config.deadlines.submission) }
      : { text: longDate(questions.closes) },
    contact: config.contact ? { text: contactLine(config.contact) } : { missing: 'contact: in lsp-respond.yaml' },
  };
}

/** The consultation's headings, each with its topics and the range of its questions. */
function sectionsList(questions: QuestionSet): RootContent {
  const range = (ids: string[]) => (ids.length === 1 ? ids[0]! : `${ids[0]}-${ids.at(-1)}`);
  return bullets(
    questions.sections.map((s) => {
      const ids = s.topics.flatMap((t) => t.questions);
      const topics = s.topics.map((t) => t.title).filter((t): t is string => t !== null);
      return `${s.title} (${range(ids)})${topics.length > 0 ? `: ${topics.join('; ')}` : ''}`;
    }),
  );
}

function annex(questions: QuestionSet): RootContent[] {
  const out: RootContent[] = [heading(1, 'Annex A: the consultation questions')];
  const byId = new Map(questions.questions.map((q) => [q.id, q]));
  for (const section of questions.sections) {
    out.push(heading(2, section.title));
    for (const topic of section.topics) {
      if (topic.title !== null) out.push(heading(3, topic.title));
      for (const id of topic.questions) {
        const q = byId.get(id)!;
        out.push(para([strong(`${q.number}:`), text(` ${q.text}`)], 'question'));
        for (const part of q.parts) out.push(para(`(${part.id}) ${part.text}`, 'part'));
      }
    }
  }
  return out;
}

/** The paper; what the workspace cannot fill in is left bracketed, with a warning in `problems`. */
export function paperDocument(
  config: Config,
  questions: QuestionSet,
  template: PaperTemplate,
  today: string,
  problems: Problems,
): DocumentModel {
  const board = template.board ?? DEFAULT_BOARD;
  const date = template.date ?? today;
  const known = values(config, questions, board);
  const said = new Set<string>();
  const configAt: Position = { file: config.file ?? 'lsp-respond.yaml', line: 1, column: 1 };
  const gap = (name: string, missing: string, at: Position) => {
    if (!said.has(name))
      problems.warn('paper-gap', at, `{${name}} in the paper is left as a gap for the officer: set ${missing}`);
    said.add(name);
    return `[${name.replace(/_/g, ' ')}: set ${missing}]`;
  };
  const fill = (section: { blocks: RootContent[]; position: Position; custom: boolean }): RootContent[] =>
    structuredClone(section.blocks).flatMap((block): RootContent[] => {
      // {sections} stands for a whole list, so it must be a paragraph of its own.
      if (
        block.type === 'paragraph' &&
        block.children.length === 1 &&
        block.children[0]!.type === 'text' &&
        block.children[0].value.trim() === '{sections}'
      )
        return [sectionsList(questions)];
      const visit = (node: Nodes) => {
        if (node.type === 'text') {
          const at =
            section.custom && node.position
              ? { file: section.position.file, line: node.position.start.line, column: node.position.start.column }
              : configAt;
          node.value = node.value.replace(PLACEHOLDER, (whole, name: string) => {
            if (name === 'sections') return questions.sections.map((x) => x.title).join('; ');
            const v = known[name as Exclude<Placeholder, 'sections'>];
            if (v === undefined) return whole;
            return 'text' in v ? v.text : gap(name, v.missing, at);
          });
        } else if ('children' in node) for (const child of node.children) visit(child);
      };
      visit(block);
      return [block];
    });
  const contact: PhrasingContent[] = [
    strong('Contact officer:'),
    text(` ${'text' in known.contact ? known.contact.text : gap('contact', known.contact.missing, configAt)}`),
  ];
  const children: RootContent[] = [
    heading(1, config.partnership, 'title'),
    para(`“${questions.title}”: consultation by the ${questions.publisher}`, 'subtitle'),
    para(`Paper to the ${board}, ${longDate(date)}`, 'cover'),
    // A full stop: a bold line of its own would read as a heading that is not one.
    para([strong('For decision.')], 'cover'),
    ...PAPER_SECTIONS.flatMap((s, i) => [heading(1, `${i + 1}. ${TITLES[s]}`), ...fill(template.sections.get(s)!)]),
    para(contact),
    ...annex(questions),
  ];
  return {
    kind: 'paper',
    // The title property starts with the visible title, as in every document (see README, Accessible documents).
    meta: {
      title: `${config.partnership}: paper to the ${board} on “${questions.title}”`,
      subject: `For decision: a collective response from the ${config.partnership}`,
      creator: config.partnership,
      short: config.short,
      date,
    },
    tree: { type: 'root', children },
  };
}
