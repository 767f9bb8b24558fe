// The DOCX read back by an independent reader: pandoc must find every word
// and every structure (lists, tables, notes, links, headings) of the answer.
import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import {
  answerModel,
  mdastText,
  META,
  missingWords,
  pandocJson,
  pandocNodes,
  pandocText,
  parseMarkdown,
  render,
  withPandoc,
} from './helpers.js';
import { png } from './images.js';

const FIXTURE = new URL('../fixtures/docx-all-constructs/answer.md', import.meta.url);

type Inline = { t: string; c?: unknown };
const inlineText = (inlines: unknown) => pandocText(inlines).replace(/\s+/g, ' ').trim();

describe('pandoc reads the DOCX back', () => {
  withPandoc('recovers every word, heading, list, table, note and link of the all-constructs answer', async () => {
    const markdown = readFileSync(FIXTURE, 'utf8');
    const { bytes } = await render(answerModel(markdown), { images: new Map([['images/chart.png', png(40, 20)]]) });
    const json = pandocJson(bytes);

    const expected = mdastText(parseMarkdown(markdown));
    expect(missingWords(expected, pandocText(json))).toEqual([]);

    const headers = pandocNodes(json.blocks, 'Header').map((h) => {
      const [level, , inlines] = h.c as [number, unknown, Inline[]];
      return [level, inlineText(inlines)];
    });
    expect(headers).toEqual([
      [1, 'The future of Local Strategic Partnerships'],
      [2, 'Governance'],
      [3, 'Q1'],
      [4, 'Accountability'],
      [3, 'Q2'],
    ]);
    expect(
      inlineText(pandocNodes(json.meta, 'MetaInlines')[1]?.c ?? pandocNodes(json.meta, 'MetaInlines')[0]?.c),
    ).toContain('Local Strategic Partnerships');

    const ordered = pandocNodes(json.blocks, 'OrderedList').map((l) => (l.c as [[number]])[0][0]);
    expect(ordered).toEqual([1, 1, 4]);
    expect(pandocNodes(json.blocks, 'BulletList').length).toBeGreaterThanOrEqual(2);
    expect(pandocNodes(json.blocks, 'Table')).toHaveLength(1);
    const notes = pandocNodes(json.blocks, 'Note');
    expect(notes).toHaveLength(1);
    expect(inlineText(notes[0]!.c)).toBe('Annex B, with a link and emphasis.');

    const links = pandocNodes(json.blocks, 'Link').map((l) => {
      const [, inlines, [url]] = l.c as [unknown, Inline[], [string, string]];
      return [inlineText(inlines), url];
    });
    expect(links).toEqual([
      ['the ODPM site', 'https://www.odpm.gov.uk/lsp'],
      ['the White Paper', 'https://www.communities.gov.uk/white-paper'],
      ['link', 'https://example.org/annex'],
    ]);
    expect(pandocNodes(json.blocks, 'Image')).toHaveLength(1);
    expect(pandocNodes(json.blocks, 'CodeBlock').map((c) => (c.c as [unknown, string])[1])).toEqual([
      'code block line one\n\tindented with a tab',
    ]);
    expect(pandocNodes(json.blocks, 'Strikeout')).toHaveLength(1);
    expect(pandocText(json)).toContain('<script>alert("x")</script>');
  });

  withPandoc('reads nested lists as nested, with each list restarting', async () => {
    const { bytes } = await render(
      answerModel('1. one\n2. two\n   1. inner one\n   2. inner two\n3. three\n\nBreak.\n\n1. again'),
    );
    const json = pandocJson(bytes);
    const outer = pandocNodes(json.blocks, 'OrderedList');
    expect(outer.map((l) => (l.c as [[number]])[0][0])).toEqual([1, 1, 1]);
    const items = (outer[0]!.c as [unknown, unknown[][]])[1];
    expect(items).toHaveLength(3);
    expect(pandocNodes(items[1], 'OrderedList')).toHaveLength(1);
  });

  withPandoc('keeps the cover title and the subject as pandoc metadata', async () => {
    const { bytes } = await render(answerModel('Text.'));
    const json = pandocJson(bytes);
    expect(inlineText((json.meta.title as { c: unknown }).c)).toBe(META.title);
  });
});
