// Writing an Office package (a ZIP archive) with fflate. Every entry is
// deflated and carries the same date, chosen by the caller, so the same parts
// always give the same bytes. An entry can be written piece by piece: each
// piece is compressed as it comes, so the text of a large document.xml never
// has to exist whole.
import { Zip, ZipDeflate } from 'fflate';
import type { Xml } from './xml.js';

/** Text is compressed in pieces of about this many characters. */
const PIECE = 1 << 20;

const encoder = new TextEncoder();

export class PartWriter {
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly entry: ZipDeflate) {}

  write(markup: Xml): void {
    this.pending.push(markup);
    this.pendingLength += markup.length;
    if (this.pendingLength >= PIECE) this.flush(false);
  }

  end(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    if (this.pendingLength === 0 && !final) return;
    const bytes = encoder.encode(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    this.entry.push(bytes, final);
  }
}

export class PackageWriter {
  private readonly zip: Zip;
  private readonly chunks: Uint8Array[] = [];
  private readonly mtime: Date;

  /** `date`: YYYY-MM-DD, the date every entry carries. */
  constructor(date: string) {
    // fflate reads the date's local fields; noon of the day in this time zone
    // gives the same fields everywhere (no time zone changes clocks at noon).
    // ZIP dates run from 1980; fflate writes them up to 2099.
    const [year, month, day] = date.split('-').map(Number);
    this.mtime = new Date(Math.min(2099, Math.max(1980, year || 1980)), (month || 1) - 1, day || 1, 12);
    this.zip = new Zip((error, chunk) => {
      if (error) throw error;
      this.chunks.push(chunk);
    });
  }

  /** A part whose markup is written piece by piece; it is complete when ended. */
  part(name: string): PartWriter {
    return new PartWriter(this.entry(name));
  }

  file(name: string, data: Xml | Uint8Array): void {
    if (typeof data === 'string') {
      const writer = this.part(name);
      writer.write(data);
      writer.end();
      return;
    }
    this.entry(name).push(data, true);
  }

  private entry(name: string): ZipDeflate {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    return entry;
  }

  /** The archive: the entries, then the central directory. */
  finish(): Uint8Array {
    this.zip.end();
    const out = new Uint8Array(this.chunks.reduce((sum, c) => sum + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
