// The house style's loader: reports every bad value of templates/style.yaml at
// its line and column, and refuses colours that fail WCAG's contrast minimum.
import { readYaml } from './yaml.js';
import { Problems } from '../core/problems.js';
import { colourPairs, DEFAULT_STYLE, StyleSchema, type Style } from '../core/style.js';
import { contrast, MIN_CONTRAST, ratio } from '../checks/contrast.js';

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
  const strip = (list: readonly { line: number; column: number; message: string }[]) =>
    list.map(({ line, column, message }) => ({ line, column, message }));
  const yaml = readYaml(text, file, found);
  if (!yaml) return { style: DEFAULT_STYLE, problems: strip(found.list) };
  const data = yaml.value;
  if (data === null || data === undefined) return { style: DEFAULT_STYLE, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      style: DEFAULT_STYLE,
      problems: [{ ...yaml.at([]), message: `${file} must be a mapping of keys (fonts:, sizes:, ...)` }],
    };
  }
  const result = StyleSchema.safeParse(data);
  if (result.success) {
    const faint = lowContrast(result.data, data, yaml.at);
    return faint.length === 0 ? { style: result.data, problems: [] } : { style: DEFAULT_STYLE, problems: strip(faint) };
  }
  const problems = result.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        ...yaml.keyAt([...path, key]),
        message: `unknown key ${[...path, key].join('.')}`,
      }));
    }
    return [{ ...yaml.at(path), message: `${path.join('.')}: ${issue.message}` }];
  });
  return { style: DEFAULT_STYLE, problems: strip(problems) };
}

/**
 * Each colour pair the style would print below WCAG's 4.5:1, at the colour the
 * file sets (the text's if it sets both, as text is what is usually changed).
 */
function lowContrast(
  style: Style,
  written: { colours?: Record<string, unknown> },
  at: (path: string[]) => { line: number; column: number },
): StyleProblem[] {
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
