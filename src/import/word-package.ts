// Is this file a Word document we can read? Partners send whatever their
// office software saved, so every other kind of file is named, with how to
// save it as .docx, before any converter sees it. A .docx is then judged by
// what it really holds: its parts are inflated under caps on the bytes
// actually written, its XML must be valid in its declared encoding, well-formed
// and of bounded depth, and the converters get a copy of exactly those parts.
import { zipSync } from 'fflate';
import { listPackage, PackageError, readPackage, type PackageLimits, type PartEntry } from '../ooxml/package-reader.js';
import { decodeXmlPart, walkXml, XmlPartError } from '../ooxml/xml-reader.js';

/** Larger than any consultation response with photographs; keeps a stray video or archive out. */
export const MAX_WORD_FILE = 50 * 1024 * 1024;
/** What the parts of a .docx may expand to in memory, counted in bytes inflated (a zip bomb declares far less). */
export const WORD_LIMITS: PackageLimits = { part: 100 * 1024 * 1024, total: 200 * 1024 * 1024 };
/**
 * How deep elements may nest in a part. A table in a table costs three levels
 * (table, row, cell); a person's document stays far below this, and the
 * converters' own recursion is safe well above it.
 */
export const MAX_WORD_DEPTH = 256;

const SAVE_AS =
  "open it in Word (or LibreOffice) and use File > Save As > 'Word Document (*.docx)', then import the .docx";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Whether `needle` occurs in `bytes` as UTF-16LE (how OLE containers name their streams). */
function hasUtf16(bytes: Uint8Array, needle: string): boolean {
  const pattern = Buffer.from(needle, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}

/** Why these bytes are not a Word package at all, or null when they may be one. */
function kindProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return `the file is empty; ${SAVE_AS}`;
  if (bytes.length > MAX_WORD_FILE)
    return `the file is ${Math.round(bytes.length / 1048576)} MB, more than the ${MAX_WORD_FILE / 1048576} MB a response may be; remove large pictures or split it`;
  if (startsWith(bytes, OLE)) {
    return hasUtf16(bytes, 'EncryptedPackage')
      ? `the document is protected with a password, so it cannot be read; open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password, clear it), save it and import it again`
      : `this is an old-style Word (.doc) file or another Office 97-2003 file; ${SAVE_AS}`;
  }
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (head.startsWith('{\\rtf')) return `this is a Rich Text (.rtf) file, not a Word document; ${SAVE_AS}`;
  if (head.startsWith('%PDF'))
    return `this is a PDF, which cannot be turned back into answers reliably; ask the partner for the Word file, or ${SAVE_AS}`;
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return `this is not a Word document (.docx); ${SAVE_AS}`;
  return null;
}

function contentProblem(entries: readonly PartEntry[]): string | null {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml'))
    return `this is an OpenDocument file (.odt), not a Word document; ${SAVE_AS}`;
  if (!names.has('word/document.xml')) {
    return names.has('xl/workbook.xml') || names.has('ppt/presentation.xml')
      ? `this is an Excel or PowerPoint file, not a Word document; put the answers in a Word document and import that`
      : `this is a ZIP archive but not a Word document (it has no word/document.xml); ${SAVE_AS}`;
  }
  return null;
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** The text of an XML part with its declaration saying UTF-8. */
const asUtf8 = (text: string) => text.replace(/^(<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');

/** A Word file judged readable: `bytes` is a package of exactly the parts that were checked. */
export type WordPackage = { readonly bytes: Uint8Array } | { readonly problem: string };

export function readWordPackage(bytes: Uint8Array): WordPackage {
  const kind = kindProblem(bytes);
  if (kind) return { problem: kind };
  let parts: Map<string, Uint8Array>;
  try {
    const content = contentProblem(listPackage(bytes));
    if (content) return { problem: content };
    parts = readPackage(bytes, WORD_LIMITS);
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    return {
      problem: `the file is damaged or not what it claims to be (${e.message}); ask for it again, or ${SAVE_AS}`,
    };
  }
  try {
    for (const [name, data] of parts) {
      if (!isXmlPart(name)) continue;
      const text = decodeXmlPart(data, name);
      walkXml(text, name, MAX_WORD_DEPTH);
      // The converters read UTF-8 only: a UTF-16 part is handed to them as the same text in UTF-8.
      if (data[0] === 0xff || data[0] === 0xfe) parts.set(name, new TextEncoder().encode(asUtf8(text)));
    }
  } catch (e) {
    if (!(e instanceof XmlPartError)) throw e;
    return {
      problem: `the document is damaged (${e.message}); open it in Word, save it again as .docx, and import that`,
    };
  }
  // Stored, not compressed again: the converters inflate nothing, so they hold what was checked and no more.
  return { bytes: zipSync(Object.fromEntries(parts), { level: 0 }) };
}
