// What the DOCX writer puts into the package, construct by construct, read
// straight from the XML parts.
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/core/document.js';
import { readZip } from '../helpers/zip.js';
import { answerModel, META, part, render, xmllint, xmlParts, withXmllint } from './helpers.js';
import { gif, png } from './images.js';
import { attr, elements, parseXml, wordText, type XmlElement } from './xml.js';

async function docXml(markdown: string, opts: Parameters<typeof render>[1] = {}) {
  const { bytes, warnings } = await render(answerModel(markdown), opts);
  const parts = xmlParts(bytes);
  const document = parts.get('word/document.xml');
  if (!document) throw new Error('no document.xml');
  return { bytes, warnings, parts, document, body: elements(document) };
}

const paragraphs = (root: XmlElement) => elements(root).filter((e) => e.name === 'w:p');
const styleOf = (p: XmlElement) => attr(elements(p).find((e) => e.name === 'w:pStyle') ?? p, 'w:val');
const child = (e: XmlElement, name: string) => elements(e).find((x) => x.name === name);
const paragraphWith = (root: XmlElement, text: string) => {
  const all = paragraphs(root);
  const found = all.find((p) => wordText(p) === text) ?? all.find((p) => wordText(p).includes(text));
  if (!found) throw new Error(`no paragraph with "${text}"`);
  return found;
};

describe('package', () => {
  it('has well-formed XML in every part, A4 pages, 2.54 cm margins and UK English', async () => {
    const { parts, document } = await docXml('Just a paragraph.');
    for (const name of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'word/footnotes.xml',
      'docProps/core.xml',
    ]) {
      expect(parts.has(name), name).toBe(true);
    }
    const size = child(document, 'w:pgSz');
    expect([attr(size!, 'w:w'), attr(size!, 'w:h')]).toEqual(['11906', '16838']);
    const margin = child(document, 'w:pgMar')!;
    for (const side of ['w:top', 'w:right', 'w:bottom', 'w:left']) expect(attr(margin, side)).toBe('1440');
    const styles = parts.get('word/styles.xml')!;
    const defaults = child(styles, 'w:rPrDefault')!;
    expect(attr(child(defaults, 'w:lang')!, 'w:val')).toBe('en-GB');
  });

  withXmllint('passes xmllint, part by part', async () => {
    const { bytes } = await render(answerModel('Some *text* with a [link](https://example.org).[^1]\n\n[^1]: Note.'));
    for (const [name, data] of readZip(bytes)) {
      if (/\.(xml|rels)$/.test(name)) expect(xmllint(new TextDecoder().decode(data)), name).toBeNull();
    }
  });

  it('carries title, subject, creator and the document date in core.xml', async () => {
    const { parts } = await docXml('Text.');
    const core = parts.get('docProps/core.xml')!;
    const text = (name: string) => wordOf(child(core, name)!);
    expect(text('dc:title')).toBe(META.title);
    expect(text('dc:subject')).toBe(META.subject);
    expect(text('dc:creator')).toBe(META.creator);
    expect(text('dcterms:created')).toBe('2006-03-01T00:00:00Z');
    expect(text('dcterms:modified')).toBe('2006-03-01T00:00:00Z');
  });

  it('puts the short name and title in the header and "Page X of Y" fields in the footer', async () => {
    const { parts } = await docXml('Text.');
    const header = parts.get('word/header1.xml')!;
    expect(wordText(header)).toBe(`KCP · ${META.title}`);
    const footer = parts.get('word/footer1.xml')!;
    expect(wordText(footer)).toContain('Page ');
    expect(wordText(footer)).toContain(' of ');
    const fields = elements(footer)
      .filter((e) => e.name === 'w:instrText')
      .map((e) => e.children.join('').trim());
    expect(fields).toEqual(['PAGE', 'NUMPAGES']);
  });

  it('drops a separator left dangling by an empty short name', async () => {
    const doc = answerModel('Text.');
    doc.meta.short = '';
    const { bytes } = await render(doc);
    expect(wordText(xmlParts(bytes).get('word/header1.xml')!)).toBe(META.title);
  });
});

