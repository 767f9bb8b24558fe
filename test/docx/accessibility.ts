// An accessibility check of a .docx, as a reviewer with Word's Accessibility
// Checker and GOV.UK's guidance would make it, over what the XML can show:
// heading order, title, language, alt text, table headers, contrast of every
// run against its background, minimum size, italic paragraph styles and bold
// paragraphs standing in for headings. It cannot hear a screen reader read the
// document; the README says what that leaves to people.
import { contrast, MIN_CONTRAST, ratio } from '../../src/checks/contrast.js';
import { xmlParts } from './helpers.js';
import { attr, elements, wordText, type XmlElement } from './xml.js';

interface StyleInfo {
  basedOn?: string;
  outline?: number;
  color?: string;
  shading?: string;
  size?: number;
  italics?: boolean;
}

const child = (node: XmlElement | undefined, name: string): XmlElement | undefined =>
  node?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
const value = (node: XmlElement | undefined, name: string, attribute = 'w:val'): string | undefined => {
  const found = child(node, name);
  return found === undefined ? undefined : (attr(found, attribute) ?? '');
};
const on = (node: XmlElement | undefined, name: string) => {
  const v = value(node, name);
  return v === undefined ? undefined : v !== 'false' && v !== '0';
};
const colour = (v: string | undefined) => (v === undefined || v === 'auto' ? undefined : v.toUpperCase());

function styleInfo(style: XmlElement): StyleInfo {
  const pPr = child(style, 'w:pPr');
  const rPr = child(style, 'w:rPr');
  const outline = value(pPr, 'w:outlineLvl');
  const size = value(rPr, 'w:sz');
  const shading = colour(attr(child(pPr, 'w:shd') ?? { name: '', attrs: [], children: [] }, 'w:fill'));
  const info: StyleInfo = {};
  const basedOn = value(style, 'w:basedOn');
  if (basedOn !== undefined) info.basedOn = basedOn;
  if (outline !== undefined) info.outline = Number(outline);
  const c = colour(value(rPr, 'w:color'));
  if (c !== undefined) info.color = c;
  if (shading !== undefined) info.shading = shading;
  if (size !== undefined) info.size = Number(size);
  const i = on(rPr, 'w:i');
  if (i !== undefined) info.italics = i;
  return info;
}

class Styles {
  readonly byId = new Map<string, { type: string; name: string; info: StyleInfo }>();
  readonly defaultSize: number | undefined;
  readonly language: string | undefined;

  constructor(root: XmlElement) {
    for (const s of elements(root).filter((e) => e.name === 'w:style')) {
      this.byId.set(attr(s, 'w:styleId') ?? '', {
        type: attr(s, 'w:type') ?? '',
        name: value(s, 'w:name') ?? '',
        info: styleInfo(s),
      });
    }
    const defaults = child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
    const size = value(defaults, 'w:sz');
    this.defaultSize = size === undefined ? undefined : Number(size);
    this.language = value(defaults, 'w:lang');
  }

  /** A property of a style, looked up its basedOn chain. */
  get<K extends keyof StyleInfo>(id: string | undefined, key: K): StyleInfo[K] | undefined {
    for (let at = id, hops = 0; at !== undefined && hops < 20; hops += 1) {
      const s = this.byId.get(at);
      if (s === undefined) return undefined;
      if (s.info[key] !== undefined) return s.info[key];
      at = s.info.basedOn;
    }
    return undefined;
  }

  /** 0 for the document's title, 1-9 for headings, undefined for body text. */
  level(id: string | undefined): number | undefined {
    if (id === undefined) return undefined;
    if (this.byId.get(id)?.name === 'Title') return 0;
    const outline = this.get(id, 'outline');
    return outline === undefined || outline > 8 ? undefined : outline + 1;
  }
}

const WORD_TEXT_PARTS = /^word\/(document|header\d+|footer\d+|footnotes)\.xml$/;

