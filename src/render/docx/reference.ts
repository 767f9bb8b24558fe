// A reference document lends its styles to ours, as pandoc's --reference-doc
// does: word/styles.xml is taken whole and handed to docx as external styles,
// so a partnership can restyle everything in Word without touching YAML.
import { readZipEntry } from './zip.js';

const STYLES_PART = 'word/styles.xml';

/** A reference document that cannot lend its styles: bad input (exit 2), not a bug. */
export class ReferenceDocError extends Error {}

/**
 * The text of word/styles.xml in a .docx file.
 * @throws ReferenceDocError with a message fit for the user when the file is no .docx or has no styles
 */
export function readReferenceStyles(docxBytes: Uint8Array): string {
  let part: Uint8Array | undefined;
  try {
    part = readZipEntry(docxBytes, STYLES_PART);
  } catch (error) {
    throw new ReferenceDocError(`not a readable .docx file: ${(error as Error).message}`);
  }
  if (part === undefined) throw new ReferenceDocError(`the .docx file has no ${STYLES_PART}`);
  const xml = decodeXml(part);
  if (!/<w:styles[\s>]/.test(xml) || !xml.includes('</w:styles>')) {
    throw new ReferenceDocError(`${STYLES_PART} in the .docx file is not a Word styles part (no <w:styles> element)`);
  }
  const problem = notWellFormed(xml);
  if (problem !== undefined) throw new ReferenceDocError(`${STYLES_PART} in the .docx file is damaged (${problem})`);
  return xml;
}

/** A '&' that starts no entity or character reference. */
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/;
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/;
/** Tags and the like, then what no tag can hold: a stray '<' or '&'. */
const MARKUP = new RegExp(`${TAG.source}|<|${BARE_AMPERSAND.source}`, 'g');

/**
 * Why the XML is not well-formed (tags that do not nest or close, a stray '<'
 * or '&'), or undefined. The part is copied into our package as it is, so a
 * damaged one would make a document Word cannot open.
 */
function notWellFormed(xml: string): string | undefined {
  const open: string[] = [];
  for (const m of xml.matchAll(MARKUP)) {
    const [whole, closing, name, attributes, empty] = m;
    if (whole === '<') return `a '<' that starts no tag, at character ${m.index}`;
    if (whole === '&' || BARE_AMPERSAND.test(attributes ?? '')) {
      return `a '&' that starts no entity, near character ${m.index}`;
    }
    if (name === undefined || empty === '/') continue;
    if (closing !== '/') {
      open.push(name);
      continue;
    }
    const innermost = open.pop();
    if (innermost !== name) return innermost === undefined ? `</${name}> closes no open element` : `</${name}> where </${innermost}> was expected`;
  }
  return open.length > 0 ? `<${open.at(-1)}> is never closed` : undefined;
}

function decodeXml(bytes: Uint8Array): string {
  // Word writes UTF-8; a byte order mark says otherwise.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The style ids a styles part defines: these are the reference's, and ours give way to them. */
export function styleIdsOf(stylesXml: string): Set<string> {
  return new Set([...stylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"/g)].map((m) => m[1] ?? ''));
}

const LANG_FOLLOWERS = /<w:eastAsianLayout\b|<w:specVanish\b|<w:oMath\b|<w:rPrChange\b|<\/w:rPr>/;

/**
 * The styles part with `lang` as the default language of every run, as pandoc
 * sets the reference's language from the document's. Elements are inserted
 * where the schema orders them: Word reports a file as corrupt when a child
 * element is out of sequence.
 */
export function withDefaultLanguage(stylesXml: string, lang: string): string {
  const value = `w:val="${lang}"`;
  const langElement = `<w:lang ${value}/>`;
  const rPrDefault = `<w:rPrDefault><w:rPr>${langElement}</w:rPr></w:rPrDefault>`;
  const defaults = /<w:docDefaults\b[^>]*?(?:\/>|>[\s\S]*?<\/w:docDefaults>)/.exec(stylesXml);
  if (!defaults) {
    // docDefaults is the first child of w:styles.
    return stylesXml.replace(/<w:styles\b[^>]*>/, (open) => `${open}<w:docDefaults>${rPrDefault}</w:docDefaults>`);
  }
  const patched = patchDefaults(defaults[0], value, rPrDefault);
  return stylesXml.slice(0, defaults.index) + patched + stylesXml.slice(defaults.index + defaults[0].length);
}

function patchDefaults(defaults: string, value: string, rPrDefault: string): string {
  if (defaults.endsWith('/>')) return `<w:docDefaults>${rPrDefault}</w:docDefaults>`;
  const run = /<w:rPrDefault\b[^>]*?(?:\/>|>[\s\S]*?<\/w:rPrDefault>)/.exec(defaults);
  // rPrDefault comes before pPrDefault.
  if (!run) return defaults.replace(/<w:docDefaults\b[^>]*>/, (open) => open + rPrDefault);
  const patchedRun = run[0].endsWith('/>') ? rPrDefault : patchRunDefault(run[0], value);
  return defaults.slice(0, run.index) + patchedRun + defaults.slice(run.index + run[0].length);
}

function patchRunDefault(runDefault: string, value: string): string {
  const langElement = `<w:lang ${value}/>`;
  const props = /<w:rPr\b[^>]*?(?:\/>|>[\s\S]*?<\/w:rPr>)/.exec(runDefault);
  if (!props) return runDefault.replace(/<w:rPrDefault\b[^>]*>/, (open) => `${open}<w:rPr>${langElement}</w:rPr>`);
  let patched: string;
  if (props[0].endsWith('/>')) {
    patched = `<w:rPr>${langElement}</w:rPr>`;
  } else if (/<w:lang\b/.test(props[0])) {
    // Keep the East Asian and bidirectional languages the reference sets.
    patched = props[0].replace(/<w:lang\b[^>]*?\/?>/, (element) =>
      /\bw:val="[^"]*"/.test(element)
        ? element.replace(/\bw:val="[^"]*"/, value)
        : element.replace('<w:lang', `<w:lang ${value}`),
    );
  } else {
    const follower = LANG_FOLLOWERS.exec(props[0]);
    const at = follower?.index ?? props[0].length;
    patched = props[0].slice(0, at) + langElement + props[0].slice(at);
  }
  return runDefault.slice(0, props.index) + patched + runDefault.slice(props.index + props[0].length);
}
