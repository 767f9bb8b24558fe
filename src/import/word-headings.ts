// Numbers Word puts before headings ("Q7: ", "3.", "2.1") are not in the
// text, so mammoth drops them; a partner who numbered the question headings
// with Word's heading numbering would lose the question references. Here the
// numbers are worked out as Word shows them, from the heading styles' (or the
// paragraphs' own) numbering, in document order.
import { attr, type Level, numbering, read } from './word-numbering.js';

const HEADING_NAME = /^heading [1-6]$/i;

interface StyleInfo {
  name: string;
  basedOn: string | null;
  numPr: { numId: string; ilvl: number } | null;
}

function numPrOf(xml: string): StyleInfo['numPr'] {
  const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(xml)?.[1];
  if (!numPr) return null;
  const numId = attr(/<w:numId\b[^>]*/.exec(numPr)?.[0] ?? '', 'w:val');
  return numId === undefined ? null : { numId, ilvl: Number(attr(/<w:ilvl\b[^>]*/.exec(numPr)?.[0] ?? '', 'w:val') ?? 0) };
}

function styles(xml: string): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'w:styleId');
    if (id === undefined) continue;
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[2]!)?.[1] ?? '';
    out.set(id, {
      name: attr(/<w:name\b[^>]*/.exec(m[2]!)?.[0] ?? '', 'w:val') ?? id,
      basedOn: attr(/<w:basedOn\b[^>]*/.exec(m[2]!)?.[0] ?? '', 'w:val') ?? null,
      numPr: numPrOf(pPr),
    });
  }
  return out;
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

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
  const styleNumPr = (id: string | undefined): StyleInfo['numPr'] => {
    for (let s = id && styleInfo.get(id), depth = 0; s && depth < 10; s = s.basedOn ? styleInfo.get(s.basedOn) : undefined, depth += 1) {
      if (s.numPr) return s.numPr;
    }
    return null;
  };
  const counters = new Map<string, number[]>();
  const out: string[] = [];
  for (const p of read(docx, 'word/document.xml').matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = p[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? '';
    const styleId = attr(/<w:pStyle\b[^>]*/.exec(pPr)?.[0] ?? '', 'w:val');
    const style = styleId === undefined ? undefined : styleInfo.get(styleId);
    if (!style || !HEADING_NAME.test(style.name) || !/<w:t\b/.test(body)) continue;
    const numPr = numPrOf(pPr) ?? styleNumPr(styleId);
    const levels = numPr && numPr.numId !== '0' ? nums.get(numPr.numId) : undefined;
    const level = numPr && levels?.get(numPr.ilvl);
    if (!numPr || !levels || !level) {
      out.push('');
      continue;
    }
    const counter = counters.get(numPr.numId) ?? [];
    counter[numPr.ilvl] = (counter[numPr.ilvl] ?? level.start - 1) + 1;
    counter.length = numPr.ilvl + 1;
    counters.set(numPr.numId, counter);
    out.push(label(level.text, counter, levels));
  }
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
