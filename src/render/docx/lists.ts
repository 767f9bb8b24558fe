// Lists as real Word numbering. Every Markdown list, nested ones included,
// gets a numbering definition and instance of its own: lists sharing one
// continue each other's numbers, the most common complaint about generated
// Word files. A nested list uses its own numbering at the deeper level.
import { AlignmentType, LevelFormat, Paragraph, type FileChild, type ILevelsOptions, type NumberingDefinition } from 'docx';
import type { List, ListItem } from 'mdast';
import type { Env, RenderBlocks, RenderContext } from './context.js';
import { inlines, textRuns } from './inline.js';
import { paragraphStyleOf } from './roles.js';

/** Word has nine list levels, 0 to 8; deeper Markdown nesting stays at the last. */
export const MAX_LEVEL = 8;
/** Indent per list level in twips; the number hangs in the first half. */
export const LIST_INDENT = 720;
const HANGING = 360;

const BULLETS = ['•', '◦', '▪'];
const ORDERED = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function levels(ordered: boolean, start: number): ILevelsOptions[] {
  return Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
    level,
    format: ordered ? ORDERED[level % ORDERED.length] : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length],
    alignment: AlignmentType.LEFT,
    start,
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: HANGING } } },
  }));
}

/** The numbering definitions of one document, one per list. */
export class ListNumbering {
  readonly config: NumberingDefinition[] = [];

  /** A new list: its numbering reference. */
  add(ordered: boolean, start: number): string {
    const reference = `list-${this.config.length + 1}`;
    this.config.push({ reference, levels: levels(ordered, start) });
    return reference;
  }
}

const CHECKBOX = { checked: '☒ ', unchecked: '☐ ' } as const;

export function renderList(node: List, ctx: RenderContext, env: Env, renderBlocks: RenderBlocks): FileChild[] {
  const ordered = node.ordered === true;
  const start = ordered ? Math.max(0, Math.floor(node.start ?? 1)) : 1;
  const reference = ctx.lists.add(ordered, start);
  const numbering = { reference, level: Math.min(env.listLevel, MAX_LEVEL) };
  const indent = env.indent + LIST_INDENT;
  // Blocks after an item's first paragraph line up with its text.
  const inner: Env = { ...env, indent, listLevel: env.listLevel + 1 };
  return node.children.flatMap((item): FileChild[] => {
    if (item.type !== 'listItem') return renderBlocks([item], ctx, inner);
    const box = checkbox(item);
    const [first, ...rest] = item.children;
    const lead = first?.type === 'paragraph' ? first : undefined;
    const paragraph = new Paragraph({
      style: (lead && paragraphStyleOf(lead, ctx)) ?? env.style,
      numbering,
      indent: { left: indent, hanging: HANGING },
      children: [...(box ? textRuns(box) : []), ...(lead ? inlines(lead.children, ctx, env) : [])],
    });
    return [paragraph, ...renderBlocks(lead ? rest : item.children, ctx, inner)];
  });
}

function checkbox(item: ListItem): string | undefined {
  if (item.checked === true) return CHECKBOX.checked;
  if (item.checked === false) return CHECKBOX.unchecked;
  return undefined;
}
