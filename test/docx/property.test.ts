// Random Markdown answers, built from every construct partners use, always
// give a package whose XML parses and whose words pandoc recovers.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { answer } from '../helpers/markdown-arbitrary.js';
import {
  answerModel,
  mdastText,
  missingWords,
  pandocJson,
  pandocNodes,
  pandocText,
  render,
  withPandoc,
  xmlParts,
} from './helpers.js';

describe('random answers', () => {
  withPandoc(
    'always give well-formed XML whose words, tables and notes pandoc recovers',
    async () => {
      await fc.assert(
        fc.asyncProperty(answer, async (markdown) => {
          const model = answerModel(markdown);
          const expected = mdastText(model.tree);
          const { bytes } = await render(model);
          xmlParts(bytes);
          const json = pandocJson(bytes);
          expect(missingWords(expected, pandocText(json))).toEqual([]);
          expect(pandocNodes(json.blocks, 'Table')).toHaveLength((markdown.match(/^\| .* \|\n\| [:-]/gm) ?? []).length);
          expect(pandocNodes(json.blocks, 'Note')).toHaveLength((markdown.match(/^\[\^f\d+\]:/gm) ?? []).length);
        }),
        { numRuns: 25 },
      );
    },
    120_000,
  );
});
