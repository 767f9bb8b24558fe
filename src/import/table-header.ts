// Word tables have a header row only when someone ticks "Repeat as header
// row", which few do; GFM tables always have one. A table without a marked
// header gets its first row as the header (an empty header row would show as
// an empty shaded row on every page), and the import says so unless the first
// row is plainly a header: all bold, or the only row that looks like one.
import type { Element, ElementContent, Root } from 'hast';

/** How a table's header row was found: marked in Word, recognised, or taken on trust (reported); 'empty' for a table with no text at all. */
export type HeaderRow = 'marked' | 'recognised' | 'first-row' | 'empty';

/** The hast property that carries a table's HeaderRow to the mdast handler. */
export const HEADER_ROW = 'dataHeaderRow';

const elements = (node: Element | Root): Element[] =>
  (node.children as ElementContent[]).filter((c): c is Element => c.type === 'element');

/** The table's own rows, not those of tables nested in its cells. */
function rows(table: Element): Element[] {
  return elements(table).flatMap((c) =>
    c.tagName === 'tr'
      ? [c]
      : ['thead', 'tbody', 'tfoot'].includes(c.tagName)
        ? elements(c).filter((r) => r.tagName === 'tr')
        : [],
  );
}

const cells = (row: Element) => elements(row).filter((c) => c.tagName === 'td' || c.tagName === 'th');

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** Whether every visible character of the node is inside <strong> or <b>. */
function allBold(node: ElementContent): boolean {
  if (node.type === 'text') return node.value.trim() === '';
  if (node.type !== 'element') return true;
  if (node.tagName === 'strong' || node.tagName === 'b') return true;
  return node.children.every(allBold);
}

/** A row that reads as column titles: every cell a short label of one paragraph, none a sentence or a figure. */
function headerLike(row: Element): boolean {
  return cells(row).every((cell) => {
    const text = textOf(cell).replace(/\s+/g, ' ').trim();
    const blocks = elements(cell).filter((c) => c.tagName !== 'br');
    return (
      text !== '' && text.length <= 40 && blocks.length <= 1 && !/[.;!?]$/.test(text) && !/^[\d\s.,%£$€+-]+$/.test(text)
    );
  });
}

/** The first row's bold, which a header row shows anyway. */
function unbold(node: Element): void {
  node.children = node.children.flatMap((c) =>
    c.type === 'element' && (c.tagName === 'strong' || c.tagName === 'b') ? c.children : [c],
  );
  for (const c of elements(node)) unbold(c);
}

function giveHeader(table: Element): HeaderRow {
  const all = rows(table);
  if (
    all.some((r) => elements(r).some((c) => c.tagName === 'th')) ||
    elements(table).some((c) => c.tagName === 'thead')
  )
    return 'marked';
  // Empty rows at the top (space left above a table) are no header.
  const first = all.find((r) => cells(r).some((c) => textOf(c).trim() !== ''));
  for (const r of all) {
    if (r === first) break;
    for (const parent of [table, ...elements(table)]) parent.children = parent.children.filter((c) => c !== r);
  }
  if (!first) return 'empty';
  const bold =
    cells(first).every((c) => textOf(c).trim() === '' || allBold(c)) &&
    cells(first).some((c) => textOf(c).trim() !== '');
  const rest = all.slice(all.indexOf(first) + 1);
  const verdict: HeaderRow =
    bold || (headerLike(first) && rest.length > 0 && !rest.some(headerLike)) ? 'recognised' : 'first-row';
  for (const cell of cells(first)) {
    cell.tagName = 'th';
    if (bold) unbold(cell);
  }
  return verdict;
}

/** Gives every table in the tree a header row, noting on each how it was found. */
export function giveTablesHeaders(tree: Root | Element): void {
  for (const child of elements(tree)) {
    if (child.tagName === 'table') child.properties[HEADER_ROW] = giveHeader(child);
    giveTablesHeaders(child);
  }
}
