// The Markdown writer writes each block under the root once and reuses its
// Markdown in every document that holds the same node (src/render/markdown.ts).
// Reuse must never change a byte: here documents that share blocks, in any
// order and after lists, are compared with remark-stringify writing afresh.
import fc from 'fast-check';
import type { List, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_STYLE, stringifyTree } from '../src/render/markdown.js';

const parse = unified().use(remarkParse).use(remarkGfm).freeze();
const fresh = unified().use(remarkGfm).use(remarkStringify, MARKDOWN_STYLE).freeze();

const root = (children: RootContent[]): Root => ({ type: 'root', children });
const list = (text: string): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: [
    { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] },
  ],
});

const block = fc.constantFrom(
  'A paragraph with *emphasis*, `code` and a [link](https://example.org).',
  '- one\n- two\n\n  more',
  '1. first\n2. second',
  '> quoted\n>\n> - a list in a quote',
  '> - a quote that starts with a list',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '```\ncode\n```',
  '# Heading',
  'Text with a note.[^n]\n\n[^n]: The note.',
  '* [ ] a task',
  '---',
  '<div>html</div>',
  'www.example.org and a@b.org',
);

describe('the Markdown writer reusing blocks shared between documents', () => {
  it('writes every document exactly as remark-stringify does afresh', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 7 }), (blocks, at) => {
        const shared = parse.parse(blocks.join('\n\n')).children;
        // The same nodes in three documents: as parsed, after a list, and reversed with lists between.
        const documents = [
          root(shared),
          root([list('before'), ...shared]),
          root([...shared].reverse().flatMap((node, i) => (i === at ? [list('between'), node] : [node]))),
        ];
        for (const doc of documents) expect(stringifyTree(doc)).toBe(fresh.stringify(doc));
        // And again, now that every block has been written once.
        for (const doc of documents) expect(stringifyTree(doc)).toBe(fresh.stringify(doc));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a shared block once however many documents hold it', () => {
    const paragraph = parse.parse('Shared *text*.').children[0]!;
    let calls = 0;
    Object.defineProperty(paragraph, 'children', {
      get() {
        calls += 1;
        return [{ type: 'text', value: 'Shared text.' }];
      },
    });
    stringifyTree(root([paragraph]));
    const once = calls;
    stringifyTree(
      root([{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Another document' }] }, paragraph]),
    );
    expect(once).toBeGreaterThan(0);
    expect(calls).toBe(once);
  });
});
