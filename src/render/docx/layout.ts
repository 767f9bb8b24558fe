// The page: A4 with 2.54 cm margins, and the running header and footer made
// from the house style's templates.
import { Footer, Header, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionPropertiesOptions } from 'docx';
import type { DocumentMeta } from '../../document.js';
import type { RenderContext } from './context.js';
import { STYLE } from './styles.js';

/** A4 in twips (1/1440 inch), with 1 inch (2.54 cm) margins. */
const PAGE = { width: 11906, height: 16838, margin: 1440 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const TEXT_HEIGHT = PAGE.height - 2 * PAGE.margin;

export function sectionProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
      margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, header: 709, footer: 709, gutter: 0 },
    },
  };
}

type Piece = { text: string } | { field: (typeof PageNumber)[keyof typeof PageNumber] };

const FIELDS: Record<string, (typeof PageNumber)[keyof typeof PageNumber]> = {
  page: PageNumber.CURRENT,
  pages: PageNumber.TOTAL_PAGES,
};

/** Separators left dangling at either end when a placeholder is empty (a workspace without a short name). */
const DANGLING_START = /^[\s·|:–—-]+/;
const DANGLING_END = /[\s·|:–—-]+$/;

/**
 * The runs for a header or footer template. Placeholders were checked when the
 * style was loaded. Page fields go in as docx field children; everything else
 * goes in as `text`, because docx turns a child string that equals a field
 * name ("CURRENT") into that field.
 */
function templateRuns(template: string, meta: DocumentMeta, ctx: RenderContext): TextRun[] {
  const pieces: Piece[] = [];
  for (const [index, part] of template.split(/\{(\w+)\}/).entries()) {
    const field = Object.hasOwn(FIELDS, part) ? FIELDS[part] : undefined;
    if (index % 2 === 0) pieces.push({ text: part });
    else if (field) pieces.push({ field });
    else pieces.push({ text: Object.hasOwn(meta, part) ? String(meta[part as keyof DocumentMeta]) : `{${part}}` });
  }
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if ('text' in piece && last && 'text' in last) last.text += piece.text;
    else merged.push({ ...piece });
  }
  const first = merged[0];
  if (first && 'text' in first) first.text = first.text.replace(DANGLING_START, '');
  const final = merged.at(-1);
  if (final && 'text' in final) final.text = final.text.replace(DANGLING_END, '');
  return merged.flatMap((piece) => {
    if ('field' in piece) return [new TextRun({ children: [piece.field] })];
    const text = ctx.clean(piece.text);
    return text === '' ? [] : [new TextRun({ text })];
  });
}

/** The banner line of a document that has one (the draft's "DRAFT - not for submission"), for every page's header. */
export function bannerParagraphs(meta: DocumentMeta, ctx: RenderContext): Paragraph[] {
  return meta.banner ? [new Paragraph({ style: STYLE.header, children: [new TextRun({ text: ctx.clean(meta.banner), bold: true })] })] : [];
}

export function headerAndFooter(meta: DocumentMeta, ctx: RenderContext): { header: Header; footer: Footer } {
  const { style } = ctx;
  return {
    header: new Header({
      children: [...bannerParagraphs(meta, ctx), new Paragraph({ style: STYLE.header, children: templateRuns(style.header.text, meta, ctx) })],
    }),
    footer: new Footer({
      children: [new Paragraph({ style: STYLE.footer, children: templateRuns(style.footer.text, meta, ctx) })],
    }),
  };
}
