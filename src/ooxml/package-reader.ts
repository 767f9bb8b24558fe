// Reading an Office package (a .docx: a reference document, a partner's reply,
// our own output in tests) by its central directory, as Word does. What a part
// may expand to is capped before anything is inflated, and inflating stops at
// the part's declared size (adm-zip passes it to zlib as the most it may
// write, then checks the CRC), so a part that lies about its size is refused
// after at most that many bytes, never inflated in full.
//
// Why adm-zip and not fflate, which writes our packages: fflate's readers
// either inflate into a buffer of the declared size and go on decoding past
// its end (a 500 MB bomb declaring 1 kB took 3 s and came back truncated, with
// no error), or find entries by local headers, scanning data for signatures
// where sizes follow the data, as in every .docx LibreOffice writes.
import AdmZip from 'adm-zip';

/** What a package may expand to, in bytes actually inflated. */
export interface PackageLimits {
  /** Any one part. */
  readonly part: number;
  /** All the parts read, together. */
  readonly total: number;
}

/** A package that cannot be read, said for the user (without the file's name). */
export class PackageError extends Error {}

export interface PartEntry {
  readonly name: string;
  /** The uncompressed size the archive declares. */
  readonly size: number;
}

const MB = (bytes: number) => `${Math.ceil(bytes / 1048576)} MB`;

function open(bytes: Uint8Array): AdmZip {
  try {
    return new AdmZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { noSort: true });
  } catch (error) {
    throw new PackageError(`not a readable ZIP archive (${(error as Error).message})`);
  }
}

function entries(zip: AdmZip): AdmZip.IZipEntry[] {
  try {
    return zip.getEntries().filter((e) => !e.isDirectory);
  } catch (error) {
    throw new PackageError(`damaged ZIP archive (${(error as Error).message})`);
  }
}

/** The parts of a package and their declared sizes, in directory order, without inflating any. */
export function listPackage(bytes: Uint8Array): PartEntry[] {
  return entries(open(bytes)).map((e) => ({ name: e.entryName, size: e.header.size }));
}

/**
 * The parts `wanted` picks (all by default), by name.
 * @throws PackageError when the archive is damaged or a part would go beyond `limits`
 */
export function readPackage(
  bytes: Uint8Array,
  limits: PackageLimits,
  wanted: (name: string) => boolean = () => true,
): Map<string, Uint8Array> {
  const chosen = entries(open(bytes)).filter((e) => wanted(e.entryName));
  let total = 0;
  for (const e of chosen) {
    if (e.header.size > limits.part)
      throw new PackageError(
        `${e.entryName} expands to ${MB(e.header.size)}, more than the ${MB(limits.part)} one part may`,
      );
    total += e.header.size;
    if (total > limits.total)
      throw new PackageError(`the parts expand to more than the ${MB(limits.total)} a document may`);
  }
  const parts = new Map<string, Uint8Array>();
  for (const e of chosen) {
    let data: Buffer;
    try {
      data = e.getData();
    } catch (error) {
      throw new PackageError(`${e.entryName} is damaged (${(error as Error).message})`);
    }
    if (data.length !== e.header.size)
      throw new PackageError(
        `${e.entryName} is damaged (it holds ${data.length} bytes, not the ${e.header.size} its directory says)`,
      );
    parts.set(e.entryName, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return parts;
}
