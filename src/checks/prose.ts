// The running text of an answer, as the checks that read words see it: text
// in code, links, footnotes and raw HTML is left out (a URL, a snippet or a
// citation is not the partnership speaking), each piece with where it starts.
import type { Nodes, RootContent } from 'mdast';
import type { Position } from '../core/model.js';

export interface Prose {
  value: string;
  /** Where value[0] is in the file; undefined for generated text, which has no place. */
  start: { line: number; column: number } | undefined;
}

const NOT_PROSE = new Set<Nodes['type']>([
  'code',
  'inlineCode',
  'link',
  'linkReference',
  'footnoteDefinition',
  'footnoteReference',
  'html',
  'image',
  'imageReference',
  'definition',
  'yaml',
]);

export function prose(nodes: readonly RootContent[]): Prose[] {
  const out: Prose[] = [];
  const walk = (node: Nodes): void => {
    if (NOT_PROSE.has(node.type)) return;
    if (node.type === 'text') out.push({ value: node.value, start: node.position?.start });
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  for (const node of nodes) walk(node);
  return out;
}

/** The position of value[offset] in `file`, or `fallback` when the text has no place of its own. */
export function positionIn(piece: Prose, offset: number, file: string, fallback: Position): Position {
  if (piece.start === undefined) return fallback;
  const lines = piece.value.slice(0, offset).split('\n');
  const line = piece.start.line + lines.length - 1;
  const column = lines.length === 1 ? piece.start.column + offset : lines.at(-1)!.length + 1;
  return { file, line, column };
}
