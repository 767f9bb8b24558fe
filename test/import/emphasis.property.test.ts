// Runs of text (letters only: a bold number opening a paragraph is a
// question reference) with random bold, italic and strikethrough, spaced as Word
// users space them (the space before the next word often inside the run),
// written by our DOCX writer and imported: every letter keeps its emphasis in
// the Markdown as CommonMark reads it, and no *, _ or ~ appears that the text
// did not have.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { convertWord } from '../../src/import/convert.js';
import { parseMarkdown } from '../../src/load/markdown.js';
import { parseQuestionSet } from '../../src/load/questions.js';
import { Problems } from '../../src/core/problems.js';
import { META, render } from '../docx/helpers.js';
import { REPO } from '../helpers/cli.js';

const questions = parseQuestionSet(
  readFileSync(join(REPO, 'questions/odpm-lsp-2005.yaml'), 'utf8'),
  'questions/odpm-lsp-2005.yaml',
  new Problems(),
);
if (!questions) throw new Error('the bundled question set does not load');

type Mark = 'strong' | 'emphasis' | 'delete';
const MARKS: Mark[] = ['strong', 'emphasis', 'delete'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z]{1,7}$/) },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\u00a0') },
  { weight: 2, arbitrary: fc.constantFrom('.', ',', '"', '\u201c', '\u201d', '(', ')', '!', "'", '-', ':') },
);
// A run with two kinds of emphasis cannot touch a letter outside it in
// CommonMark (`a**_b_**` and `~~_a_~~b` have delimiters that do not parse), so
// such runs stand apart from the text around them, as whole words do.
const run = fc
  .record({
    text: fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join('')),
    marks: fc.subarray(MARKS),
  })
  .map((r) => (r.marks.length > 1 ? { ...r, text: ` ${r.text} ` } : r));
const paragraph = fc.array(run, { minLength: 1, maxLength: 8 });

function phrasing(runs: { text: string; marks: Mark[] }[]): PhrasingContent[] {
  return runs.map(({ text, marks }) =>
    marks.reduceRight<PhrasingContent>((inner, mark) => ({ type: mark, children: [inner] }), {
      type: 'text',
      value: text,
    }),
  );
}

/** Every letter and digit with the emphasis around it, in order. */
function lettersOf(node: Nodes, marks: readonly Mark[] = [], out: string[] = []): string[] {
  if (node.type === 'text') {
    for (const c of node.value) if (/[a-zA-Z0-9]/.test(c)) out.push(`${c}:${[...new Set(marks)].sort().join('+')}`);
  }
  const inner = (MARKS as string[]).includes(node.type) ? [...marks, node.type as Mark] : marks;
  if ('children' in node) for (const child of node.children) lettersOf(child, inner, out);
  return out;
}

function literalMarkup(node: Nodes): string[] {
  if (node.type === 'text') return node.value.match(/[*_~]/g) ?? [];
  return 'children' in node ? node.children.flatMap((c) => literalMarkup(c)) : [];
}

describe('emphasis typed in Word', () => {
  it('renders as Markdown emphasis on the same letters, with no stray delimiters or character references', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 3 }), async (paragraphs) => {
        const body: RootContent[] = paragraphs.map((runs) => ({ type: 'paragraph', children: phrasing(runs) }));
        const children: RootContent[] = [
          { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Q7: In two-tier areas' }] },
          ...body,
        ];
        const { bytes } = await render({ kind: 'response', meta: { ...META }, tree: { type: 'root', children } });
        const converted = await convertWord(bytes, questions, {
          id: 'mps',
          partner: 'Metropolitan Police Service',
          sector: 'public',
        });
        const text = converted.file.text;
        expect(text).not.toMatch(/&#x?[0-9a-f]+;/i);
        const answer = text.slice(text.indexOf('## Q7:'), text.indexOf('## Q8:'));
        const parsed = parseMarkdown(answer).children.filter((c) => c.type !== 'heading');
        expect(parsed.flatMap(literalMarkup), answer).toEqual([]);
        expect(
          parsed.flatMap((c) => lettersOf(c)),
          answer,
        ).toEqual(body.flatMap((p) => lettersOf(p)));
      }),
      { numRuns: 100 },
    );
  }, 300_000);
});
