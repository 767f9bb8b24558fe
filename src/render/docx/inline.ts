// Phrasing content to runs. Formatting is carried down as a RunFormat, so
// nested emphasis, links and code combine the way Markdown nests them.
import type { Link, LinkReference, Nodes, PhrasingContent } from 'mdast';
import type { RenderContext } from './context.js';
import type { BlockEnv } from './block-env.js';
import { imageRun } from './images.js';
import { linkTarget } from './links.js';
import { LANGUAGE, STYLE } from './styles.js';
import { describeNode, plainText } from './text.js';
import { EMPTY_XML, joinXml } from '../../ooxml/xml.js';
import { breakRun, hyperlink, tabRun, textRun, type RunProps, type Xml } from './wml.js';

export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  readonly link?: boolean;
}

function runOptions(format: RunFormat): RunProps {
  // A run has one character style: code and links keep theirs, and bold is then direct formatting.
  const style = format.code ? STYLE.verbatim : format.link ? STYLE.hyperlink : format.bold ? STYLE.strong : undefined;
  return {
    ...(style !== undefined ? { style } : {}),
    ...(format.bold && style !== STYLE.strong ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.strike ? { strike: true } : {}),
  };
}

// Right-to-left scripts, with the spaces, digits and punctuation between their words.
const RTL_WORD = '[\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Syriac}\\p{Script=Thaana}\\p{Script=Nko}]';
const RTL = new RegExp(`(${RTL_WORD}+(?:[\\s\\p{P}\\p{N}]+${RTL_WORD}+)*)`, 'u');
const HEBREW = /\p{Script=Hebrew}/u;

/**
 * Right-to-left text (Urdu, Arabic, Hebrew... in a community group's answer)
 * goes in runs marked w:rtl with a complex-script language, so Word orders and
 * shapes it correctly instead of showing it backwards.
 */
function direction(piece: string): { text: string; rtl: boolean }[] {
  // split() with a capturing group puts the right-to-left stretches at the odd indexes.
  return piece
    .split(RTL)
    .map((text, index) => ({ text, rtl: index % 2 === 1 }))
    .filter((p) => p.text !== '');
}

const BREAK_OR_TAB = /\r\n|\r|\n|\t/;

/**
 * Runs for text that is already clean. A newline becomes a line break and a
 * tab a tab: in w:t, Word would show either as a space.
 */
export function textRuns(text: string, format: RunFormat = {}): Xml {
  const options = runOptions(format);
  // Most text has neither breaks nor right-to-left words: one run.
  if (!BREAK_OR_TAB.test(text) && !RTL.test(text)) return text === '' ? EMPTY_XML : textRun(text, options);
  const runs: Xml[] = [];
  for (const piece of text.split(/(\r\n|\r|\n|\t)/)) {
    if (piece === '') continue;
    if (piece === '\t') runs.push(tabRun(options));
    else if (piece === '\n' || piece === '\r' || piece === '\r\n') runs.push(breakRun(options));
    else {
      for (const { text, rtl } of direction(piece)) {
        runs.push(
          textRun(
            text,
            rtl
              ? { ...options, rtl: true, language: { value: LANGUAGE, bidi: HEBREW.test(text) ? 'he-IL' : 'ar-SA' } }
              : options,
          ),
        );
      }
    }
  }
  return joinXml(runs);
}

const SOFT_BREAK = /\r\n|\r|\n/g;

export function inlines(nodes: readonly Nodes[], ctx: RenderContext, env: BlockEnv, format: RunFormat = {}): Xml {
  return joinXml(nodes.map((node) => inline(node, ctx, env, format)));
}

function inline(node: Nodes, ctx: RenderContext, env: BlockEnv, format: RunFormat): Xml {
  const literal = (text: string) => textRuns(ctx.clean(text), format);
  switch (node.type) {
    case 'text':
      // A newline inside text is a Markdown soft line break: the author's
      // editor wrapped the line. Word must reflow it like any paragraph, so it
      // is a space, as in CommonMark and pandoc. Hard breaks are 'break' nodes.
      return literal(node.value.replace(SOFT_BREAK, ' '));
    case 'html': // raw HTML stays visible as text, never markup
      return literal(node.value);
    case 'strong':
      return inlines(node.children, ctx, env, { ...format, bold: true });
    case 'emphasis':
      return inlines(node.children, ctx, env, { ...format, italics: true });
    case 'delete':
      return inlines(node.children, ctx, env, { ...format, strike: true });
    case 'inlineCode':
      return textRuns(ctx.clean(node.value), { ...format, code: true });
    case 'break':
      return breakRun();
    case 'link':
      return link(node, node.url, ctx, env, format);
    case 'linkReference': {
      const definition = ctx.definitions.get(node.identifier);
      if (definition) return link(node, definition.url, ctx, env, format);
      return unresolved(node.children, node.label ?? node.identifier, node.referenceType, '[', ctx, env, format);
    }
    case 'image':
      return imageRun(node, node.url, node.title, ctx, literal);
    case 'imageReference': {
      const definition = ctx.definitions.get(node.identifier);
      if (definition) return imageRun(node, definition.url, definition.title, ctx, literal);
      const alt: PhrasingContent[] = [{ type: 'text', value: node.alt ?? '' }];
      return unresolved(alt, node.label ?? node.identifier, node.referenceType, '![', ctx, env, format);
    }
    case 'footnoteReference': {
      const label = `[^${node.label ?? node.identifier}]`;
      if (env.inFootnote) {
        ctx.warn(
          `footnote reference ${label} inside a footnote: Word has no footnotes in footnotes, so it is shown as text`,
          node,
        );
        return literal(label);
      }
      const run = ctx.notes.reference(node.identifier);
      if (run !== undefined) return run;
      ctx.warn(`footnote reference ${label} has no footnote text; it is shown as text`, node);
      return literal(label);
    }
    default:
      ctx.warn(`${describeNode(node)} has no Word equivalent inside a paragraph; its text is kept`, node);
      return literal(plainText(node));
  }
}

function link(node: Link | LinkReference, url: string, ctx: RenderContext, env: BlockEnv, format: RunFormat): Xml {
  const children = node.children;
  // Word cannot nest hyperlinks; the outer link stands for both.
  if (format.link) return inlines(children, ctx, env, format);
  const cleanUrl = ctx.clean(url);
  const target = linkTarget(cleanUrl);
  if (target === null) {
    const text = inlines(children, ctx, env, format);
    if (cleanUrl.trim() === '') return text;
    ctx.warn(
      `link to ${cleanUrl} is kept as text, not made a hyperlink (only http, https, mailto, ftp, tel and relative links are)`,
      node,
    );
    return joinXml([text, textRuns(` <${cleanUrl}>`, format)]);
  }
  const content = inlines(children, ctx, env, { ...format, link: true });
  return hyperlink(ctx.rels.link(target), content !== '' ? content : textRuns(cleanUrl, { ...format, link: true }));
}

/** An unresolved reference is shown as the Markdown that was written, as CommonMark renders it. */
function unresolved(
  children: readonly Nodes[],
  label: string,
  referenceType: 'shortcut' | 'collapsed' | 'full',
  open: string,
  ctx: RenderContext,
  env: BlockEnv,
  format: RunFormat,
): Xml {
  const close = referenceType === 'full' ? `][${label}]` : referenceType === 'collapsed' ? '][]' : ']';
  return joinXml([
    textRuns(ctx.clean(open), format),
    inlines(children, ctx, env, format),
    textRuns(ctx.clean(close), format),
  ]);
}
