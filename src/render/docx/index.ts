// The DOCX writer: a DocumentModel (mdast plus roles) to the bytes of a .docx
// file that Word and LibreOffice open without repair, the same bytes every
// time for the same model.
//
// Warnings (a node with no Word equivalent, a missing image, an unreferenced
// footnote, characters XML cannot hold...) go to `opts.warn`, not into the
// return value, so callers that only want the bytes keep a plain
// Promise<Uint8Array>. Nothing is dropped without a warning: content that
// cannot be shown as itself is shown as text.
import type { Nodes, RootContent } from 'mdast';
import { roleOf, type DocumentModel } from '../../core/document.js';
import { renderBlocks, writeBlocks } from './blocks.js';
import { RenderContext } from './context.js';
import { BODY } from './block-env.js';
import type { Warn } from '../../core/problems.js';
import { FootnotesPart } from './footnotes.js';
import { headersAndFooters, sectionProperties } from './layout.js';
import { ListNumbering } from './numbering.js';
import {
  APP_PROPERTIES,
  contentTypes,
  coreProperties,
  packageDate,
  PACKAGE_RELATIONSHIPS,
  settings,
} from './package.js';
import { Media, Relationships } from './relationships.js';
import type { Style } from '../../core/style.js';
import { styleIdsIn, stylesXml } from './styles.js';
import { tableOfContents } from './toc.js';
import { WML_NAMESPACES, XML_DECLARATION, type Xml } from './wml.js';
import { PackageWriter } from '../../ooxml/package-writer.js';
import { xml } from '../../ooxml/xml.js';

export interface DocxOptions {
  style: Style;
  /** Image bytes by the exact `url` of the image nodes (workspace-relative paths). */
  images: ReadonlyMap<string, Uint8Array>;
  /** word/styles.xml of a reference document (see readReferenceStyles): its styles take precedence. */
  referenceStyles?: Xml;
  /** Receives one message per thing that could not be rendered as itself. */
  warn?: Warn;
}

/**
 * The package is written as the body is rendered: each top-level block's
 * markup goes to the compressor when it is made, so a document of any length
 * needs memory for its tree, not for its markup as well.
 */
export async function renderDocx(doc: DocumentModel, opts: DocxOptions): Promise<Uint8Array> {
  const tree = doc.tree;
  const zip = new PackageWriter(packageDate(doc.meta.date));
  const lists = new ListNumbering();
  const media = new Media();
  const documentRels = new Relationships();
  const footnoteRels = new Relationships();
  // Footnote content is rendered when its first reference is, with the same context, into footnotes.xml.
  const notes: FootnotesPart = new FootnotesPart(tree, (definition, env) =>
    ctx.inPart(footnoteRels, () => ctx.within(definition, () => renderBlocks(definition.children, ctx, env))),
  );
  const ctx: RenderContext = new RenderContext(
    opts.style,
    opts.images,
    media,
    lists,
    notes,
    documentRels,
    tree,
    opts.warn ?? (() => {}),
  );
  ctx.pageBreakBefore = bodyStart(tree.children);
  const meta = {
    title: ctx.clean(doc.meta.title),
    subject: ctx.clean(doc.meta.subject),
    creator: ctx.clean(doc.meta.creator),
    short: ctx.clean(doc.meta.short),
    date: doc.meta.date,
    ...(doc.meta.banner ? { banner: doc.meta.banner } : {}),
    ...(doc.meta.status ? { status: ctx.clean(doc.meta.status) } : {}),
  };

  // Only the styles the document uses go into it: every part's markup is looked through as it is made.
  const used = new Set<string>();
  const track = (markup: Xml): Xml => {
    for (const id of styleIdsIn(markup)) used.add(id);
    return markup;
  };
  const body = zip.part('word/document.xml');
  body.write(xml`${XML_DECLARATION}<w:document ${WML_NAMESPACES}><w:body>`);
  const write = (markup: Xml) => body.write(track(markup));
  const start = ctx.pageBreakBefore === undefined ? -1 : tree.children.indexOf(ctx.pageBreakBefore as RootContent);
  const contents = WITH_CONTENTS.has(doc.kind) && start > 0;
  if (contents) {
    writeBlocks(tree.children.slice(0, start), ctx, BODY, write);
    write(tableOfContents(tree.children.slice(start), ctx));
    writeBlocks(tree.children.slice(start), ctx, BODY, write);
  } else writeBlocks(tree.children, ctx, BODY, write);

  const files: [string, Xml | Uint8Array][] = [];
  /** Adds a part of word/ that the document refers to, and returns the id it refers to it by. */
  const documentPart = (type: string, name: string, markup: Xml): string => {
    files.push([`word/${name}`, track(markup)]);
    return documentRels.part(`rId_${name.replace(/\.xml$/, '')}`, type, name);
  };
  // A cover page carries neither the running header nor the page number.
  const parts = headersAndFooters(meta, ctx, ctx.pageBreakBefore !== undefined);
  const headers = {
    default: documentPart('header', 'header1.xml', parts.header),
    ...(parts.coverHeader ? { first: documentPart('header', 'header2.xml', parts.coverHeader) } : {}),
  };
  const footers = {
    default: documentPart('footer', 'footer1.xml', parts.footer),
    ...(parts.coverFooter ? { first: documentPart('footer', 'footer2.xml', parts.coverFooter) } : {}),
  };
  body.write(xml`${sectionProperties(headers, footers)}</w:body></w:document>`);
  body.end();

  documentPart('numbering', 'numbering.xml', lists.xml());
  documentPart('footnotes', 'footnotes.xml', notes.xml());
  documentPart('settings', 'settings.xml', settings(contents));
  documentPart('styles', 'styles.xml', stylesXml(opts.style, opts.referenceStyles, used));
  if (!footnoteRels.empty) files.push(['word/_rels/footnotes.xml.rels', footnoteRels.xml()]);
  files.push(
    ...media.files.map((f): [string, Uint8Array] => [f.path, f.bytes]),
    ['word/_rels/document.xml.rels', documentRels.xml()],
    ['docProps/core.xml', coreProperties(meta)],
    ['docProps/app.xml', APP_PROPERTIES],
    ['_rels/.rels', PACKAGE_RELATIONSHIPS],
  );
  for (const [name, data] of files) zip.file(name, data);
  zip.file('[Content_Types].xml', contentTypes(['word/document.xml', ...files.map(([name]) => name)]));
  ctx.finish();
  return zip.finish();
}

/** Long documents, which open with a table of contents after the cover. */
const WITH_CONTENTS: ReadonlySet<DocumentModel['kind']> = new Set(['response', 'draft']);

/** The first section heading after a cover, which starts a new page; none when there is no cover. */
function bodyStart(children: readonly Nodes[]): Nodes | undefined {
  // A heading on the cover (the draft's "How to object") is the cover's, not the body's.
  const index = children.findIndex(
    (n) => n.type === 'heading' && n.depth === 1 && roleOf(n) !== 'title' && roleOf(n) !== 'cover',
  );
  return index > 0 ? children[index] : undefined;
}
