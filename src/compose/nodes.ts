// Small mdast constructors for the documents the tool writes around the
// partners' own Markdown.
import type {
  Blockquote,
  BlockContent,
  FootnoteDefinition,
  Heading,
  Nodes,
  Paragraph,
  PhrasingContent,
  RootContent,
} from 'mdast';
import type { Role } from '../core/document.js';
import type { Contribution } from '../core/model.js';

function withRole<T extends Nodes>(node: T, role: Role | undefined): T {
  if (role) node.data = { ...node.data, role };
  return node;
}

export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
export const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
/** An e-mail address as a mailto: link, which Word, screen readers and e-mail programs act on. */
export const email = (address: string): PhrasingContent => ({
  type: 'link',
  url: `mailto:${address}`,
  children: [text(address)],
});

export function heading(depth: Heading['depth'], value: string, role?: Role): Heading {
  return withRole<Heading>({ type: 'heading', depth, children: [text(value)] }, role);
}

export function para(children: PhrasingContent[] | string, role?: Role): Paragraph {
  return withRole<Paragraph>(
    { type: 'paragraph', children: typeof children === 'string' ? [text(children)] : children },
    role,
  );
}

export function bullets(items: string[]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((i) => ({ type: 'listItem', spread: false, children: [para(i)] })),
  };
}

export function superseded(children: BlockContent[]): RootContent {
  return withRole<Blockquote>({ type: 'blockquote', children }, 'superseded');
}

export function removed(children: BlockContent[]): RootContent {
  return withRole<Blockquote>({ type: 'blockquote', children }, 'removed');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2006-03-01' -> '1 March 2006', the same on every machine and locale. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/**
 * Collects footnote definitions once each, in first-use order, to append at a
 * document's end. Like answer blocks, they are shared between documents, not
 * copied: the trees are read-only once loaded, and copying every contribution
 * into every document doubled the merge's memory at a thousand partners.
 */
export class UsedFootnotes {
  private readonly seen = new Map<string, FootnoteDefinition>();

  add(c: Contribution): void {
    for (const f of c.footnotes) if (!this.seen.has(f.identifier)) this.seen.set(f.identifier, f);
  }

  definitions(): FootnoteDefinition[] {
    return [...this.seen.values()];
  }
}
