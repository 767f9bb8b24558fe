// The package reader: what it reads is what was written, and a part is never
// inflated past the size its archive declares or past the caps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackageWriter } from '../../src/ooxml/package-writer.js';
import { listPackage, PackageError, readPackage } from '../../src/ooxml/package-reader.js';
import { declaring, docx } from '../hostile/word-packages.js';
import { storedZip } from '../helpers/zip.js';

const LIMITS = { part: 1 << 20, total: 2 << 20 };

describe('reading a package', () => {
  it('reads back every part the writer wrote, byte for byte, in order', () => {
    const name = fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.(xml|png|bin)$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 5000 })), { selector: ([n]) => n, maxLength: 8 }),
        (parts) => {
          const writer = new PackageWriter('2006-03-01');
          for (const [n, bytes] of parts) writer.file(n, bytes);
          const read = readPackage(writer.finish(), LIMITS);
          expect([...read.keys()]).toEqual(parts.map(([n]) => n));
          for (const [n, bytes] of parts) expect(read.get(n)).toEqual(bytes);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('stops at the declared size of a part that holds more, and says it is damaged', () => {
    const bomb = declaring(docx({ 'a.xml': new Uint8Array(8 << 20).fill(32) }), 'a.xml', 100);
    expect(listPackage(bomb)).toEqual([{ name: 'a.xml', size: 100 }]);
    expect(() => readPackage(bomb, LIMITS)).toThrow(PackageError);
    expect(() => readPackage(bomb, LIMITS)).toThrow(/^a\.xml is damaged/);
  });

  it('refuses a part, or parts together, declaring more than the caps, before inflating', () => {
    const zip = storedZip({ 'a.xml': 'a', 'b.xml': 'b' });
    expect(() => readPackage(declaring(zip, 'a.xml', (1 << 20) + 1), LIMITS)).toThrow(
      'a.xml expands to 2 MB, more than the 1 MB one part may',
    );
    const both = declaring(declaring(zip, 'a.xml', 1 << 20), 'b.xml', 1 << 20);
    expect(() => readPackage(both, { part: 1 << 20, total: (2 << 20) - 1 })).toThrow(
      'the parts expand to more than the 2 MB a document may',
    );
    expect(readPackage(zip, LIMITS, (n) => n === 'b.xml')).toEqual(new Map([['b.xml', new TextEncoder().encode('b')]]));
  });

  it('says what is wrong with bytes that are no archive, or half of one', () => {
    expect(() => listPackage(new TextEncoder().encode('just text'))).toThrow(/^not a readable ZIP archive/);
    const zip = docx({ 'a.xml': new Uint8Array(5000).fill(65) });
    expect(() => readPackage(zip.subarray(0, zip.length - 30), LIMITS)).toThrow(PackageError);
  });
});
