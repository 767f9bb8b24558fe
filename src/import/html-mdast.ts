// mammoth's HTML to mdast with rehype-parse and rehype-remark. mammoth writes
// Word's notes as a linked list at the end ("[1]" in the text, "↑" back-links);
// they become real Markdown footnotes here, numbered in order of reference.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { renderableEmphasis } from './emphasis.js';
import { giveTablesHeaders, HEADER_ROW } from './table-header.js';
import { FORM_CLASS } from './word-html.js';

// What import marks on a node while reading a Word reply, for sections.ts.
declare module 'mdast' {
  interface Data {
    /** A paragraph of the form's own instructions, which import skips. */
    formText?: boolean;
    /** A table whose header row was guessed (its first row), which the summary reports. */
    headerGuessed?: boolean;
  }
}

const NOTE = /^#?((?:foot|end)note)-(\d+)$/;
const BACK_LINK = /^#(?:foot|end)note-ref-\d+$/;

function href(node: ElementContent): string {
  return node.type === 'element' && typeof node.properties.href === 'string' ? node.properties.href : '';
}

function noteId(node: ElementContent): string | null {
  if (node.type !== 'element') return null;
  const id = typeof node.properties.id === 'string' ? node.properties.id : '';
  const m = NOTE.exec(id);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** The notes list mammoth writes at the end: every item is a note. */
function isNotesList(node: Element): boolean {
  const items = node.children.filter((c) => c.type === 'element');
  return items.length > 0 && items.every((c) => noteId(c) !== null);
}

/**
 * Gives the document's numbered lists (not the notes, nor lists inside them)
 * the first numbers Word shows, when there is one for each.
 */
function numberLists(tree: HastRoot, starts: readonly number[]): void {
  const lists: Element[] = [];
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'ol' && isNotesList(child)) continue;
      if (child.tagName === 'ol') lists.push(child);
      walk(child);
    }
  };
  walk(tree);
  if (lists.length !== starts.length) return;
  lists.forEach((list, i) => {
    if (starts[i] !== 1) list.properties.start = starts[i];
  });
}

/** Puts Word's heading numbers (see word-headings.ts) before the headings' text, when there is one for each heading. */
function numberHeadings(tree: HastRoot, numbers: readonly string[]): void {
  const headings: Element[] = [];
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (/^h[1-6]$/.test(child.tagName)) headings.push(child);
      else walk(child);
    }
  };
  walk(tree);
  if (headings.length !== numbers.length) return;
  headings.forEach((h, i) => {
    const label = numbers[i] ?? '';
    if (label.trim() !== '') h.children.unshift({ type: 'text', value: /\s$/.test(label) ? label : `${label} ` });
  });
}

/**
 * `listStarts`: the first number of each numbered list, in document order (see word-numbering.ts);
 * `headingNumbers`: the number Word shows before each heading (see word-headings.ts).
 */
export function htmlToMdast(
  html: string,
  listStarts: readonly number[] = [],
  headingNumbers: readonly string[] = [],
): Root {
  const labels = new Map<string, string>();
  const label = (id: string) => {
    if (!labels.has(id)) labels.set(id, String(labels.size + 1));
    return labels.get(id) as string;
  };
  const handlers: Record<string, Handle> = {
    // <sup><a href="#footnote-3">[3]</a></sup>: a note reference.
    sup(state: State, node: Element) {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      const m = only ? NOTE.exec(href(only)) : null;
      if (m) {
        const id = label(`${m[1]}-${m[2]}`);
        return { type: 'footnoteReference', identifier: id, label: id };
      }
      return state.all(node);
    },
    // The notes themselves: <ol><li id="footnote-3"><p>text <a href="#footnote-ref-3">↑</a></p></li></ol>.
    ol(state: State, node: Element) {
      if (!isNotesList(node)) return defaultHandlers.ol(state, node);
      const items = node.children.filter((c) => c.type === 'element');
      return items.map((item): FootnoteDefinition => {
        const id = label(noteId(item) as string);
        const children = state.toFlow(state.all(item)) as FootnoteDefinition['children'];
        return { type: 'footnoteDefinition', identifier: id, label: id, children };
      });
    },
    // The response form's own paragraphs (see word-html.ts) stay marked, to be skipped out loud.
    p(state: State, node: Element) {
      const result = defaultHandlers.p(state, node);
      const classes = node.properties.className;
      if (result && !Array.isArray(result) && Array.isArray(classes) && classes.includes(FORM_CLASS))
        result.data = { ...result.data, formText: true };
      return result;
    },
    // A table with no text at all is left out; one whose header row was guessed says so (see table-header.ts).
    table(state: State, node: Element) {
      const how = node.properties[HEADER_ROW];
      if (how === 'empty') return undefined;
      const result = defaultHandlers.table(state, node);
      if (how === 'first-row' && result.type === 'table') result.data = { ...result.data, headerGuessed: true };
      return result;
    },
    a(state: State, node: Element) {
      if (BACK_LINK.test(href(node))) return undefined;
      // Word's bookmarks (<a id="...">) are anchors, not links.
      if (href(node) === '') return state.all(node);
      return defaultHandlers.a(state, node);
    },
  };
  const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark, { handlers });
  const hast = processor.parse(html);
  numberLists(hast, listStarts);
  numberHeadings(hast, headingNumbers);
  giveTablesHeaders(hast);
  const tree = processor.runSync(hast) as Nodes;
  tighten(tree);
  renderableEmphasis(tree);
  return tree as Root;
}

/**
 * Word has no loose lists: an item holding one paragraph and a nested list is
 * still one line in Word, so it stays one line in Markdown.
 */
function tighten(node: Nodes): void {
  if (node.type === 'list' || node.type === 'listItem') {
    const items = node.type === 'list' ? node.children : [node];
    if (items.every((i) => i.children.filter((c) => c.type !== 'list').length <= 1)) node.spread = false;
  }
  if ('children' in node) for (const child of node.children) tighten(child);
}
