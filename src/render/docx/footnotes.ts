// Markdown footnotes as Word footnotes. Each reference gets a Word footnote of
// its own (Word numbers footnotes by reference), in reference order. A
// definition no reference uses is rendered where it stands, with a warning,
// rather than vanishing.
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import type { BlockEnv } from './block-env.js';
import { STYLE } from './styles.js';
import { escapeXml, joinXml, splitXml, xml } from '../../ooxml/xml.js';
import { FOOTNOTE_MARK, footnoteReference, paragraph, WML_NAMESPACES, XML_DECLARATION, type Xml } from './wml.js';

const FOOTNOTE: BlockEnv = { style: STYLE.footnoteText, indent: 0, styleIndent: 0, listLevel: 0, inFootnote: true };

/** The separator lines Word draws above the footnotes of a page, which it expects as footnotes -1 and 0. */
const SEPARATORS = joinXml(
  ['separator', 'continuationSeparator'].map(
    (type, index) =>
      xml`<w:footnote w:type="${escapeXml(type)}" w:id="${index - 1}">${paragraph({ spacing: { after: 0 } }, xml`<w:r><w:${escapeXml(type)}/></w:r>`)}</w:footnote>`,
  ),
);

export class FootnotesPart {
  private readonly definitions = new Map<string, FootnoteDefinition>();
  private readonly referenced = new Set<string>();
  /** The w:footnote elements written so far. */
  private readonly written: Xml[] = [];
  private count = 0;

  constructor(
    tree: Root,
    private readonly render: (definition: FootnoteDefinition, env: BlockEnv) => Xml,
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

  /** The reference mark of a new footnote with the definition's content, or undefined when there is no such definition. */
  reference(identifier: string): Xml | undefined {
    const definition = this.definitions.get(identifier);
    if (definition === undefined) return undefined;
    this.count += 1;
    const id = this.count;
    let content = this.render(definition, FOOTNOTE);
    // The footnote's number goes first in its first paragraph; content that starts otherwise (a table) gets one.
    if (!content.startsWith('<w:p>')) content = joinXml([paragraph({ style: STYLE.footnoteText }), content]);
    const afterProps = content.startsWith('<w:p><w:pPr>')
      ? content.indexOf('</w:pPr>') + '</w:pPr>'.length
      : '<w:p>'.length;
    const [start, rest] = splitXml(content, afterProps);
    this.written.push(xml`<w:footnote w:id="${id}">${start}${FOOTNOTE_MARK}${rest}</w:footnote>`);
    return footnoteReference(id);
  }

  /** word/footnotes.xml. */
  xml(): Xml {
    return xml`${XML_DECLARATION}<w:footnotes ${WML_NAMESPACES}>${SEPARATORS}${joinXml(this.written)}</w:footnotes>`;
  }
}
