// Lists as real Word numbering. Every Markdown list, nested ones included,
// gets a numbering instance of its own: lists sharing one continue each
// other's numbers, the most common complaint about generated Word files. A
// nested list uses its own instance at the deeper level.
import type { List, ListItem } from 'mdast';
import type { Env, RenderBlocks, RenderContext } from './context.js';
import { inlines, textRuns } from './inline.js';
import { paragraphStyleOf } from './roles.js';
import { EMPTY_XML, escapeXml, joinXml, xml } from '../../ooxml/xml.js';
import { paragraph, WML_NAMESPACES, XML_DECLARATION, type Xml } from './wml.js';

/** Word has nine list levels, 0 to 8; deeper Markdown nesting stays at the last. */
const MAX_LEVEL = 8;
/** Indent per list level in twips; the number hangs in the first half. */
const LIST_INDENT = 720;
const HANGING = 360;

const BULLETS = ['•', '◦', '▪'];
const ORDERED = ['decimal', 'lowerLetter', 'lowerRoman'];

/** Word's paragraph style for list items without a style of their own; pandoc knows it too. */
export const LIST_PARAGRAPH = 'ListParagraph';

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
      out.push(xml`<w:abstractNum w:abstractNumId="${d.id}"><w:multiLevelType w:val="hybridMultilevel"/>${levels(d.ordered, d.start)}</w:abstractNum>`);
    }
    for (const [index, d] of this.instances.entries()) {
      const overrides: Xml[] = [];
      for (let level = 0; level <= MAX_LEVEL; level += 1) overrides.push(xml`<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${d.start}"/></w:lvlOverride>`);
      out.push(xml`<w:num w:numId="${index + 1}"><w:abstractNumId w:val="${d.id}"/>${joinXml(overrides)}</w:num>`);
    }
    return xml`${XML_DECLARATION}<w:numbering ${WML_NAMESPACES}>${joinXml(out)}</w:numbering>`;
  }
}

/** A list's first number as Word can hold it (a 32-bit integer); a hand-built tree may say anything. */
function startNumber(start: number | null | undefined): number {
  if (start === null || start === undefined || !Number.isFinite(start)) return 1;
  return Math.min(0x7fffffff, Math.max(0, Math.floor(start)));
}

const CHECKBOX = { checked: '☒ ', unchecked: '☐ ' } as const;

export function renderList(node: List, ctx: RenderContext, env: Env, renderBlocks: RenderBlocks): Xml {
  const ordered = node.ordered === true;
  const start = ordered ? startNumber(node.start) : 1;
  const numbering = { numId: ctx.lists.add(ordered, start), level: Math.min(env.listLevel, MAX_LEVEL) };
  const indent = env.indent + LIST_INDENT;
  // Blocks after an item's first paragraph line up with its text.
  const inner: Env = { ...env, indent, listLevel: env.listLevel + 1 };
  // The numbering level gives the indent; a paragraph repeats it only where it differs (in a quotation, beyond level 9).
  const own = indent === LIST_INDENT * (numbering.level + 1) ? {} : { indent: { left: indent, hanging: HANGING } };
  const out: Xml[] = [];
  for (const item of node.children) {
    if (item.type !== 'listItem') {
      out.push(renderBlocks([item], ctx, inner));
      continue;
    }
    const box = checkbox(item);
    const [first, ...rest] = item.children;
    const lead = first?.type === 'paragraph' ? first : undefined;
    const style = (lead && paragraphStyleOf(lead, ctx)) ?? env.style ?? LIST_PARAGRAPH;
    out.push(paragraph({ style, numbering, ...own }, joinXml([box ? textRuns(box) : EMPTY_XML, lead ? inlines(lead.children, ctx, env) : EMPTY_XML])));
    out.push(renderBlocks(lead ? rest : item.children, ctx, inner));
  }
  return joinXml(out);
}

function checkbox(item: ListItem): string | undefined {
  if (item.checked === true) return CHECKBOX.checked;
  if (item.checked === false) return CHECKBOX.unchecked;
  return undefined;
}
