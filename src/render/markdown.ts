// The Markdown writer: remark-stringify over the document tree, never string
// concatenation, so every construct in an answer survives as written.
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { DocumentModel } from '../document.js';

const processor = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fence: '`', fences: true, rule: '-', listItemIndent: 'one', incrementListMarker: true })
  .freeze();

export function renderMarkdown(doc: DocumentModel): string {
  return processor.stringify(doc.tree);
}
