// templates/style.yaml and templates/reference.docx, read at the edge and
// turned into positioned problems like every other input.
import { readBytes } from './files.js';
import { decodeText } from './text.js';
import { Problems } from '../core/problems.js';
import { ReferenceDocError, readReferenceStyles } from '../ooxml/reference-styles.js';
import type { Xml } from '../ooxml/xml.js';
import { loadStyle } from './style.js';
import { DEFAULT_STYLE, type HouseStyle, type Style } from '../core/style.js';

export const STYLE_FILE = 'templates/style.yaml';
const REFERENCE_FILE = 'templates/reference.docx';

const HINT = '; fix it or delete it to use the default house style';

/** The message for a reference document that cannot lend its styles, whenever that is found out. */
function referenceProblem(message: string): string {
  return `${REFERENCE_FILE} cannot be used: ${message}; save it from Word as a .docx or delete it`;
}

/** The default house style: what a workspace without templates/ gets. */
export const DEFAULT_HOUSE_STYLE: HouseStyle = { style: DEFAULT_STYLE, referenceStyles: null };

/** The house style, or null when it is unusable; its problems are added to `problems`. */
export function loadHouseStyle(root: string, problems: Problems): HouseStyle | null {
  // Judged on its own problems: others already collected say nothing about the style.
  const own = new Problems();
  const styleBytes = readBytes(root, STYLE_FILE, own, { optional: true, hint: HINT });
  // Binary or non-UTF-8 bytes get the same positioned message as any other input file.
  const styleText = styleBytes === null ? null : decodeText(styleBytes, STYLE_FILE, own);
  let style: Style | null = null;
  if (styleBytes === null || styleText !== null) {
    const loaded = loadStyle(styleText, STYLE_FILE);
    for (const p of loaded.problems)
      own.error('style', { file: STYLE_FILE, line: p.line, column: p.column }, p.message);
    style = loaded.style;
  }
  const reference = readBytes(root, REFERENCE_FILE, own, { optional: true, hint: HINT });
  let referenceStyles: Xml | null = null;
  if (reference !== null) {
    try {
      referenceStyles = readReferenceStyles(reference);
    } catch (e) {
      if (!(e instanceof ReferenceDocError)) throw e;
      own.error('reference-docx', { file: REFERENCE_FILE, line: 1, column: 1 }, referenceProblem(e.message));
    }
  }
  problems.list.push(...own.list);
  return own.hasInputErrors() || style === null ? null : { style, referenceStyles };
}
