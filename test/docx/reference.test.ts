// templates/reference.docx: its styles are used as pandoc's --reference-doc
// uses them, ours fill in what it lacks, and the language stays UK English.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  ReferenceDocError,
  readReferenceStyles,
  styleIdsOf,
  withDefaultLanguage,
} from '../../src/ooxml/reference-styles.js';
import { answerModel, pandocJson, pandocNodes, pandocText, part, render, withPandoc, xmlParts } from './helpers.js';
import { attr, elements, parseXml, type XmlElement } from './xml.js';
import { storedZip } from '../helpers/zip.js';

/** A styles part as the reader hands it over, once it has parsed it. */
const stylesPart = (xml: string) => readReferenceStyles(storedZip({ 'word/styles.xml': xml }));

const styleById = (styles: XmlElement, id: string) =>
  elements(styles).find((e) => e.name === 'w:style' && attr(e, 'w:styleId') === id);
const langOf = (xml: string) => {
  const lang = elements(parseXml(xml)).find((e) => e.name === 'w:rPrDefault')?.children;
  const element = lang && elements({ name: 'x', attrs: [], children: lang }).find((e) => e.name === 'w:lang');
  return element && Object.fromEntries(element.attrs);
};

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe('reading a reference document', () => {
  it('extracts word/styles.xml from a .docx', async () => {
    const { bytes } = await render(answerModel('Text.'));
    const styles = readReferenceStyles(bytes);
    expect(styles).toBe(part(bytes, 'word/styles.xml'));
    expect(styleIdsOf(styles).has('Heading1')).toBe(true);
  });

  it('explains what is wrong with a file that is no usable .docx', () => {
    expect(() => readReferenceStyles(new TextEncoder().encode('just text'))).toThrow(/not a readable \.docx file/);
    expect(() => readReferenceStyles(storedZip({ 'word/document.xml': '<w:document/>' }))).toThrow(
      /has no word\/styles\.xml/,
    );
    expect(() => readReferenceStyles(storedZip({ 'word/styles.xml': '<html/>' }))).toThrow(/not a Word styles part/);
    expect(readReferenceStyles(storedZip({ 'word/styles.xml': `<w:styles ${NS}></w:styles>` }))).toContain('<w:styles');
  });

  it.each([
    ['an element never closed', `<w:styles ${NS}><w:style></w:styles>`, /1:101: unexpected close tag/],
    [
      'a stray <',
      `<w:styles ${NS}><w:style w:styleId="A">a < b</w:style></w:styles>`,
      /1:108: disallowed character in tag name/,
    ],
    ['a bare &', `<w:styles ${NS}><w:style w:styleId="A&B"/></w:styles>`, /1:\d+: .*entity|unclosed tag/],
    [
      'an attribute without quotes',
      `<w:styles ${NS}><w:style w:styleId=A/></w:styles>`,
      /1:101: unquoted attribute value/,
    ],
  ])('refuses a styles part with %s, which would make a document Word cannot open', (_, xml, why) => {
    const read = () => readReferenceStyles(storedZip({ 'word/styles.xml': xml }));
    expect(read).toThrow(ReferenceDocError);
    expect(read).toThrow(/the \.docx file is damaged: word\/styles\.xml is not well-formed XML/);
    expect(read).toThrow(why);
  });

  it("accepts pandoc's and Word's markup: declarations, comments, empty elements, entities", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- made in Word --><w:styles ${NS}><w:style w:type='paragraph' w:styleId="A"><w:name w:val="a &amp; b &#169;"/></w:style><w:style w:styleId="B" /></w:styles>`;
    expect(readReferenceStyles(storedZip({ 'word/styles.xml': xml }))).toBe(xml);
  });
});

describe('the default language', () => {
  it.each([
    ['no docDefaults', `<w:styles ${NS}><w:style w:styleId="A"/></w:styles>`],
    ['empty docDefaults', `<w:styles ${NS}><w:docDefaults/></w:styles>`],
    ['no rPrDefault', `<w:styles ${NS}><w:docDefaults><w:pPrDefault/></w:docDefaults></w:styles>`],
    ['an empty rPr', `<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults></w:styles>`],
    [
      'no lang',
      `<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:eastAsianLayout/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
    ],
  ])('is added to a styles part with %s', (_, xml) => {
    const patched = withDefaultLanguage(stylesPart(xml), 'en-GB');
    expect(langOf(patched)).toEqual({ 'w:val': 'en-GB' });
  });

  it('replaces the language and keeps the East Asian and bidirectional ones', () => {
    const xml = `<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;
    expect(langOf(withDefaultLanguage(stylesPart(xml), 'en-GB'))).toEqual({
      'w:val': 'en-GB',
      'w:eastAsia': 'zh-CN',
      'w:bidi': 'ar-SA',
    });
    const noVal = xml.replace('w:val="en-US" ', '');
    expect(langOf(withDefaultLanguage(stylesPart(noVal), 'en-GB'))).toMatchObject({ 'w:val': 'en-GB' });
  });

  it('puts the language before the elements the schema orders after it', () => {
    const xml = `<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:eastAsianLayout/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;
    expect(withDefaultLanguage(stylesPart(xml), 'en-GB')).toContain(
      '<w:sz w:val="24"/><w:lang w:val="en-GB"/><w:eastAsianLayout/>',
    );
  });
});

