// The first number of each numbered list as Word shows it. mammoth turns
// numbered paragraphs into <ol> without their numbers, so a list that starts
// at 5, or continues after a paragraph (1, 2, text, 3), would restart at 1.
// Word's own parts say what each item's number is: numbering.xml gives each
// list level's start, document.xml which paragraphs are items of which list.
// The lists are found in document order the way mammoth groups paragraphs
// into lists; the result is used only when it finds as many numbered lists as
// mammoth did.
import { readZipEntry } from '../render/docx/zip.js';

export interface Level {
  start: number;
  ordered: boolean;
  /** w:numFmt (decimal, lowerLetter, ...) and w:lvlText ("%1.", "Q%2: "): how Word shows the number. */
  format: string;
  text: string;
}

export const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export function read(bytes: Uint8Array, part: string): string {
  const data = readZipEntry(bytes, part);
  return data ? new TextDecoder().decode(data) : '';
}

/** numId -> ilvl -> how that level numbers. */
export function numbering(xml: string): Map<string, Map<number, Level>> {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const start = /<w:start\b[^>]*/.exec(l[2]!)?.[0];
      const formatTag = /<w:numFmt\b[^>]*/.exec(l[2]!)?.[0];
      const format = (formatTag && attr(formatTag, 'w:val')) || 'decimal';
      const text = attr(/<w:lvlText\b[^>]*/.exec(l[2]!)?.[0] ?? '', 'w:val') ?? '';
      levels.set(Number(attr(l[1]!, 'w:ilvl') ?? 0), { start: Number(start ? attr(start, 'w:val') : 1) || 0, ordered: format !== 'bullet', format, text });
    }
    abstract.set(attr(m[1]!, 'w:abstractNumId') ?? '', levels);
  }
  const nums = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const base = abstract.get(attr(/<w:abstractNumId\b[^>]*/.exec(m[2]!)?.[0] ?? '', 'w:val') ?? '') ?? new Map<number, Level>();
    const levels = new Map([...base].map(([i, l]) => [i, { ...l }]));
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = /<w:startOverride\b[^>]*/.exec(o[2]!)?.[0];
      const level = levels.get(Number(attr(o[1]!, 'w:ilvl') ?? 0));
      if (start && level) level.start = Number(attr(start, 'w:val') ?? level.start);
    }
    nums.set(attr(m[1]!, 'w:numId') ?? '', levels);
  }
  return nums;
}

/** The start of every ordered list mammoth will write, in document order; lists numbered only by a style are missed, so the counts then differ. */
export function orderedListStarts(docx: Uint8Array): number[] {
  const nums = numbering(read(docx, 'word/numbering.xml'));
  const document = read(docx, 'word/document.xml');
  const counters = new Map<string, number[]>();
  const starts: number[] = [];
  let open: boolean[] = []; // per level: the kind of list open there (true: ordered)
  for (const p of document.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = p[1] ?? '';
    // mammoth leaves out empty paragraphs, so they do not end a list.
    if (!/<w:t\b|<w:drawing\b|<w:pict\b/.test(body)) continue;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body)?.[1];
    const numId = numPr && attr(/<w:numId\b[^>]*/.exec(numPr)?.[0] ?? '', 'w:val');
    const level = Number((numPr && attr(/<w:ilvl\b[^>]*/.exec(numPr)?.[0] ?? '', 'w:val')) ?? 0);
    const format = numId ? nums.get(numId)?.get(level) : undefined;
    if (!numId || numId === '0' || !format) {
      open = [];
      continue;
    }
    // Word's counter for this list and level; deeper levels start again.
    const counter = counters.get(numId) ?? [];
    counter[level] = (counter[level] ?? format.start - 1) + 1;
    counter.length = level + 1;
    counters.set(numId, counter);
    // mammoth opens a new list where none of this kind is open at this level.
    if (open.length <= level || open[level] !== format.ordered) {
      if (format.ordered) starts.push(counter[level]!);
      open = [...open.slice(0, level), format.ordered];
    } else open.length = level + 1;
  }
  return starts;
}
