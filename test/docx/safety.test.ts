// Text that XML cannot hold, or that looks like markup, must neither break
// the package nor turn into markup: it is dropped (with a warning) or shown.
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/core/document.js';
import { isXmlSafe, xmlSafe } from '../../src/ooxml/xml.js';
import { readZip } from '../helpers/zip.js';
import { META, pandocJson, pandocText, render, withPandoc, xmllint, xmlParts, withXmllint } from './helpers.js';
import { wordText } from './xml.js';

const NASTY = 'a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\uD800i\uDC00j';
const SCRIPT = '<script>alert("x & y")</script> ]]> &amp;';

function hostileModel(): DocumentModel {
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'heading',
        depth: 1,
        children: [{ type: 'text', value: `Title ${NASTY}` }],
        data: { role: 'title' },
      } as never,
      { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Section' }] },
      { type: 'paragraph', children: [{ type: 'text', value: `Body ${NASTY} ${SCRIPT}` }] },
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: `https://example.org/\u0001x`, children: [{ type: 'text', value: `link${NASTY}` }] },
        ],
      },
      { type: 'paragraph', children: [{ type: 'image', url: 'missing.png', alt: `alt${NASTY}` }] },
      { type: 'code', value: `code ${NASTY}\n${SCRIPT}` },
      { type: 'html', value: `<div onclick="x()">${SCRIPT}</div>` },
      {
        type: 'table',
        align: [null],
        children: [
          { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: `cell ${NASTY}` }] }] },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Noted' },
          { type: 'footnoteReference', identifier: 'n', label: 'n' },
        ],
      },
      {
        type: 'footnoteDefinition',
        identifier: 'n',
        label: 'n',
        children: [{ type: 'paragraph', children: [{ type: 'text', value: `note ${NASTY}` }] }],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'emoji 👍 survives' }] },
    ],
  };
  return { kind: 'response', meta: { ...META, title: `T${NASTY}`, short: `S${NASTY}<&>` }, tree };
}

describe('sanitising', () => {
  it('removes exactly what XML 1.0 forbids, keeping surrogate pairs, tab, LF and CR', () => {
    expect(xmlSafe(NASTY)).toEqual({ text: 'abcdefghij', removed: 9 });
    expect(xmlSafe('tab\there\nnew\rline 👍').removed).toBe(0);
    expect(isXmlSafe('\uD83D\uDC4D')).toBe(true);
    expect(isXmlSafe('\uDC4D\uD83D')).toBe(false);
  });

  it('renders hostile text to well-formed XML with the script text visible and a warning', async () => {
    const { bytes, warnings } = await render(hostileModel());
    const parts = xmlParts(bytes); // throws on any ill-formed part
    const body = wordText(parts.get('word/document.xml')!);
    expect(body).toContain('Body abcdefghij <script>alert("x & y")</script> ]]> &amp;');
    expect(body).toContain('<div onclick="x()">');
    expect(body).toContain('cell abcdefghij');
    expect(body).toContain('emoji 👍 survives');
    expect(wordText(parts.get('word/footnotes.xml')!)).toContain('note abcdefghij');
    expect(wordText(parts.get('word/header1.xml')!)).toContain('Sabcdefghij<&>');
    expect(warnings.some((w) => /character\(s\) that a Word document cannot hold/.test(w))).toBe(true);
    const rels = new TextDecoder().decode(readZip(bytes).get('word/_rels/document.xml.rels'));
    expect(rels).toContain('Target="https://example.org/x"');
  });

  withXmllint('passes xmllint with hostile text', async () => {
    const { bytes } = await render(hostileModel());
    for (const [name, data] of readZip(bytes)) {
      if (/\.(xml|rels)$/.test(name)) expect(xmllint(new TextDecoder().decode(data)), name).toBeNull();
    }
  });

  withPandoc('lets pandoc read the hostile document and see the script as text', async () => {
    const { bytes } = await render(hostileModel());
    const text = pandocText(pandocJson(bytes));
    expect(text).toContain('<script>alert("x');
    expect(text).toContain('abcdefghij');
  });
});
