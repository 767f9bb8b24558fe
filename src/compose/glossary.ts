// The Glossary at the end of the draft and the response: exactly the terms of
// glossary.yaml that the document uses (by name or by acronym), in the order
// the reader first meets them, each with its definition.
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Glossary, GlossaryTerm } from '../core/model.js';
import { heading, para, strong, text } from './nodes.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One spelling for a term's every form: case, spacing and a plural or possessive ending do not matter. */
const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(?:'s|s'|s)$/, '');
const bare = (acronym: string) => acronym.replace(/'?s$/, '');

/** Finds which terms a run of text uses, and where each is first used. */
export class TermFinder {
  private readonly byName = new Map<string, GlossaryTerm>();
  private readonly byAcronym = new Map<string, GlossaryTerm>();
  private readonly names: RegExp | null;
  private readonly acronyms: RegExp | null;

  constructor(terms: readonly GlossaryTerm[]) {
    for (const t of terms) {
      this.byName.set(key(t.term), t);
      if (t.acronym) this.byAcronym.set(t.acronym, t);
    }
    const plural = String.raw`(?:'s|s'|s)?(?![\p{L}\p{N}])`;
    const names = [...this.byName.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => escapeRegExp(k).replace(/ /g, String.raw`\s+`));
    this.names =
      names.length === 0 ? null : new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${names.join('|')})${plural}`, 'giu');
    const acronyms = [...this.byAcronym.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.acronyms =
      acronyms.length === 0 ? null : new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${acronyms.join('|')})${plural}`, 'gu');
  }

  /** The terms `value` uses, each with the offset of its first use there. */
  uses(value: string): { term: GlossaryTerm; offset: number }[] {
    const found = new Map<GlossaryTerm, number>();
    const note = (term: GlossaryTerm | undefined, offset: number) => {
      if (term && (found.get(term) ?? Infinity) > offset) found.set(term, offset);
    };
    for (const m of this.names ? value.matchAll(this.names) : []) note(this.byName.get(key(m[0])), m.index);
    for (const m of this.acronyms ? value.matchAll(this.acronyms) : []) note(this.byAcronym.get(bare(m[0])), m.index);
    return [...found].map(([term, offset]) => ({ term, offset })).sort((a, b) => a.offset - b.offset);
  }
}

/** The text a reader reads, in order: everything but code and raw HTML. */
function texts(nodes: readonly Nodes[], out: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.value);
    else if (node.type !== 'code' && node.type !== 'inlineCode' && node.type !== 'html' && 'children' in node)
      texts(node.children, out);
  }
  return out;
}

/** The glossary's terms that `nodes` use, in order of first use. */
export function termsUsed(glossary: Glossary, nodes: readonly Nodes[]): GlossaryTerm[] {
  const finder = new TermFinder(glossary.terms);
  const used = new Set<GlossaryTerm>();
  for (const value of texts(nodes)) {
    for (const { term } of finder.uses(value)) used.add(term);
    if (used.size === glossary.terms.length) break;
  }
  return [...used];
}

export function entry(t: GlossaryTerm, role?: 'form-note'): RootContent {
  const name = t.acronym ? `${t.term} (${t.acronym})` : t.term;
  const link: PhrasingContent[] = t.url
    ? [
        text(' '),
        {
          type: 'link',
          url: t.url,
          title: null,
          children: [text(t.url.replace(/^https?:\/\//, '').replace(/\/$/, ''))],
        },
      ]
    : [];
  return para([strong(name), text(`: ${t.definition}`), ...link], role);
}

/** The annex: a Glossary heading and one paragraph per term used, or nothing when none is. */
export function glossaryAnnex(glossary: Glossary | null, nodes: readonly Nodes[]): RootContent[] {
  const used = glossary ? termsUsed(glossary, nodes) : [];
  return used.length === 0 ? [] : [heading(1, 'Glossary'), ...used.map((t) => entry(t))];
}
