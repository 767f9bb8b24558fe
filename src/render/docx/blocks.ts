// Block content to Word paragraphs and tables. Containers (quotations, list
// items, footnotes) do not exist in Word, so they pass an Env down: a style
// and an indent for the paragraphs inside them.
import type { Blockquote, FootnoteDefinition, Heading, Nodes } from 'mdast';
import { answerOf, roleOf } from '../../core/document.js';
import { answerControl } from './controls.js';
import type { RenderContext } from './context.js';
import type { BlockEnv } from './block-env.js';
import { inlines, textRuns } from './inline.js';
import { renderList } from './lists.js';
import { paragraphStyleOf } from './roles.js';
import { QUOTE_INDENT, STYLE } from './styles.js';
import { renderTable } from './tables.js';
import { describeNode, plainText } from './text.js';
import { EMPTY_XML, joinXml } from '../../ooxml/xml.js';
import { paragraph as wordParagraph, type Xml } from './wml.js';

const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'footnoteReference',
]);

export function renderBlocks(nodes: readonly Nodes[], ctx: RenderContext, env: BlockEnv): Xml {
  const out: Xml[] = [];
  writeBlocks(nodes, ctx, env, (xml) => out.push(xml));
  return joinXml(out);
}

/** Renders the blocks, handing each one's markup to `write` as soon as it is made. */
export function writeBlocks(
  nodes: readonly Nodes[],
  ctx: RenderContext,
  env: BlockEnv,
  write: (xml: Xml) => void,
): void {
  // Space around tables comes from the styles; a paragraph goes between two tables only, which Word
  // would otherwise join into one, and after a table that ends a footnote, which Word requires.
  let afterTable = false;
  const emit = (xml: Xml) => {
    if (xml === '') return;
    if (afterTable && xml.startsWith('<w:tbl>')) write(separator(env));
    afterTable = xml.endsWith('</w:tbl>');
    write(xml);
  };
  // Phrasing content where blocks belong (a hand-built tree) is gathered into a paragraph.
  let loose: Nodes[] = [];
  const flush = () => {
    if (loose.length > 0) emit(paragraph(inlines(loose, ctx, env), env.style, env));
    loose = [];
  };
  for (const node of nodes) {
    if (PHRASING.has(node.type)) {
      loose.push(node);
      continue;
    }
    flush();
    emit(ctx.within(node, () => block(node, ctx, env)));
  }
  flush();
  if (afterTable && env.inFootnote) write(separator(env));
}

function separator(env: BlockEnv): Xml {
  return wordParagraph({ style: env.style, spacing: { before: 0, after: 0 }, ...indent(env) });
}

/** A paragraph in the env's style needs an indent of its own only beyond what that style gives. */
function paragraph(children: Xml, style: string | undefined, env: BlockEnv): Xml {
  const own = style === env.style ? env.indent !== env.styleIndent : env.indent > 0;
  return wordParagraph({ style, ...(own ? { indent: { left: env.indent } } : {}) }, children);
}

function block(node: Nodes, ctx: RenderContext, env: BlockEnv): Xml {
  switch (node.type) {
    case 'paragraph': {
      const area = answerOf(node);
      if (area) return answerControl(area, plainText(node), indent(env), ctx);
      return paragraph(inlines(node.children, ctx, env), paragraphStyleOf(node, ctx) ?? env.style, env);
    }
    case 'heading':
      return heading(node, ctx, env);
    case 'blockquote':
      return blockquote(node, ctx, env);
    case 'list':
      return renderList(node, ctx, env, renderBlocks);
    case 'listItem':
      // Only a hand-built tree has an item outside a list; it is a list of one.
      return renderList({ type: 'list', children: [node] }, ctx, env, renderBlocks);
    case 'code':
      return wordParagraph({ style: STYLE.code, ...indent(env) }, textRuns(ctx.clean(node.value)));
    case 'html': // raw HTML stays visible as text, never markup
      return paragraph(textRuns(ctx.clean(node.value)), env.style, env);
    case 'table':
      return renderTable(node, ctx, env);
    case 'thematicBreak':
      return wordParagraph({ style: STYLE.rule, ...indent(env) });
    case 'definition':
      // Link definitions are not content: links and images use them.
      return EMPTY_XML;
    case 'footnoteDefinition':
      return ctx.notes.isNote(node) ? EMPTY_XML : unreferencedFootnote(node, ctx, env);
    case 'root':
      return renderBlocks(node.children, ctx, env);
    default:
      ctx.warn(`${describeNode(node)} has no Word equivalent; its text is kept as a paragraph`, node);
      return paragraph(textRuns(ctx.clean(plainText(node))), env.style, env);
  }
}

function indent(env: BlockEnv) {
  return env.indent > 0 ? { indent: { left: env.indent } } : {};
}

function heading(node: Heading, ctx: RenderContext, env: BlockEnv): Xml {
  const style = roleOf(node) === 'title' ? STYLE.title : STYLE.heading(ctx.headingLevels.next(node.depth));
  return wordParagraph(
    { style, ...(ctx.pageBreakBefore === node ? { pageBreakBefore: true } : {}), ...indent(env) },
    inlines(node.children, ctx, env),
  );
}

function blockquote(node: Blockquote, ctx: RenderContext, env: BlockEnv): Xml {
  const style = paragraphStyleOf(node, ctx) ?? STYLE.quote;
  const indent = env.indent + QUOTE_INDENT;
  // Quotation styles indent by themselves; roles' other styles do not.
  const quoteStyle = style === STYLE.quote || style === STYLE.superseded || style === STYLE.removed;
  return renderBlocks(node.children, ctx, { ...env, style, indent, styleIndent: quoteStyle ? QUOTE_INDENT : 0 });
}

function unreferencedFootnote(node: FootnoteDefinition, ctx: RenderContext, env: BlockEnv): Xml {
  const label = `[^${node.label ?? node.identifier}]`;
  ctx.warn(`footnote ${label} is never referenced (or defined twice); its text is shown where it is defined`, node);
  return joinXml([paragraph(textRuns(ctx.clean(`${label}:`)), env.style, env), renderBlocks(node.children, ctx, env)]);
}
