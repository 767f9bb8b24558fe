// The Markdown writer: remark-stringify over the document tree, never string
// concatenation, so every construct in an answer survives as written.
import type { Nodes, Root } from 'mdast';
import { posix } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { DocumentModel } from '../document.js';

const processor = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fence: '`', fences: true, rule: '-', listItemIndent: 'one', incrementListMarker: true })
  .freeze();

/** Markdown for a tree, with the writer's fixed options. */
export function stringifyTree(tree: Root): string {
  return processor.stringify(tree);
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
