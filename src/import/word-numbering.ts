// The first number of each numbered list as Word shows it. mammoth turns
// numbered paragraphs into <ol> without their numbers, so a list that starts
// at 5, or continues after a paragraph (1, 2, text, 3), would restart at 1.
// Word's own parts say what each item's number is: numbering.xml gives each
// list level's start, document.xml which paragraphs are items of which list.
// The lists are found in document order the way mammoth groups paragraphs
// into lists; the result is used only when it finds as many numbered lists as
// mammoth did. Both parts are read once, start to end, by the XML parser.
import { readPackage } from '../ooxml/package-reader.js';
import { decodeXmlPart, walkXml } from '../ooxml/xml-reader.js';
import { MAX_WORD_DEPTH, WORD_LIMITS } from './word-package.js';

export interface Level {
  start: number;
  ordered: boolean;
  /** w:numFmt (decimal, lowerLetter, ...) and w:lvlText ("%1.", "Q%2: "): how Word shows the number. */
  format: string;
  text: string;
}

const NUMBERING = 'word/numbering.xml';
const DOCUMENT = 'word/document.xml';

/** The text of a part of a checked package ('' when it has none). */
export function read(docx: Uint8Array, part: string): string {
  const bytes = readPackage(docx, WORD_LIMITS, (name) => name === part).get(part);
  return bytes ? decodeXmlPart(bytes, part) : '';
}

/** numId -> ilvl -> how that level numbers. */
export function numbering(text: string): Map<string, Map<number, Level>> {
  const abstract = new Map<string, Map<number, Level>>();
  const nums: { id: string; abstractId: string; overrides: { level: number; start: string | undefined }[] }[] = [];
  let levels: Map<number, Level> | undefined;
  let level: { index: number; start?: string | null; format?: string | null; text?: string | null } | undefined;
  let num: (typeof nums)[number] | undefined;
  let override: number | undefined;
  walkXml(text || '<w:numbering/>', NUMBERING, MAX_WORD_DEPTH, {
    open: ({ name, attributes: a }) => {
      if (name === 'w:abstractNum') {
        levels = new Map();
        abstract.set(a['w:abstractNumId'] ?? '', levels);
      } else if (name === 'w:lvl' && levels) level = { index: Number(a['w:ilvl'] ?? 0) };
      else if (name === 'w:start' && level && level.start === undefined) level.start = a['w:val'] ?? null;
      else if (name === 'w:numFmt' && level && level.format === undefined) level.format = a['w:val'] ?? null;
      else if (name === 'w:lvlText' && level && level.text === undefined) level.text = a['w:val'] ?? null;
      else if (name === 'w:num') {
        num = { id: a['w:numId'] ?? '', abstractId: '', overrides: [] };
        nums.push(num);
      } else if (name === 'w:abstractNumId' && num && !num.abstractId) num.abstractId = a['w:val'] ?? '';
      else if (name === 'w:lvlOverride' && num) override = Number(a['w:ilvl'] ?? 0);
      else if (name === 'w:startOverride' && num && override !== undefined)
        num.overrides.push({ level: override, start: a['w:val'] });
    },
    close: (name) => {
      if (name === 'w:lvl' && level && levels) {
        const start = level.start === undefined ? 1 : Number(level.start ?? NaN) || 0;
        const format = level.format || 'decimal';
        levels.set(level.index, { start, ordered: format !== 'bullet', format, text: level.text ?? '' });
        level = undefined;
      } else if (name === 'w:abstractNum') levels = undefined;
      else if (name === 'w:lvlOverride') override = undefined;
      else if (name === 'w:num') num = undefined;
    },
  });
  const byId = new Map<string, Map<number, Level>>();
  for (const n of nums) {
    const copied = new Map([...(abstract.get(n.abstractId) ?? [])].map(([i, l]) => [i, { ...l }]));
    for (const o of n.overrides) {
      const l = copied.get(o.level);
      if (l) l.start = Number(o.start ?? l.start);
    }
    byId.set(n.id, copied);
  }
  return byId;
}

interface Paragraph {
  /** Text or a picture: mammoth leaves out paragraphs without. */
  content: boolean;
  numId?: string | undefined;
  level?: string | undefined;
  inNumPr: boolean;
  /** A w:numPr has been read: only the first counts. */
  numbered: boolean;
}

/** The start of every ordered list mammoth will write, in document order; lists numbered only by a style are missed, so the counts then differ. */
export function orderedListStarts(docx: Uint8Array): number[] {
  const nums = numbering(read(docx, NUMBERING));
  const counters = new Map<string, number[]>();
  const starts: number[] = [];
  let open: boolean[] = []; // per level: the kind of list open there (true: ordered)
  const paragraph = (p: Paragraph) => {
    // mammoth leaves out empty paragraphs, so they do not end a list.
    if (!p.content) return;
    const { numId } = p;
    const level = Number(p.level ?? 0);
    const format = numId ? nums.get(numId)?.get(level) : undefined;
    if (!numId || numId === '0' || !format) {
      open = [];
      return;
    }
    // Word's counter for this list and level; deeper levels start again.
    const counter = counters.get(numId) ?? [];
    counter[level] = (counter[level] ?? format.start - 1) + 1;
    counter.length = level + 1;
    counters.set(numId, counter);
    // mammoth opens a new list where none of this kind is open at this level.
    if (open.length <= level || open[level] !== format.ordered) {
      if (format.ordered) starts.push(counter[level]);
      open = [...open.slice(0, level), format.ordered];
    } else open.length = level + 1;
  };
  const stack: Paragraph[] = [];
  walkXml(read(docx, DOCUMENT) || '<w:document/>', DOCUMENT, MAX_WORD_DEPTH, {
    open: ({ name, attributes: a }) => {
      const p = stack.at(-1);
      if (name === 'w:p') stack.push({ content: false, inNumPr: false, numbered: false });
      else if (!p) return;
      else if (name === 'w:t' || name === 'w:drawing' || name === 'w:pict') p.content = true;
      else if (name === 'w:numPr' && !p.numbered) p.inNumPr = p.numbered = true;
      else if (name === 'w:numId' && p.inNumPr && p.numId === undefined) p.numId = a['w:val'];
      else if (name === 'w:ilvl' && p.inNumPr && p.level === undefined) p.level = a['w:val'];
    },
    close: (name) => {
      const p = stack.at(-1);
      if (name === 'w:numPr' && p) p.inNumPr = false;
      else if (name === 'w:p' && p) paragraph(stack.pop()!);
    },
  });
  return starts;
}
