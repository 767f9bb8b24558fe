// One Markdown parser for every input, so partner files and composite.md can
// never be read differently.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** Nesting deeper than this is refused before parsing: micromark and remark-stringify overflow the stack long before Word's limits matter. */
export const MAX_NESTING = 32;

/** Files larger than this are refused: micromark's time grows with the square of one document's size. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * A cheap, conservative estimate of container nesting per line: block-quote
 * markers, list markers and indentation. Returns the first line (1-based)
 * whose estimate exceeds the limit, or null.
 */
export function tooDeeplyNested(text: string, limit = MAX_NESTING): { line: number; depth: number } | null {
  let line = 0;
  let start = 0;
  let inFence: string | null = null;
  while (start <= text.length) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const s = text.slice(start, end);
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(s);
    if (fence) inFence = inFence === null ? fence[1]![0]! : inFence === fence[1]![0] ? null : inFence;
    if (inFence === null || fence) {
      const depth = estimateDepth(s);
      if (depth > limit) return { line, depth };
    }
    start = end + 1;
  }
  return null;
}

function estimateDepth(s: string): number {
  let depth = 0;
  let i = 0;
  let spaces = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ') spaces++;
    else if (c === '\t') spaces += 4;
    else if (c === '>') depth++;
    else if ((c === '-' || c === '*' || c === '+') && (s[i + 1] === ' ' || s[i + 1] === '\t')) depth++;
    else if (/\d/.test(c)) {
      const m = /^\d{1,9}[.)](?=[ \t])/.exec(s.slice(i, i + 11));
      if (!m) break;
      depth++;
      i += m[0].length - 1;
    } else break;
    i++;
  }
  return depth + Math.floor(spaces / 4);
}