export function accessibilityFindings(bytes: Uint8Array): string[] {
  const parts = xmlParts(bytes);
  const findings: string[] = [];
  const styles = new Styles(parts.get('word/styles.xml')!);
  const document = parts.get('word/document.xml')!;
  const core = parts.get('docProps/core.xml')!;

  // Language
  if (!styles.language) findings.push('language: the document defaults name no language (w:lang)');
  const coreValue = (name: string) =>
    elements(core)
      .find((e) => e.name === name)
      ?.children.join('') ?? '';
  if (coreValue('dc:language') === '') findings.push('language: docProps/core.xml has no dc:language');

  // Headings in order, and the title
  const inCells = new Set(
    elements(document)
      .filter((e) => e.name === 'w:tc')
      .flatMap((cell) => elements(cell)),
  );
  const paragraphs = elements(document).filter((e) => e.name === 'w:p');
  const styleOf = (p: XmlElement) => value(child(p, 'w:pPr'), 'w:pStyle');
  let last = 0;
  let visibleTitle: string | undefined;
  for (const p of paragraphs) {
    const level = styles.level(styleOf(p));
    const text = wordText(p).trim();
    if (level === 0) {
      visibleTitle ??= text;
      continue;
    }
    if (level === undefined) {
      const runs = elements(p).filter((e) => e.name === 'w:r' && wordText(e).trim() !== '');
      const bold = (r: XmlElement) =>
        on(child(r, 'w:rPr'), 'w:b') === true || value(child(r, 'w:rPr'), 'w:rStyle') === 'Strong';
      // A banner above the title, or a table's header cells, are bold without being headings.
      if (
        visibleTitle !== undefined &&
        !inCells.has(p) &&
        runs.length > 0 &&
        runs.every(bold) &&
        text.length < 80 &&
        !/[.:;,!?]$/.test(text)
      ) {
        findings.push(`heading: "${text}" is bold text standing in for a heading`);
      }
      continue;
    }
    if (text === '') findings.push(`heading: an empty heading at level ${level}`);
    if (level > last + 1)
      findings.push(`heading: "${text}" is level ${level} after level ${last}, skipping ${last + 1}`);
    last = level;
  }
  const title = coreValue('dc:title');
  if (title === '') findings.push('title: docProps/core.xml has no dc:title');
  else if (visibleTitle !== undefined && !title.startsWith(visibleTitle))
    findings.push(`title: the title property "${title}" is not the visible title "${visibleTitle}"`);

  // Pictures
  for (const picture of elements(document).filter((e) => e.name === 'wp:docPr')) {
    const decorative = elements(picture).some((e) => e.name === 'adec:decorative' && attr(e, 'val') === '1');
    if (!decorative && (attr(picture, 'descr') ?? '').trim() === '')
      findings.push(`alt text: ${attr(picture, 'name')} has no description and is not marked decorative`);
  }

  // Tables
  for (const [index, table] of elements(document)
    .filter((e) => e.name === 'w:tbl')
    .entries()) {
    const first = child(table, 'w:tr');
    const header = child(child(first, 'w:trPr'), 'w:tblHeader');
    if (header === undefined || ['0', 'false', 'off'].includes(attr(header, 'w:val') ?? ''))
      findings.push(`table ${index + 1}: its first row is not marked as a header row`);
  }

  // Sizes and italics of styles
  if ((styles.defaultSize ?? 20) < 24)
    findings.push(`size: body text is ${(styles.defaultSize ?? 20) / 2} pt, under 12 pt`);
  for (const [id, s] of styles.byId) {
    const size = styles.get(id, 'size');
    if (size !== undefined && size < 20) findings.push(`size: style ${id} is ${size / 2} pt, under 10 pt`);
    if (s.type === 'paragraph' && styles.get(id, 'italics'))
      findings.push(`italics: paragraph style ${id} sets whole paragraphs in italics`);
  }

  // Every run: its size, and its colour against its background
  for (const [name, root] of parts) {
    if (!WORD_TEXT_PARTS.test(name)) continue;
    const walk = (node: XmlElement, paragraphStyle: string | undefined, background: string | undefined): void => {
      if (node.name === 'w:tc')
        background = colour(attr(child(child(node, 'w:tcPr'), 'w:shd') ?? node, 'w:fill')) ?? background;
      if (node.name === 'w:p') {
        const pPr = child(node, 'w:pPr');
        paragraphStyle = value(pPr, 'w:pStyle');
        background =
          colour(attr(child(pPr, 'w:shd') ?? node, 'w:fill')) ?? styles.get(paragraphStyle, 'shading') ?? background;
      }
      if (node.name === 'w:r' && wordText(node).trim() !== '') {
        const rPr = child(node, 'w:rPr');
        const runStyle = value(rPr, 'w:rStyle');
        const size = value(rPr, 'w:sz');
        if (size !== undefined && Number(size) < 20)
          findings.push(`size: "${wordText(node)}" in ${name} is ${Number(size) / 2} pt, under 10 pt`);
        const text =
          colour(value(rPr, 'w:color')) ??
          styles.get(runStyle, 'color') ??
          styles.get(paragraphStyle, 'color') ??
          '000000';
        const ground = background ?? 'FFFFFF';
        const c = contrast(text, ground);
        if (c < MIN_CONTRAST)
          findings.push(`contrast: "${wordText(node).slice(0, 30)}" in ${name} is ${text} on ${ground}, ${ratio(c)}`);
        return;
      }
      for (const c of node.children) if (typeof c !== 'string') walk(c, paragraphStyle, background);
    };
    walk(root, undefined, undefined);
  }
  return [...new Set(findings)];
}
