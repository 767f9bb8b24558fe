// Bytes -> text, refusing what is not UTF-8 text and removing what XML 1.0
// cannot carry, each with a position a partner can find.
import type { Position } from '../model.js';
import type { Problems } from '../problems.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file; records an error and returns null for binary or invalid UTF-8 content. */
export function decodeText(bytes: Uint8Array, file: string, problems: Problems): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    problems.error('binary-file', positionOfByte(bytes, nul, file), `${file} is not a text file (it contains a NUL byte); save it as UTF-8 Markdown`);
    return null;
  }
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    problems.error('encoding', positionOfByte(bytes, bad, file), `${file} is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}); save it with UTF-8 encoding`);
    return null;
  }
}

function positionOfByte(bytes: Uint8Array, index: number, file: string): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index)).length + 1;
  return { file, line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    if (n > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + n));
      } catch {
        return i;
      }
    }
    i += n;
  }
  return 0;
}

// Characters XML 1.0 forbids (tab, LF and CR are allowed), plus lone surrogates.
// eslint-disable-next-line no-control-regex
export const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const MAX_REPORTED = 20;

/** Warns about every forbidden character in `text` (up to a limit) with its position. */
export function reportForbidden(text: string, file: string, problems: Problems, firstLine = 1): void {
  let count = 0;
  let line = firstLine;
  let lineStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(FORBIDDEN)) {
    for (let i = scanned; i < m.index; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = m.index;
    count++;
    if (count <= MAX_REPORTED) {
      const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      problems.warn('control-character', { file, line, column: m.index - lineStart + 1 }, `character U+${code} cannot appear in a document and is dropped; delete it from the file`);
    }
  }
  if (count > MAX_REPORTED) {
    problems.warn('control-character', { file, line: firstLine, column: 1 }, `${count - MAX_REPORTED} more characters that cannot appear in a document are dropped`);
  }
}

export function stripForbidden(s: string): string {
  return s.replace(FORBIDDEN, '');
}
