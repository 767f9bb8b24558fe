// Shared by the DOCX tests: documents built around a Markdown answer, the
// package's XML parts, and pandoc's reading of the result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Blockquote, Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { it } from 'vitest';
import type { DocumentModel, Role } from '../../src/core/document.js';
import { renderDocx, type DocxOptions } from '../../src/render/docx/index.js';
import { DEFAULT_STYLE } from '../../src/core/style.js';
import { readZip } from '../helpers/zip.js';
import { parseXml, type XmlElement } from './xml.js';

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
function withRole<T extends Nodes>(node: T, role: Role | undefined): T {
  if (role) node.data = { ...node.data, role };
  return node;
}
export const heading = (depth: 1 | 2 | 3, value: string, role?: Role): Heading =>
  withRole<Heading>({ type: 'heading', depth, children: [text(value)] }, role);
export const para = (value: string, role?: Role): Paragraph =>
  withRole<Paragraph>({ type: 'paragraph', children: [text(value)] }, role);

export const META = {
  title: 'Local Strategic Partnerships: Shaping their future',
  subject: 'Response from the Kensington and Chelsea Partnership',
  creator: 'Kensington and Chelsea Partnership',
  short: 'KCP',
  date: '2006-03-01',
};

/**
 * A response document as the composer builds one: cover, a section, topic
 * and question, then the answer (its headings moved to levels 4-6 and its
 * footnote definitions to the end), then the other roles.
 */
export function answerModel(markdown: string): DocumentModel {
  const parsed = parseMarkdown(markdown).children;
  const notes = parsed.filter((n) => n.type === 'footnoteDefinition');
  const blocks = parsed.filter((n) => n.type !== 'footnoteDefinition');
  const demote = (nodes: Nodes[]) => {
    for (const n of nodes) {
      if (n.type === 'heading') n.depth = (n.depth <= 3 ? 4 : Math.min(6, n.depth + 1)) as Heading['depth'];
      if ('children' in n) demote(n.children as Nodes[]);
    }
  };
  demote(blocks);
  const superseded: Blockquote = withRole<Blockquote>(
    { type: 'blockquote', children: [para('Source material superseded by the agreed wording.')] },
    'superseded',
  );
  const children: RootContent[] = [
    heading(1, META.title, 'title'),
    para(META.subject, 'subtitle'),
    para('1 March 2006', 'cover'),
    heading(1, 'The future of Local Strategic Partnerships'),
    heading(2, 'Governance'),
    heading(3, 'Q1'),
    para('How can LSPs best be held to account?', 'question'),
    para('(a) the executive', 'part'),
    para('Royal Borough of Kensington and Chelsea (public) — section Q1/rbkc', 'attribution'),
    ...blocks,
    superseded,
    heading(3, 'Q2'),
    para('The Partnership takes no collective view on this question.', 'abstention'),
    para('No collective response', 'note'),
    ...notes,
  ];
  return { kind: 'response', meta: { ...META }, tree: { type: 'root', children } };
}

export async function render(
  doc: DocumentModel,
  opts: Partial<DocxOptions> = {},
): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  const warnings: string[] = [];
  const bytes = await renderDocx(doc, {
    style: DEFAULT_STYLE,
    images: new Map(),
    warn: (m) => warnings.push(m),
    ...opts,
  });
  return { bytes, warnings };
}

