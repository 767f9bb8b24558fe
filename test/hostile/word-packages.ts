// Hostile Word packages, made byte by byte: what a partner's file could be
// when it is damaged or made to hurt. Shared by the tests of Word import.
import { zipSync } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The parts every .docx has, around a document body of `body` (markup). */
export function docxParts(body: string, extra: Record<string, string | Uint8Array> = {}): Record<string, Uint8Array> {
  const text = (s: string | Uint8Array) => (typeof s === 'string' ? new TextEncoder().encode(s) : s);
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ...extra,
  };
  return Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, text(data)]));
}

/** A paragraph of text. */
export const wp = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

export const docx = (parts: Record<string, Uint8Array>, level: 1 | 9 = 9) => zipSync(parts, { level });

/**
 * The package with every size the archive declares for `part` (local header
 * and central directory) set to `size`: a zip bomb's lie. Sizes follow the
 * signatures at fixed offsets (APPNOTE 4.3.7, 4.3.12).
 */
export function declaring(zip: Uint8Array, part: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const name = Buffer.from(part);
  for (let at = 0; at + 46 < out.length; at += 1) {
    const signature = out.readUInt32LE(at);
    if (
      signature === 0x04034b50 &&
      out.subarray(at + 30, at + 30 + name.length).equals(name) &&
      out.readUInt16LE(at + 26) === name.length
    )
      out.writeUInt32LE(size, at + 22);
    if (
      signature === 0x02014b50 &&
      out.subarray(at + 46, at + 46 + name.length).equals(name) &&
      out.readUInt16LE(at + 28) === name.length
    )
      out.writeUInt32LE(size, at + 24);
  }
  return new Uint8Array(out);
}
