// Packing with byte-identical output. docx is not deterministic on its own:
// core.xml carries the clock, zip entries carry the clock in local time, and
// relationship ids come from nanoid's Math.random. Each is pinned here.
import { Packer, type Document } from 'docx';
import type { DocumentMeta } from '../../document.js';
import { escapeXml, xmlSafe } from './sanitize.js';
import { LANGUAGE } from './styles.js';
import { dosDateTime, withZipTimestamps } from './zip.js';

/** A small seeded generator (mulberry32): ids only need to be unique within a document. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0x15b0d0c5;

/**
 * Runs `work` with Math.random seeded, restoring it before returning. docx
 * draws ids while building and while compiling the package; Packer compiles
 * synchronously when called, so the returned promise only finishes the zip.
 * Restoring synchronously means no other code, not even a concurrent render,
 * ever sees the seeded generator.
 */
function withSeededRandom<T>(work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(SEED);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

function isoDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '1980-01-01';
}

/** docProps/core.xml with the document's own date instead of the clock's. */
function coreProperties(meta: DocumentMeta): string {
  const text = (value: string) => escapeXml(xmlSafe(value).text);
  const stamp = `${isoDate(meta.date)}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${text(meta.title)}</dc:title>` +
    `<dc:subject>${text(meta.subject)}</dc:subject>` +
    `<dc:creator>${text(meta.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${text(meta.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `<dc:language>${LANGUAGE}</dc:language>` +
    '</cp:coreProperties>'
  );
}

/** Builds the document with `build` and packs it; the same input always gives the same bytes. */
export async function packDeterministic(build: () => Document, meta: DocumentMeta): Promise<Uint8Array> {
  const packed = withSeededRandom(() =>
    Packer.toBuffer(build(), false, [{ path: 'docProps/core.xml', data: coreProperties(meta) }]),
  );
  const bytes = await packed;
  return withZipTimestamps(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), dosDateTime(isoDate(meta.date)));
}
