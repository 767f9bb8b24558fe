// The first numbers of Word's numbered lists, from numbering.xml and
// document.xml, as mammoth will group the paragraphs into lists.
import { describe, expect, it } from 'vitest';
import { orderedListStarts } from '../../src/import/word-numbering.js';
import { storedZip } from '../helpers/zip.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const level = (ilvl: number, format: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/></w:lvl>`;
const NUMBERING = `<w:numbering ${W}>
<w:abstractNum w:abstractNumId="10">${level(0, 'decimal')}${level(1, 'lowerLetter')}</w:abstractNum>
<w:abstractNum w:abstractNumId="20">${level(0, 'bullet')}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>`;

const item = (numId: number, ilvl = 0, text = 'item') =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const para = (text = 'text') => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const docx = (...body: string[]) =>
  storedZip({
    'word/numbering.xml': NUMBERING,
    'word/document.xml': `<w:document ${W}><w:body>${body.join('')}</w:body></w:document>`,
  });

describe('numbered list starts', () => {
  it('continue a list after a paragraph, as Word numbers it', () => {
    expect(orderedListStarts(docx(item(1), item(1), para(), item(1)))).toEqual([1, 3]);
  });

  it('take a start override, and ignore empty paragraphs (mammoth drops them)', () => {
    expect(orderedListStarts(docx(item(2), '<w:p/>', '<w:p><w:pPr/></w:p>', item(2)))).toEqual([5]);
  });

  it('start nested lists again under each item, and count bullet lists out', () => {
    expect(
      orderedListStarts(docx(item(1), item(1, 1), item(1, 1), item(1), item(1, 1), para(), item(3), item(3))),
    ).toEqual([1, 1, 1]);
  });

  it('find nothing in a document without numbering', () => {
    expect(
      orderedListStarts(storedZip({ 'word/document.xml': `<w:document ${W}><w:body>${para()}</w:body></w:document>` })),
    ).toEqual([]);
  });
});
