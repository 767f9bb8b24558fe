// templates/style.yaml and templates/reference.docx, read at the edge and
// turned into positioned problems like every other input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problems } from '../problems.js';
import { readReferenceStyles } from '../render/docx/reference.js';
import { loadStyle, type Style } from '../render/docx/style.js';

export const STYLE_FILE = 'templates/style.yaml';
export const REFERENCE_FILE = 'templates/reference.docx';

export interface HouseStyle {
  style: Style;
  referenceStyles: string | null;
}

function readOptional(root: string, file: string): Buffer | null {
  try {
    return readFileSync(join(root, file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export function loadHouseStyle(root: string, problems: Problems): HouseStyle | null {
  const styleBytes = readOptional(root, STYLE_FILE);
  const loaded = loadStyle(styleBytes === null ? null : styleBytes.toString('utf8'), STYLE_FILE);
  for (const p of loaded.problems) problems.error('style', { file: STYLE_FILE, line: p.line, column: p.column }, p.message);
  const reference = readOptional(root, REFERENCE_FILE);
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
