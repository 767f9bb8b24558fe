// Lists as real Word numbering. Every Markdown list, nested ones included,
// gets a numbering instance of its own: lists sharing one continue each
// other's numbers, the most common complaint about generated Word files. A
// nested list uses its own instance at the deeper level.
import { AlignmentType, LevelFormat, Paragraph, type FileChild, type ILevelsOptions, type NumberingDefinition } from 'docx';
import type { List, ListItem } from 'mdast';
import type { Env, RenderBlocks, RenderContext } from './context.js';
import { inlines, textRuns } from './inline.js';
import { paragraphStyleOf } from './roles.js';

/** Word has nine list levels, 0 to 8; deeper Markdown nesting stays at the last. */
const MAX_LEVEL = 8;
/** Indent per list level in twips; the number hangs in the first half. */
const LIST_INDENT = 720;
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

/**
 * The numbering of one document. Lists of one kind and start share a
 * definition (an abstract numbering), and each list is an instance of its own
 * (a w:num with start overrides), which is how Word itself restarts a list.
 * A definition per list would work too, but thousands of lists make docx
 * allocate nine levels each and spend seconds collecting garbage.
 */
export class ListNumbering {
  readonly config: NumberingDefinition[] = [];
  private instances = 0;

  /** A new list: the numbering its paragraphs refer to. */
  add(ordered: boolean, start: number): { reference: string; instance: number } {
    const reference = ordered ? `ordered-${start}` : 'bullet';
    if (!this.config.some((definition) => definition.reference === reference)) {
      this.config.push({ reference, levels: levels(ordered, start) });
    }
    this.instances += 1;
    return { reference, instance: this.instances };
  }
}

const CHECKBOX = { checked: '☒ ', unchecked: '☐ ' } as const;

export function renderList(node: List, ctx: RenderContext, env: Env, renderBlocks: RenderBlocks): FileChild[] {
  const ordered = node.ordered === true;
  const start = ordered ? Math.max(0, Math.floor(node.start ?? 1)) : 1;
  const numbering = { ...ctx.lists.add(ordered, start), level: Math.min(env.listLevel, MAX_LEVEL) };
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
