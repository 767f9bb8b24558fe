// parseMarkdown leaves out the GFM autolink literals a file cannot contain
// (src/load/gfm.ts). That must never change the tree: here it is compared
// with remark-gfm's full set on every Markdown file of the repository and on
// random documents built from the characters that start GFM constructs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { autolinkLiterals } from '../src/load/gfm.js';
import { parseMarkdown } from '../src/load/markdown.js';

const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/**
 * The tree, or the error: the development builds of micromark's packages,
 * which vitest loads, assert on a few odd inputs ('*' over '[x] a'), and then
 * both parsers must fail alike.
 */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const REPO = new URL('..', import.meta.url).pathname;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist' || name === 'out') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe('GFM without the autolink literals a file cannot contain', () => {
  it('parses every Markdown file in the repository to the same tree as full GFM', () => {
    const files = markdownFiles(REPO);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(
        outcome(() => parseMarkdown(text)),
        file,
      ).toEqual(outcome(() => full.parse(text)));
    }
  });

  it('leaves out what a text cannot contain, and nothing it can', () => {
    expect(autolinkLiterals('Plain prose, with *emphasis*, a [link](#x), a note[^1], ~~old~~ and | cells |.')).toBe(
      'none',
    );
    expect(autolinkLiterals('Write to a@b.org')).toBe('all');
    expect(autolinkLiterals('See WWW.odpm.gov.uk or HTTPS://x.org')).toBe('urls');
  });

  // Pieces that start, nearly start or break GFM constructs, in any order.
  const piece = fc.constantFrom(
    'a',
    'word ',
    ' ',
    '\n',
    '\n\n',
    '|',
    ' | ',
    '---',
    ':-:',
    '~',
    '~~',
    '[',
    ']',
    '(',
    ')',
    '[^1]',
    '[^1]: note',
    '^',
    '- ',
    '1. ',
    '[ ] ',
    '[x] ',
    '> ',
    '`',
    '*',
    '_',
    '<',
    '>',
    '@',
    'a@b.co',
    'mailto:',
    'xmpp:',
    'www.',
    'www.x.org',
    'http://',
    'https://y.org/p?q=1',
    'HTTP://Z.ORG',
    '.',
    ',',
    '!',
    '\\',
    '&amp;',
    '#',
    '  ',
    '\t',
    'w',
    'h',
    'x',
  );

  // Whole lines too, so tables (a row of cells over a delimiter row) and definitions form often.
  const line = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
    fc.constantFrom(
      '| a | b |',
      'a | b',
      '|---|---|',
      '--- | :-:',
      '| - |',
      '- [ ] task',
      '* [x] done',
      '[^n]: a note',
      '~~~',
      '> | q |',
    ),
  );

  it('parses random documents to the same tree as full GFM', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(outcome(() => parseMarkdown(text))).toEqual(outcome(() => full.parse(text)));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        expect(outcome(() => parseMarkdown(text))).toEqual(outcome(() => full.parse(text)));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});
