// Word styles from the house style. Every presentation choice lives in a named
// style rather than on paragraphs, so a reference document, or a user in Word,
// can restyle a whole document by editing one style. Headings keep Word's
// built-in ids (Heading1...) so the navigation pane and tables of contents work.
import type { Style } from '../../load/style.js';
import { referenceStylesPart } from '../../ooxml/reference-styles.js';
import { EMPTY_XML, escapeXml, joinXml, xml, type Xml } from '../../ooxml/xml.js';
import { FOOTNOTE_REFERENCE_STYLE, paragraphProps, runProps, val, WML_NAMESPACES, XML_DECLARATION, type Border, type ParagraphProps, type RunProps } from './wml.js';

export const LANGUAGE = 'en-GB';

/** Style ids the renderer refers to. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  cover: 'Cover',
  question: 'Question',
  part: 'QuestionPart',
  attribution: 'Attribution',
  superseded: 'Superseded',
  removed: 'Removed',
  abstention: 'Abstention',
  note: 'Note',
  formNote: 'FormNote',
  quote: 'Quote',
  code: 'SourceCode',
  rule: 'HorizontalRule',
  tableText: 'TableText',
  footnoteText: 'FootnoteText',
  header: 'Header',
  footer: 'Footer',
  verbatim: 'VerbatimChar',
  strong: 'Strong',
  defaultFont: 'DefaultParagraphFont',
  hyperlink: 'Hyperlink',
  heading: (depth: number) => `Heading${depth}`,
} as const;

/** One w:style: what Word shows in its style gallery. */
export interface StyleDefinition {
  readonly id: string;
  readonly name: string;
  readonly basedOn?: string;
  readonly next?: string;
  readonly uiPriority?: number;
  readonly semiHidden?: boolean;
  readonly unhideWhenUsed?: boolean;
  readonly quickFormat?: boolean;
  readonly run?: RunProps;
  readonly paragraph?: ParagraphProps;
}

/** Quotations indent by 1 cm per level, in twips. */
export const QUOTE_INDENT = 567;

const halfPoints = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);

