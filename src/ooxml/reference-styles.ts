// A reference document lends its styles to ours, as pandoc's --reference-doc
// does: word/styles.xml is taken whole, so a partnership can restyle
// everything in Word without touching YAML. The part is read with the XML
// parser: it is copied into our package as it is, so a damaged one would make
// a document Word cannot open.
import { PackageError, readPackage, type PackageLimits } from './package-reader.js';
import { decodeXmlPart, walkXml, wellFormedXml, XmlPartError, type TagSpan } from './xml-reader.js';
import { escapeXml, xml, type Xml } from './xml.js';

const STYLES_PART = 'word/styles.xml';

/** A styles part is small; one of these sizes is a damaged or hostile file. */
const LIMITS: PackageLimits = { part: 16 * 1024 * 1024, total: 16 * 1024 * 1024 };
/** Word's styles nest a handful of elements deep. */
const MAX_DEPTH = 64;

/** A reference document that cannot lend its styles: bad input (exit 2), not a bug. */
export class ReferenceDocError extends Error {}

/**
 * The markup of word/styles.xml in a .docx file.
 * @throws ReferenceDocError with a message fit for the user when the file is no .docx or has no usable styles
 */
export function readReferenceStyles(docxBytes: Uint8Array): Xml {
  let part: Uint8Array | undefined;
  try {
    part = readPackage(docxBytes, LIMITS, (name) => name === STYLES_PART).get(STYLES_PART);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    throw new ReferenceDocError(`not a readable .docx file: ${error.message}`);
  }
  if (part === undefined) throw new ReferenceDocError(`the .docx file has no ${STYLES_PART}`);
  let root: string | undefined;
  try {
    const text = decodeXmlPart(part, STYLES_PART);
    const styles = wellFormedXml(text, STYLES_PART, MAX_DEPTH, {
      open: (tag, depth) => {
        if (depth === 1) root = tag.name;
      },
    });
    if (root !== 'w:styles')
      throw new ReferenceDocError(`${STYLES_PART} in the .docx file is not a Word styles part (no <w:styles> element)`);
    return styles;
  } catch (error) {
    if (!(error instanceof XmlPartError)) throw error;
    throw new ReferenceDocError(`the .docx file is damaged: ${error.message}`);
  }
}

interface Element {
  readonly open: TagSpan;
  /** The end tag; the same span as `open` for an empty element. */
  readonly close: TagSpan;
}

/** Children of w:rPr that the schema orders after w:lang. */
const LANG_FOLLOWERS = new Set(['w:eastAsianLayout', 'w:specVanish', 'w:oMath', 'w:rPrChange']);

/** What rendering with a styles part needs to know of it, found in one reading. */
interface Layout {
  /** The style ids it defines. */
  readonly ids: Set<string>;
  readonly styles: Element;
  readonly docDefaults?: Element;
  readonly rPrDefault?: Element;
  readonly rPr?: Element;
  readonly lang?: TagSpan;
  /** The first child of that w:rPr the schema puts after w:lang. */
  readonly follower?: TagSpan;
}

const DEFAULT_RUN = 'w:styles/w:docDefaults/w:rPrDefault/w:rPr';

function read(stylesXml: Xml): Layout {
  const ids = new Set<string>();
  const found: { -readonly [K in keyof Layout]?: Layout[K] } = {};
  const path: string[] = [];
  const opened = new Map<string, TagSpan>();
  walkXml(stylesXml, STYLES_PART, MAX_DEPTH, {
    open: (tag, depth, span) => {
      path.length = depth - 1;
      const parent = path.join('/');
      path.push(tag.name);
      const at = path.join('/');
      const id = tag.attributes['w:styleId'];
      if (tag.name === 'w:style' && id !== undefined) ids.add(id);
      if (at === `${DEFAULT_RUN}/w:lang`) found.lang ??= span;
      if (parent === DEFAULT_RUN && LANG_FOLLOWERS.has(tag.name)) found.follower ??= span;
      opened.set(at, span);
    },
    close: (_, depth, span) => {
      const at = path.slice(0, depth).join('/');
      const element = { open: opened.get(at)!, close: span };
      if (at === 'w:styles') found.styles = element;
      if (at === 'w:styles/w:docDefaults') found.docDefaults ??= element;
      if (at === 'w:styles/w:docDefaults/w:rPrDefault') found.rPrDefault ??= element;
      if (at === DEFAULT_RUN) found.rPr ??= element;
    },
  });
  return { ...found, ids, styles: found.styles! };
}

