// Importing endorsement sheets never loses an objection silently: whatever
// sequence of sheets comes back, an objection the file held before an import
// is still there afterwards or that import printed a 'withdrawn' line for it;
// and a sheet returned exactly as circulate wrote it (pre-filled) changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../src/import/endorsement.js';
import { applySheet, describeChange, type StandingObjection } from '../../src/import/sheet-changes.js';

const SECTIONS = ['Q1', 'Q1/a', 'Q2/a', 'Q2/b', 'Q3a/b', 'preamble/a', 'preamble/b'];
const reason = fc.oneof(fc.constant(null), fc.constant(''), fc.constantFrom('No.', 'Not our view.', 'We disagree.'));
const sheet = fc
  .subarray(SECTIONS)
  .chain((sections) =>
    fc
      .tuple(...sections.map(() => reason))
      .map((reasons): SheetRow[] =>
        sections.map((section, i) => ({ row: i + 1, section, reason: reasons[i] ?? null })),
      ),
  );
const standing = fc
  .subarray(SECTIONS)
  .chain((sections) =>
    fc
      .tuple(...sections.map(() => fc.constantFrom('', 'Old reason.')))
      .map((reasons): StandingObjection[] => sections.map((section, i) => ({ section, reason: reasons[i]! }))),
  );

/** The sheet circulate writes: every section a row, standing objections filled in (bare ones with a mark, read back as ''). */
const asCirculated = (objections: readonly StandingObjection[]): SheetRow[] =>
  SECTIONS.map((section, i) => ({
    row: i + 1,
    section,
    reason: objections.find((o) => o.section === section)?.reason ?? null,
  }));

describe('sheet imports', () => {
  it('never drop an objection without a withdrawn line', () => {
    fc.assert(
      fc.property(standing, fc.array(sheet, { maxLength: 6 }), (start, sheets) => {
        let objections = start;
        for (const rows of sheets) {
          const { after, changes } = applySheet(objections, rows);
          const lines = changes.map(describeChange);
          for (const o of objections) {
            const kept = after.some((a) => a.section === o.section);
            const withdrawn = lines.some((l) => l.startsWith(`withdrawn: ${o.section} `));
            expect(kept !== withdrawn, `${o.section}: kept ${kept}, withdrawn line ${withdrawn}`).toBe(true);
          }
          // Nothing appears without an 'added' line either, and no section is held twice.
          for (const a of after)
            expect(
              objections.some((o) => o.section === a.section) ||
                lines.some((l) => l.startsWith(`added: cannot endorse ${a.section}`)),
            ).toBe(true);
          expect(new Set(after.map((a) => a.section)).size).toBe(after.length);
          objections = after;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('change nothing when the sheet comes back as it was sent', () => {
    fc.assert(
      fc.property(standing, (start) => {
        const { after, changes } = applySheet(start, asCirculated(start));
        expect(after).toEqual(start);
        expect(changes.every((c) => c.kind === 'kept')).toBe(true);
      }),
    );
  });

  it('say what happened to each objection', () => {
    const { changes } = applySheet(
      [
        { section: 'Q1/a', reason: 'Old.' },
        { section: 'Q2/a', reason: '' },
        { section: 'Q3a/b', reason: 'Kept.' },
        { section: 'preamble/b', reason: 'Not asked.' },
      ],
      [
        { row: 1, section: 'Q1/a', reason: null },
        { row: 2, section: 'Q2/a', reason: 'Now with a reason.' },
        { row: 3, section: 'Q3a/b', reason: 'Kept.' },
        { row: 4, section: 'Q2/b', reason: '' },
      ],
    );
    expect(changes.map(describeChange)).toEqual([
      'withdrawn: Q1/a is endorsed now; its row was cleared on the sheet (the objection was: "Old.")',
      'kept, with a new reason: cannot endorse Q2/a: Now with a reason. (before: no reason given)',
      'kept: cannot endorse Q3a/b: Kept.',
      'kept: cannot endorse preamble/b: Not asked. (not a row of this sheet)',
      'added: cannot endorse Q2/b (no reason given)',
    ]);
  });
});
