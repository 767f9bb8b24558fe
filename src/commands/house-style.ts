// templates/style.yaml and templates/reference.docx, read at the edge and
// turned into positioned problems like every other input.
import { readBytes } from '../load/files.js';
import { decodeText } from '../load/text.js';
import type { Problems } from '../problems.js';
import { ReferenceDocError, readReferenceStyles } from '../render/docx/reference.js';
import { loadStyle, type Style } from '../render/docx/style.js';

export const STYLE_FILE = 'templates/style.yaml';
export const REFERENCE_FILE = 'templates/reference.docx';

export interface HouseStyle {
  style: Style;
  referenceStyles: string | null;
}

const HINT = '; fix it or delete it to use the default house style';

/** The message for a reference document that cannot lend its styles, whenever that is found out. */
export function referenceProblem(message: string): string {
  return `${REFERENCE_FILE} cannot be used: ${message}; save it from Word as a .docx or delete it`;
}

export function loadHouseStyle(root: string, problems: Problems): HouseStyle | null {
  const styleBytes = readBytes(root, STYLE_FILE, problems, { optional: true, hint: HINT });
  // Binary or non-UTF-8 bytes get the same positioned message as any other input file.
  const styleText = styleBytes === null ? null : decodeText(styleBytes, STYLE_FILE, problems);
  if (styleBytes !== null && styleText === null) return null;
  const loaded = loadStyle(styleText, STYLE_FILE);
  for (const p of loaded.problems) problems.error('style', { file: STYLE_FILE, line: p.line, column: p.column }, p.message);
  const reference = readBytes(root, REFERENCE_FILE, problems, { optional: true, hint: HINT });
  let referenceStyles: string | null = null;
  if (reference !== null) {
    try {
      referenceStyles = readReferenceStyles(reference);
    } catch (e) {
      if (!(e instanceof ReferenceDocError)) throw e;
      problems.error('reference-docx', { file: REFERENCE_FILE, line: 1, column: 1 }, referenceProblem(e.message));
    }
  }
  return problems.hasInputErrors() ? null : { style: loaded.style, referenceStyles };
}
