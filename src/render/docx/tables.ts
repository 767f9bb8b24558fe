// GFM tables: a repeating, shaded header row, borders on every cell, and the
// column alignment of the Markdown delimiter row.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type FileChild,
} from 'docx';
import type { AlignType, Table as MdTable } from 'mdast';
import type { Env, RenderContext } from './context.js';
import { inlines } from './inline.js';
import { TEXT_WIDTH } from './layout.js';
import { STYLE } from './styles.js';
import { plainText } from './text.js';

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
} as const;

function alignmentOf(align: AlignType | undefined) {
  return align ? ALIGNMENT[align] : undefined;
}

export function renderTable(node: MdTable, ctx: RenderContext, env: Env): FileChild[] {
  if (node.children.length === 0) return [];
  const columns = Math.max(1, node.align?.length ?? 0, ...node.children.map((row) => row.children.length));
  const width = TEXT_WIDTH - env.indent;
  const widths = columnWidths(node, columns, width);
  const border = { style: BorderStyle.SINGLE, size: 4, color: ctx.style.colours.rule };
  const cellEnv: Env = { ...env, style: STYLE.tableText, indent: 0, styleIndent: 0, listLevel: 0 };
  const rows = node.children.map((row, index) => {
    const header = index === 0;
    const cells = Array.from({ length: columns }, (_, column) => {
      const cell = row.children[column];
      return new TableCell({
        width: { size: widths[column] ?? 0, type: WidthType.DXA },
        ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: ctx.style.colours.tableHeader } } : {}),
        children: [
          new Paragraph({
            style: STYLE.tableText,
            alignment: alignmentOf(node.align?.[column] ?? undefined),
            // Rows shorter than the header are padded, as GFM renders them.
            children: cell ? inlines(cell.children, ctx, cellEnv, header ? { bold: true } : {}) : [],
          }),
        ],
      });
    });
    return new TableRow({ tableHeader: header, cantSplit: true, children: cells });
  });
  return [
    new Table({
      rows,
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      ...(env.indent > 0 ? { indent: { size: env.indent, type: WidthType.DXA } } : {}),
    }),
    // Word runs a table into the next paragraph (and two tables into one) without a paragraph between.
    new Paragraph({ style: env.style, spacing: { before: 0, after: 0 }, ...(env.indent > 0 ? { indent: { left: env.indent } } : {}) }),
  ];
}

/**
 * Column widths in twips from the content: each column in proportion to its
 * longest cell, between 4 and 40 characters' worth, so a column of numbers
 * stays narrow and a column of prose gets the room. They add up to `width`.
 */
function columnWidths(node: MdTable, columns: number, width: number): number[] {
  const wants = Array.from({ length: columns }, (_, column) =>
    Math.min(40, Math.max(4, ...node.children.map((row) => plainText(row.children[column]).length))),
  );
  const total = wants.reduce((a, b) => a + b, 0);
  const out = wants.map((w) => Math.floor((w / total) * width));
  out[out.length - 1] = width - out.slice(0, -1).reduce((a, b) => a + b, 0);
  return out;
}
