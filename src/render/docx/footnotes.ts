// Markdown footnotes as Word footnotes. Each reference gets a Word footnote of
// its own (Word numbers footnotes by reference), in reference order. A
// definition no reference uses is rendered where it stands, with a warning,
// rather than vanishing.
import { FootnoteReferenceRun, Paragraph, TextRun, type FileChild } from 'docx';
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import type { Env } from './context.js';
import { STYLE } from './styles.js';

const FOOTNOTE: Env = { style: STYLE.footnoteText, indent: 0, styleIndent: 0, listLevel: 0, inFootnote: true };

export class Footnotes {
  private readonly definitions = new Map<string, FootnoteDefinition>();
  private readonly referenced = new Set<string>();
  /** The footnotes option of docx's Document: content by footnote id. */
  readonly written: Record<number, { children: Paragraph[] }> = {};
  private count = 0;

  constructor(
    tree: Root,
    private readonly render: (definition: FootnoteDefinition, env: Env) => FileChild[],
  ) {
    this.collect(tree, false);
  }

  private collect(node: Nodes, inDefinition: boolean): void {
    if (node.type === 'footnoteDefinition' && !this.definitions.has(node.identifier)) {
      this.definitions.set(node.identifier, node);
    }
    // A reference inside a footnote cannot become a footnote, so it does not count.
    if (node.type === 'footnoteReference' && !inDefinition) this.referenced.add(node.identifier);
    if ('children' in node) {
      for (const child of node.children) this.collect(child, inDefinition || node.type === 'footnoteDefinition');
    }
  }

  /** Whether this definition becomes footnotes; if not, it is rendered in place. */
  isNote(definition: FootnoteDefinition): boolean {
    return this.definitions.get(definition.identifier) === definition && this.referenced.has(definition.identifier);
  }

  /** A new footnote with the definition's content, or undefined when there is no such definition. */
  reference(identifier: string): FootnoteReferenceRun | undefined {
    const definition = this.definitions.get(identifier);
    if (definition === undefined) return undefined;
    this.count += 1;
    const id = this.count;
    const children = this.render(definition, FOOTNOTE);
    // docx puts the footnote mark into the first child and drops a first child
    // that is no paragraph. Tables are valid in Word footnotes, though docx
    // types footnote content as paragraphs only.
    const content = (children[0] instanceof Paragraph ? children : [new Paragraph({ style: STYLE.footnoteText }), ...children]) as Paragraph[];
    // docx puts the mark before this space, so the number does not run into the text.
    content[0]?.addRunToFront(new TextRun({ text: ' ' }));
    this.written[id] = { children: content };
    return new FootnoteReferenceRun(id);
  }
}
