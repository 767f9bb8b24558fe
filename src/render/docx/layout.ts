// The page: A4 with 2.54 cm margins, and the running header and footer made
// from the house style's templates.
import type { DocumentMeta } from '../../core/document.js';
import type { RenderContext } from './context.js';
import { STYLE } from './styles.js';
import { EMPTY_XML, escapeXml, joinXml, xml } from '../../ooxml/xml.js';
import { fieldRuns, paragraph, textRun, WML_NAMESPACES, XML_DECLARATION, type Xml } from './wml.js';

/** A4 in twips (1/1440 inch), with 1 inch (2.54 cm) margins. */
const PAGE = { width: 11906, height: 16838, margin: 1440 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const TEXT_HEIGHT = PAGE.height - 2 * PAGE.margin;

/** The page size and margins, and the headers and footers by relationship id; a first-page header gives the cover its own (titlePg). */
export function sectionProperties(
  headers: { default: string; first?: string },
  footers: { default: string; first?: string },
): Xml {
  const reference = (kind: 'header' | 'footer', type: 'default' | 'first', id: string | undefined) =>
    id === undefined
      ? EMPTY_XML
      : xml`<w:${escapeXml(kind)}Reference w:type="${escapeXml(type)}" r:id="${escapeXml(id)}"/>`;
  const references = joinXml([
    reference('header', 'default', headers.default),
    reference('header', 'first', headers.first),
    reference('footer', 'default', footers.default),
    reference('footer', 'first', footers.first),
  ]);
  const margin = PAGE.margin;
  return xml`<w:sectPr>${references}<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/><w:pgMar w:top="${margin}" w:right="${margin}" w:bottom="${margin}" w:left="${margin}" w:header="709" w:footer="709" w:gutter="0"/>${headers.first === undefined ? EMPTY_XML : xml`<w:titlePg/>`}<w:docGrid w:linePitch="360"/></w:sectPr>`;
}

type Piece = { text: string } | { field: string };

const FIELDS: Record<string, string> = {
  page: 'PAGE',
  pages: 'NUMPAGES',
};

/** Separators left dangling at either end when a placeholder is empty (a workspace without a short name). */
const DANGLING_START = /^[\s·|:–—-]+/;
const DANGLING_END = /[\s·|:–—-]+$/;

/** The runs for a header or footer template. Placeholders were checked when the style was loaded. */
function templateRuns(template: string, meta: DocumentMeta, ctx: RenderContext): Xml {
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
  return joinXml(
    merged.map((piece) => {
      // The stored value is the first page's: what a reader that never updates fields shows.
      if ('field' in piece) return fieldRuns(piece.field, '1');
      const text = ctx.clean(piece.text);
      return text === '' ? EMPTY_XML : textRun(text);
    }),
  );
}

/** The banner line of a document that has one (the draft's "DRAFT - not for submission"), for every page's header. */
function banner(meta: DocumentMeta, ctx: RenderContext): Xml {
  return meta.banner ? paragraph({ style: STYLE.header }, textRun(ctx.clean(meta.banner), { bold: true })) : EMPTY_XML;
}

const part = (root: 'hdr' | 'ftr', content: Xml) =>
  xml`${XML_DECLARATION}<w:${escapeXml(root)} ${WML_NAMESPACES}>${content}</w:${escapeXml(root)}>`;

/**
 * The header and footer parts: the running ones, and for a document with a
 * cover the cover's own, which carry neither the running header nor the page
 * number, but do carry a banner (the draft's is on every page).
 */
export function headersAndFooters(
  meta: DocumentMeta,
  ctx: RenderContext,
  cover: boolean,
): { header: Xml; footer: Xml; coverHeader?: Xml; coverFooter?: Xml } {
  const { style } = ctx;
  const running = {
    header: part(
      'hdr',
      joinXml([banner(meta, ctx), paragraph({ style: STYLE.header }, templateRuns(style.header.text, meta, ctx))]),
    ),
    footer: part('ftr', paragraph({ style: STYLE.footer }, templateRuns(style.footer.text, meta, ctx))),
  };
  if (!cover) return running;
  return {
    ...running,
    coverHeader: part('hdr', banner(meta, ctx) || paragraph({})),
    coverFooter: part('ftr', paragraph({})),
  };
}