describe('rendering with a reference document', () => {
  it("uses the reference's styles over the house style and adds the styles it lacks", async () => {
    const { bytes: own } = await render(answerModel('Text.'));
    // A reference whose Heading1 is red and which has no Question style.
    const reference = stylesPart(
      readReferenceStyles(own)
        .replace(/(<w:style [^>]*w:styleId="Heading1"[\s\S]*?<w:color w:val=")[0-9A-F]{6}/, '$1FF0000')
        .replace(/<w:style [^>]*w:styleId="Question"[\s\S]*?<\/w:style>/, ''),
    );
    expect(reference).toContain('FF0000');
    const { bytes } = await render(answerModel('Text.'), { referenceStyles: reference });
    const styles = xmlParts(bytes).get('word/styles.xml')!;
    const heading1 = styleById(styles, 'Heading1')!;
    expect(attr(elements(heading1).find((e) => e.name === 'w:color')!, 'w:val')).toBe('FF0000');
    expect(styleById(styles, 'Question')).toBeDefined();
    const ids = elements(styles)
      .filter((e) => e.name === 'w:style')
      .map((e) => attr(e, 'w:styleId'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  withPandoc("works with pandoc's own reference.docx, which pandoc then reads back", async () => {
    const result = spawnSync('pandoc', ['--print-default-data-file', 'reference.docx']);
    if (result.status !== 0) throw new Error(`pandoc could not print its reference.docx: ${result.stderr}`);
    const referenceStyles = readReferenceStyles(new Uint8Array(result.stdout));
    const { bytes } = await render(answerModel('Text with a [link](https://example.org).'), { referenceStyles });
    const styles = xmlParts(bytes).get('word/styles.xml')!;
    expect(styleById(styles, 'FirstParagraph')).toBeDefined(); // pandoc's own
    expect(styleById(styles, 'Question')).toBeDefined(); // ours, which pandoc's lacks
    const lang = elements(styles).find((e) => e.name === 'w:lang')!;
    expect(attr(lang, 'w:val')).toBe('en-GB');
    const json = pandocJson(bytes);
    // pandoc's own "TOC Heading" is based on Heading 1 (ours is not), so pandoc reads the contents' heading as one.
    const headers = pandocNodes(json.blocks, 'Header').map((h) => [(h.c as [number])[0], pandocText(h.c)] as const);
    expect(headers[0]).toEqual([1, 'Contents']);
    expect(headers.slice(1, 4).map(([level]) => level)).toEqual([1, 2, 3]);
  });
});
