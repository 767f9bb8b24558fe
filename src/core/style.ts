// The house style's shape and defaults (the schema is their one source), and
// the colour pairs the documents combine, which the loader holds to WCAG's
// contrast minimum. templates/style.yaml (DEFAULT_STYLE_YAML) spells the same
// defaults out with a comment per key, and a test keeps them equal.
import { z } from 'zod';
import { isXmlSafe, type Xml } from '../ooxml/xml.js';

const text = () => z.string().refine(isXmlSafe, 'contains control characters, which a Word document cannot hold');

const font = (fallback: string) =>
  text().min(1, 'a font name cannot be empty').max(31, 'Word font names have at most 31 characters').default(fallback);

const points = (fallback: number) =>
  z
    .number({ error: 'a size is a number of points, e.g. 11' })
    .min(10, 'sizes below 10 points are too small to read for many people; use 10 or more (12 for body text)')
    .max(96, 'sizes above 96 points do not fit the page')
    .multipleOf(0.5, 'Word sizes go in half points, e.g. 10.5')
    .default(fallback);

const spacing = (fallback: number) =>
  z
    .number({ error: 'spacing is a number of points, e.g. 6' })
    .min(0, 'spacing cannot be negative')
    .max(72, 'spacing above 72 points is not sensible')
    .default(fallback);

// A colour must be quoted: YAML reads 001122 as the number 1122, and the
// leading zeros cannot be recovered.
const colour = (fallback: string) =>
  z
    .string({ error: 'a colour is six hexadecimal digits in quotes, e.g. "1F3864"' })
    .regex(/^#?[0-9A-Fa-f]{6}$/, 'a colour is six hexadecimal digits in quotes, e.g. "1F3864"')
    .transform((value) => value.replace('#', '').toUpperCase())
    .default(fallback);

/** Placeholders a header or footer may use; {page} and {pages} are fields Word fills in. */
const META_PLACEHOLDERS = ['short', 'creator', 'title', 'subject', 'date'] as const;
const PAGE_PLACEHOLDERS = ['page', 'pages'] as const;

const template = (fallback: string, allowed: readonly string[]) =>
  text()
    .superRefine((value, ctx) => {
      for (const match of value.matchAll(/\{([^{}]*)\}/g)) {
        if (!allowed.includes(match[1] ?? '')) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown placeholder {${match[1]}}; use ${allowed.map((p) => `{${p}}`).join(', ')}`,
          });
        }
      }
    })
    .default(fallback);

const label = (fallback: string) => text().default(fallback);

// Every section may be left out (prefault): its keys then take their defaults.
const section = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'invalid_type' ? 'expected a mapping of keys, each on its own indented line' : undefined,
  });

export const StyleSchema = z.strictObject({
  fonts: section({
    body: font('Arial'),
    headings: font('Arial'),
    monospace: font('Courier New'),
  }).prefault({}),
  sizes: section({
    body: points(12),
    title: points(26),
    subtitle: points(16),
    heading1: points(18),
    heading2: points(15),
    heading3: points(13),
    minorHeading: points(12),
    small: points(10),
    code: points(11),
  }).prefault({}),
  colours: section({
    title: colour('1F3864'),
    headings: colour('1F3864'),
    question: colour('1F3864'),
    questionShading: colour('EDF2F9'),
    muted: colour('595959'),
    link: colour('0563C1'),
    rule: colour('A6A6A6'),
    tableHeader: colour('DCE6F2'),
    codeShading: colour('F2F2F2'),
  }).prefault({}),
  spacing: section({
    after: spacing(6),
    line: z
      .number({ error: 'line spacing is a multiple of single spacing, e.g. 1.15' })
      .min(1, 'line spacing below single spacing overlaps lines')
      .max(3, 'line spacing above 3 is not sensible')
      .default(1.15),
    headingBefore: spacing(12),
    headingAfter: spacing(4),
  }).prefault({}),
  header: section({ text: template('{short} · {title}', META_PLACEHOLDERS) }).prefault({}),
  footer: section({ text: template('Page {page} of {pages}', [...META_PLACEHOLDERS, ...PAGE_PLACEHOLDERS]) }).prefault(
    {},
  ),
  cover: section({
    prefix: label('Response from'),
    draft: label('Draft for circulation'),
    endorsedBy: label('Endorsed by'),
  }).prefault({}),
});

export type Style = z.output<typeof StyleSchema>;

export const DEFAULT_STYLE: Style = StyleSchema.parse({});

/** The style and, from templates/reference.docx, Word styles that replace the built-in ones. */
export interface HouseStyle {
  style: Style;
  referenceStyles: Xml | null;
}

/** Background of removed text in the draft: shaded as well as set apart. */
export const REMOVED_SHADING = 'EDEDED';
/** What Word shows text without a colour of its own in: black. */
const AUTO_TEXT = '000000';
const PAGE = 'FFFFFF';

/** One colour of text on one background, as the styles below combine them, and the style keys that set each. */
export interface ColourPair {
  readonly what: string;
  readonly text: string;
  readonly background: string;
  /** The colours: key of each colour, null where the tool fixes it. */
  readonly keys: { readonly text: string | null; readonly background: string | null };
}

/**
 * Every text/background pair the house style's colours produce, so a test and
 * the style loader can hold each to WCAG's contrast minimum.
 */
export function colourPairs(s: Style): ColourPair[] {
  const c = s.colours;
  const pair = (what: string, text: [string, string | null], background: [string, string | null]): ColourPair => ({
    what,
    text: text[0],
    background: background[0],
    keys: { text: text[1], background: background[1] },
  });
  const page: [string, null] = [PAGE, null];
  const removed: [string, null] = [REMOVED_SHADING, null];
  const auto: [string, null] = [AUTO_TEXT, null];
  return [
    pair('body text', auto, page),
    pair('the title and subtitle', [c.title, 'title'], page),
    pair('headings', [c.headings, 'headings'], page),
    pair('question text on its shading', [c.question, 'question'], [c.questionShading, 'questionShading']),
    pair('muted text (attributions, notes, header, footer, placeholders)', [c.muted, 'muted'], page),
    pair('removed text in the draft on its shading', [c.muted, 'muted'], removed),
    pair('links', [c.link, 'link'], page),
    pair('links in removed text', [c.link, 'link'], removed),
    pair('table header text', auto, [c.tableHeader, 'tableHeader']),
    pair('links in a table header', [c.link, 'link'], [c.tableHeader, 'tableHeader']),
    pair('code on its shading', auto, [c.codeShading, 'codeShading']),
  ];
}
