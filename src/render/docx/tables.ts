// GFM tables: a repeating, shaded header row, borders on every cell, and the
// column alignment of the Markdown delimiter row.
import type { Table as MdTable } from 'mdast';
import { answerOf } from '../../core/document.js';
import type { RenderContext } from './context.js';
import type { BlockEnv } from './block-env.js';
import { answerControl } from './controls.js';
import { inlines } from './inline.js';
import { TEXT_WIDTH } from './layout.js';
import { STYLE } from './styles.js';
import { plainText } from './text.js';
import { EMPTY_XML, escapeXml, joinXml, xml } from '../../ooxml/xml.js';
import { paragraph, type Xml } from './wml.js';

const dxa = (name: 'w:tcW' | 'w:tblInd' | 'w:tblW', size: number) =>
  xml`<${escapeXml(name)} w:type="dxa" w:w="${size}"/>`;

export function renderTable(node: MdTable, ctx: RenderContext, env: BlockEnv): Xml {
  if (node.children.length === 0) return EMPTY_XML;
  const columns = Math.max(1, node.align?.length ?? 0, ...node.children.map((row) => row.children.length));
  const width = TEXT_WIDTH - env.indent;
  const widths = columnWidths(node, columns, width, ctx.style.sizes.body);
  const border = xml`w:val="single" w:color="${escapeXml(ctx.style.colours.rule)}" w:sz="4"`;
  const borders = joinXml(
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => xml`<w:${escapeXml(side)} ${border}/>`),
  );
  const cellEnv: BlockEnv = { ...env, style: STYLE.tableText, indent: 0, styleIndent: 0, listLevel: 0 };
  const rows: Xml[] = [];
  for (const [index, row] of node.children.entries()) {
    const header = index === 0;
    rows.push(
      xml`<w:tr><w:trPr><w:cantSplit/>${header ? xml`<w:tblHeader/>` : xml`<w:tblHeader w:val="off"/>`}</w:trPr>`,
    );
    for (let column = 0; column < columns; column += 1) {
      const cell = row.children[column];
      const shading = header
        ? xml`<w:shd w:fill="${escapeXml(ctx.style.colours.tableHeader)}" w:color="auto" w:val="clear"/>`
        : EMPTY_XML;
      const props = { style: STYLE.tableText, alignment: node.align?.[column] ?? undefined };
      const area = cell && answerOf(cell);
      // Rows shorter than the header are padded, as GFM renders them.
      const content = area
        ? answerControl(area, plainText(cell), props, ctx)
        : paragraph(props, cell ? inlines(cell.children, ctx, cellEnv, header ? { bold: true } : {}) : EMPTY_XML);
      rows.push(xml`<w:tc><w:tcPr>${dxa('w:tcW', widths[column] ?? 0)}${shading}</w:tcPr>${content}</w:tc>`);
    }
    rows.push(xml`</w:tr>`);
  }
  const indent = env.indent > 0 ? dxa('w:tblInd', env.indent) : EMPTY_XML;
  const grid = joinXml(widths.map((w) => xml`<w:gridCol w:w="${w}"/>`));
  // Space around the table comes from the styles; blocks.ts puts a paragraph between two tables.
  return xml`<w:tbl><w:tblPr>${dxa('w:tblW', width)}${indent}<w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${joinXml(rows)}</w:tbl>`;
}

/** Twips a character of bold body text may take, generously (Arial's widest common letters), and the cell's own margins. */
const CHARACTER_EM = 0.62;
const CELL_MARGINS = 2 * 108;

/**
 * Column widths in twips from the content. Each column is first as wide as
 * its longest word, so no word is broken inside it ("Lead partne/r"); the rest
 * of the width goes to the columns in proportion to their longest cell,
 * between 4 and 40 characters' worth, so a column of numbers stays narrow and
 * a column of prose gets the room. They add up to `width`; only words too
 * long for the page between them (web addresses) are broken.
 */
function columnWidths(node: MdTable, columns: number, width: number, bodySize: number): number[] {
  const perCharacter = bodySize * 20 * CHARACTER_EM;
  const texts = Array.from({ length: columns }, (_, column) =>
    node.children.map((row) => plainText(row.children[column])),
  );
  const words = texts.map(
    (cells) =>
      Math.ceil(Math.max(0, ...cells.flatMap((t) => t.split(/\s+/).map((w) => w.length))) * perCharacter) +
      CELL_MARGINS,
  );
  const wants = texts.map((cells) => Math.min(40, Math.max(4, ...cells.map((t) => t.length))));
  const least = words.reduce((a, b) => a + b, 0);
  const share = (weights: number[], room: number) => {
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => Math.floor((w / total) * room));
  };
  const out =
    least >= width ? share(words, width) : share(wants, width - least).map((extra, i) => extra + (words[i] ?? 0));
  out[out.length - 1] = width - out.slice(0, -1).reduce((a, b) => a + b, 0);
  return out;
}
