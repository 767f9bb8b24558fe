// The house style: what templates/style.yaml may say, its defaults, and a
// loader that reports every bad value at its line and column. The defaults
// live in the schema; templates/style.yaml (DEFAULT_STYLE_YAML) spells the
// same values out with a comment per key, and a test keeps them equal.
import { readYaml } from './yaml.js';
import { Problems } from '../problems.js';
import { z } from 'zod';
import { isXmlSafe } from '../ooxml/xml.js';
import { colourPairs } from '../render/docx/styles.js';
import { contrast, MIN_CONTRAST, ratio } from '../checks/contrast.js';

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
    error: (issue) => (issue.code === 'invalid_type' ? 'expected a mapping of keys, each on its own indented line' : undefined),
  });

const StyleSchema = z.strictObject({
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
  footer: section({ text: template('Page {page} of {pages}', [...META_PLACEHOLDERS, ...PAGE_PLACEHOLDERS]) }).prefault({}),
  cover: section({
    prefix: label('Response from'),
    draft: label('Draft for circulation'),
    endorsedBy: label('Endorsed by'),
  }).prefault({}),
});

export type Style = z.output<typeof StyleSchema>;

export const DEFAULT_STYLE: Style = StyleSchema.parse({});

export interface StyleProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * Parses a style file. `text` null (no file) gives the defaults. With
 * problems, the style returned is the default one: a half-applied house style
 * is worse than a clear error. Messages do not repeat the file name, which the
 * caller puts in the position; `file` only names it where the whole file is wrong.
 */
export function loadStyle(text: string | null, file: string): { style: Style; problems: StyleProblem[] } {
  if (text === null) return { style: DEFAULT_STYLE, problems: [] };
  // The same strict reader as every other YAML input (unique keys, few aliases, positions).
  const found = new Problems();
  const strip = (list: readonly { line: number; column: number; message: string }[]) => list.map(({ line, column, message }) => ({ line, column, message }));
  const yaml = readYaml(text, file, found);
  if (!yaml) return { style: DEFAULT_STYLE, problems: strip(found.list) };
  const data = yaml.value;
  if (data === null || data === undefined) return { style: DEFAULT_STYLE, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { style: DEFAULT_STYLE, problems: [{ ...yaml.at([]), message: `${file} must be a mapping of keys (fonts:, sizes:, ...)` }] };
  }
  const result = StyleSchema.safeParse(data);
  if (result.success) {
    const faint = lowContrast(result.data, data as { colours?: Record<string, unknown> }, yaml.at);
    return faint.length === 0 ? { style: result.data, problems: [] } : { style: DEFAULT_STYLE, problems: strip(faint) };
  }
  const problems = result.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ ...yaml.keyAt([...path, key]), message: `unknown key ${[...path, key].join('.')}` }));
    }
    return [{ ...yaml.at(path), message: `${path.join('.')}: ${issue.message}` }];
  });
  return { style: DEFAULT_STYLE, problems: strip(problems) };
}

/**
 * Each colour pair the style would print below WCAG's 4.5:1, at the colour the
 * file sets (the text's if it sets both, as text is what is usually changed).
 */
function lowContrast(style: Style, written: { colours?: Record<string, unknown> }, at: (path: string[]) => { line: number; column: number }): StyleProblem[] {
  const set = (key: string | null): key is string => key !== null && written.colours?.[key] !== undefined;
  return colourPairs(style).flatMap((pair) => {
    const value = contrast(pair.text, pair.background);
    if (value >= MIN_CONTRAST) return [];
    const key = [pair.keys.text, pair.keys.background].find(set) ?? pair.keys.text ?? pair.keys.background ?? 'colours';
    const path = key === 'colours' ? ['colours'] : ['colours', key];
    return [
      {
        ...at(path),
        message: `${path.join('.')}: ${pair.what} would be ${pair.text} on ${pair.background}, a contrast of ${ratio(value)}, under the ${MIN_CONTRAST}:1 that WCAG 2.2 AA asks of published documents; choose a ${key === pair.keys.background ? 'lighter background' : 'darker text colour'}`,
      },
    ];
  });
}

export { DEFAULT_STYLE_YAML } from './default-style.js';
