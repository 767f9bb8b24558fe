// Acronyms the reader of the response is not told the meaning of. An acronym
// (two or more capitals: LAA, GLA) must be spelled out where the response first
// uses it, "Local Area Agreement (LAA)" or "LAA (Local Area Agreement)", or be
// defined (or listed under ignore) in glossary.yaml.
import type { RootContent } from 'mdast';
import type { MergeResult } from '../merge/merge.js';
import type { Contribution, Position, Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { GLOSSARY_FILE } from '../load/glossary.js';
import { positionIn, prose } from './prose.js';

export interface AcronymUse {
  acronym: string;
  /** Spelled out right here, before or after it in brackets. */
  spelled: boolean;
  at: Position;
}

const ACRONYM = /(?<![\p{L}\p{N}])(\p{Lu}{2,})(?='s|s(?![\p{L}\p{N}])|(?![\p{L}\p{N}]))/gu;
const MINOR = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'at', 'by', '&']);

/** Do `words` (in reading order) spell `acronym` by their initials, small joining words aside? */
export function spells(words: readonly string[], acronym: string): boolean {
  const initials = words
    .filter((w) => !MINOR.has(w.toLowerCase()))
    .map((w) =>
      w
        .replace(/^[^\p{L}]+/u, '')
        .charAt(0)
        .toUpperCase(),
    );
  return initials.join('') === acronym;
}

const wordsOf = (s: string) => s.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));

/** "Local Area Agreement (LAA)": the words before the bracket, as many as it takes. */
function spelledBefore(before: string, acronym: string): boolean {
  if (!/\(\s*$/.test(before)) return false;
  const words = wordsOf(before.replace(/\(\s*$/, ''));
  for (let n = acronym.length; n <= Math.min(words.length, acronym.length * 2 + 1); n++) {
    if (spells(words.slice(-n), acronym)) return true;
  }
  return false;
}

/** "LAA (Local Area Agreement)": the words inside the bracket after it. */
function spelledAfter(after: string, acronym: string): boolean {
  const m = /^(?:'?s)?\s*\(([^()]+)\)/u.exec(after);
  return m !== null && spells(wordsOf(m[1]!), acronym);
}

/** Every acronym in an answer's running text (not in code, links or footnotes), in order. */
export function findAcronyms(blocks: readonly RootContent[], file: string, fallback: Position): AcronymUse[] {
  const out: AcronymUse[] = [];
  for (const piece of prose(blocks)) {
    for (const m of piece.value.matchAll(ACRONYM)) {
      const acronym = m[1]!;
      const end = m.index + acronym.length;
      const spelled =
        spelledBefore(piece.value.slice(0, m.index), acronym) || spelledAfter(piece.value.slice(end), acronym);
      out.push({ acronym, spelled, at: positionIn(piece, m.index, file, fallback) });
    }
  }
  return out;
}

/** The response's own text (preambles, then each question's answers), in the order it is printed. */
function responseText(result: MergeResult): Contribution[] {
  const included = (accounts: MergeResult['preambles']) =>
    accounts.filter((a) => a.status === 'included').map((a) => a.contribution);
  return [
    ...included(result.preambles),
    ...result.questions.flatMap((o) => included([...o.composite, ...o.contributions])),
  ];
}

export function checkAcronyms(ws: Workspace, result: MergeResult, problems: Problems): void {
  const known = new Set([
    ...(ws.glossary?.ignore ?? []),
    ...(ws.glossary?.terms.flatMap((t) => (t.acronym ? [t.acronym] : [])) ?? []),
  ]);
  const seen = new Set<string>();
  const where = ws.glossary ? GLOSSARY_FILE : `a ${GLOSSARY_FILE} in the workspace (lsp-respond init writes one)`;
  for (const c of responseText(result)) {
    for (const use of findAcronyms(c.blocks, c.position.file, c.position)) {
      if (known.has(use.acronym) || seen.has(use.acronym)) continue;
      seen.add(use.acronym);
      if (use.spelled) continue;
      problems.warn(
        'unexplained-acronym',
        use.at,
        `${use.acronym} (in ${c.section}) is used here for the first time in the response without being spelled out; spell it out here, e.g. "<the words> (${use.acronym})", or define it in ${where}: under terms, or under ignore if every reader knows it`,
      );
    }
  }
}
