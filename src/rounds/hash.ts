// A section's fingerprint: a hash of its Markdown as the writers would print
// it, so a changed word changes it and a re-wrapped line does not.
import { createHash } from 'node:crypto';
import type { Contribution } from '../model.js';
import { stringifyTree } from '../render/markdown.js';

export function sectionHash(c: Contribution): string {
  const markdown = stringifyTree({ type: 'root', children: [...c.blocks, ...c.footnotes] });
  return createHash('sha256').update(markdown.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}

export function sectionHashes(all: readonly Contribution[]): Record<string, string> {
  return Object.fromEntries(all.map((c) => [c.section, sectionHash(c)]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

/** Sections whose text differs between two sets of hashes: changed, added or gone. */
export function changedSections(then: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): string[] {
  const ids = new Set([...Object.keys(then), ...Object.keys(now)]);
  return [...ids].filter((id) => then[id] !== now[id]).sort();
}