/** The last styles part read: every document of a run is rendered with the same one. */
let last: { xml: Xml; layout: Layout } | undefined;

function layoutOf(stylesXml: Xml): Layout {
  if (last?.xml !== stylesXml) last = { xml: stylesXml, layout: read(stylesXml) };
  return last.layout;
}

/** The style ids a styles part defines: these are the reference's, and ours give way to them. */
export function styleIdsOf(stylesXml: Xml): Set<string> {
  return layoutOf(stylesXml).ids;
}

interface Splice {
  readonly from: number;
  readonly to: number;
  readonly insert: Xml;
}

const empty = (e: Element) => e.open === e.close;

/**
 * Where `lang` goes as the default language of every run, as pandoc sets the
 * reference's language from the document's. Elements are inserted where the
 * schema orders them: Word reports a file as corrupt when a child element is
 * out of sequence.
 */
function languageSplice(stylesXml: Xml, layout: Layout, lang: string): Splice {
  const value = escapeXml(lang);
  const langElement = xml`<w:lang w:val="${value}"/>`;
  const rPr = xml`<w:rPr>${langElement}</w:rPr>`;
  const rPrDefault = xml`<w:rPrDefault>${rPr}</w:rPrDefault>`;
  const at = (offset: number, insert: Xml) => ({ from: offset, to: offset, insert });
  const replace = (span: TagSpan, insert: Xml) => ({ from: span.start, to: span.end, insert });
  const { docDefaults, rPrDefault: run, rPr: props } = layout;
  // docDefaults is the first child of w:styles; rPrDefault comes before pPrDefault.
  if (docDefaults === undefined) return at(layout.styles.open.end, xml`<w:docDefaults>${rPrDefault}</w:docDefaults>`);
  if (empty(docDefaults)) return replace(docDefaults.open, xml`<w:docDefaults>${rPrDefault}</w:docDefaults>`);
  if (run === undefined) return at(docDefaults.open.end, rPrDefault);
  if (empty(run)) return replace(run.open, rPrDefault);
  if (props === undefined) return at(run.open.end, rPr);
  if (empty(props)) return replace(props.open, rPr);
  if (layout.lang !== undefined) {
    // Keep the East Asian and bidirectional languages the reference sets.
    const element = stylesXml.slice(layout.lang.start, layout.lang.end);
    const VAL = /\bw:val\s*=\s*("[^"]*"|'[^']*')/;
    const patched = VAL.test(element)
      ? element.replace(VAL, `w:val="${value}"`)
      : element.replace('<w:lang', `<w:lang w:val="${value}"`);
    return replace(layout.lang, patched as Xml);
  }
  return at(layout.follower?.start ?? props.close.start, langElement);
}

const apply = (text: Xml, { from, to, insert }: Splice) => (text.slice(0, from) + insert + text.slice(to)) as Xml;

/** The styles part with `lang` as the default language; the rest stays as it was, byte for byte. */
export function withDefaultLanguage(stylesXml: Xml, lang: string): Xml {
  return apply(stylesXml, languageSplice(stylesXml, layoutOf(stylesXml), lang));
}

/**
 * A reference's styles part as our package's: `lang` as the default language
 * and, at the end, the styles `own` gives for the ids the reference lacks.
 */
export function referenceStylesPart(
  stylesXml: Xml,
  lang: string,
  own: (referenceIds: ReadonlySet<string>) => Xml,
): Xml {
  const layout = layoutOf(stylesXml);
  const root = layout.styles;
  const added = own(layout.ids);
  const language = languageSplice(stylesXml, layout, lang);
  // An empty <w:styles/> is opened to take both.
  if (empty(root))
    return apply(stylesXml, {
      from: root.open.end - 2,
      to: root.open.end,
      insert: xml`>${language.insert}${added}</w:styles>`,
    });
  // The language goes in before the end of the root, so it is spliced in second.
  return apply(apply(stylesXml, { from: root.close.start, to: root.close.start, insert: added }), language);
}
