// Word styles from the house style. Every presentation choice lives in a named
// style rather than on paragraphs, so a reference document, or a user in Word,
// can restyle a whole document by editing one style. Headings keep Word's
// built-in ids (Heading1...) so the navigation pane and tables of contents work.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  ShadingType,
  UnderlineType,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';
import type { Style } from '../../load/style.js';

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

/** Quotations indent by 1 cm per level, in twips. */
export const QUOTE_INDENT = 567;

const halfPoints = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);

function paragraphStyles(s: Style): IParagraphStyleOptions[] {
  const body = { spacing: { after: twips(s.spacing.after) } };
  const heading = (depth: number, size: number, extra: { italics?: boolean } = {}): IParagraphStyleOptions => ({
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
  const rule = { style: BorderStyle.SINGLE, size: 6, color: s.colours.rule, space: 1 };
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
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: s.colours.questionShading },
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
      paragraph: { ...body, indent: { left: QUOTE_INDENT }, border: { left: { ...rule, size: 18, space: 8 } }, shading: { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } },
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
        spacing: { after: twips(s.spacing.after), line: 240, lineRule: LineRuleType.AUTO },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: s.colours.codeShading },
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
      paragraph: { spacing: { before: twips(2), after: twips(2), line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.footnoteText,
      name: 'footnote text',
      basedOn: 'Normal',
      next: STYLE.footnoteText,
      run: { size: halfPoints(s.sizes.small) },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.header,
      name: 'header',
      basedOn: 'Normal',
      run: { size: halfPoints(s.sizes.small), color: s.colours.muted },
      paragraph: { spacing: { after: 0 }, alignment: AlignmentType.RIGHT },
    },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      run: { size: halfPoints(s.sizes.small), color: s.colours.muted },
      paragraph: { spacing: { after: 0 }, alignment: AlignmentType.CENTER },
    },
  ];
}

function characterStyles(s: Style): ICharacterStyleOptions[] {
  return [
    // Word's own base of every character style (made the default in word-fixes.ts).
    { id: STYLE.defaultFont, name: 'Default Paragraph Font', uiPriority: 1, semiHidden: true, unhideWhenUsed: true },
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
      run: { color: s.colours.link, underline: { type: UnderlineType.SINGLE } },
    },
  ];
}

/**
 * docx style options for the house style. With a reference document the
 * reference's styles win, as with pandoc: ours only fill in the ids it lacks,
 * and its document defaults stand (their language is set separately).
 */
export function stylesFor(style: Style, referenceIds: ReadonlySet<string> | null): IStylesOptions {
  const absent = <T extends { id: string }>(list: T[]) => list.filter((s) => !referenceIds?.has(s.id));
  const styles = { paragraphStyles: absent(paragraphStyles(style)), characterStyles: absent(characterStyles(style)) };
  if (referenceIds) return styles;
  return {
    ...styles,
    default: {
      document: {
        run: { font: style.fonts.body, size: halfPoints(style.sizes.body), language: { value: LANGUAGE } },
        // Without an explicit rule LibreOffice takes the line height as exact, and large text overlaps.
        paragraph: {
          spacing: { after: twips(style.spacing.after), line: Math.round(style.spacing.line * 240), lineRule: LineRuleType.AUTO },
        },
      },
    },
  };
}
