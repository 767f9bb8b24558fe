// GitHub Flavored Markdown, without the autolink literals a file cannot
// contain. Micromark tries every construct it knows at every place one could
// start, and an e-mail autolink can start at every letter of every word, yet
// none can end without an '@'; a bare URL needs 'www.' or 'http(s)://'.
// Without them a file parses about a third faster, to the same tree
// (test/gfm-subset.test.ts holds the two parsers to that). GFM comes whole
// from its two packages (syntax and tree); the constructs a text cannot hold
// are taken out of the syntax by name, which keeps the others in their order.
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Construct, Extension } from 'micromark-util-types';

/** GFM's autolink literals to try in a text: all, the bare-URL ones only, or none. */
export type AutolinkLiterals = 'all' | 'urls' | 'none';

export function autolinkLiterals(text: string): AutolinkLiterals {
  if (text.includes('@')) return 'all';
  return /www\.|https?:\/\//i.test(text) ? 'urls' : 'none';
}

const LEFT_OUT: Record<AutolinkLiterals, ReadonlySet<string>> = {
  all: new Set(),
  urls: new Set(['emailAutolink']),
  none: new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink']),
};

/** GFM's syntax without the text constructs named in `leftOut`. */
function gfmWithout(leftOut: ReadonlySet<string>): Extension {
  const whole = gfm();
  if (leftOut.size === 0) return whole;
  const text: Record<number, Construct | Construct[]> = {};
  for (const [code, constructs] of Object.entries(whole.text ?? {})) {
    const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter(
      (c): c is Construct => c !== undefined && !leftOut.has(c.name ?? ''),
    );
    if (kept.length > 0) text[Number(code)] = kept;
  }
  return { ...whole, text };
}

/** The micromark and mdast extensions of GFM with those autolink literals. */
export function gfmExtensions(autolinks: AutolinkLiterals): { syntax: Extension[]; mdast: FromMarkdownExtension[] } {
  // The tree side needs no trimming: with no construct to make them, no autolink literal reaches it.
  return { syntax: [gfmWithout(LEFT_OUT[autolinks])], mdast: gfmFromMarkdown() };
}
