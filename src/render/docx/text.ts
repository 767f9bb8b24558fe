// The plain text of any node, as mdast-util-to-string computes it: what is
// left when a node cannot be rendered as itself, so its words are never lost.
import type { Nodes } from 'mdast';

export function plainText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { value?: unknown; alt?: unknown; children?: unknown };
  if (typeof n.value === 'string') return n.value;
  if (typeof n.alt === 'string') return n.alt;
  if (Array.isArray(n.children)) return n.children.map(plainText).join('');
  return '';
}

/** A short description of a node for warnings: its type and the start of its text. */
export function describeNode(node: Nodes | { type: string }): string {
  const words = plainText(node).replace(/\s+/g, ' ').trim();
  const excerpt = words.length > 40 ? `${words.slice(0, 40)}…` : words;
  return excerpt ? `${node.type} node ("${excerpt}")` : `${node.type} node`;
}
