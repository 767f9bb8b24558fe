import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPOSITE, type Contribution, type Target } from '../src/core/model.js';
import { formatSectionId, parseSectionId, sectionIdOf, sectionTargets } from '../src/core/section-id.js';
import type { SectionId } from '../src/core/model.js';

const target = fc.record({
  question: fc.integer({ min: 1, max: 99 }).map((n) => `Q${n}`),
  part: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
});
const partner = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/);
const sectionId: fc.Arbitrary<SectionId> = fc.oneof(
  target.map((t): SectionId => ({ kind: 'answer', target: t })),
  fc.tuple(target, partner).map(([t, p]): SectionId => ({ kind: 'contribution', target: t, partner: p })),
  partner.map((p): SectionId => ({ kind: 'preamble', partner: p })),
);

describe('section ids', () => {
  it('parse what format writes, and format what parse reads', () => {
    fc.assert(
      fc.property(sectionId, (id) => {
        expect(parseSectionId(formatSectionId(id))).toEqual(id);
        expect(formatSectionId(parseSectionId(formatSectionId(id))!)).toBe(formatSectionId(id));
      }),
    );
  });

  it.each([
    'Q0',
    'q12',
    'Q12/',
    'Q12/RBKC',
    'Q12ab',
    'preamble',
    'preamble/',
    'Q12/rbkc/x',
    ' Q12',
    'Question 12',
    'composite/Q1',
  ])('refuses %j', (text) => {
    expect(parseSectionId(text)).toBeNull();
  });

  it('names contributions as the SPEC does', () => {
    expect(sectionIdOf('rbkc', { question: 'Q16', part: 'a' })).toBe('Q16a/rbkc');
    expect(sectionIdOf('rbkc', null)).toBe('preamble/rbkc');
    expect(sectionIdOf(COMPOSITE, { question: 'Q12', part: null })).toBe('Q12');
  });

  describe('targets', () => {
    const c = (partnerId: string, t: Target | null): Contribution => ({
      section: sectionIdOf(partnerId, t),
      partner: partnerId,
      target: t,
      blocks: [],
      footnotes: [],
      position: { file: 'x', line: 1, column: 1 },
    });
    const all = [
      c('rbkc', null),
      c(COMPOSITE, { question: 'Q16', part: 'a' }),
      c('rbkc', { question: 'Q16', part: null }),
      c('rbkc', { question: 'Q16', part: 'a' }),
      c('mps', { question: 'Q16', part: 'b' }),
      c('mps', { question: 'Q1', part: null }),
    ];
    const named = (text: string) => sectionTargets(parseSectionId(text)!, all).map((x) => x.section);

    it('a whole answer names every contribution to the question, composite included', () => {
      expect(named('Q16')).toEqual(['Q16a', 'Q16/rbkc', 'Q16a/rbkc', 'Q16b/mps']);
    });
    it('an answer to a part names only that part', () => {
      expect(named('Q16a')).toEqual(['Q16a', 'Q16a/rbkc']);
    });
    it('a contribution or preamble id names exactly that one', () => {
      expect(named('Q16a/rbkc')).toEqual(['Q16a/rbkc']);
      expect(named('preamble/rbkc')).toEqual(['preamble/rbkc']);
    });
    it('nothing for ids that name nothing, including the composite as a partner', () => {
      expect(named('Q2')).toEqual([]);
      expect(named('Q16a/composite')).toEqual([]);
      expect(named('preamble/mps')).toEqual([]);
    });
  });
});