function wordOf(e: XmlElement): string {
  return e.children.join('');
}

describe('structure and roles', () => {
  it('uses Title and built-in heading styles, and breaks the page after the cover', async () => {
    const { document } = await docXml('### Sub-heading in an answer\n\nText.');
    const styled = paragraphs(document).map((p) => [styleOf(p), wordText(p)]);
    expect(styled).toContainEqual(['Title', META.title]);
    expect(styled).toContainEqual(['Heading1', 'The future of Local Strategic Partnerships']);
    expect(styled).toContainEqual(['Heading2', 'Governance']);
    expect(styled).toContainEqual(['Heading3', 'Q1']);
    expect(styled).toContainEqual(['Heading4', 'Sub-heading in an answer']);
    // A response opens with its contents on a page of their own, then the body on the next.
    const breaks = paragraphs(document).filter((p) => child(p, 'w:pageBreakBefore'));
    expect(breaks.map((p) => [styleOf(p), wordText(p)])).toEqual([
      ['TOCHeading', 'Contents'],
      ['Heading1', 'The future of Local Strategic Partnerships'],
    ]);
  });

  it('starts a long document with a contents field Word updates on opening, listing the headings as its stored value', async () => {
    const { document, parts } = await docXml('### Sub-heading in an answer\n\nText.');
    const instruction = elements(document).find((e) => e.name === 'w:instrText')!;
    expect(wordOf(instruction)).toBe(' TOC \\o "1-3" \\h \\z \\u ');
    expect(attr(elements(document).find((e) => e.name === 'w:fldChar')!, 'w:dirty')).toBe('true');
    const entries = paragraphs(document).filter((p) => /^TOC\d$/.test(styleOf(p) ?? '') && wordText(p) !== '');
    expect(entries.map((p) => [styleOf(p), wordText(p)])).toEqual([
      ['TOC1', 'The future of Local Strategic Partnerships'],
      ['TOC2', 'Governance'],
      ['TOC3', 'Q1'],
      ['TOC3', 'Q2'],
    ]);
    expect(elements(parts.get('word/settings.xml')!).some((e) => e.name === 'w:updateFields')).toBe(true);
    // A separate submission is short: no contents, nothing to update.
    const separate = await render({ ...answerModel('Text.'), kind: 'separate' });
    const plain = xmlParts(separate.bytes);
    expect(elements(plain.get('word/document.xml')!).some((e) => e.name === 'w:instrText')).toBe(false);
    expect(elements(plain.get('word/settings.xml')!).some((e) => e.name === 'w:updateFields')).toBe(false);
  });

  it('never skips a heading level: a level the tree skips is written one below the heading before', async () => {
    const doc = answerModel('Text.');
    doc.tree.children.splice(4, 1); // the topic: Q1 (level 3) now follows the section (level 1)
    const { bytes } = await render(doc);
    const styled = paragraphs(xmlParts(bytes).get('word/document.xml')!).map((p) => [styleOf(p), wordText(p)]);
    expect(styled).toContainEqual(['Heading2', 'Q1']);
    expect(styled).not.toContainEqual(['Heading3', 'Q1']);
  });

  it('gives every role its style', async () => {
    const { document } = await docXml('Answer.');
    const expected: [string, string][] = [
      ['Response from the', 'Subtitle'],
      ['1 March 2006', 'Cover'],
      ['How can LSPs', 'Question'],
      ['(a) the executive', 'QuestionPart'],
      ['section Q1/rbkc', 'Attribution'],
      ['Source material superseded', 'Superseded'],
      ['no collective view', 'Abstention'],
      ['No collective response', 'Note'],
    ];
    for (const [text, style] of expected) expect(styleOf(paragraphWith(document, text)), text).toBe(style);
  });

  it('defines the styles it uses and only those, with Word names for the built-in ones', async () => {
    const { parts } = await docXml(
      '> A quotation with `code`, a [link](https://example.org) and a note.[^1]\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n---\n\n[^1]: The note.',
    );
    const styles = elements(parts.get('word/styles.xml')!).filter((e) => e.name === 'w:style');
    const names = new Map(styles.map((s) => [attr(s, 'w:styleId'), attr(child(s, 'w:name')!, 'w:val')]));
    expect(names.get('Heading1')).toBe('heading 1');
    expect(names.get('Heading3')).toBe('heading 3');
    expect(names.get('Title')).toBe('Title');
    const used = new Set(
      [...parts.entries()]
        .filter(([name]) => /^word\/(document|header\d|footer\d|footnotes)\.xml$/.test(name))
        .flatMap(([, part]) =>
          elements(part)
            .filter((e) => e.name === 'w:pStyle' || e.name === 'w:rStyle')
            .map((e) => attr(e, 'w:val')),
        ),
    );
    for (const id of [
      'Subtitle',
      'Cover',
      'Question',
      'QuestionPart',
      'Attribution',
      'Superseded',
      'Abstention',
      'Note',
      'Quote',
      'SourceCode',
      'HorizontalRule',
      'TableText',
      'VerbatimChar',
      'Hyperlink',
      'FootnoteText',
      'TOCHeading',
      'TOC1',
    ]) {
      expect(used.has(id), `${id} is used`).toBe(true);
    }
    for (const id of used) expect(names.has(id), `${id} is defined`).toBe(true);
    // The draft's own styles and the form's are not in a response that does not use them.
    for (const id of ['Removed', 'FormNote', 'PlaceholderText', 'Heading6']) expect(names.has(id), id).toBe(false);
    const ids = styles.map((s) => attr(s, 'w:styleId'));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('inline content', () => {
  it('maps emphasis, strong, strike and inline code to run formatting', async () => {
    const { document } = await docXml('*it* **bold** ~~gone~~ `code`');
    const runs = elements(document).filter((e) => e.name === 'w:r');
    const run = (text: string) => runs.find((r) => wordText(r) === text)!;
    expect(child(run('it'), 'w:i')).toBeDefined();
    // Bold is Word's Strong character style, so it can be restyled in one place.
    expect(attr(child(run('bold'), 'w:rStyle')!, 'w:val')).toBe('Strong');
    expect(child(run('bold'), 'w:b')).toBeUndefined();
    expect(child(run('gone'), 'w:strike')).toBeDefined();
    expect(attr(child(run('code'), 'w:rStyle')!, 'w:val')).toBe('VerbatimChar');
  });

  it('reflows soft line breaks, and keeps hard breaks and tabs', async () => {
    const { document } = await docXml('Tab\there and a hard  \nbreak, then a soft\nbreak');
    const p = paragraphWith(document, 'Tab');
    expect(elements(p).filter((e) => e.name === 'w:tab')).toHaveLength(1);
    expect(elements(p).filter((e) => e.name === 'w:br')).toHaveLength(1);
    expect(wordText(p)).toBe('Tabhere and a hardbreak, then a soft break');
  });

  it('turns newlines in text that is not Markdown (a hand-built tree) into spaces too, but not in code', async () => {
    const doc = answerModel('x');
    doc.tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'line one\nline two\r\nthree' }] });
    doc.tree.children.push({ type: 'code', value: 'a\r\nb' });
    const { bytes } = await render(doc);
    const document = xmlParts(bytes).get('word/document.xml')!;
    expect(wordText(document)).toContain('line one line two three');
    expect(elements(paragraphWith(document, 'ab')).filter((e) => e.name === 'w:br')).toHaveLength(1);
  });

  it('makes links real hyperlinks, resolving references', async () => {
    const { bytes, document } = await docXml(
      '[site](https://example.org/a?b=1&c=2) and [ref][r]\n\n[r]: https://example.com/ref',
    );
    const rels = parseXml(part(bytes, 'word/_rels/document.xml.rels'));
    const targets = new Map(
      elements(rels)
        .filter((e) => e.name === 'Relationship')
        .map((r) => [attr(r, 'Id'), r]),
    );
    const links = elements(document).filter((e) => e.name === 'w:hyperlink');
    expect(links.map(wordText)).toEqual(['site', 'ref']);
    const rel = (link: XmlElement) => targets.get(attr(link, 'r:id'))!;
    expect(links.map((l) => attr(rel(l), 'Target'))).toEqual([
      'https://example.org/a?b=1&c=2',
      'https://example.com/ref',
    ]);
    expect(links.map((l) => attr(rel(l), 'TargetMode'))).toEqual(['External', 'External']);
  });

  it('percent-encodes what a URI cannot hold, and keeps unsafe schemes as text', async () => {
    const { bytes, document, warnings } = await docXml('<https://example.org/ä b> [x](javascript:alert(1))');
    const rels = part(bytes, 'word/_rels/document.xml.rels');
    expect(rels).toContain('Target="https://example.org/%C3%A4"');
    expect(rels).not.toContain('javascript');
    expect(wordText(document)).toContain('x <javascript:alert(1)>');
    expect(warnings.some((w) => w.includes('javascript:alert(1)'))).toBe(true);
  });

  it('shows unresolved references as written', async () => {
    const { document } = await docXml('[full][nowhere], [collapsed][] and ![alt][gone]');
    const text = wordText(paragraphWith(document, 'full'));
    expect(text).toBe('[full][nowhere], [collapsed][] and ![alt][gone]');
  });

  it('keeps raw HTML as visible text', async () => {
    const { document } = await docXml('Inline <b>bold?</b>\n\n<div>\nblock\n</div>');
    expect(wordText(document)).toContain('Inline <b>bold?</b>');
    expect(wordText(document)).toContain('<div>');
    expect(elements(document).some((e) => e.name === 'b' || e.name === 'div')).toBe(false);
  });
});

