// One Markdown parser for every input, so partner files and composite.md can
// never be read differently.
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { autolinkLiterals, gfmExtensions, type AutolinkLiterals } from './gfm.js';
import type { Problems } from '../core/problems.js';

/** GFM (see gfm.ts) without the autolink literals the text cannot hold: the same tree as with all of them, sooner. */
function remarkGfmFor(this: Processor, autolinks: AutolinkLiterals): void {
  const data = this.data();
  const { syntax, mdast } = gfmExtensions(autolinks);
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...syntax];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), ...mdast];
}

const processors = new Map<AutolinkLiterals, Processor<Root>>();

export function parseMarkdown(text: string): Root {
  const autolinks = autolinkLiterals(text);
  let processor = processors.get(autolinks);
  if (processor === undefined) {
    processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmFor, autolinks).freeze();
    processors.set(autolinks, processor);
  }
  return processor.parse(text);
}

/** Nesting deeper than this is refused before parsing: micromark and remark-stringify overflow the stack long before Word's limits matter. */
export const MAX_NESTING = 32;

/** Files larger than this are refused: micromark's time grows with the square of one document's size. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Whether `source` nests too deeply to parse; if so, says where in `file` with a `too-deep` problem. */
export function reportTooDeep(source: string, file: string, problems: Problems): boolean {
  const deep = tooDeeplyNested(source);
  if (deep)
    problems.error(
      'too-deep',
      { file, line: deep.line, column: 1 },
      `lists or block quotes are nested more than ${MAX_NESTING} levels deep here; flatten them`,
    );
  return deep !== null;
}

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

/**
 * Unclosed emphasis markers or '[' in one paragraph beyond this are refused
 * before parsing: micromark's time grows faster than the square of their
 * nesting (3,000 nested emphasis markers took 20 s, 20,000 nested brackets
 * 40 s), and no real answer opens more than a handful at once.
 */
export const MAX_INLINE_NESTING = 64;

/**
 * Markdown markers (& ` < * _ [ ] \ ! ~) in one paragraph beyond this are
 * refused before parsing: each one splits the paragraph's text, and micromark
 * joins the pieces again in time that grows with their square (60,000
 * character references in one paragraph took 47 s; 20,000 take 2 s).
 */
export const MAX_INLINE_MARKERS = 20_000;

const MARKERS = new Set(['&', '`', '<', '*', '_', '[', ']', '\\', '!', '~']);

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * A cheap estimate of how many emphasis markers and brackets are open at
 * once within one paragraph (CommonMark's flanking rules, no matching).
 * Returns the position of the first marker beyond the limit, or null.
 */
export function tooDeeplyNestedInline(
  text: string,
  limit = MAX_INLINE_NESTING,
): { line: number; column: number; markers: boolean } | null {
  let line = 0;
  let start = 0;
  let inFence: string | null = null;
  let emphasis = 0;
  let brackets = 0;
  let markers = 0;
  // YAML front matter is not Markdown: its aliases (*a) and flow lists ([Q5]) are no emphasis or brackets.
  let inFront = /^---[ \t]*\r?(?:\n|$)/.test(text);
  while (start <= text.length) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const s = text.slice(start, end);
    start = end + 1;
    if (inFront) {
      if (line > 1 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(s)) inFront = false;
      continue;
    }
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(s);
    if (fence) inFence = inFence === null ? fence[1]![0]! : inFence === fence[1]![0] ? null : inFence;
    if (fence || inFence !== null || s.trim() === '') {
      emphasis = 0;
      brackets = 0;
      markers = 0;
      continue;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (MARKERS.has(c) && ++markers > MAX_INLINE_MARKERS) return { line, column: i + 1, markers: true };
      if (c === '\\') i++;
      else if (c === '[') {
        if (++brackets > limit) return { line, column: i + 1, markers: false };
      } else if (c === ']') brackets = Math.max(0, brackets - 1);
      else if (c === '*' || c === '_') {
        let j = i;
        while (s[j] === c) j++;
        const before = s[i - 1] ?? ' ';
        const after = s[j] ?? ' ';
        const opens =
          !WHITESPACE.test(after) && (!PUNCTUATION.test(after) || WHITESPACE.test(before) || PUNCTUATION.test(before));
        const closes =
          !WHITESPACE.test(before) && (!PUNCTUATION.test(before) || WHITESPACE.test(after) || PUNCTUATION.test(after));
        if (opens && !closes) {
          emphasis += j - i;
          if (emphasis > limit) return { line, column: i + 1, markers: false };
        } else if (closes && !opens) emphasis = Math.max(0, emphasis - (j - i));
        i = j - 1;
      }
    }
  }
  return null;
}

/**
 * Nodes nested deeper than this are refused after parsing, whatever built
 * them: the writers recurse once per level (structuredClone, remark-stringify
 * and the DOCX writer overflow the stack at a few thousand levels).
 */
export const MAX_TREE_DEPTH = 200;

/** The first node (in document order) deeper than the limit, or null; iterative, so it cannot overflow itself. */
export function tooDeepNode(tree: Root, limit = MAX_TREE_DEPTH): Nodes | null {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return node;
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, depth + 1]);
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
