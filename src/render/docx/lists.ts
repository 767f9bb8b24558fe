// Lists as real Word numbering. Every Markdown list, nested ones included,
// gets a numbering instance of its own: lists sharing one continue each
// other's numbers, the most common complaint about generated Word files. A
// nested list uses its own instance at the deeper level.
import type { List, ListItem } from 'mdast';
import type { RenderBlocks, RenderContext } from './context.js';
import type { BlockEnv } from './block-env.js';
import { inlines, textRuns } from './inline.js';
import { paragraphStyleOf } from './roles.js';
import { EMPTY_XML, joinXml } from '../../ooxml/xml.js';
import { paragraph, type Xml } from './wml.js';
import { HANGING, LIST_INDENT, MAX_LEVEL } from './numbering.js';

/** Word's paragraph style for list items without a style of their own; pandoc knows it too. */
export const LIST_PARAGRAPH = 'ListParagraph';

/** A list's first number as Word can hold it (a 32-bit integer); a hand-built tree may say anything. */
function startNumber(start: number | null | undefined): number {
  if (start === null || start === undefined || !Number.isFinite(start)) return 1;
  return Math.min(0x7fffffff, Math.max(0, Math.floor(start)));
}

const CHECKBOX = { checked: '☒ ', unchecked: '☐ ' } as const;

export function renderList(node: List, ctx: RenderContext, env: BlockEnv, renderBlocks: RenderBlocks): Xml {
  const ordered = node.ordered === true;
  const start = ordered ? startNumber(node.start) : 1;
  const numbering = { numId: ctx.lists.add(ordered, start), level: Math.min(env.listLevel, MAX_LEVEL) };
  const indent = env.indent + LIST_INDENT;
  // Blocks after an item's first paragraph line up with its text.
  const inner: BlockEnv = { ...env, indent, listLevel: env.listLevel + 1 };
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
    out.push(
      paragraph(
        { style, numbering, ...own },
        joinXml([box ? textRuns(box) : EMPTY_XML, lead ? inlines(lead.children, ctx, env) : EMPTY_XML]),
      ),
    );
    out.push(renderBlocks(lead ? rest : item.children, ctx, inner));
  }
  return joinXml(out);
}

function checkbox(item: ListItem): string | undefined {
  if (item.checked === true) return CHECKBOX.checked;
  if (item.checked === false) return CHECKBOX.unchecked;
  return undefined;
}
