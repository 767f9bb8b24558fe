// A section's fingerprint: a hash of its meaning, the mdast tree without
// positions or writer data, so a changed word changes it and a re-wrapped
// line, another Markdown writer or another writer option does not.
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { Contribution } from '../core/model.js';
import { stringifyTree } from '../render/markdown.js';

/**
 * The way round.json's hashes were made. 1 (round.json without `hash`): the
 * section as our Markdown writer printed it, whitespace collapsed. 2: the
 * canonical tree (below). A round is always compared with the hashes of its
 * own version, so rounds circulated before version 2 keep their sign-offs.
 */
export type HashVersion = 1 | 2;
export const HASH_VERSION: HashVersion = 2;

/**
 * The tree as plain sorted JSON: `position` and `data` dropped (where the text
 * stood and what the tool attached to it), runs of whitespace in text made
 * one space, keys in order, so equal meaning gives equal bytes. A key whose
 * value is undefined stays, undefined: JSON.stringify leaves it out.
 */
export function canonical(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(canonical);
  if (typeof node === 'string') return node.replace(/\s+/g, ' ');
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node).sort()) {
    if (key === 'position' || key === 'data') continue;
    out[key] = canonical((node as Record<string, unknown>)[key]);
  }
  return out;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function sectionHash(c: Contribution, version: HashVersion = HASH_VERSION): string {
  const tree: Root = { type: 'root', children: [...c.blocks, ...c.footnotes] };
  if (version === 1) return digest(stringifyTree(tree).replace(/\s+/g, ' ').trim());
  return digest(JSON.stringify(canonical(tree)));
}

export function sectionHashes(
  all: readonly Contribution[],
  version: HashVersion = HASH_VERSION,
): Record<string, string> {
  return Object.fromEntries(
    all.map((c) => [c.section, sectionHash(c, version)]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
}

/** Sections whose text differs between two sets of hashes: changed, added or gone. */
export function changedSections(
  then: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): string[] {
  const ids = new Set([...Object.keys(then), ...Object.keys(now)]);
  return [...ids].filter((id) => then[id] !== now[id]).sort();
}
