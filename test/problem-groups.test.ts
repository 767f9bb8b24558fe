import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_AT, groupProblems, questionRanges } from '../src/commands/problem-groups.js';
import type { Problem } from '../src/core/problems.js';

const unanswered = (n: number, file = 'questions/set.yaml'): Problem => ({
  severity: 'error',
  kind: 'completeness',
  code: 'unanswered',
  message: `no partner answers Q${n}; add an answer under '## Q${n}'`,
  file,
  line: n * 4,
  column: 9,
});

describe('grouping check problems', () => {
  it('writes runs of questions as ranges', () => {
    expect(questionRanges(['Q1', 'Q2', 'Q3', 'Q5', 'Q16a', 'Q17', 'Q18'])).toBe('Q1-Q3, Q5, Q16a, Q17-Q18');
    expect(questionRanges(['Q7'])).toBe('Q7');
  });

  it('turns many problems with one reason into one line at the first position', () => {
    const list = Array.from({ length: 35 }, (_, i) => unanswered(i + 1));
    expect(groupProblems(list)).toEqual([
      {
        ...list[0],
        message:
          "no partner answers: Q1-Q35 (35 questions); add an answer under '## Qn' (--verbose: one line per question)",
      },
    ]);
  });

  it('leaves fewer than GROUP_AT alike, other reasons and other files alone', () => {
    const few = Array.from({ length: GROUP_AT - 1 }, (_, i) => unanswered(i + 1));
    expect(groupProblems(few)).toEqual(few);
    const other: Problem = { ...unanswered(9), code: 'docx', kind: 'input', severity: 'warning' };
    const elsewhere = [unanswered(1, 'a.yaml'), unanswered(2, 'b.yaml'), unanswered(3, 'c.yaml')];
    expect(groupProblems([other, ...elsewhere])).toEqual([other, ...elsewhere]);
  });

  it('never loses a question: every one named is in the output', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }), (numbers) => {
        const sorted = [...numbers].sort((a, b) => a - b);
        const out = groupProblems(sorted.map((n) => unanswered(n)))
          .map((p) => p.message)
          .join('\n');
        const named = new Set<number>();
        for (const m of out.matchAll(/Q(\d+)(?:-Q(\d+))?/g))
          for (let n = Number(m[1]); n <= Number(m[2] ?? m[1]); n++) named.add(n);
        expect([...named].sort((a, b) => a - b)).toEqual(sorted);
      }),
    );
  });
});
