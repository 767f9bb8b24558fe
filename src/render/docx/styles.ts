// Word styles from the house style. Every presentation choice lives in a named
// style rather than on paragraphs, so a reference document, or a user in Word,
// can restyle a whole document by editing one style. Headings keep Word's
// built-in ids (Heading1...) so the navigation pane and tables of contents work.
import { REMOVED_SHADING, type Style } from '../../core/style.js';
import { referenceStylesPart } from '../../ooxml/reference-styles.js';
import { EMPTY_XML, escapeXml, joinXml, xml, type Xml } from '../../ooxml/xml.js';
import {
  FOOTNOTE_REFERENCE_STYLE,
  paragraphProps,
  runProps,
  val,
  WML_NAMESPACES,
  XML_DECLARATION,
  type Border,
  type ParagraphProps,
  type RunProps,
} from './wml.js';

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
  placeholder: 'PlaceholderText',
  tocHeading: 'TOCHeading',
  heading: (depth: number) => `Heading${depth}`,
  toc: (level: number) => `TOC${level}`,
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

/**
 * The tool's own styles stay out of Word's recommended list (they are applied
 * by the tool, not picked by hand); Word's built-in ones show once used, as in
 * Word's own documents.
 */
const INTERNAL = { uiPriority: 99, semiHidden: true } as const;
const BUILT_IN = { uiPriority: 99, unhideWhenUsed: true } as const;

const halfPoints = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);

