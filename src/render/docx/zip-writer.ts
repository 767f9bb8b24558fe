// Writing a ZIP archive (a .docx package) with every entry deflated and dated
// by the caller, so the same parts always give the same bytes. An entry can be
// written piece by piece: each piece is compressed as it comes, so the text of
// a large document.xml never has to exist whole.
import zlib from 'node:zlib';

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as ZIP uses it, continuing from `previous`, for Node before 20.15 (which has no zlib.crc32). */
export function tableCrc32(bytes: Uint8Array, previous: number): number {
  let c = ~previous;
  for (let i = 0; i < bytes.length; i += 1) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

const crc32: (bytes: Uint8Array, previous: number) => number = typeof zlib.crc32 === 'function' ? zlib.crc32 : tableCrc32;

/** Text is compressed in pieces of about this many characters. */
const PIECE = 1 << 20;

export class ZipEntryWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private crc = 0;
  private size = 0;
  private readonly compressed: Uint8Array[] = [];

  constructor(
    private readonly zip: ZipWriter,
    private readonly name: string,
  ) {}

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= PIECE) this.flush();
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    // A sync flush ends each piece on a byte boundary without ending the
    // stream, so the pieces joined are one valid deflate stream.
    this.compressed.push(zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }

  end(): void {
    this.flush();
    this.compressed.push(zlib.deflateRawSync(Buffer.alloc(0)));
    this.zip.add(this.name, this.compressed, this.crc, this.size);
  }
}

interface Entry {
  readonly name: Buffer;
  readonly offset: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
}

export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

  /** `stamp`: the MS-DOS date and time every entry carries. */
  constructor(private readonly stamp: { date: number; time: number }) {}

  /** An entry whose text is written piece by piece; it is added when ended. */
  entry(name: string): ZipEntryWriter {
    return new ZipEntryWriter(this, name);
  }

  file(name: string, data: string | Uint8Array): void {
    if (typeof data === 'string') {
      const writer = this.entry(name);
      writer.write(data);
      writer.end();
      return;
    }
    this.add(name, [zlib.deflateRawSync(data)], crc32(data, 0), data.length);
  }

  /** Appends a compressed entry. */
  add(name: string, compressed: readonly Uint8Array[], crc: number, size: number): void {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressedSize = compressed.reduce((sum, c) => sum + c.length, 0);
    const entry: Entry = { name: nameBytes, offset: this.offset, crc, compressedSize, size };
    this.entries.push(entry);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    this.common(header, 4, entry);
    this.push(header, nameBytes, ...compressed);
  }

  /** The fields local headers and central directory records share, from `at`. */
  private common(b: Buffer, at: number, e: Entry): void {
    b.writeUInt16LE(20, at); // version needed: deflate
    b.writeUInt16LE(0, at + 2); // flags
    b.writeUInt16LE(8, at + 4); // method: deflate
    b.writeUInt16LE(this.stamp.time, at + 6);
    b.writeUInt16LE(this.stamp.date, at + 8);
    b.writeUInt32LE(e.crc >>> 0, at + 10);
    b.writeUInt32LE(e.compressedSize, at + 14);
    b.writeUInt32LE(e.size, at + 18);
    b.writeUInt16LE(e.name.length, at + 22);
    b.writeUInt16LE(0, at + 24); // extra field length
  }

  private push(...chunks: Uint8Array[]): void {
    for (const c of chunks) {
      this.chunks.push(c);
      this.offset += c.length;
    }
  }

  /** The archive: the entries, then the central directory. */
  finish(): Uint8Array {
    const start = this.offset;
    for (const e of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // version made by
      this.common(record, 6, e);
      // comment length, disk, internal and external attributes stay 0
      record.writeUInt32LE(e.offset, 42);
      this.push(record, e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return Buffer.concat(this.chunks);
  }
}
