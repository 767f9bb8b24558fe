// GFM tables: a repeating, shaded header row, borders on every cell, and the
// column alignment of the Markdown delimiter row.
import type { Table as MdTable } from 'mdast';
import type { Env, RenderContext } from './context.js';
import { inlines } from './inline.js';
import { TEXT_WIDTH } from './layout.js';
import { STYLE } from './styles.js';
import { plainText } from './text.js';
import { EMPTY_XML, escapeXml, joinXml, xml } from '../../ooxml/xml.js';
import { paragraph, type Xml } from './wml.js';

const dxa = (name: 'w:tcW' | 'w:tblInd' | 'w:tblW', size: number) => xml`<${escapeXml(name)} w:type="dxa" w:w="${size}"/>`;

export function renderTable(node: MdTable, ctx: RenderContext, env: Env): Xml {
  if (node.children.length === 0) return EMPTY_XML;
  const columns = Math.max(1, node.align?.length ?? 0, ...node.children.map((row) => row.children.length));
  const width = TEXT_WIDTH - env.indent;
  const widths = columnWidths(node, columns, width, ctx.style.sizes.body);
  const border = xml`w:val="single" w:color="${escapeXml(ctx.style.colours.rule)}" w:sz="4"`;
  const borders = joinXml(['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => xml`<w:${escapeXml(side)} ${border}/>`));
  const cellEnv: Env = { ...env, style: STYLE.tableText, indent: 0, styleIndent: 0, listLevel: 0 };
  const rows: Xml[] = [];
  for (const [index, row] of node.children.entries()) {
    const header = index === 0;
    rows.push(xml`<w:tr><w:trPr><w:cantSplit/>${header ? xml`<w:tblHeader/>` : xml`<w:tblHeader w:val="off"/>`}</w:trPr>`);
    for (let column = 0; column < columns; column += 1) {
      const cell = row.children[column];
      const shading = header ? xml`<w:shd w:fill="${escapeXml(ctx.style.colours.tableHeader)}" w:color="auto" w:val="clear"/>` : EMPTY_XML;
      // Rows shorter than the header are padded, as GFM renders them.
      const content = cell ? inlines(cell.children, ctx, cellEnv, header ? { bold: true } : {}) : EMPTY_XML;
      rows.push(xml`<w:tc><w:tcPr>${dxa('w:tcW', widths[column] ?? 0)}${shading}</w:tcPr>${paragraph({ style: STYLE.tableText, alignment: node.align?.[column] ?? undefined }, content)}</w:tc>`);
    }
    rows.push(xml`</w:tr>`);
  }
  const indent = env.indent > 0 ? dxa('w:tblInd', env.indent) : EMPTY_XML;
  const grid = joinXml(widths.map((w) => xml`<w:gridCol w:w="${w}"/>`));
  // Word runs a table into the next paragraph (and two tables into one) without a paragraph between.
  const after = paragraph({ style: env.style, spacing: { before: 0, after: 0 }, ...(env.indent > 0 ? { indent: { left: env.indent } } : {}) });
  return xml`<w:tbl><w:tblPr>${dxa('w:tblW', width)}${indent}<w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${joinXml(rows)}</w:tbl>${after}`;
}

/** A character's width in twips at `points`, 0.55 em (Arial lower case averages about 0.5), and Word's default cell margins. */
const charTwips = (points: number) => points * 20 * 0.55;
const CELL_MARGINS = 2 * 108;

/**
 * Column widths in twips from the content: each column in proportion to its
 * longest cell, between 4 and 40 characters' worth, so a column of numbers
 * stays narrow and a column of prose gets the room. No column is narrower than
 * its longest word when the words fit side by side (ids such as
 * preamble/kc-business must not break); the room comes from the columns that
 * have more than they need. They add up to `width`.
 */
function columnWidths(node: MdTable, columns: number, width: number, points: number): number[] {
  const cells = (column: number) => node.children.map((row) => plainText(row.children[column]));
  const wants = Array.from({ length: columns }, (_, column) => Math.min(40, Math.max(4, ...cells(column).map((t) => t.length))));
  const total = wants.reduce((a, b) => a + b, 0);
  const out = wants.map((w) => Math.floor((w / total) * width));
  const floors = Array.from({ length: columns }, (_, column) => Math.ceil(Math.max(0, ...cells(column).flatMap((t) => t.split(/\s+/).map((w) => w.length))) * charTwips(points)) + CELL_MARGINS);
  const short = floors.reduce((sum, floor, i) => sum + Math.max(0, floor - out[i]!), 0);
  const spare = floors.reduce((sum, floor, i) => sum + Math.max(0, out[i]! - floor), 0);
  if (short > 0 && short <= spare) {
    for (let i = 0; i < columns; i += 1) {
      const room = out[i]! - floors[i]!;
      out[i] = room < 0 ? floors[i]! : out[i]! - Math.ceil((room / spare) * short);
    }
  }
  out[out.length - 1] = width - out.slice(0, -1).reduce((a, b) => a + b, 0);
  return out;
}
