// The DOCX writer: a DocumentModel (mdast plus roles) to the bytes of a .docx
// file that Word and LibreOffice open without repair, the same bytes every
// time for the same model.
//
// Warnings (a node with no Word equivalent, a missing image, an unreferenced
// footnote, characters XML cannot hold...) go to `opts.warn`, not into the
// return value, so callers that only want the bytes keep a plain
// Promise<Uint8Array>. Nothing is dropped without a warning: content that
// cannot be shown as itself is shown as text.
import { Document, Footer, Header, Paragraph, type FileChild } from 'docx';
import type { Nodes } from 'mdast';
import { roleOf, type DocumentModel } from '../../document.js';
import { renderBlocks } from './blocks.js';
import { BODY, RenderContext } from './context.js';
import type { Warn } from '../../problems.js';
import { Footnotes } from './footnotes.js';
import { bannerParagraphs, headerAndFooter, sectionProperties } from './layout.js';
import { ListNumbering } from './lists.js';
import { fixForWord } from './word-fixes.js';
import { packDeterministic } from './package.js';
import { ReferenceDocError, styleIdsOf, withDefaultLanguage } from './reference.js';
import type { Style } from '../../load/style.js';
import { LANGUAGE, stylesFor } from './styles.js';

export interface DocxOptions {
  style: Style;
  /** Image bytes by the exact `url` of the image nodes (workspace-relative paths). */
  images: ReadonlyMap<string, Uint8Array>;
  /** word/styles.xml of a reference document (see readReferenceStyles): its styles take precedence. */
  referenceStyles?: string;
  /** Receives one message per thing that could not be rendered as itself. */
  warn?: Warn;
}

export async function renderDocx(doc: DocumentModel, opts: DocxOptions): Promise<Uint8Array> {
  const tree = doc.tree;
  const lists = new ListNumbering();
  // Footnote content is rendered when its first reference is, with the same context.
  const notes: Footnotes = new Footnotes(tree, (definition, env): FileChild[] => ctx.within(definition, () => renderBlocks(definition.children, ctx, env)));
  const ctx: RenderContext = new RenderContext(opts.style, opts.images, lists, notes, tree, opts.warn ?? (() => {}));
  ctx.pageBreakBefore = bodyStart(tree.children);
  const meta = {
    title: ctx.clean(doc.meta.title),
    subject: ctx.clean(doc.meta.subject),
    creator: ctx.clean(doc.meta.creator),
    short: ctx.clean(doc.meta.short),
    date: doc.meta.date,
    ...(doc.meta.banner ? { banner: doc.meta.banner } : {}),
  };
  const reference = opts.referenceStyles;
  const bytes = await packDeterministic(() => {
    const children = renderBlocks(tree.children, ctx, BODY);
    const { header, footer } = headerAndFooter(meta, ctx);
    // A cover page carries neither the running header nor the page number.
    const cover = ctx.pageBreakBefore !== undefined;
    // A banner (the draft's) is on every page, the cover's too.
    const banner = bannerParagraphs(meta, ctx);
    const blank = { headers: { first: new Header({ children: banner.length > 0 ? banner : [new Paragraph({})] }) }, footers: { first: new Footer({ children: [new Paragraph({})] }) } };
    try {
      const document = new Document({
        ...(reference === undefined ? {} : { externalStyles: withDefaultLanguage(reference, LANGUAGE) }),
        styles: stylesFor(opts.style, reference === undefined ? null : styleIdsOf(reference)),
        numbering: { config: lists.config },
        footnotes: notes.written,
        sections: [
          {
            properties: { ...sectionProperties(), ...(cover ? { titlePage: true } : {}) },
            headers: { default: header, ...(cover ? blank.headers : {}) },
            footers: { default: footer, ...(cover ? blank.footers : {}) },
            children,
          },
        ],
      });
      fixForWord(document);
      return document;
    } catch (error) {
      if (reference === undefined) throw error;
      throw new ReferenceDocError(`its styles cannot be used: ${(error as Error).message}`);
    }
  }, meta);
  ctx.finish();
  return bytes;
}

/** The first section heading after a cover, which starts a new page; none when there is no cover. */
function bodyStart(children: readonly Nodes[]): Nodes | undefined {
  const index = children.findIndex((n) => n.type === 'heading' && n.depth === 1 && roleOf(n) !== 'title');
  return index > 0 ? children[index] : undefined;
}
