// The document model both writers walk: an mdast tree plus metadata. The merge
// builds it once per output; the Markdown writer stringifies it and the DOCX
// writer maps it, so the two can never disagree about content.
import type { Data, Root } from 'mdast';

export type DocumentKind = 'draft' | 'response' | 'removed' | 'separate' | 'form' | 'sheet' | 'letter' | 'paper';

/**
 * Roles mark nodes whose presentation differs from plain Markdown. They live in
 * `node.data.role`; Markdown ignores them, DOCX maps them to styles.
 *  - 'title'        depth-1 heading on the cover (Word "Title")
 *  - 'subtitle'     cover paragraph under the title (Word "Subtitle")
 *  - 'cover'        other cover paragraphs (date, publisher); on a heading, one
 *                   that belongs to the cover (the body starts at the next)
 *  - 'question'     paragraph holding a question's verbatim text
 *  - 'part'         paragraph naming a part of a question, e.g. "(a) the executive"
 *  - 'attribution'  paragraph naming the author and section id of a contribution
 *  - 'superseded'   blockquote holding superseded source material
 *  - 'removed'      blockquote holding, in the draft, a contribution that will be removed
 *  - 'abstention'   paragraph recording an abstention and its reason
 *  - 'note'         an editorial note (e.g. "No collective response")
 *  - 'form-note'    the Word response form's own text (instructions), which import skips
 *  - 'answer'       a place where the reader of a form or sheet writes (a paragraph, or
 *                   a table cell): in Word a content control whose placeholder is the
 *                   node's text; see answerOf for its name
 *
 * Headings: depth 1 = consultation section (Heading 1), 2 = topic (Heading 2),
 * 3 = question (Heading 3); headings inside answers are demoted to 4..6.
 * Footnote labels are unique across the whole document.
 */
export type Role =
  | 'title'
  | 'subtitle'
  | 'cover'
  | 'question'
  | 'part'
  | 'attribution'
  | 'superseded'
  | 'removed'
  | 'abstention'
  | 'note'
  | 'form-note'
  | 'answer';

/** What Word says of an answer area: its name (for screen readers and Word's selection pane), and whether it holds a date. */
export interface AnswerArea {
  readonly label: string;
  readonly date?: true;
}

export interface DocumentMeta {
  title: string; // core property title, e.g. the consultation title
  subject: string; // e.g. "Response from the Kensington and Chelsea Partnership"
  creator: string; // the partnership
  short: string; // the partnership's short name, for the page header
  date: string; // YYYY-MM-DD: the response date, also used for core.xml dates
  /** Said on every page, the first included (the draft's "DRAFT - not for submission"). */
  banner?: string;
  /** The document's status property (Word: File > Info > Status), e.g. that a response holds text not circulated. */
  status?: string;
}

// What the tool keeps in a node's `data`, typed for every mdast node.
declare module 'mdast' {
  interface Data {
    /** How the node is presented (see Role). */
    role?: Role;
    /** The answer area a node with the 'answer' role stands for. */
    answer?: AnswerArea;
    /** The workspace file the node came from (see sourceOf). */
    source?: string;
  }
}

/** Anything that may carry mdast data. */
type WithData = { data?: Data | undefined };

export interface DocumentModel {
  kind: DocumentKind;
  meta: DocumentMeta;
  tree: Root;
}

/**
 * The workspace file a block of an answer came from, set by the loader on each
 * contribution's top-level blocks and footnote definitions, so a writer can
 * say where a problem is (mdast positions carry no file name).
 */
export function sourceOf(node: WithData): string | undefined {
  return node.data?.source;
}

export function markSource(node: WithData, file: string): void {
  node.data = { ...node.data, source: file };
}

export function roleOf(node: WithData): Role | undefined {
  return node.data?.role;
}

/** The answer area a node with the 'answer' role stands for. */
export function answerOf(node: WithData): AnswerArea | undefined {
  return node.data?.role === 'answer' ? node.data.answer : undefined;
}

export function markAnswer<T extends WithData>(node: T, area: AnswerArea): T {
  node.data = { ...node.data, role: 'answer', answer: area };
  return node;
}

/**
 * An image marked purely decorative: no description, and the title
 * "decorative", as in ![](images/divider.png "decorative"). Word then marks it
 * decorative, so screen readers pass over it; HTML readers see empty alt text,
 * which says the same.
 */
export const DECORATIVE = 'decorative';

export function isDecorative(image: { alt?: string | null | undefined; title?: string | null | undefined }): boolean {
  return (image.alt ?? '').trim() === '' && image.title === DECORATIVE;
}
