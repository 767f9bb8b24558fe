// Just enough ZIP to read .docx packages: a reference document, a partner's
// Word file, or our own output in tests. ZIP64, encryption and methods other
// than stored and deflate are refused: no Word document needs them.
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface CentralEntry {
  name: string;
  /** Offset of the central directory record. */
  record: number;
  /** Offset of the local header. */
  local: number;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** The MS-DOS date and time of the entry. */
  stamp: { date: number; time: number };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function centralDirectory(bytes: Uint8Array): CentralEntry[] {
  const dv = view(bytes);
  // The end record sits at the very end, before a comment of at most 64 KiB.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (dv.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive (no end of central directory record)');
  const count = dv.getUint16(end + 10, true);
  const offset = dv.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('ZIP64 archives are not supported');
  const entries: CentralEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL) {
      throw new Error('damaged ZIP archive (bad central directory record)');
    }
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const local = dv.getUint32(at + 42, true);
    if (local + 30 > bytes.length || dv.getUint32(local, true) !== LOCAL) {
      throw new Error('damaged ZIP archive (bad local header)');
    }
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      record: at,
      local,
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      stamp: { time: dv.getUint16(at + 12, true), date: dv.getUint16(at + 14, true) },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: CentralEntry): Uint8Array {
  if (entry.flags & 1) throw new Error(`${entry.name} is encrypted`);
  const dv = view(bytes);
  // Sizes come from the central directory: a local header written with a data
  // descriptor (flag bit 3) has zeros there.
  const start = entry.local + 30 + dv.getUint16(entry.local + 26, true) + dv.getUint16(entry.local + 28, true);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new Error(`${entry.name} is truncated`);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new Error(`${entry.name} uses unsupported compression method ${entry.method}`);
  let data: Uint8Array;
  try {
    // Never inflate past the declared size: a zip bomb declares little and holds much.
    data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    throw new Error(`${entry.name} cannot be decompressed: ${(error as Error).message}`);
  }
  if (data.length !== entry.size) throw new Error(`${entry.name} has the wrong size after decompression`);
  return data;
}

/** The names, declared uncompressed sizes and dates of an archive's entries, without reading them. */
export function zipListing(bytes: Uint8Array): { name: string; size: number; stamp: { date: number; time: number } }[] {
  return centralDirectory(bytes).map((e) => ({ name: e.name, size: e.size, stamp: e.stamp }));
}

/** Every entry of a ZIP archive by name, in directory order. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of centralDirectory(bytes)) files.set(entry.name, entryData(bytes, entry));
  return files;
}

/** One entry of a ZIP archive, or undefined when it has none by that name. */
export function readZipEntry(bytes: Uint8Array, name: string): Uint8Array | undefined {
  const entry = centralDirectory(bytes).find((e) => e.name === name);
  return entry && entryData(bytes, entry);
}

/** The MS-DOS date and time fields for midnight of a YYYY-MM-DD date, within the years DOS can hold. */
export function dosDateTime(date: string): { date: number; time: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const year = Math.min(2107, Math.max(1980, Number(match?.[1] ?? 1980)));
  const month = match ? Number(match[2]) : 1;
  const day = match ? Number(match[3]) : 1;
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: 0 };
}
