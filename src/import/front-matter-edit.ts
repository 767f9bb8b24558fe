// Replacing top-level keys of a response file's front matter as text: the
// lines of the keys being replaced are cut out (found with yaml's source
// ranges) and the new keys appended, so every other line, comments and
// spacing included, and everything after the front matter stay byte for byte.
import { Document, isMap, isScalar, parseDocument } from 'yaml';

/** A key's new value; `undefined` removes the key. `flow` writes a mapping on one line. */
export type FrontMatterEdit = Record<string, { value: unknown; flow?: boolean } | undefined>;

/** The source with `edits` made to its front matter, or null when it has no front matter mapping. */
export function editFrontMatter(source: string, edits: FrontMatterEdit): string | null {
  // The patterns are written here, not as module constants, so that mutation
  // testing tries their variants test by test (see README, Mutation testing).
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(source);
  if (!open) return null;
  const rest = source.slice(open[0].length);
  // Multiline: '$' holds before a line end as at the end of the file (only where the line starts matters).
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) return null;
  const front = rest.slice(0, close.index);
  const doc = parseDocument(front);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;

  const cuts: [number, number][] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !Object.hasOwn(edits, String(pair.key.value))) continue;
    // The key's line starts after the last line end before the key (its first character is none).
    const start = front.lastIndexOf('\n', pair.key.range[0]) + 1;
    const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range[1];
    const lineEnd = front.indexOf('\n', Math.max(valueEnd - 1, start));
    cuts.push([start, lineEnd === -1 ? front.length : lineEnd + 1]);
  }
  let kept = front;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) kept = kept.slice(0, start) + kept.slice(end);
  if (kept !== '' && !kept.endsWith('\n')) kept += '\n';

  const added = Object.entries(edits)
    .filter((e): e is [string, { value: unknown; flow?: boolean }] => e[1] !== undefined)
    .map(([key, { value, flow }]) => {
      const piece = new Document({ [key]: value });
      if (flow) (piece.get(key, true) as { flow?: boolean }).flow = true;
      return piece.toString({ lineWidth: 0 });
    })
    .join('');
  return `${open[0]}${kept}${added}${rest.slice(close.index)}`;
}
