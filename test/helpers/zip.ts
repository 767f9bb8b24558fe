// ZIP archives for tests, through fflate: damaged or hand-made "documents",
// Word files edited by a test as a partner would edit them, and the parts of
// our own output.
import { unzipSync, zipSync } from 'fflate';

/** A ZIP of stored entries: enough to make broken "documents". */
export function storedZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const bytes = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [
      name,
      typeof data === 'string' ? new TextEncoder().encode(data) : data,
    ]),
  );
  return zipSync(bytes, { level: 0 });
}

/** Every entry of a ZIP archive by name, in directory order. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/** One entry of a ZIP archive, or undefined when it has none by that name. */
export function readZipEntry(bytes: Uint8Array, name: string): Uint8Array | undefined {
  return unzipSync(bytes, { filter: (file) => file.name === name })[name];
}