describe('lists', () => {
  it('gives every list its own numbering instance, honouring start', async () => {
    const { parts, document } = await docXml('3. three\n4. four\n\nText.\n\n1. one\n2. two\n\n- a\n  1. nested\n- b');
    const numbering = parts.get('word/numbering.xml')!;
    const numId = (text: string) => attr(child(paragraphWith(document, text), 'w:numId')!, 'w:val');
    const level = (text: string) => attr(child(paragraphWith(document, text), 'w:ilvl')!, 'w:val');
    expect(numId('three')).toBe(numId('four'));
    expect(numId('one')).not.toBe(numId('three'));
    expect(numId('nested')).not.toBe(numId('a'));
    expect(numId('a')).toBe(numId('b'));
    expect(level('nested')).toBe('1');
    const nums = elements(numbering).filter((e) => e.name === 'w:num');
    // Word restarts a list that shares its definition with others only where a w:num overrides the start.
    const used = new Set(
      paragraphs(document).flatMap((p) =>
        elements(p)
          .filter((e) => e.name === 'w:numId')
          .map((e) => attr(e, 'w:val')),
      ),
    );
    for (const num of nums.filter((n) => used.has(attr(n, 'w:numId'))))
      expect(child(num, 'w:startOverride')).toBeDefined();
    const abstracts = new Map(
      elements(numbering)
        .filter((e) => e.name === 'w:abstractNum')
        .map((a) => [attr(a, 'w:abstractNumId'), a]),
    );
    const levelOf = (text: string, ilvl: string) => {
      const num = nums.find((n) => attr(n, 'w:numId') === numId(text))!;
      const abstract = abstracts.get(attr(child(num, 'w:abstractNumId')!, 'w:val'))!;
      return elements(abstract).find((e) => e.name === 'w:lvl' && attr(e, 'w:ilvl') === ilvl)!;
    };
    expect(attr(child(levelOf('three', '0'), 'w:start')!, 'w:val')).toBe('3');
    expect(attr(child(levelOf('three', '0'), 'w:numFmt')!, 'w:val')).toBe('decimal');
    expect(attr(child(levelOf('one', '0'), 'w:start')!, 'w:val')).toBe('1');
    expect(attr(child(levelOf('a', '0'), 'w:numFmt')!, 'w:val')).toBe('bullet');
    expect(attr(child(levelOf('nested', '1'), 'w:numFmt')!, 'w:val')).toBe('lowerLetter');
  });

  it('writes a start Word can hold for any list a hand-built tree gives (imported from Word, say)', async () => {
    const list = (start: number) => ({
      type: 'list',
      ordered: true,
      start,
      children: [
        { type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: `from ${start}` }] }] },
      ],
    });
    const doc: DocumentModel = {
      kind: 'response',
      meta: { ...META },
      tree: { type: 'root', children: [list(Number.NaN), list(1e12), list(-4), list(7.9)] } as Root,
    };
    const { bytes } = await render(doc);
    const starts = elements(xmlParts(bytes).get('word/numbering.xml')!)
      .filter((e) => e.name === 'w:lvl' && attr(e, 'w:ilvl') === '0')
      .map((l) => attr(child(l, 'w:start')!, 'w:val'));
    expect(starts.sort()).toEqual(['0', '1', '2147483647', '7']);
  });

  it('prefixes task items with ballot boxes', async () => {
    const { document } = await docXml('- [x] done\n- [ ] open');
    expect(wordText(paragraphWith(document, 'done'))).toBe('☒ done');
    expect(wordText(paragraphWith(document, 'open'))).toBe('☐ open');
  });

  it('clamps nesting deeper than Word allows to level 8', async () => {
    const markdown = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- level${i}`).join('\n');
    const { document } = await docXml(markdown);
    const level = (i: number) => attr(child(paragraphWith(document, `level${i}`), 'w:ilvl')!, 'w:val');
    expect([level(0), level(7), level(8), level(9), level(11)]).toEqual(['0', '7', '8', '8', '8']);
  });

  it('indents blocks after the first in an item, and lists inside quotations', async () => {
    const { document } = await docXml('- first\n\n  more of the first\n\n> - quoted item');
    const indentOf = (text: string) => attr(child(paragraphWith(document, text), 'w:ind')!, 'w:left');
    expect(indentOf('more of the first')).toBe('720');
    expect(indentOf('quoted item')).toBe(String(567 + 720));
  });
});

describe('blocks', () => {
  it('renders quotations in the Quote style, nested ones further in', async () => {
    const { document } = await docXml('> outer\n>\n> > inner');
    const outer = paragraphWith(document, 'outer');
    const inner = paragraphWith(document, 'inner');
    expect([styleOf(outer), styleOf(inner)]).toEqual(['Quote', 'Quote']);
    expect(child(outer, 'w:ind')).toBeUndefined(); // the style indents it
    expect(attr(child(inner, 'w:ind')!, 'w:left')).toBe('1134');
  });

  it('keeps code block lines and leading whitespace in a monospace style', async () => {
    const { document } = await docXml('```\nline one\n    indented\n\ttabbed\n```');
    const code = paragraphWith(document, 'line one');
    expect(styleOf(code)).toBe('SourceCode');
    expect(elements(code).filter((e) => e.name === 'w:br')).toHaveLength(2);
    expect(elements(code).filter((e) => e.name === 'w:tab')).toHaveLength(1);
    expect(wordText(code)).toBe('line one    indentedtabbed');
    const t = elements(code).find((e) => e.name === 'w:t' && wordOf(e).startsWith('    '))!;
    expect(attr(t, 'xml:space')).toBe('preserve');
  });

  it('renders a thematic break as an empty bordered paragraph', async () => {
    const { document, parts } = await docXml('Before.\n\n---\n\nAfter.');
    const rule = paragraphs(document).find((p) => styleOf(p) === 'HorizontalRule');
    expect(rule && wordText(rule)).toBe('');
    const style = elements(parts.get('word/styles.xml')!).find(
      (e) => e.name === 'w:style' && attr(e, 'w:styleId') === 'HorizontalRule',
    )!;
    expect(child(style, 'w:bottom')).toBeDefined();
  });

  it('renders tables with a repeating header row, borders and column alignment', async () => {
    const { document } = await docXml('| L | C | R |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| short |');
    const table = elements(document).find((e) => e.name === 'w:tbl')!;
    const rows = elements(table).filter((e) => e.name === 'w:tr');
    expect(rows).toHaveLength(3);
    expect(attr(child(rows[0]!, 'w:tblHeader')!, 'w:val')).toBeUndefined();
    expect(child(table, 'w:tblBorders')).toBeDefined();
    const cells = (row: XmlElement) => elements(row).filter((e) => e.name === 'w:tc');
    expect(cells(rows[2]!)).toHaveLength(3); // padded
    const jc = cells(rows[1]!).map((c) => attr(child(c, 'w:jc')!, 'w:val'));
    expect(jc).toEqual(['left', 'center', 'right']);
    expect(attr(child(cells(rows[0]!)[0]!, 'w:rStyle')!, 'w:val')).toBe('Strong');
    // Widths follow the content ("short" is the longest cell of the first column) and fill the text width.
    const widths = elements(table)
      .filter((e) => e.name === 'w:gridCol')
      .map((e) => Number(attr(e, 'w:w')));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9026);
    // A paragraph follows every table, so Word neither runs it into the next block nor joins two tables.
    const body = child(document, 'w:body')!.children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(body[body.findIndex((e) => e.name === 'w:tbl') + 1]?.name).toBe('w:p');
  });

  it('makes footnotes real Word footnotes', async () => {
    const { parts, document } = await docXml(
      'One[^a] and two[^b].\n\n[^a]: First note.\n\n[^b]: Second note with `code`.\n\n    And a second paragraph.',
    );
    const refs = elements(document)
      .filter((e) => e.name === 'w:footnoteReference')
      .map((e) => attr(e, 'w:id'));
    expect(refs).toEqual(['1', '2']);
    const notes = elements(parts.get('word/footnotes.xml')!).filter(
      (e) => e.name === 'w:footnote' && !attr(e, 'w:type'),
    );
    expect(notes.map((n) => attr(n, 'w:id'))).toEqual(['1', '2']);
    // The mark, then a space, then the note: "1 First note.", not "1First note.".
    expect(wordText(notes[0]!)).toBe(' First note.');
    const runs = elements(notes[0]!).filter((e) => e.name === 'w:r');
    expect(child(runs[0]!, 'w:footnoteRef')).toBeDefined();
    expect(wordText(runs[1]!)).toBe(' ');
    // The separators hold nothing but the separator mark (an extra footnote mark there makes Word repair the file).
    const separators = elements(parts.get('word/footnotes.xml')!).filter(
      (e) => e.name === 'w:footnote' && attr(e, 'w:type'),
    );
    expect(
      separators.map((n) =>
        elements(n)
          .filter((e) => e.name === 'w:r')
          .map((r) =>
            elements(r)
              .map((e) => e.name)
              .filter((x) => x !== 'w:r'),
          ),
      ),
    ).toEqual([[['w:separator']], [['w:continuationSeparator']]]);
    expect(wordText(notes[1]!)).toBe(' Second note with code.And a second paragraph.');
    expect(wordText(document)).not.toContain('First note');
  });

  it('shows an unreferenced footnote in place and a reference without a note as text, with warnings', async () => {
    const doc = answerModel('Dangling.\n\n[^lonely]: Nobody cites me.');
    // GFM leaves a reference without a definition as text; a hand-built tree can still have one.
    doc.tree.children.push({
      type: 'paragraph',
      children: [{ type: 'footnoteReference', identifier: 'gone', label: 'gone' }],
    });
    const { bytes, warnings } = await render(doc);
    const document = xmlParts(bytes).get('word/document.xml')!;
    expect(wordText(document)).toContain('[^gone]');
    expect(wordText(document)).toContain('Nobody cites me.');
    expect(warnings.some((w) => w.includes('[^gone]'))).toBe(true);
    expect(warnings.some((w) => w.includes('[^lonely]'))).toBe(true);
  });
});

describe('images', () => {
  it('embeds PNG and GIF images scaled to the text width, keeping the aspect ratio', async () => {
    const images = new Map([
      ['images/wide.png', png(1200, 300)],
      ['images/small.gif', gif(100, 50)],
    ]);
    const { bytes, document } = await docXml('![Wide chart](images/wide.png)\n\n![Small](images/small.gif)', {
      images,
    });
    const extents = elements(document)
      .filter((e) => e.name === 'wp:extent')
      .map((e) => [Number(attr(e, 'cx')), Number(attr(e, 'cy'))] as const);
    const textWidthEmu = Math.floor((9026 * 96) / 1440) * 9525;
    const [wideX, wideY] = extents[0]!;
    expect(wideX).toBeLessThanOrEqual(textWidthEmu);
    expect(wideX / wideY).toBeCloseTo(4, 1);
    expect(extents[1]).toEqual([100 * 9525, 50 * 9525]);
    const docPr = elements(document).filter((e) => e.name === 'wp:docPr');
    expect(docPr.map((d) => attr(d, 'descr'))).toEqual(['Wide chart', 'Small']);
    expect(new Set(docPr.map((d) => attr(d, 'id'))).size).toBe(2);
    const media = [...readZip(bytes).keys()].filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(2);
  });

  it('shows the description of an image it was not given, with a warning', async () => {
    const { document, warnings } = await docXml('![Missing chart](images/missing.png)');
    expect(wordText(document)).toContain('[image: Missing chart]');
    expect(warnings.some((w) => w.includes('images/missing.png'))).toBe(true);
  });
});

describe('robustness', () => {
  it('keeps the text of nodes it does not know, with a warning', async () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'math', value: 'E = mc^2' } as never,
        {
          type: 'paragraph',
          children: [{ type: 'text', value: 'Inline ' }, { type: 'inlineMath', value: 'x^2' } as never],
        },
      ],
    };
    const doc: DocumentModel = { kind: 'response', meta: { ...META }, tree };
    const { bytes, warnings } = await render(doc);
    const text = wordText(xmlParts(bytes).get('word/document.xml')!);
    expect(text).toContain('E = mc^2');
    expect(text).toContain('Inline x^2');
    expect(warnings.filter((w) => /math/i.test(w))).toHaveLength(2);
  });

  it('renders phrasing content where blocks belong, and an empty document', async () => {
    const doc: DocumentModel = {
      kind: 'separate',
      meta: { ...META },
      tree: {
        type: 'root',
        children: [
          { type: 'text', value: 'loose ' },
          { type: 'strong', children: [{ type: 'text', value: 'text' }] },
        ] as never,
      },
    };
    const { bytes } = await render(doc);
    expect(wordText(xmlParts(bytes).get('word/document.xml')!)).toBe('loose text');
    // One paragraph: the body is written block by block, but loose phrasing still gathers.
    expect(paragraphs(xmlParts(bytes).get('word/document.xml')!)).toHaveLength(1);
    const empty = await render({ ...doc, tree: { type: 'root', children: [] } });
    expect(xmlParts(empty.bytes).has('word/document.xml')).toBe(true);
  });
});
