// Bytes -> text, refusing what is not UTF-8 text and removing what XML 1.0
// cannot carry, each with a position a partner can find.
import type { Position } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { stripXmlForbidden, XML_FORBIDDEN } from '../ooxml/xml-chars.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file; records an error and returns null for binary or invalid UTF-8 content. */
export function decodeText(bytes: Uint8Array, file: string, problems: Problems): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    problems.error(
      'binary-file',
      positionOfByte(bytes, nul, file),
      `${file} is not a text file (it contains a NUL byte); save it as UTF-8 ${/\.ya?ml$/i.test(file) ? 'YAML' : 'Markdown'}`,
    );
    return null;
  }
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    problems.error(
      'encoding',
      positionOfByte(bytes, bad, file),
      `${file} is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}); save it with UTF-8 encoding`,
    );
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

const MAX_REPORTED = 20;

/**
 * Positions of increasing offsets in `text`, found in one pass over it:
 * a file full of bad characters must not cost quadratic time.
 */
function lineCursor(text: string, file: string): (offset: number) => Position {
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  return (offset) => {
    for (let i = scanned; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = offset;
    return { file, line, column: offset - lineStart + 1 };
  };
}

/** Warns about every forbidden character in `text` (up to a limit) with its position. */
export function reportForbidden(text: string, file: string, problems: Problems): void {
  const at = lineCursor(text, file);
  let count = 0;
  for (const m of text.matchAll(XML_FORBIDDEN)) {
    if (++count > MAX_REPORTED) continue;
    const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    problems.warn(
      'control-character',
      at(m.index),
      `character U+${code} cannot appear in a document and is dropped; delete it from the file`,
    );
  }
  if (count > MAX_REPORTED) {
    problems.warn(
      'control-character',
      { file, line: 1, column: 1 },
      `${count - MAX_REPORTED} more characters that cannot appear in a document are dropped`,
    );
  }
}

// What micromark does with a numeric character reference (CommonMark 2.5):
// these code points become U+FFFD; the rest decode as written.
function replacedByParser(code: number): boolean {
  return (
    code < 9 ||
    code === 11 ||
    (code > 13 && code < 32) ||
    (code > 126 && code < 160) ||
    (code > 0xd7ff && code < 0xe000) ||
    (code > 0xfdcf && code < 0xfdf0) ||
    (code & 0xffff) === 0xffff ||
    (code & 0xffff) === 0xfffe ||
    code > 0x10ffff
  );
}

const REFERENCE = /(?<!\\)&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g;

/**
 * Warns about numeric character references (`&#xD800;`, `&#12;`) in text
 * that stand for a character a document cannot hold: the raw-character scan
 * cannot see them, and the parser silently turns them into U+FFFD or a
 * control character that is then dropped.
 */
export function reportForbiddenReferences(tree: Node, source: string, file: string, problems: Problems): void {
  const found: { offset: number; reference: string; replaced: boolean }[] = [];
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.children) stack.push(...node.children);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'text' || start === undefined || end === undefined) continue;
    const slice = source.slice(start, end);
    if (!slice.includes('&#')) continue;
    for (const m of slice.matchAll(REFERENCE)) {
      const code = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]);
      const replaced = replacedByParser(code);
      if (replaced || stripXmlForbidden(String.fromCodePoint(code)) === '')
        found.push({ offset: start + m.index, reference: m[0], replaced });
    }
  }
  found.sort((a, b) => a.offset - b.offset);
  const at = lineCursor(source, file);
  for (const f of found.slice(0, MAX_REPORTED)) {
    problems.warn(
      'control-character',
      at(f.offset),
      `${f.reference} is not a character a document can hold; it is ${f.replaced ? 'shown as \uFFFD (U+FFFD)' : 'dropped'}; delete it from the file`,
    );
  }
  if (found.length > MAX_REPORTED) {
    problems.warn(
      'control-character',
      { file, line: 1, column: 1 },
      `${found.length - MAX_REPORTED} more character references to characters a document cannot hold`,
    );
  }
}

interface Node {
  type: string;
  children?: Node[];
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
}
