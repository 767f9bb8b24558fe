// An endorsement sheet (src/compose/sheet.ts) returned in Word: the rows with
// a reason in the last column are objections, the sign-off block is the
// endorsement. Read from mammoth's HTML, so whatever Word did to the looks,
// the table and paragraphs are what count.
import type { Element, Nodes as HastNodes } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SHEET } from '../compose/sheet.js';
import { isIsoDate } from '../core/dates.js';
import { parseSectionId } from '../core/section-id.js';
import { wordToHtml } from './word-html.js';

export interface SheetRow {
  /** 1-based, counting the rows under the header, as a person counts them. */
  row: number;
  section: string;
  /** The reason column: null when empty (endorsed), '' for a bare mark (cannot endorse, no reason given). */
  reason: string | null;
}

export interface SheetReply {
  round: number;
  partnerId: string;
  rows: SheetRow[];
  signOff: { by: string; date: string } | null;
}

/** What makes the sheet unusable, said so a partnership officer can fix it. */
export class SheetError extends Error {}

/** A mark in the reason column that says "cannot endorse" without giving a reason (the sheet writes BARE_OBJECTION). */
const BARE_MARK = /^[xX✗✘×✓✔-]$/;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node)
    return node.children
      .map((c) => textOf(c as HastNodes))
      .join(node.type === 'element' && node.tagName === 'tr' ? '\t' : '');
  return '';
}

function elements(node: HastNodes, tag: string, out: Element[] = []): Element[] {
  if (node.type === 'element' && node.tagName === tag) out.push(node);
  if ('children' in node) for (const c of node.children) elements(c, tag, out);
  return out;
}

/** A date as people write it in Word: 2006-02-22, 22/02/2006 or 22 February 2006. */
export function readDate(text: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  const words = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(t);
  let candidate: string | null = null;
  if (dmy) candidate = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  if (words) {
    const month = MONTHS.findIndex((m) => m.startsWith(words[2]!.toLowerCase()) && words[2]!.length >= 3);
    if (month >= 0) candidate = `${words[3]}-${String(month + 1).padStart(2, '0')}-${words[1]!.padStart(2, '0')}`;
  }
  return candidate && isIsoDate(candidate) ? candidate : null;
}

/**
 * The sign-off table's two fields (content controls in Word, plain cells once
 * another program has saved the sheet); a field still showing its placeholder
 * is empty.
 */
function signOffFields(tree: HastNodes, cellsOf: (tr: Element) => Element[]): { by: string; dateText: string } {
  const table = elements(tree, 'table').find((t) => {
    const head = elements(t, 'tr')[0];
    return head !== undefined && textOf(head).includes(SHEET.signedBy);
  });
  if (!table)
    throw new SheetError(
      `the sign-off table (columns '${SHEET.signedBy}' and '${SHEET.date}') is missing; do not delete or re-create it`,
    );
  const [head, values] = elements(table, 'tr');
  const columns = cellsOf(head!).map((c) => textOf(c).trim());
  const cells = values ? cellsOf(values).map((c) => textOf(c).replace(/\s+/g, ' ').trim()) : [];
  const value = (label: string, placeholder: string) => {
    const text = cells[columns.indexOf(label)] ?? '';
    return text === placeholder ? '' : text;
  };
  return { by: value(SHEET.signedBy, SHEET.namePlaceholder), dateText: value(SHEET.date, SHEET.datePlaceholder) };
}

export async function readSheet(bytes: Uint8Array): Promise<SheetReply> {
  const { html } = await wordToHtml(bytes);
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const paragraphs = elements(tree, 'p').map((p) => textOf(p).trim());
  const field = (label: string) => {
    const line = paragraphs.find((p) => p.startsWith(`${label}:`));
    return line === undefined ? null : line.slice(label.length + 1).trim();
  };

  const round = /^(\d+)/.exec(field(SHEET.round) ?? '')?.[1];
  const partnerId = field(SHEET.partnerId);
  if (!round || !partnerId)
    throw new SheetError(
      `this is not an endorsement sheet (no '${SHEET.round}:' or '${SHEET.partnerId}:' line); use the sheet 'lsp-respond circulate' wrote in out/rounds/<n>/sheets/`,
    );

  const table = elements(tree, 'table').find((t) => {
    const head = elements(t, 'tr')[0];
    return head !== undefined && textOf(head).includes(SHEET.section) && textOf(head).includes(SHEET.objection);
  });
  if (!table)
    throw new SheetError(
      `the table of sections (columns '${SHEET.section}' ... '${SHEET.objection}') is missing; do not delete or re-create it`,
    );
  const [head, ...rows] = elements(table, 'tr');
  const cellsOf = (tr: Element) =>
    tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  const columns = cellsOf(head!).map((c) => textOf(c).trim());
  const sectionColumn = columns.indexOf(SHEET.section);
  const reasonColumn = columns.findIndex((c) => c.startsWith(SHEET.objection));

  const read: SheetRow[] = [];
  const seen = new Map<string, number>();
  for (const [i, tr] of rows.entries()) {
    const cells = cellsOf(tr).map((c) => textOf(c).replace(/\s+/g, ' ').trim());
    const section = cells[sectionColumn] ?? '';
    const reason = cells[reasonColumn] ?? '';
    // A row added by pressing Tab in the last cell, left empty: nothing to read.
    if (section === '' && reason === '') continue;
    if (!parseSectionId(section))
      throw new SheetError(
        `row ${i + 1} of the table has '${section}' where a section id should be; the ids must stay as the sheet gave them`,
      );
    const twice = seen.get(section);
    if (twice !== undefined)
      throw new SheetError(
        `rows ${twice} and ${i + 1} of the table both name ${section}; each section has one row: delete the copy, keeping the reason you mean`,
      );
    seen.set(section, i + 1);
    read.push({ row: i + 1, section, reason: reason === '' ? null : BARE_MARK.test(reason) ? '' : reason });
  }

  const { by, dateText } = signOffFields(tree, cellsOf);
  let signOff: SheetReply['signOff'] = null;
  if (by !== '' || dateText !== '') {
    const date = readDate(dateText);
    if (by === '')
      throw new SheetError(`the sign-off has a date but no name under '${SHEET.signedBy}'; add who signed off`);
    if (date === null)
      throw new SheetError(
        `the sign-off date '${dateText}' is not a date; write it as 22 February 2006, 22/02/2006 or 2006-02-22`,
      );
    signOff = { by, date };
  }
  return { round: Number(round), partnerId, rows: read, signOff };
}
