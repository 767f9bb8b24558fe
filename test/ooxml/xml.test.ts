// Markup is its own type: text reaches it only through escapeXml, and only
// src/ooxml/ may declare a string to be markup. The parser-based reader
// refuses what is not well-formed or not in its declared encoding, with the place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, isXmlSafe, xml } from '../../src/ooxml/xml.js';
import { decodeXmlPart, walkXml, XmlPartError } from '../../src/ooxml/xml-reader.js';
import { REPO } from '../helpers/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('markup', () => {
  it('is declared only in src/ooxml/: everywhere else it is built from escaped text', () => {
    const casts = sources(join(REPO, 'src'))
      .filter((file) => !relative(REPO, file).startsWith('src/ooxml/'))
      .filter((file) => /\bas Xml\b|<Xml>/.test(readFileSync(file, 'utf8')));
    expect(casts).toEqual([]);
  });

  it('holds any text escaped, which the parser reads back as that text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter(isXmlSafe), (text) => {
        let read = '';
        walkXml(xml`<a b="${escapeXml(text)}">${escapeXml(text)}</a>`, 'test.xml', 4, {
          open: (tag) => {
            read += tag.attributes.b;
          },
          text: (t) => {
            read += t;
          },
        });
        expect(read).toBe(text.replace(/\r\n?/g, '\n') + text.replace(/\r\n?/g, '\n'));
      }),
    );
  });
});

describe('reading XML parts', () => {
  it('gives the line and column of the first byte not valid in UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<a>\n  é'), 0xe9, ...new TextEncoder().encode('</a>')]);
    expect(() => decodeXmlPart(bytes, 'p.xml')).toThrow(
      'p.xml is not valid UTF-8, as it says it is: byte 0xe9 at line 2, column 4',
    );
  });

  it('reads UTF-16 by its byte order mark, and refuses half a character', () => {
    const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
    expect(decodeXmlPart(utf16('<a>ü</a>'), 'p.xml')).toBe('<a>ü</a>');
    expect(() => decodeXmlPart(utf16('<a>\uD800</a>'), 'p.xml')).toThrow(XmlPartError);
  });

  it('refuses nesting deeper than asked, with the place', () => {
    expect(() => walkXml('<a><b><c/></b></a>', 'p.xml', 2)).toThrow(
      'p.xml nests elements more than 2 deep (at line 1, column 7)',
    );
    expect(() => walkXml('<a><b/></a>', 'p.xml', 2)).not.toThrow();
  });
});
