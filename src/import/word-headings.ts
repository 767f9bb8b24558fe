// Numbers Word puts before headings ("Q7: ", "3.", "2.1") are not in the
// text, so mammoth drops them; a partner who numbered the question headings
// with Word's heading numbering would lose the question references. Here the
// numbers are worked out as Word shows them, from the heading styles' (or the
// paragraphs' own) numbering, in document order.
import { walkXml } from '../ooxml/xml-reader.js';
import { type Level, numbering, read } from './word-numbering.js';
import { MAX_WORD_DEPTH } from './word-package.js';

const HEADING_NAME = /^heading [1-6]$/i;

type NumPr = { numId: string; ilvl: number } | null;

interface StyleInfo {
  name: string;
  basedOn: string | null;
  numPr: NumPr;
}

/** What a paragraph or style says in its w:pPr: the first w:numPr (and a paragraph's style). */
interface Properties {
  inPPr: boolean;
  pPrDone: boolean;
  inNumPr: boolean;
  numPrSeen: boolean;
  numId?: string | undefined;
  ilvl?: string | undefined;
  styleId?: string | undefined;
}

const fresh = (): Properties => ({ inPPr: false, pPrDone: false, inNumPr: false, numPrSeen: false });

/** Reads one element of a paragraph's or style's properties, if it is one. */
function property(p: Properties, name: string, a: Record<string, string>): void {
  if (name === 'w:pPr' && !p.pPrDone) p.inPPr = true;
  else if (!p.inPPr) return;
  else if (name === 'w:pStyle' && p.styleId === undefined) p.styleId = a['w:val'];
  else if (name === 'w:numPr' && !p.numPrSeen) p.inNumPr = p.numPrSeen = true;
  else if (name === 'w:numId' && p.inNumPr && p.numId === undefined) p.numId = a['w:val'];
  else if (name === 'w:ilvl' && p.inNumPr && p.ilvl === undefined) p.ilvl = a['w:val'];
}

function propertyEnd(p: Properties, name: string): void {
  if (name === 'w:numPr') p.inNumPr = false;
  if (name === 'w:pPr' && p.inPPr) {
    p.inPPr = false;
    p.pPrDone = true;
  }
}

const numPrOf = (p: Properties): NumPr =>
  p.numId === undefined ? null : { numId: p.numId, ilvl: Number(p.ilvl ?? 0) };

function styles(text: string): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  let style:
    | { id: string | undefined; name?: string | undefined; basedOn?: string | undefined; props: Properties }
    | undefined;
  walkXml(text || '<w:styles/>', 'word/styles.xml', MAX_WORD_DEPTH, {
    open: ({ name, attributes: a }) => {
      if (name === 'w:style') style = { id: a['w:styleId'], props: fresh() };
      else if (!style) return;
      else if (name === 'w:name' && style.name === undefined) style.name = a['w:val'];
      else if (name === 'w:basedOn' && style.basedOn === undefined) style.basedOn = a['w:val'];
      else property(style.props, name, a);
    },
    close: (name) => {
      if (!style) return;
      if (name !== 'w:style') return propertyEnd(style.props, name);
      if (style.id !== undefined)
        out.set(style.id, {
          name: style.name ?? style.id,
          basedOn: style.basedOn ?? null,
          numPr: numPrOf(style.props),
        });
      style = undefined;
    },
  });
  return out;
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

function formatNumber(n: number, format: string): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
  switch (format) {
    case 'none':
      return '';
    case 'lowerLetter':
      return letter;
    case 'upperLetter':
      return letter.toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

/**
 * The number Word shows before each heading that has text, in document order
 * ('' for an unnumbered heading): one for each heading mammoth writes.
 */
export function headingNumbers(docx: Uint8Array): string[] {
  const nums = numbering(read(docx, 'word/numbering.xml'));
  const styleInfo = styles(read(docx, 'word/styles.xml'));
  const styleNumPr = (id: string | undefined): NumPr => {
    for (
      let s = id && styleInfo.get(id), depth = 0;
      s && depth < 10;
      s = s.basedOn ? styleInfo.get(s.basedOn) : undefined, depth += 1
    ) {
      if (s.numPr) return s.numPr;
    }
    return null;
  };
  const counters = new Map<string, number[]>();
  const out: string[] = [];
  const paragraph = (p: Properties & { text: boolean }) => {
    const { styleId } = p;
    const style = styleId === undefined ? undefined : styleInfo.get(styleId);
    if (!style || !HEADING_NAME.test(style.name) || !p.text) return;
    const numPr = numPrOf(p) ?? styleNumPr(styleId);
    const levels = numPr && numPr.numId !== '0' ? nums.get(numPr.numId) : undefined;
    const level = numPr && levels?.get(numPr.ilvl);
    if (!numPr || !levels || !level) {
      out.push('');
      return;
    }
    const counter = counters.get(numPr.numId) ?? [];
    counter[numPr.ilvl] = (counter[numPr.ilvl] ?? level.start - 1) + 1;
    counter.length = numPr.ilvl + 1;
    counters.set(numPr.numId, counter);
    out.push(label(level.text, counter, levels));
  };
  const stack: (Properties & { text: boolean })[] = [];
  walkXml(read(docx, 'word/document.xml') || '<w:document/>', 'word/document.xml', MAX_WORD_DEPTH, {
    open: ({ name, attributes: a }) => {
      const p = stack.at(-1);
      if (name === 'w:p') stack.push({ ...fresh(), text: false });
      else if (!p) return;
      else if (name === 'w:t') p.text = true;
      else property(p, name, a);
    },
    close: (name) => {
      const p = stack.at(-1);
      if (!p) return;
      if (name === 'w:p') paragraph(stack.pop()!);
      else propertyEnd(p, name);
    },
  });
  return out;
}

/** "Q%2: " with the counters filled in; a level above not yet counted shows its start. */
function label(text: string, counter: number[], levels: Map<number, Level>): string {
  return text.replace(/%([1-9])/g, (_, n: string) => {
    const i = Number(n) - 1;
    const level = levels.get(i);
    return formatNumber(counter[i] ?? level?.start ?? 1, level?.format ?? 'decimal');
  });
}