function paragraphStyles(s: Style): StyleDefinition[] {
  const body = { spacing: { after: twips(s.spacing.after) } };
  const heading = (depth: number, size: number, extra: { italics?: boolean } = {}): StyleDefinition => ({
    id: STYLE.heading(depth),
    // Word recognises its built-in styles by these lower-case names.
    name: `heading ${depth}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: s.fonts.headings, size: halfPoints(size), color: s.colours.headings, bold: true, ...extra },
    paragraph: {
      spacing: { before: twips(s.spacing.headingBefore), after: twips(s.spacing.headingAfter) },
      keepNext: true,
      keepLines: true,
      outlineLevel: depth - 1,
    },
  });
  const rule: Border = { size: 6, color: s.colours.rule, space: 1 };
  return [
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: s.fonts.headings, size: halfPoints(s.sizes.title), color: s.colours.title, bold: true },
      paragraph: { spacing: { before: twips(72), after: twips(12) } },
    },
    {
      id: STYLE.subtitle,
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: s.fonts.headings, size: halfPoints(s.sizes.subtitle), color: s.colours.title },
      paragraph: { spacing: { after: twips(18) } },
    },
    { id: STYLE.cover, name: 'Cover', basedOn: 'Normal', next: 'Normal', paragraph: body },
    heading(1, s.sizes.heading1),
    heading(2, s.sizes.heading2),
    heading(3, s.sizes.heading3),
    heading(4, s.sizes.minorHeading),
    heading(5, s.sizes.minorHeading, { italics: true }),
    heading(6, s.sizes.minorHeading, { italics: true }),
    {
      id: STYLE.question,
      name: 'Question',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: s.colours.question },
      paragraph: {
        ...body,
        shading: s.colours.questionShading,
        keepNext: true,
      },
    },
    {
      id: STYLE.part,
      name: 'Question Part',
      basedOn: STYLE.question,
      next: 'Normal',
      paragraph: { indent: { left: 360 } },
    },
    {
      id: STYLE.attribution,
      name: 'Attribution',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: halfPoints(s.sizes.small), color: s.colours.muted },
      paragraph: { spacing: { before: twips(6), after: twips(2) }, keepNext: true },
    },
    {
      id: STYLE.superseded,
      name: 'Superseded',
      basedOn: 'Normal',
      next: 'Normal',
      run: { color: s.colours.muted },
      paragraph: { ...body, indent: { left: QUOTE_INDENT }, border: { left: { ...rule, size: 18, space: 8 } } },
    },
    {
      // Shaded as well as set apart, so removed text cannot be mistaken for the response's.
      id: STYLE.removed,
      name: 'Removed',
      basedOn: 'Normal',
      next: 'Normal',
      run: { color: s.colours.muted },
      paragraph: { ...body, indent: { left: QUOTE_INDENT }, border: { left: { ...rule, size: 18, space: 8 } }, shading: 'EDEDED' },
    },
    { id: STYLE.abstention, name: 'Abstention', basedOn: 'Normal', next: 'Normal', run: { italics: true }, paragraph: body },
    {
      id: STYLE.note,
      name: 'Note',
      basedOn: 'Normal',
      next: 'Normal',
      run: { italics: true, color: s.colours.muted },
      paragraph: body,
    },
    // Its name is how import recognises the form's own text: keep them in step (src/import/word-html.ts).
    { id: STYLE.formNote, name: 'Form Note', basedOn: 'Normal', next: 'Normal', run: { italics: true, color: s.colours.muted }, paragraph: body },
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { ...body, indent: { left: QUOTE_INDENT }, border: { left: { ...rule, size: 12, space: 8 } } },
    },
    {
      // pandoc reads and writes code blocks with this style name.
      id: STYLE.code,
      name: 'Source Code',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: s.fonts.monospace, size: halfPoints(s.sizes.code) },
      paragraph: {
        spacing: { after: twips(s.spacing.after), line: 240, lineRule: 'auto' },
        shading: s.colours.codeShading,
        contextualSpacing: true,
      },
    },
    {
      id: STYLE.rule,
      name: 'Horizontal Rule',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { spacing: { after: twips(s.spacing.after) }, border: { bottom: rule } },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      next: STYLE.tableText,
      paragraph: { spacing: { before: twips(2), after: twips(2), line: 240, lineRule: 'auto' } },
    },
    {
      id: STYLE.footnoteText,
      name: 'footnote text',
      basedOn: 'Normal',
      next: STYLE.footnoteText,
      run: { size: halfPoints(s.sizes.small) },
      paragraph: { spacing: { after: 0, line: 240, lineRule: 'auto' } },
    },
    {
      id: STYLE.header,
      name: 'header',
      basedOn: 'Normal',
      run: { size: halfPoints(s.sizes.small), color: s.colours.muted },
      paragraph: { spacing: { after: 0 }, alignment: 'right' },
    },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      run: { size: halfPoints(s.sizes.small), color: s.colours.muted },
      paragraph: { spacing: { after: 0 }, alignment: 'center' },
    },
  ];
}

function characterStyles(s: Style): StyleDefinition[] {
  return [
    // Word's built-in Strong, a character style, so bold text can be restyled in one place.
    { id: STYLE.strong, name: 'Strong', basedOn: STYLE.defaultFont, uiPriority: 22, quickFormat: true, run: { bold: true } },
    {
      // pandoc reads inline code back by this style name.
      id: STYLE.verbatim,
      name: 'Verbatim Char',
      run: { font: s.fonts.monospace, size: halfPoints(s.sizes.code) },
    },
    {
      id: STYLE.hyperlink,
      name: 'Hyperlink',
      run: { color: s.colours.link, underline: true },
    },
  ];
}

/** Styles Word expects in every document: the defaults paragraphs, tables and runs fall back on, and the footnote mark. */
interface TypedStyle {
  readonly type: 'paragraph' | 'character' | 'table';
  readonly definition: StyleDefinition;
  /** The style of its type that everything without a style of its own has. */
  readonly default?: true;
}

const BASE_STYLES: TypedStyle[] = [
  { type: 'paragraph', definition: { id: 'Normal', name: 'Normal', quickFormat: true }, default: true },
  { type: 'character', definition: { id: STYLE.defaultFont, name: 'Default Paragraph Font', uiPriority: 1, semiHidden: true, unhideWhenUsed: true }, default: true },
  { type: 'table', definition: { id: 'TableNormal', name: 'Normal Table', uiPriority: 99, semiHidden: true, unhideWhenUsed: true }, default: true },
  { type: 'paragraph', definition: { id: 'ListParagraph', name: 'List Paragraph', basedOn: 'Normal', quickFormat: true } },
  {
    type: 'character',
    definition: { id: FOOTNOTE_REFERENCE_STYLE, name: 'footnote reference', basedOn: STYLE.defaultFont, uiPriority: 99, semiHidden: true, unhideWhenUsed: true, run: { superscript: true } },
  },
];

const TABLE_NORMAL_PROPERTIES = xml`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>`;

function styleXml(type: 'paragraph' | 'character' | 'table', s: StyleDefinition, isDefault = false): Xml {
  return joinXml([
    xml`<w:style w:type="${escapeXml(type)}" w:styleId="${escapeXml(s.id)}"${isDefault ? xml` w:default="1"` : EMPTY_XML}>`,
    val('w:name', s.name),
    s.basedOn === undefined ? EMPTY_XML : val('w:basedOn', s.basedOn),
    s.next === undefined ? EMPTY_XML : val('w:next', s.next),
    s.uiPriority === undefined ? EMPTY_XML : val('w:uiPriority', s.uiPriority),
    s.semiHidden ? xml`<w:semiHidden/>` : EMPTY_XML,
    s.unhideWhenUsed ? xml`<w:unhideWhenUsed/>` : EMPTY_XML,
    s.quickFormat ? xml`<w:qFormat/>` : EMPTY_XML,
    type === 'paragraph' && s.paragraph ? paragraphProps(s.paragraph) : EMPTY_XML,
    s.run ? runProps(s.run) : EMPTY_XML,
    type === 'table' ? TABLE_NORMAL_PROPERTIES : EMPTY_XML,
    xml`</w:style>`,
  ]);
}

/** The w:style elements of the house style (and the base styles), leaving out the ids in `skip`. */
function houseStyles(style: Style, skip: ReadonlySet<string>): Xml {
  const own: TypedStyle[] = [
    ...BASE_STYLES,
    ...paragraphStyles(style).map((definition) => ({ type: 'paragraph' as const, definition })),
    ...characterStyles(style).map((definition) => ({ type: 'character' as const, definition })),
  ];
  return joinXml(own.filter((s) => !skip.has(s.definition.id)).map((s) => styleXml(s.type, s.definition, s.default)));
}

/**
 * word/styles.xml for the house style. With a reference document's styles
 * part, the reference's styles win, as with pandoc: ours only fill in the ids
 * it lacks, and its document defaults stand (with the document's language).
 */
export function stylesXml(style: Style, reference: Xml | undefined): Xml {
  if (reference !== undefined) return referenceStylesPart(reference, LANGUAGE, (ids) => houseStyles(style, ids));
  const run = runProps({ font: style.fonts.body, size: halfPoints(style.sizes.body), language: { value: LANGUAGE } });
  // Without an explicit rule LibreOffice takes the line height as exact, and large text overlaps.
  const paragraph = paragraphProps({ spacing: { after: twips(style.spacing.after), line: Math.round(style.spacing.line * 240), lineRule: 'auto' } });
  const defaults = xml`<w:docDefaults><w:rPrDefault>${run}</w:rPrDefault><w:pPrDefault>${paragraph}</w:pPrDefault></w:docDefaults>`;
  return xml`${XML_DECLARATION}<w:styles ${WML_NAMESPACES}>${defaults}${houseStyles(style, new Set())}</w:styles>`;
}
