// Where each part of a Word document goes in a response: the preamble, the
// answer to a question, or nowhere (our form's own text), with a note of
// everything placed so the officer can see what the command did. Question
// references use the grammar of Markdown question headings.
import { ANSWER_PLACEHOLDER } from '../compose/form.js';
import type { FootnoteDefinition, Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { parseQuestionRef, type QuestionRef } from '../load/headings.js';
import type { Question, QuestionSet } from '../core/model.js';

export interface ImportedAnswer {
  question: Question;
  part: string | null;
  /** Heading text after the reference (a copy of the question), or ''. */
  title: string;
  blocks: RootContent[];
  /** How the question was recognised, for the command's account. */
  from: string;
}

export interface ImportNote {
  /** 1-based index of the block in the document, which is as close to a line as a Word file has. */
  paragraph: number;
  message: string;
}

export interface ImportedResponse {
  preamble: RootContent[];
  answers: ImportedAnswer[]; // in question-set order, whole questions before parts
  abstain: Question[];
  footnotes: FootnoteDefinition[];
  notes: ImportNote[];
  /** First words of the form's own paragraphs and headings that were skipped. */
  skipped: string[];
  /** Where a table's first row became its header though Word marked none and it did not look like one (see table-header.ts). */
  guessedHeaders: string[];
}

const ABSTAIN = /^\s*(?:we\s+)?abstain(?:ed)?\.?\s*$/i;
// Bold text opening a paragraph is a question reference only when it says so
// ("Q7", "Question 7"), or is a number with a part ("16(a)"), closed by ':',
// '.' or ')' ("30:") or standing alone: "**3 things** we want" is not question 3.
const BARE_NUMBER = /^\s*0*\d{1,6}(?:\s?\([a-z]\)|[a-z]?\s*(?:[:.)]|$))/i;
const PREFIXED = /^\s*q(?:uestion)?\s*\d/i;

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** True when `text` is (the start of) the question's own wording, i.e. a copy, not the partner's words. */
function isQuestionCopy(text: string, q: Question): boolean {
  const t = normal(text);
  if (t === '') return true;
  const texts = [q.text, ...q.parts.map((p) => p.text), ...q.parts.map((p) => `(${p.id}) ${p.text}`)].map(normal);
  return texts.some((x) => x.startsWith(t.slice(0, 40)) || t.startsWith(x.slice(0, 40)));
}

/** The text after the reference and its separator. */
function afterRef(text: string, ref: QuestionRef): string {
  const at = text.indexOf(ref.written);
  return text.slice(at + ref.written.length).replace(/^\s*[:.\-\u2013\u2014)]?\s*/, '');
}

interface Section {
  answer: ImportedAnswer;
  order: number;
}

