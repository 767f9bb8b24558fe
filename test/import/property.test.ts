// Markdown answers rendered by our DOCX writer and imported again keep every
// word, land under the question they were written for, and give a response
// file the loader accepts without errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Heading, Nodes, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { convertWord } from '../../src/import/convert.js';
import { parsePartnerFile } from '../../src/load/response.js';
import { parseQuestionSet } from '../../src/load/questions.js';
import { Problems } from '../../src/core/problems.js';
import { META, mdastText, missingWords, parseMarkdown, render } from '../docx/helpers.js';
import { REPO } from '../helpers/cli.js';
import { answer } from '../helpers/markdown-arbitrary.js';

const questions = parseQuestionSet(
  readFileSync(join(REPO, 'questions/odpm-lsp-2005.yaml'), 'utf8'),
  'questions/odpm-lsp-2005.yaml',
  new Problems(),
);
if (!questions) throw new Error('the bundled question set does not load');

/** A Word reply: each answer under a "Qn: text" heading, its own headings below that level. */
function reply(answers: [number, string][]): RootContent[] {
  const out: RootContent[] = [];
  for (const [n, markdown] of answers) {
    const q = questions?.questions[n - 1];
    out.push({ type: 'heading', depth: 3, children: [{ type: 'text', value: `Q${n}: ${q?.text}` }] });
    const blocks = parseMarkdown(markdown).children;
    const demote = (nodes: Nodes[]) => {
      for (const node of nodes) {
        if (node.type === 'heading') node.depth = Math.min(6, node.depth + 1) as Heading['depth'];
        if ('children' in node) demote(node.children as Nodes[]);
      }
    };
    demote(blocks);
    out.push(...blocks);
  }
  return out;
}

describe('Word round trip', () => {
  it('answers rendered to DOCX and imported keep every word, under their own question', async () => {
    const numbers = fc.uniqueArray(fc.integer({ min: 1, max: 35 }), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        numbers.chain((ns) => fc.tuple(...ns.map((n) => fc.tuple(fc.constant(n), answer)))),
        async (answers) => {
          const sorted = [...answers].sort((a, b) => a[0] - b[0]);
          const { bytes } = await render({
            kind: 'response',
            meta: { ...META },
            tree: { type: 'root', children: reply(sorted) },
          });
          const converted = await convertWord(bytes, questions, {
            id: 'mps',
            partner: 'Metropolitan Police Service',
            sector: 'public',
          });
          expect(converted.placed.notes).toEqual([]);
          const problems = new Problems();
          const loaded = parsePartnerFile(converted.file.text, 'responses/mps.md', questions, problems);
          expect(problems.list.filter((p) => p.severity === 'error')).toEqual([]);
          for (const [n, markdown] of sorted) {
            const contribution = loaded?.partner.answers.find((a) => a.target?.question === `Q${n}`);
            expect(contribution, `Q${n} imported`).toBeDefined();
            const imported = mdastText({
              children: [...(contribution?.blocks ?? []), ...(contribution?.footnotes ?? [])],
            });
            expect(missingWords(mdastText(parseMarkdown(markdown)), imported)).toEqual([]);
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
