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
  const columnWidth = Math.floor(width / columns);
  const border = { style: BorderStyle.SINGLE, size: 4, color: ctx.style.colours.rule };
  const cellEnv: Env = { ...env, style: STYLE.tableText, indent: 0, styleIndent: 0, listLevel: 0 };
  const rows = node.children.map((row, index) => {
    const header = index === 0;
    const cells = Array.from({ length: columns }, (_, column) => {
      const cell = row.children[column];
      return new TableCell({
        width: { size: columnWidth, type: WidthType.DXA },
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
      columnWidths: Array.from({ length: columns }, () => columnWidth),
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
  ];
}
