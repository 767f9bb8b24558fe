// Reading the XML parts of a package with a real parser (saxes): linear in
// the part's length, strict about well-formedness, and never expanding
// entities a document defines. A part is decoded as it declares itself
// (UTF-8, or UTF-16 with a byte order mark), and bytes that are not valid in
// that encoding are refused with their place, as in a Markdown file.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Xml } from './xml.js';

/** An XML part that cannot be read, said for the user with its name and place. */
export class XmlPartError extends Error {}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The line and column (1-based, in characters) of the character `index` of `text`. */
function place(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/** The offset of the first byte of `bytes` that is not part of valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // Decoding a prefix that ends inside a valid character fails too, so the
  // search is over where a lenient decode first gives U+FFFD for a byte that is not one.
  const text = new TextDecoder('utf-8').decode(bytes);
  let at = 0;
  for (const char of text) {
    const size =
      char.codePointAt(0)! < 0x80 ? 1 : char.codePointAt(0)! < 0x800 ? 2 : char.codePointAt(0)! < 0x10000 ? 3 : 4;
    if (char === '\uFFFD' && !(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
    at += size;
  }
  return at;
}

/**
 * The text of an XML part, decoded as its byte order mark or declaration says.
 * @throws XmlPartError naming the part and the place of the first byte that is not valid in its encoding
 */
export function decodeXmlPart(bytes: Uint8Array, name: string): string {
  const bom16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (bom16 !== undefined) {
    const text = new TextDecoder(bom16).decode(bytes.subarray(2));
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/.exec(text);
    if (lone || bytes.length % 2 !== 0) {
      const index = lone?.index ?? text.length;
      throw new XmlPartError(`${name} is not valid UTF-16, as it says it is (at ${place(text, index)})`);
    }
    return text;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 100));
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    throw new XmlPartError(`${name} declares the encoding ${declared}; Word documents are UTF-8 or UTF-16`);
  }
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    throw new XmlPartError(
      `${name} is not valid UTF-8, as it says it is: byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at ${place(before, before.length)}`,
    );
  }
}

/** Where an element's start or end tag lies in the text: [start, end) offsets. */
export interface TagSpan {
  readonly start: number;
  readonly end: number;
}

export interface XmlHandlers {
  /** An element starts; a self-closing one is closed at once, with the same span. */
  open?(tag: SaxesTagPlain, depth: number, span: TagSpan): void;
  close?(name: string, depth: number, span: TagSpan): void;
  text?(text: string): void;
}

/**
 * Reads `text` once from start to end, calling the handlers; elements may
 * nest `maxDepth` deep.
 * @throws XmlPartError naming the part and the place of the first fault
 */
export function walkXml(text: string, name: string, maxDepth: number, handlers: XmlHandlers = {}): void {
  const parser = new SaxesParser({ xmlns: false });
  let depth = 0;
  let start = 0;
  // The parser is one character past the name when it reports it: '<' and the name come before.
  parser.on('opentagstart', (tag) => {
    start = parser.position - tag.name.length - 2;
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > maxDepth)
      throw new XmlPartError(
        `${name} nests elements more than ${maxDepth} deep (at ${place(text, start)}); it is damaged or not a document a person wrote`,
      );
    const span = { start, end: parser.position };
    handlers.open?.(tag, depth, span);
    if (tag.isSelfClosing) {
      handlers.close?.(tag.name, depth, span);
      depth -= 1;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const end = parser.position;
    handlers.close?.(tag.name, depth, { start: text.lastIndexOf('<', end - 1), end });
    depth -= 1;
  });
  if (handlers.text) parser.on('text', handlers.text);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlPartError) throw error;
    throw new XmlPartError(`${name} is not well-formed XML (${(error as Error).message})`);
  }
}

/**
 * A part's text as markup, once a parser has found it well-formed: the only
 * way markup from outside the program becomes Xml.
 */
export function wellFormedXml(text: string, name: string, maxDepth: number, handlers?: XmlHandlers): Xml {
  walkXml(text, name, maxDepth, handlers);
  return text as Xml;
}
