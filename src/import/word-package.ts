// Is this file a Word document we can read? Partners send whatever their
// office software saved, so every other kind of file is named, with how to
// save it as .docx, before any converter sees it.
import { zipListing } from '../render/docx/zip.js';

/** Larger than any consultation response with photographs; keeps a stray video or archive out. */
export const MAX_WORD_FILE = 50 * 1024 * 1024;
/** What the parts of a .docx may expand to in memory (a zip bomb declares far more). */
export const MAX_WORD_EXPANDED = 200 * 1024 * 1024;

const SAVE_AS = "open it in Word (or LibreOffice) and use File > Save As > 'Word Document (*.docx)', then import the .docx";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Whether `needle` occurs in `bytes` as UTF-16LE (how OLE containers name their streams). */
function hasUtf16(bytes: Uint8Array, needle: string): boolean {
  const pattern = Buffer.from(needle, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}

/** Why these bytes are not a .docx we can read, or null when they are. */
export function wordPackageProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return `the file is empty; ${SAVE_AS}`;
  if (bytes.length > MAX_WORD_FILE) return `the file is ${Math.round(bytes.length / 1048576)} MB, more than the ${MAX_WORD_FILE / 1048576} MB a response may be; remove large pictures or split it`;
  if (startsWith(bytes, OLE)) {
    return hasUtf16(bytes, 'EncryptedPackage')
      ? `the document is protected with a password, so it cannot be read; open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password, clear it), save it and import it again`
      : `this is an old-style Word (.doc) file or another Office 97-2003 file; ${SAVE_AS}`;
  }
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (head.startsWith('{\\rtf')) return `this is a Rich Text (.rtf) file, not a Word document; ${SAVE_AS}`;
  if (head.startsWith('%PDF')) return `this is a PDF, which cannot be turned back into answers reliably; ask the partner for the Word file, or ${SAVE_AS}`;
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return `this is not a Word document (.docx); ${SAVE_AS}`;
  let entries: { name: string; size: number }[];
  try {
    entries = zipListing(bytes);
  } catch (e) {
    return `the file is damaged (${(e as Error).message}); ask for it again, or ${SAVE_AS}`;
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml')) return `this is an OpenDocument file (.odt), not a Word document; ${SAVE_AS}`;
  if (!names.has('word/document.xml')) {
    return names.has('xl/workbook.xml') || names.has('ppt/presentation.xml')
      ? `this is an Excel or PowerPoint file, not a Word document; put the answers in a Word document and import that`
      : `this is a ZIP archive but not a Word document (it has no word/document.xml); ${SAVE_AS}`;
  }
  const expanded = entries.reduce((sum, e) => sum + e.size, 0);
  if (expanded > MAX_WORD_EXPANDED) return `the document expands to ${Math.round(expanded / 1048576)} MB, more than ${MAX_WORD_EXPANDED / 1048576} MB; it is damaged or holds very large pictures; remove them and save it again`;
  return null;
}
