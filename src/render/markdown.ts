// The Markdown writer: remark-stringify over the document tree, never string
// concatenation, so every construct in an answer survives as written.
import type { Nodes, Parents, Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { defaultHandlers, type Handle, type Handlers, type State } from 'mdast-util-to-markdown';
import { posix } from 'node:path';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import type { DocumentModel } from '../core/document.js';

/**
 * The draft, the response and the separate submissions share their answers'
 * block nodes, so each block directly under the root is written once per run
 * and its Markdown reused. Such a block's Markdown depends only on the node
 * (the writer's settings are fixed), except after a list, whose bullet the
 * next list must not repeat: then it is written afresh, as is a list itself.
 * Which blocks follow a list is read from the tree being written, not from
 * the writer's state, whose fields are not part of its interface.
 */
const written = new WeakMap<Nodes, string>();
let afterList: ReadonlySet<Nodes> = new Set();

/** A handler; inline ones also say which character they start with (toMarkdown reads `peek` for escaping). */
type Handler = Handle & { peek?: Handle };

function reusing(handle: Handler): Handler {
  const wrapped: Handler = (node: Nodes, parent: Parents | undefined, state: State, info) => {
    if (parent?.type !== 'root' || node.type === 'list' || afterList.has(node))
      return handle(node, parent, state, info);
    let markdown = written.get(node);
    if (markdown === undefined) {
      markdown = handle(node, parent, state, info);
      written.set(node, markdown);
    }
    return markdown;
  };
  if (handle.peek) wrapped.peek = handle.peek;
  return wrapped;
}

/**
 * The handlers remark-stringify would use with remark-gfm (toMarkdown's own,
 * then GFM's, in the order it applies them), each reusing what it wrote.
 * Given as options, they are applied after GFM's and take their place.
 */
function reusingHandlers(): Handlers {
  const effective: Record<string, Handler> = { ...defaultHandlers };
  for (const extension of gfmToMarkdown().extensions ?? []) Object.assign(effective, extension.handlers);
  return Object.fromEntries(Object.entries(effective).map(([type, handle]) => [type, reusing(handle)])) as Handlers;
}

/** GFM for writing only (what remark-gfm adds to remark-stringify). */
function gfmWriter(this: Processor): void {
  const data = this.data();
  data.toMarkdownExtensions = [...(data.toMarkdownExtensions ?? []), gfmToMarkdown()];
}

/** How every document's Markdown is written (remark-stringify's options). */
export const MARKDOWN_STYLE = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
} as const;

const processor = unified()
  .use(gfmWriter)
  .use(remarkStringify, { ...MARKDOWN_STYLE, handlers: reusingHandlers() })
  .freeze();

/** Markdown for a tree, with the writer's fixed options. */
export function stringifyTree(tree: Root): string {
  afterList = new Set(tree.children.filter((_, i) => tree.children[i - 1]?.type === 'list'));
  try {
    return processor.stringify(tree);
  } finally {
    afterList = new Set();
  }
}

/**
 * `toRoot` is the path from the output file's directory back to the
 * workspace (e.g. '..' for out/response.md): image paths in the model are
 * workspace-relative and must still resolve from where the file is written.
 */
export function renderMarkdown(doc: DocumentModel, toRoot = '.'): string {
  return stringifyTree(toRoot === '.' ? doc.tree : rebaseImages(doc.tree, toRoot));
}

/** The tree with image paths rebased; only the nodes on the way to an image are copied, since answer trees are shared. */
function rebaseImages(tree: Root, toRoot: string): Root {
  const copy = (node: Nodes): Nodes => {
    if (node.type === 'image') return { ...node, url: posix.join(toRoot, node.url) };
    if (!('children' in node)) return node;
    const children = node.children.map(copy);
    return children.every((c, i) => c === node.children[i]) ? node : ({ ...node, children } as Nodes);
  };
  return copy(tree) as Root;
}
