// The endorsement sheet: what `circulate` sends each partner that works in
// Word. One table row per section of the round's draft, a column for
// "cannot endorse - reason" holding the partner's standing objections (so a
// sheet returned as sent changes nothing), and a sign-off table;
// `import --endorsement` reads it back into the partner's front matter.
import type { RootContent, Table, TableCell, TableRow } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { markAnswer, type DocumentModel } from '../core/document.js';
import type { MergeResult } from '../merge/merge.js';
import type { Workspace } from '../core/model.js';
import type { Circulation } from '../rounds/circulation.js';
import { email, heading, longDate, para, text } from './nodes.js';
import { representativeLine } from './separate.js';

/** The wording import looks for: keep them in step with src/import/endorsement.ts. */
export const SHEET = {
  round: 'Round',
  partnerId: 'Partner id',
  section: 'Section',
  objection: 'Cannot endorse - reason',
  signedBy: 'Signed off by',
  date: 'Date (YYYY-MM-DD)',
  /** What the sign-off fields show until they are filled in; import reads a field still saying this as empty. */
  namePlaceholder: 'Name and role of the person signing off',
  datePlaceholder: 'Choose or write the date',
} as const;

const FIRST_WORDS = 8;

/** What a standing objection without a reason is pre-filled with; import reads it back as one (src/import/endorsement.ts). */
export const BARE_OBJECTION = 'x';

function firstWords(blocks: readonly RootContent[]): string {
  const words = plainText({ type: 'root', children: [...blocks] })
    .split(/\s+/)
    .filter(Boolean);
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')} ...` : words.join(' ');
}

const cell = (value: string): TableCell => ({
  type: 'tableCell',
  children: value === '' ? [] : [{ type: 'text', value }],
});
const row = (values: string[]): TableRow => ({ type: 'tableRow', children: values.map(cell) });

/** The sign-off: a table of two fields to fill in, Word content controls (a date picker for the date). */
function signOff(): Table {
  const field = (placeholder: string, area: { label: string; date?: true }): TableCell =>
    markAnswer(cell(placeholder), area);
  return {
    type: 'table',
    align: [null, null],
    children: [
      row([SHEET.signedBy, SHEET.date]),
      {
        type: 'tableRow',
        children: [
          field(SHEET.namePlaceholder, { label: SHEET.signedBy }),
          field(SHEET.datePlaceholder, { label: SHEET.date, date: true }),
        ],
      },
    ],
  };
}

export function sheetDocument(
  ws: Workspace,
  result: MergeResult,
  partnerId: string,
  dating: Circulation,
): DocumentModel {
  const partner = ws.partners.find((p) => p.id === partnerId);
  if (!partner) throw new Error(`no partner ${partnerId}`);
  const names = new Map(ws.partners.map((p) => [p.id, p.name]));
  const { contact, partnership } = ws.config;
  const round = dating.round;
  const standing = new Map(
    partner.objections
      .filter((o) => o.kind === 'cannot-endorse')
      .map((o) => [o.section, o.reason === '' ? BARE_OBJECTION : o.reason]),
  );
  const rows = new Set(result.accounts.map((a) => a.contribution.section));
  const table: Table = {
    type: 'table',
    align: [null, null, null, null],
    children: [
      // The long header gives the column to write in the most room (widths follow content).
      row([SHEET.section, 'Author', 'Begins', `${SHEET.objection} (leave empty to endorse)`]),
      ...result.accounts.map((a) =>
        row([
          a.contribution.section,
          names.get(a.contribution.partner) ?? 'Agreed wording',
          firstWords(a.contribution.blocks),
          standing.get(a.contribution.section) ?? '',
        ]),
      ),
      // Objections to a whole answer (Q12) name no single row: they get rows of their own, so they are seen and kept.
      ...[...standing]
        .filter(([section]) => !rows.has(section))
        .map(([section, reason]) => row([section, 'The whole answer', '', reason])),
    ],
  };
  const returnTo = [
    ...(contact
      ? [text(` to ${contact.name}`), ...(contact.email ? [text(' ('), email(contact.email), text(')')] : [])]
      : []),
    text(`${dating.deadline ? ` by ${longDate(dating.deadline)}` : ''}.`),
  ];
  const children: RootContent[] = [
    heading(1, `Endorsement sheet: ${ws.questions.title}`, 'title'),
    para(`${partner.name}, on the draft response of the ${partnership}`, 'subtitle'),
    para(`${SHEET.round}: ${round} (draft of ${longDate(dating.date)})`, 'cover'),
    para(`${SHEET.partnerId}: ${partner.id}`, 'cover'),
    ...(partner.representative ? [para(`Representative: ${representativeLine(partner.representative)}`, 'cover')] : []),
    para([text('Return this sheet'), ...returnTo], 'cover'),
    para(
      'Each row is one section of the draft (see the draft for its full text). Leave the last column empty for every section your organisation endorses. For a section it cannot endorse, write the reason in the last column: that section will be removed from the collective response. A reason already there is an objection your organisation has made: it stands unless you clear it.',
      'form-note',
    ),
    para('Then fill in the sign-off: by signing off you endorse every section you have not objected to.', 'form-note'),
    heading(1, 'Sections of the draft'),
    table,
    heading(1, 'Sign-off'),
    // The representative is named beside the fields, not in them: a sheet returned untouched must not read as signed off.
    ...(partner.representative
      ? [para(`To be signed off for ${partner.name} by ${representativeLine(partner.representative)}.`, 'form-note')]
      : []),
    signOff(),
  ];
  return {
    kind: 'sheet',
    // No "DRAFT" banner: the sheet is meant to be returned, and says what it is in its title.
    meta: {
      title: `Endorsement sheet: ${ws.questions.title} (${partner.name})`,
      subject: `Endorsement sheet for ${partner.name}, round ${round}`,
      creator: partnership,
      short: ws.config.short,
      date: dating.date,
    },
    tree: { type: 'root', children },
  };
}
