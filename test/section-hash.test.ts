// Section hashes are of meaning, not of bytes: the same answer written by
// another Markdown writer, with other options, or moved down the file keeps
// its hash; a changed word does not. Rounds recorded before hashes had a
// version are still compared the old way.
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { describe, expect, it } from 'vitest';
import type { Options } from 'mdast-util-to-markdown';
import { sectionHash } from '../src/rounds/hash.js';
import { loadPartner } from './helpers/model.js';
import { partner } from './helpers/workspace.js';

const BODY = `General *comments*, with a [link](https://example.org "title") and **strong** words
spread over two lines.

## Q1

- a list item with \`code\`
- another, with a footnote[^n]
  1. nested
  2. steps

> A quotation
> over lines.

| a | b |
| :- | -: |
| cell one | ~~two~~ |

***

\`\`\`yaml
key: value
\`\`\`

[^n]: The note.
`;

function hashes(body: string): Map<string, string> {
  const { partner: p, problems } = loadPartner(partner('partner: P', body), 'responses/p.md');
  expect(problems.list.filter((x) => x.severity === 'error')).toEqual([]);
  return new Map([...(p!.preamble ? [p!.preamble] : []), ...p!.answers].map((c) => [c.section, sectionHash(c)]));
}

/** The file written again, section by section, by mdast-util-to-markdown with `options`. */
function rewritten(options: Options): string {
  const { partner: p } = loadPartner(partner('partner: P', BODY), 'responses/p.md');
  const write = (blocks: unknown[]) =>
    toMarkdown({ type: 'root', children: blocks } as never, { ...options, extensions: [gfmToMarkdown()] });
  const preamble = write([...p!.preamble!.blocks]);
  const q1 = p!.answers[0]!;
  // The loader prefixes footnote labels with the partner id; reading the file again would prefix them twice.
  return `${preamble}\n## Q1\n\n${write([...q1.blocks, ...q1.footnotes]).replaceAll('[^p-', '[^')}`;
}

describe('section hashes', () => {
  it('do not change with the Markdown writer or its options', () => {
    const original = hashes(BODY);
    expect([...original.keys()]).toEqual(['preamble/p', 'Q1/p']);
    for (const options of [
      {},
      {
        bullet: '*',
        bulletOrdered: ')',
        emphasis: '_',
        strong: '_',
        fence: '~',
        rule: '_',
        listItemIndent: 'one',
        setext: true,
        closeAtx: true,
        quote: "'",
        resourceLink: true,
      },
      {
        bullet: '+',
        rule: '-',
        ruleRepetition: 5,
        ruleSpaces: true,
        incrementListMarker: false,
        tightDefinitions: true,
      },
    ] as Options[]) {
      expect(hashes(rewritten(options)), JSON.stringify(options)).toEqual(original);
    }
  });

  it('do not change when the text moves in the file or is wrapped differently', () => {
    const original = hashes(BODY);
    expect(hashes(`\n\n\n${BODY}`)).toEqual(original);
    expect(hashes(BODY.replace('words\nspread over', 'words spread\nover'))).toEqual(original);
  });

  it('change when a word, a mark or a link changes', () => {
    const original = hashes(BODY);
    for (const edit of [
      BODY.replace('another', 'one more'),
      BODY.replace('*comments*', 'comments'),
      BODY.replace('example.org', 'example.com'),
      BODY.replace('The note.', 'A note.'),
    ]) {
      expect(hashes(edit)).not.toEqual(original);
    }
  });

  it('of version 1 (round.json without a hash version) are the Markdown as the writer prints it', () => {
    const { partner: p } = loadPartner(partner('partner: P', BODY), 'responses/p.md');
    const q1 = p!.answers[0]!;
    expect(sectionHash(q1, 1)).not.toBe(sectionHash(q1, 2));
    expect(sectionHash(q1, 1)).toMatch(/^[0-9a-f]{16}$/);
  });
});