export function placeSections(tree: Root, questions: QuestionSet): ImportedResponse {
  const structure = new Set(
    questions.sections.flatMap((s) => [s.title, ...s.topics.map((t) => t.title ?? '')]).map(normal),
  );
  const out: ImportedResponse = {
    preamble: [],
    answers: [],
    abstain: [],
    footnotes: [],
    notes: [],
    skipped: [],
    guessedHeaders: [],
  };
  const sections = new Map<string, Section>();
  let current: RootContent[] = out.preamble;
  let currentName = 'the general comments (preamble)';

  const resolve = (ref: QuestionRef, index: number, written: string): Question | null => {
    const q = questions.questions.find((x) => x.number === ref.number);
    const problem = !q
      ? `${ref.written} is not a question of ${questions.title} (${questions.questions[0]?.id}-${questions.questions.at(-1)?.id})`
      : ref.part !== null && !q.parts.some((p) => p.id === ref.part)
        ? `${q.id} has no part ${ref.part}`
        : null;
    if (problem === null) return q ?? null;
    out.notes.push({
      paragraph: index,
      message: `"${firstWords(written)}": ${problem}; it is kept as text under ${currentName}: move it where it belongs, or fix the reference in the Word file and import again`,
    });
    return null;
  };

  const open = (q: Question, ref: QuestionRef, title: string, from: string, index: number): void => {
    const key = `${q.id}${ref.part ?? ''}`;
    const existing = sections.get(key);
    if (existing) {
      out.notes.push({
        paragraph: index,
        message: `${key} appears a second time ("${firstWords(from)}"); what follows is added to the end of the first answer to ${key}: check that it belongs there`,
      });
      current = existing.answer.blocks;
    } else {
      const answer: ImportedAnswer = { question: q, part: ref.part, title, blocks: [], from };
      sections.set(key, { answer, order: sections.size });
      current = answer.blocks;
    }
    currentName = key;
  };

  tree.children.forEach((node, i) => {
    const index = i + 1;
    if (node.type === 'footnoteDefinition') {
      out.footnotes.push(node);
      return;
    }
    if (node.type === 'paragraph' && node.data?.formText) {
      out.skipped.push(firstWords(plainText(node)));
      return;
    }
    // An answer area of the form left as it came holds only its placeholder: no answer.
    if (node.type === 'paragraph' && (isEmpty(node) || plainText(node).trim() === ANSWER_PLACEHOLDER)) return;
    if (node.type === 'heading') {
      const text = plainText(node);
      const ref = parseQuestionRef(text);
      if (ref) {
        const q = resolve(ref, index, text);
        if (q) open(q, ref, afterRef(text, ref), `heading "${firstWords(text)}"`, index);
        else current.push(boldParagraph(node.children));
        return;
      }
      if (structure.has(normal(text))) {
        out.skipped.push(firstWords(text));
        return;
      }
      // Level 2 is reserved for question headings in a response file.
      current.push({ ...node, depth: Math.min(6, Math.max(3, node.depth)) as Heading['depth'] });
      return;
    }
    if (node.type === 'paragraph') {
      const lead = node.children[0];
      const leadText = lead?.type === 'strong' ? plainText(lead) : '';
      const ref =
        leadText !== '' && (PREFIXED.test(leadText) || BARE_NUMBER.test(leadText)) ? parseQuestionRef(leadText) : null;
      if (lead?.type === 'strong' && ref) {
        const q = resolve(ref, index, plainText(node));
        if (q) {
          const rest = afterRef(leadText, ref);
          const copy = isQuestionCopy(rest, q);
          open(q, ref, copy ? rest : '', `bold "${firstWords(leadText, 30)}"`, index);
          const after = trimStart(node.children.slice(1));
          const own: PhrasingContent[] = copy
            ? []
            : [
                { type: 'strong', children: [{ type: 'text', value: rest }] },
                ...(after.length > 0 ? [{ type: 'text', value: ' ' } as PhrasingContent] : []),
              ];
          const remainder = [...own, ...after];
          if (remainder.length > 0) current.push({ ...node, children: remainder });
          return;
        }
      } else if (PREFIXED.test(plainText(node)) && parseQuestionRef(plainText(node))) {
        out.notes.push({
          paragraph: index,
          message: `"${firstWords(plainText(node))}" starts like a question reference but is neither a heading nor bold, so it stays in ${currentName}; make the reference bold or a heading if it starts a new answer`,
        });
      }
    }
    if (hasGuessedHeader(node)) out.guessedHeaders.push(currentName);
    current.push(node);
  });

  const answers = [...sections.values()].map((s) => s.answer);
  for (const a of answers) {
    const only = a.blocks.length === 1 ? a.blocks[0] : undefined;
    if (only?.type === 'paragraph' && ABSTAIN.test(plainText(only)) && a.part === null) {
      out.abstain.push(a.question);
      a.blocks = [];
    }
  }
  const rank = (a: ImportedAnswer) =>
    questions.questions.indexOf(a.question) * 100 +
    (a.part === null ? 0 : 1 + a.question.parts.findIndex((p) => p.id === a.part));
  out.answers = answers.sort((a, b) => rank(a) - rank(b));
  return out;
}

function hasGuessedHeader(node: Nodes): boolean {
  if (node.type === 'table' && node.data?.headerGuessed) return true;
  return 'children' in node && node.children.some((c) => hasGuessedHeader(c));
}

function isEmpty(p: Paragraph): boolean {
  return plainText(p).trim() === '' && !p.children.some((c) => c.type === 'image' || c.type === 'footnoteReference');
}

function boldParagraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children }] };
}

/** Drops leading white space left where the reference was cut out. */
function trimStart(children: PhrasingContent[]): PhrasingContent[] {
  const out = [...children];
  while (out.length > 0) {
    const first = out[0] as PhrasingContent;
    if (first.type === 'text') {
      const value = first.value.replace(/^[\s:.\-\u2013\u2014]+/, '');
      if (value === '') {
        out.shift();
        continue;
      }
      out[0] = { ...first, value };
    }
    break;
  }
  return out;
}