/** Every .xml and .rels part of the package, parsed; a part that is not well-formed throws. */
export function xmlParts(bytes: Uint8Array): Map<string, XmlElement> {
  const parts = new Map<string, XmlElement>();
  for (const [name, data] of readZip(bytes)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    try {
      parts.set(name, parseXml(new TextDecoder('utf-8', { fatal: true }).decode(data)));
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
  }
  return parts;
}

export function part(bytes: Uint8Array, name: string): string {
  const data = readZip(bytes).get(name);
  if (!data) throw new Error(`no ${name} in the package`);
  return new TextDecoder().decode(data);
}

const hasTool = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

export const HAVE_PANDOC = hasTool('pandoc', ['--version']);
export const HAVE_XMLLINT = hasTool('xmllint', ['--version']);

/**
 * Tests that need pandoc. Without pandoc they are skipped on a developer's
 * machine, but in CI they run and fail: a CI without pandoc must not pass by
 * checking nothing.
 */
export function withPandoc(name: string, test: () => Promise<void>, timeout = 30_000): void {
  (HAVE_PANDOC || process.env.CI ? it : it.skip)(name, test, timeout);
}

/** Tests that need xmllint: like withPandoc, skipped only outside CI. */
export function withXmllint(name: string, test: () => Promise<void>): void {
  (HAVE_XMLLINT || process.env.CI ? it : it.skip)(name, test);
}

function scratch<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-docx-'));
  try {
    const file = join(dir, 'out.docx');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PandocNode {
  t: string;
  c?: unknown;
}

/** pandoc's reading of a .docx, as its JSON AST. */
export function pandocJson(bytes: Uint8Array): { blocks: PandocNode[]; meta: Record<string, unknown> } {
  return scratch(bytes, (file) => {
    const result = spawnSync('pandoc', ['-f', 'docx', '-t', 'json', file], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.error)
      throw new Error(`pandoc could not run (${result.error.message}); install it: apt-get install pandoc`);
    if (result.status !== 0) throw new Error(`pandoc failed to read the DOCX: ${result.stderr}`);
    return JSON.parse(result.stdout) as { blocks: PandocNode[]; meta: Record<string, unknown> };
  });
}

/** xmllint's verdict on an XML text: null when well-formed, else its message. */
export function xmllint(xml: string): string | null {
  const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return result.status === 0 ? null : result.stderr || `xmllint exited with ${result.status}`;
}

/** Every pandoc node of a type, anywhere in the tree (notes, tables and metadata included). */
export function pandocNodes(value: unknown, type: string): PandocNode[] {
  const found: PandocNode[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ((v as PandocNode).t === type) found.push(v as PandocNode);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return found;
}

const PANDOC_BLOCKS = new Set([
  'Para',
  'Plain',
  'Header',
  'BlockQuote',
  'OrderedList',
  'BulletList',
  'Table',
  'Div',
  'Note',
  'MetaInlines',
  'MetaBlocks',
]);

/** The text pandoc recovered: words, inline code and code blocks, from body, notes and metadata. */
export function pandocText(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const node = v as PandocNode;
    if (node.t === 'Str') out.push(String(node.c));
    else if (node.t === 'Code' || node.t === 'CodeBlock') out.push(` ${String((node.c as unknown[])[1])} `);
    else if (node.t === 'Space' || node.t === 'SoftBreak' || node.t === 'LineBreak') out.push(' ');
    else if (node.t !== undefined && node.c !== undefined) {
      const block = PANDOC_BLOCKS.has(node.t);
      if (block) out.push(' ');
      walk(node.c);
      if (block) out.push(' ');
    } else Object.values(v).forEach(walk);
  };
  walk(value);
  return out.join('');
}

/** The text of an mdast tree with every node's text separated, so words of adjacent blocks stay apart. */
export function mdastText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { type?: string; value?: unknown; alt?: unknown; children?: unknown[] };
  if (n.type === 'definition') return '';
  if (typeof n.value === 'string') return ` ${n.value} `;
  if (typeof n.alt === 'string') return ` ${n.alt} `;
  return (n.children ?? []).map(mdastText).join(' ');
}

export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words of `expected` that `actual` lacks (as a multiset: a repeated word must be recovered as often). */
export function missingWords(expected: string, actual: string): string[] {
  const have = new Map<string, number>();
  for (const w of words(actual)) have.set(w, (have.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of words(expected)) {
    const n = have.get(w) ?? 0;
    if (n === 0) missing.push(w);
    else have.set(w, n - 1);
  }
  return missing;
}
