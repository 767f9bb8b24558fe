// templates/style.yaml and templates/reference.docx, read at the edge and
// turned into positioned problems like every other input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../load/text.js';
import type { Problems } from '../problems.js';
import { readReferenceStyles } from '../render/docx/reference.js';
import { loadStyle, type Style } from '../render/docx/style.js';

export const STYLE_FILE = 'templates/style.yaml';
export const REFERENCE_FILE = 'templates/reference.docx';

export interface HouseStyle {
  style: Style;
  referenceStyles: string | null;
}

/** The file's bytes; null when it is absent, or unreadable (a problem says why: a directory, no permission). */
function readOptional(root: string, file: string, problems: Problems): Buffer | null {
  try {
    return readFileSync(join(root, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const why = code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'unknown error'})`;
    problems.error('unreadable', { file, line: 1, column: 1 }, `${file} ${why}; fix it or delete it to use the default house style`);
    return null;
  }
}

export function loadHouseStyle(root: string, problems: Problems): HouseStyle | null {
  const styleBytes = readOptional(root, STYLE_FILE, problems);
  // Binary or non-UTF-8 bytes get the same positioned message as any other input file.
  const styleText = styleBytes === null ? null : decodeText(styleBytes, STYLE_FILE, problems);
  if (styleBytes !== null && styleText === null) return null;
  const loaded = loadStyle(styleText, STYLE_FILE);
  for (const p of loaded.problems) problems.error('style', { file: STYLE_FILE, line: p.line, column: p.column }, p.message);
  const reference = readOptional(root, REFERENCE_FILE, problems);
  let referenceStyles: string | null = null;
  if (reference !== null) {
    try {
      referenceStyles = readReferenceStyles(reference);
    } catch (e) {
      problems.error('reference-docx', { file: REFERENCE_FILE, line: 1, column: 1 }, `${REFERENCE_FILE} cannot be used: ${(e as Error).message}; save it from Word as a .docx or delete it`);
    }
  }
  return problems.hasInputErrors() ? null : { style: loaded.style, referenceStyles };
}
