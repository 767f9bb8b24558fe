// The strict XML reader the DOCX tests rely on must itself reject what Word rejects.
import { describe, expect, it } from 'vitest';
import { parseXml, prettyXml } from './xml.js';

const NS = 'xmlns:w="urn:w"';

describe('strict XML reader', () => {
  it.each([
    ['a forbidden character', `<w:r ${NS}><w:t>a\fb</w:t></w:r>`],
    ['a lone surrogate', `<w:r ${NS}><w:t>a\uD800b</w:t></w:r>`],
    ['unbalanced tags', `<w:r ${NS}><w:t>a</w:r></w:t>`],
    ['an unclosed root', `<w:r ${NS}>`],
    ['an undeclared prefix', '<w:r><w:t/></w:r>'],
    ['an unknown entity', `<w:r ${NS}>&nbsp;</w:r>`],
    ['a bare ampersand', `<w:r ${NS}>a & b</w:r>`],
    ['"<" in an attribute', `<w:r ${NS} w:val="<"/>`],
    ['a duplicate attribute', `<w:r ${NS} w:val="1" w:val="2"/>`],
    ['two roots', `<a/><b/>`],
    ['a forbidden character reference', `<w:r ${NS}>&#12;</w:r>`],
    ['"]]>" in text', `<w:r ${NS}>a ]]> b</w:r>`],
  ])('rejects %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });

  it('accepts and pretty-prints well-formed XML', () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:r ${NS}><!-- c --><w:t xml:space="preserve"> a &amp; &#x1F44D; </w:t><w:br/></w:r>`,
    );
    expect(prettyXml(root)).toBe(`<w:r ${NS}>\n  <w:t xml:space="preserve"> a &amp; 👍 </w:t>\n  <w:br/>\n</w:r>\n`);
  });
});
