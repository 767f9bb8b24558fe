// Emphasis markers that CommonMark prints as they are: `**word **next` is not
// bold (a closing `**` must not follow a space), nor is `**Yes.**The` (a
// closing `**` between punctuation and a letter does not close). Partners type
// Markdown by hand and paste from Word, so every response file is read for
// markers left over in its text, and each paragraph that has them gets one
// warning at the first.
import type { Nodes } from 'mdast';
import type { Problems } from '../core/problems.js';

/** Runs of one marker character: `*`, `_` (one to three) or `~~`. */
const RUN = /\*{1,3}|_{1,3}|~~/g;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const SKIP = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition', 'math', 'inlineMath']);

const NAME: Record<string, string> = {
  '*': 'emphasis',
  '**': 'bold',
  '***': 'bold italics',
  _: 'italics',
  __: 'bold',
  ___: 'bold italics',
  '~~': 'strikethrough',
};

interface Run {
  marker: string;
  offset: number;
}

/** Marker runs in a text node's source that the parser left as text, except a literal `_` inside a word or a marker standing alone between spaces. */
function leftovers(source: string, start: number, end: number): Run[] {
  const slice = source.slice(start, end);
  const out: Run[] = [];
  for (const m of slice.matchAll(RUN)) {
    const at = start + m.index;
    let backslashes = 0;
    while (source[at - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 1) continue;
    // A longer run split by the pattern: only its first piece counts.
    if (source[at - 1] === m[0][0]) continue;
    const before = source[at - 1] ?? ' ';
    const after = source[at + m[0].length] ?? ' ';
    if (SPACE.test(before) && SPACE.test(after)) continue;
    if (m[0][0] === '_' && WORD.test(before) && WORD.test(after)) continue;
    out.push({ marker: m[0], offset: at });
  }
  return out;
}

function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Warns where a paragraph (or heading, or table cell) holds two or more
 * leftover runs of one marker: an opening and closing that did not pair. A
 * single leftover (`5 * 3`, `Smith*`) is taken as meant.
 */
export function reportLiteralEmphasis(tree: Nodes, source: string, file: string, problems: Problems): void {
  const visit = (node: Nodes): void => {
    if (SKIP.has(node.type) || !('children' in node)) return;
    const runs: Run[] = [];
    for (const child of node.children as Nodes[]) {
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      if (child.type === 'text' && start !== undefined && end !== undefined)
        runs.push(...leftovers(source, start, end));
      visit(child);
    }
    const first = runs.find((r) => runs.filter((s) => s.marker[0] === r.marker[0]).length >= 2);
    if (!first) return;
    const m = first.marker;
    problems.warn(
      'literal-emphasis',
      { file, ...position(source, first.offset) },
      `'${first.marker}' is printed as it is, not as ${NAME[first.marker] ?? 'emphasis'}: markers must touch the words they mark, and a marker between punctuation and a letter does not count; write ${m}word${m} next (not ${m}word ${m}next) and ${m}Yes.${m} The (not ${m}Yes.${m}The), or \\${m[0]} for a literal ${m[0]}`,
    );
  };
  visit(tree);
}
