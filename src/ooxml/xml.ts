// Markup as a type of its own. Text becomes markup only through escapeXml,
// markup is built only by the `xml` template (whose holes take markup or
// numbers, never strings) or joinXml, and a part read from a package becomes
// markup only once a parser has found it well-formed (see xml-reader.ts). So
// the compiler rejects a string put into a document unescaped.
import { XML_FORBIDDEN } from './xml-chars.js';

declare const MARKUP: unique symbol;

/** Markup of zero or more complete elements, or of an attribute value. */
export type Xml = string & { readonly [MARKUP]: true };

export const EMPTY_XML = '' as Xml;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as the content of an element or of a double-quoted attribute. */
export function escapeXml(text: string): Xml {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c] ?? c) as Xml;
}

/** Markup from a template written in the code and holes that are markup or numbers. */
export function xml(strings: TemplateStringsArray, ...holes: readonly (Xml | number)[]): Xml {
  let out = strings[0] ?? '';
  for (let i = 0; i < holes.length; i += 1) out += `${holes[i]}${strings[i + 1] ?? ''}`;
  return out as Xml;
}

export function joinXml(parts: readonly Xml[]): Xml {
  return parts.join('') as Xml;
}

/** Markup cut in two at `at`, which the caller has found between two tags. */
export function splitXml(markup: Xml, at: number): [Xml, Xml] {
  return [markup.slice(0, at) as Xml, markup.slice(at) as Xml];
}

/** The text without the code points XML 1.0 forbids, and how many were removed. */
export function xmlSafe(text: string): { text: string; removed: number } {
  let removed = 0;
  const safe = text.replace(XML_FORBIDDEN, () => {
    removed += 1;
    return '';
  });
  return { text: safe, removed };
}

/** Whether the text can go into XML 1.0 unchanged. */
export function isXmlSafe(text: string): boolean {
  return xmlSafe(text).removed === 0;
}
