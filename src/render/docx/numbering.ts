// word/numbering.xml: one numbering instance per Markdown list, so that lists
// never continue each other's numbers.
import { escapeXml, joinXml, xml } from '../../ooxml/xml.js';
import { WML_NAMESPACES, XML_DECLARATION, type Xml } from './wml.js';

/** Word has nine list levels, 0 to 8; deeper Markdown nesting stays at the last. */
export const MAX_LEVEL = 8;
/** Indent per list level in twips; the number hangs in the first half. */
export const LIST_INDENT = 720;
export const HANGING = 360;

const BULLETS = ['•', '◦', '▪'];
const ORDERED = ['decimal', 'lowerLetter', 'lowerRoman'];

/** An abstract numbering: nine levels of one kind of list. */
interface Definition {
  readonly id: number;
  readonly ordered: boolean;
  readonly start: number;
}

function levels(ordered: boolean, start: number): Xml {
  const out: Xml[] = [];
  for (let level = 0; level <= MAX_LEVEL; level += 1) {
    const format = escapeXml((ordered ? ORDERED[level % ORDERED.length] : 'bullet') ?? '');
    const text = escapeXml((ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]) ?? '');
    out.push(
      xml`<w:lvl w:ilvl="${level}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${LIST_INDENT * (level + 1)}" w:hanging="${HANGING}"/></w:pPr></w:lvl>`,
    );
  }
  return joinXml(out);
}

/**
 * The numbering of one document. Lists of one kind and start share a
 * definition (an abstract numbering), and each list is an instance of its own
 * (a w:num with start overrides), which is how Word itself restarts a list.
 */
export class ListNumbering {
  private readonly definitions: Definition[] = [];
  /** The definition of each instance, by numId - 1. */
  private readonly instances: Definition[] = [];

  /** A new list: the numId its paragraphs refer to. */
  add(ordered: boolean, start: number): number {
    let definition = this.definitions.find((d) => d.ordered === ordered && d.start === start);
    if (definition === undefined) {
      definition = { id: this.definitions.length + 1, ordered, start };
      this.definitions.push(definition);
    }
    return this.instances.push(definition);
  }

  /** word/numbering.xml. */
  xml(): Xml {
    const out: Xml[] = [];
    for (const d of this.definitions) {
      out.push(
        xml`<w:abstractNum w:abstractNumId="${d.id}"><w:multiLevelType w:val="hybridMultilevel"/>${levels(d.ordered, d.start)}</w:abstractNum>`,
      );
    }
    for (const [index, d] of this.instances.entries()) {
      const overrides: Xml[] = [];
      for (let level = 0; level <= MAX_LEVEL; level += 1)
        overrides.push(xml`<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${d.start}"/></w:lvlOverride>`);
      out.push(xml`<w:num w:numId="${index + 1}"><w:abstractNumId w:val="${d.id}"/>${joinXml(overrides)}</w:num>`);
    }
    return xml`${XML_DECLARATION}<w:numbering ${WML_NAMESPACES}>${joinXml(out)}</w:numbering>`;
  }
}
