// A returned sheet against the objections the partner's file already holds:
// the sheet was sent with them filled in, so a row still filled keeps its
// objection, a row the partner cleared withdraws it, and an objection the
// sheet has no row for stays as it was. Every change is named; none is silent.
import type { SheetRow } from './endorsement.js';

export interface StandingObjection {
  section: string;
  /** '' when none was given. */
  reason: string;
}

export type SheetChange =
  | { kind: 'added'; section: string; reason: string }
  | { kind: 'kept'; section: string; reason: string }
  | { kind: 'reason-changed'; section: string; reason: string; was: string }
  | { kind: 'withdrawn'; section: string; was: string }
  /** Standing, but not a row of this sheet (written into the file after the sheet went out). */
  | { kind: 'not-on-sheet'; section: string; reason: string };

export function applySheet(
  before: readonly StandingObjection[],
  rows: readonly SheetRow[],
): { after: StandingObjection[]; changes: SheetChange[] } {
  const onSheet = new Map(rows.map((r) => [r.section, r]));
  const after: StandingObjection[] = [];
  const changes: SheetChange[] = [];
  for (const o of before) {
    const row = onSheet.get(o.section);
    if (row === undefined) {
      after.push(o);
      changes.push({ kind: 'not-on-sheet', ...o });
    } else if (row.reason === null) {
      changes.push({ kind: 'withdrawn', section: o.section, was: o.reason });
    } else {
      after.push({ section: o.section, reason: row.reason });
      changes.push(
        row.reason === o.reason
          ? { kind: 'kept', ...o }
          : { kind: 'reason-changed', section: o.section, reason: row.reason, was: o.reason },
      );
    }
  }
  const standing = new Set(before.map((o) => o.section));
  for (const r of rows) {
    if (r.reason === null || standing.has(r.section)) continue;
    after.push({ section: r.section, reason: r.reason });
    changes.push({ kind: 'added', section: r.section, reason: r.reason });
  }
  return { after, changes };
}

const reason = (r: string) => (r === '' ? ' (no reason given)' : `: ${r}`);
const was = (r: string) => (r === '' ? 'no reason given' : `"${r}"`);

/** One line per change, for the officer who imports the sheet. */
export function describeChange(c: SheetChange): string {
  switch (c.kind) {
    case 'added':
      return `added: cannot endorse ${c.section}${reason(c.reason)}`;
    case 'kept':
      return `kept: cannot endorse ${c.section}${reason(c.reason)}`;
    case 'reason-changed':
      return `kept, with a new reason: cannot endorse ${c.section}${reason(c.reason)} (before: ${was(c.was)})`;
    case 'withdrawn':
      return `withdrawn: ${c.section} is endorsed now; its row was cleared on the sheet (the objection was: ${was(c.was)})`;
    case 'not-on-sheet':
      return `kept: cannot endorse ${c.section}${reason(c.reason)} (not a row of this sheet)`;
  }
}