function paragraphStyles(s: Style): StyleDefinition[] {
  const body = { spacing: { after: twips(s.spacing.after) } };
  const heading = (depth: number, size: number): StyleDefinition => ({
    id: STYLE.heading(depth),
    // Word recognises its built-in styles by these lower-case names.
    name: `heading ${depth}`,
    basedOn: 'Normal',
    next: 'Normal',
    uiPriority: 9,
    unhideWhenUsed: depth > 1,
    quickFormat: true,
    run: { font: s.fonts.headings, size: halfPoints(size), color: s.colours.headings, bold: true },
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
      uiPriority: 10,
      quickFormat: true,
      run: { font: s.fonts.headings, size: halfPoints(s.sizes.title), color: s.colours.title, bold: true },
      paragraph: { spacing: { before: twips(72), after: twips(12) } },
    },
    {
      id: STYLE.subtitle,
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 11,
      quickFormat: true,
      run: { font: s.fonts.headings, size: halfPoints(s.sizes.subtitle), color: s.colours.title },
      paragraph: { spacing: { after: twips(18) } },
    },
    { id: STYLE.cover, name: 'Cover', basedOn: 'Normal', next: 'Normal', ...INTERNAL, paragraph: body },
    heading(1, s.sizes.heading1),
    heading(2, s.sizes.heading2),
    heading(3, s.sizes.heading3),
    heading(4, s.sizes.minorHeading),
    // Levels 5 and 6 as level 4: whole headings in italics are hard to read.
    heading(5, s.sizes.minorHeading),
    heading(6, s.sizes.minorHeading),
    {
      // Set apart by colour and shading, not italics: whole paragraphs in italics are hard to read.
      id: STYLE.question,
      name: 'Question',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 30,
      quickFormat: true,
      run: { color: s.colours.question },
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
      ...INTERNAL,
      paragraph: { indent: { left: 360 } },
    },
    {
      id: STYLE.attribution,
      name: 'Attribution',
      basedOn: 'Normal',
      next: 'Normal',
      ...INTERNAL,
      run: { size: halfPoints(s.sizes.small), color: s.colours.muted },
      paragraph: { spacing: { before: twips(6), after: twips(2) }, keepNext: true },
    },
    {
      id: STYLE.superseded,
      name: 'Superseded',
      basedOn: 'Normal',
      next: 'Normal',
      ...INTERNAL,
      run: { color: s.colours.muted },
      paragraph: { ...body, indent: { left: QUOTE_INDENT }, border: { left: { ...rule, size: 18, space: 8 } } },
    },
    {
      // Shaded as well as set apart, so removed text cannot be mistaken for the response's.
      id: STYLE.removed,
      name: 'Removed',
      basedOn: 'Normal',
      next: 'Normal',
      ...INTERNAL,
      run: { color: s.colours.muted },
      paragraph: {
        ...body,
        indent: { left: QUOTE_INDENT },
        border: { left: { ...rule, size: 18, space: 8 } },
        shading: REMOVED_SHADING,
      },
    },
    { id: STYLE.abstention, name: 'Abstention', basedOn: 'Normal', next: 'Normal', ...INTERNAL, paragraph: body },
    {
      id: STYLE.note,
      name: 'Note',
      basedOn: 'Normal',
      next: 'Normal',
      ...INTERNAL,
      run: { color: s.colours.muted },
      paragraph: body,
    },
    // Its name is how import recognises the form's own text: keep them in step (src/import/word-html.ts).
    { id: STYLE.formNote, name: 'Form Note', basedOn: 'Normal', next: 'Normal', ...INTERNAL, paragraph: body },
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 29,
      quickFormat: true,
      paragraph: { ...body, indent: { left: QUOTE_INDENT }, border: { left: { ...rule, size: 12, space: 8 } } },
    },
    {
      // pandoc reads and writes code blocks with this style name.
      id: STYLE.code,
      name: 'Source Code',
      basedOn: 'Normal',
      next: 'Normal',
      ...INTERNAL,
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
      ...INTERNAL,
      paragraph: { spacing: { after: twips(s.spacing.after) }, border: { bottom: rule } },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      next: STYLE.tableText,
      ...INTERNAL,
      paragraph: { spacing: { before: twips(2), after: twips(2), line: 240, lineRule: 'auto' } },
    },
    {
      id: STYLE.footnoteText,
      name: 'footnote text',
      basedOn: 'Normal',
      next: STYLE.footnoteText,
      ...BUILT_IN,
      run: { size: halfPoints(s.sizes.small) },
      paragraph: { spacing: { after: 0, line: 240, lineRule: 'auto' } },
    },
    {
      id: STYLE.header,
      name: 'header',
      basedOn: 'Normal',
      ...BUILT_IN,
      run: { size: halfPoints(s.sizes.small), color: s.colours.muted },
      paragraph: { spacing: { after: 0 }, alignment: 'right' },
    },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      ...BUILT_IN,
      run: { size: halfPoints(s.sizes.small), color: s.colours.muted },
      paragraph: { spacing: { after: 0 }, alignment: 'center' },
    },
    {
      // Looks like a level-1 heading but is none (not based on one, outline level 10, "body text"),
      // so neither the contents nor pandoc nor a screen reader's list of headings counts it.
      id: STYLE.tocHeading,
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 39,
      unhideWhenUsed: true,
      quickFormat: true,
      run: { font: s.fonts.headings, size: halfPoints(s.sizes.heading1), color: s.colours.headings, bold: true },
      paragraph: {
        spacing: { before: twips(s.spacing.headingBefore), after: twips(s.spacing.headingAfter) },
        keepNext: true,
        outlineLevel: 9,
      },
    },
    ...[1, 2, 3].map(
      (level): StyleDefinition => ({
        id: STYLE.toc(level),
        name: `toc ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        uiPriority: 39,
        unhideWhenUsed: true,
        paragraph: { spacing: { after: twips(3) }, indent: { left: (level - 1) * 240 } },
      }),
    ),
  ];
}

function characterStyles(s: Style): StyleDefinition[] {
  return [
    // Word's built-in Strong, a character style, so bold text can be restyled in one place.
    {
      id: STYLE.strong,
      name: 'Strong',
      basedOn: STYLE.defaultFont,
      uiPriority: 22,
      quickFormat: true,
      run: { bold: true },
    },
    {
      // pandoc reads inline code back by this style name.
      id: STYLE.verbatim,
      name: 'Verbatim Char',
      basedOn: STYLE.defaultFont,
      ...INTERNAL,
      run: { font: s.fonts.monospace, size: halfPoints(s.sizes.code) },
    },
    {
      id: STYLE.hyperlink,
      name: 'Hyperlink',
      basedOn: STYLE.defaultFont,
      ...BUILT_IN,
      run: { color: s.colours.link, underline: true },
    },
    // Word's own grey (808080) is 3.9:1 on white; the house style's muted colour passes.
    {
      id: STYLE.placeholder,
      name: 'Placeholder Text',
      basedOn: STYLE.defaultFont,
      uiPriority: 99,
      semiHidden: true,
      run: { color: s.colours.muted },
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
  { type: 'paragraph', definition: { id: 'Normal', name: 'Normal', uiPriority: 0, quickFormat: true }, default: true },
  {
    type: 'character',
    definition: {
      id: STYLE.defaultFont,
      name: 'Default Paragraph Font',
      uiPriority: 1,
      semiHidden: true,
      unhideWhenUsed: true,
    },
    default: true,
  },
  {
    type: 'table',
    definition: { id: 'TableNormal', name: 'Normal Table', uiPriority: 99, semiHidden: true, unhideWhenUsed: true },
    default: true,
  },
  {
    type: 'paragraph',
    definition: { id: 'ListParagraph', name: 'List Paragraph', basedOn: 'Normal', uiPriority: 34, quickFormat: true },
  },
  {
    type: 'character',
    definition: {
      id: FOOTNOTE_REFERENCE_STYLE,
      name: 'footnote reference',
      basedOn: STYLE.defaultFont,
      uiPriority: 99,
      semiHidden: true,
      unhideWhenUsed: true,
      run: { superscript: true },
    },
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

/**
 * The w:style elements of the house style that the document uses (with the
 * styles they are based on or lead to, and the defaults), leaving out the ids
 * in `skip`: a published response carries no draft-only styles.
 */
function houseStyles(style: Style, used: ReadonlySet<string>, skip: ReadonlySet<string>): Xml {
  const own: TypedStyle[] = [
    ...BASE_STYLES,
    ...paragraphStyles(style).map((definition) => ({ type: 'paragraph' as const, definition })),
    ...characterStyles(style).map((definition) => ({ type: 'character' as const, definition })),
  ];
  const byId = new Map(own.map((s) => [s.definition.id, s.definition]));
  const keep = new Set<string>();
  const add = (id: string | undefined) => {
    const definition = id === undefined || keep.has(id) ? undefined : byId.get(id);
    if (definition === undefined) return;
    keep.add(id!);
    add(definition.basedOn);
    add(definition.next);
  };
  for (const s of own) if (s.default || used.has(s.definition.id)) add(s.definition.id);
  return joinXml(
    own
      .filter((s) => keep.has(s.definition.id) && !skip.has(s.definition.id))
      .map((s) => styleXml(s.type, s.definition, s.default)),
  );
}

/** The style ids a part's markup refers to. */
export function styleIdsIn(xml: string): string[] {
  return [...xml.matchAll(/<w:(?:pStyle|rStyle) w:val="([^"]*)"\/>/g)].map((m) => m[1] ?? '');
}

/**
 * word/styles.xml for the house style. With a reference document's styles
 * part, the reference's styles win, as with pandoc: ours only fill in the ids
 * it lacks, and its document defaults stand (with the document's language).
 */
export function stylesXml(style: Style, reference: Xml | undefined, used: ReadonlySet<string>): Xml {
  if (reference !== undefined) return referenceStylesPart(reference, LANGUAGE, (ids) => houseStyles(style, used, ids));
  const run = runProps({ font: style.fonts.body, size: halfPoints(style.sizes.body), language: { value: LANGUAGE } });
  // Without an explicit rule LibreOffice takes the line height as exact, and large text overlaps.
  const paragraph = paragraphProps({
    spacing: { after: twips(style.spacing.after), line: Math.round(style.spacing.line * 240), lineRule: 'auto' },
  });
  const defaults = xml`<w:docDefaults><w:rPrDefault>${run}</w:rPrDefault><w:pPrDefault>${paragraph}</w:pPrDefault></w:docDefaults>`;
  return xml`${XML_DECLARATION}<w:styles ${WML_NAMESPACES}>${defaults}${houseStyles(style, used, new Set())}</w:styles>`;
}
