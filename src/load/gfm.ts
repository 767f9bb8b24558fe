// GitHub Flavored Markdown, without the autolink literals a file cannot
// contain. Micromark tries every construct it knows at every place one could
// start, and an e-mail autolink can start at every letter of every word, yet
// none can end without an '@'; a bare URL needs 'www.' or 'http(s)://'.
// Without them a file parses about a third faster, to the same tree
// (test/gfm-subset.test.ts holds the two parsers to that). The other GFM
// constructs cost far less and are always there.
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct, Extension } from 'micromark-util-types';

/** GFM's autolink literals to try in a text: all, the bare-URL ones only, or none. */
export type AutolinkLiterals = 'all' | 'urls' | 'none';

export function autolinkLiterals(text: string): AutolinkLiterals {
  if (text.includes('@')) return 'all';
  return /www\.|https?:\/\//i.test(text) ? 'urls' : 'none';
}

/** GFM's bare-URL constructs without the e-mail one, which is tried at every letter of every word. */
function urlAutolinks(): Extension {
  const text: Record<number, Construct | Construct[]> = {};
  for (const [code, constructs] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter((c): c is Construct => c !== undefined && c.name !== 'emailAutolink');
    if (kept.length > 0) text[Number(code)] = kept;
  }
  return { text };
}

/** The micromark and mdast extensions of GFM with those autolink literals, in remark-gfm's order. */
export function gfmExtensions(autolinks: AutolinkLiterals): { syntax: Extension[]; mdast: FromMarkdownExtension[] } {
  const literal = autolinks === 'all' ? [gfmAutolinkLiteral()] : autolinks === 'urls' ? [urlAutolinks()] : [];
  return {
    // One extension, combined as micromark-extension-gfm combines it: separate
    // extensions would put constructs tried at the same character in another order.
    syntax: [combineExtensions([...literal, gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()])],
    mdast: [...(autolinks === 'none' ? [] : [gfmAutolinkLiteralFromMarkdown()]), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
  };
}
