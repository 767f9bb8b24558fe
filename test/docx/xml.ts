// A strict XML 1.0 reader for tests: well-formedness (characters, names,
// references, tag balance, one root, unique attributes) and namespace
// prefixes, which Word is equally strict about. It returns a tree for
// assertions and for the golden file's pretty-printed form.

export interface XmlElement {
  name: string;
  attrs: [string, string][];
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`^[:${NAME_START}][:${NAME_CHAR}]*`, 'u');
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (message: string): never => {
    const line = source.slice(0, at).split('\n').length;
    throw new XmlError(`${message} at line ${line}, offset ${at}`);
  };
  const bad = INVALID_CHAR.exec(source);
  if (bad) {
    at = bad.index;
    fail(
      `character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`,
    );
  }
  const startsWith = (s: string) => source.startsWith(s, at);
  const skipSpace = () => {
    while (at < source.length && ' \t\r\n'.includes(source[at] ?? '')) at += 1;
  };
  const name = (): string => {
    const match = NAME.exec(source.slice(at, at + 200));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) return fail(`unterminated reference &${ref}`);
      if (ref in PREDEFINED) return PREDEFINED[ref] ?? '';
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!numeric) return fail(`unknown entity &${ref};`);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      const char = code <= 0x10ffff ? String.fromCodePoint(code) : '\u0000';
      if (INVALID_CHAR.test(char) || (code >= 0xd800 && code <= 0xdfff))
        return fail(`character reference &${ref}; is not allowed`);
      return char;
    });
  const misc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) comment();
      else if (startsWith('<?')) pi();
      else return;
    }
  };
  const comment = () => {
    const end = source.indexOf('-->', at + 4);
    if (end < 0) fail('unterminated comment');
    if (source.slice(at + 4, end).includes('--')) fail('"--" inside a comment');
    at = end + 3;
  };
  const pi = () => {
    at += 2;
    const target = name();
    if (target.toLowerCase() === 'xml') fail('XML declaration not at the start');
    const end = source.indexOf('?>', at);
    if (end < 0) fail('unterminated processing instruction');
    at = end + 2;
  };
  type Scope = Map<string, string>;
  const resolve = (qname: string, scopes: Scope[], isAttribute: boolean) => {
    const colon = qname.indexOf(':');
    if (colon < 0) return;
    const prefix = qname.slice(0, colon);
    if (prefix === 'xml' || (isAttribute && prefix === 'xmlns')) return;
    if (!scopes.some((s) => s.has(prefix))) fail(`namespace prefix ${prefix} of ${qname} is not declared`);
  };
  const element = (scopes: Scope[]): XmlElement => {
    at += 1;
    const tag = name();
    const attrs: [string, string][] = [];
    const scope: Scope = new Map();
    for (;;) {
      const before = at;
      skipSpace();
      if (startsWith('/>') || startsWith('>')) break;
      if (at === before) fail(`expected whitespace before an attribute of <${tag}>`);
      const attr = name();
      if (attrs.some(([n]) => n === attr)) fail(`duplicate attribute ${attr} on <${tag}>`);
      skipSpace();
      if (source[at] !== '=') fail(`expected = after ${attr}`);
      at += 1;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") return fail(`attribute ${attr} is not quoted`);
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail(`unterminated attribute ${attr}`);
      const raw = source.slice(at + 1, end);
      if (raw.includes('<')) fail(`"<" in attribute ${attr}`);
      const value = decode(raw);
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) scope.set(attr === 'xmlns' ? '' : attr.slice(6), value);
      attrs.push([attr, value]);
      at = end + 1;
    }
    const inner = [...scopes, scope];
    resolve(tag, inner, false);
    for (const [attr] of attrs) resolve(attr, inner, true);
    const node: XmlElement = { name: tag, attrs, children: [] };
    if (startsWith('/>')) {
      at += 2;
      return node;
    }
    at += 1;
    for (;;) {
      if (at >= source.length) fail(`<${tag}> is never closed`);
      if (startsWith('</')) {
        at += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        if (source[at] !== '>') fail(`expected > after </${closing}`);
        at += 1;
        return node;
      }
      if (startsWith('<!--')) comment();
      else if (startsWith('<![CDATA[')) {
        const end = source.indexOf(']]>', at);
        if (end < 0) fail('unterminated CDATA section');
        node.children.push(source.slice(at + 9, end));
        at = end + 3;
      } else if (startsWith('<?')) pi();
      else if (startsWith('<!')) fail('markup declaration inside an element');
      else if (startsWith('<')) node.children.push(element(inner));
      else {
        const end = source.indexOf('<', at);
        const raw = source.slice(at, end < 0 ? source.length : end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        node.children.push(decode(raw));
        at += raw.length;
      }
    }
  };
  if (source.startsWith('\uFEFF')) at = 1;
  if (startsWith('<?xml')) {
    const end = source.indexOf('?>', at);
    if (end < 0) fail('unterminated XML declaration');
    const decl = source.slice(at, end);
    if (
      !/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(
        decl,
      )
    ) {
      fail('malformed XML declaration');
    }
    at = end + 2;
  }
  misc();
  if (startsWith('<!DOCTYPE')) fail('unexpected DOCTYPE');
  if (source[at] !== '<') fail('expected the root element');
  const root = element([]);
  misc();
  if (at < source.length) fail('content after the root element');
  return root;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** One element per line, indented; an element holding only text stays on one line. */
export function prettyXml(node: XmlElement, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = node.attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('');
  if (node.children.length === 0) return `${pad}<${node.name}${attrs}/>\n`;
  if (node.children.every((c) => typeof c === 'string')) {
    return `${pad}<${node.name}${attrs}>${escapeText(node.children.join(''))}</${node.name}>\n`;
  }
  const inner = node.children
    .map((c) =>
      typeof c === 'string' ? (c.trim() === '' ? '' : `${pad}  ${escapeText(c)}\n`) : prettyXml(c, depth + 1),
    )
    .join('');
  return `${pad}<${node.name}${attrs}>\n${inner}${pad}</${node.name}>\n`;
}

/** Every element in document order. */
export function elements(node: XmlElement): XmlElement[] {
  return [node, ...node.children.flatMap((c) => (typeof c === 'string' ? [] : elements(c)))];
}

export function attr(node: XmlElement, name: string): string | undefined {
  return node.attrs.find(([n]) => n === name)?.[1];
}

/** The text of w:t elements below a node, joined. */
export function wordText(node: XmlElement): string {
  return elements(node)
    .filter((e) => e.name === 'w:t')
    .map((e) => e.children.join(''))
    .join('');
}
