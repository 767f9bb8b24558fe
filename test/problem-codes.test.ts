// The problem-code table is the one home of each code: every code the source
// raises is in it, every code in it is raised somewhere, and the README lists
// exactly the table. UPDATE_GOLDEN=1 rewrites the README's list.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problemCodesMarkdown } from '../src/core/problem-codes.js';
import { REPO } from './helpers/cli.js';

const START = '<!-- problem-codes:start -->';
const END = '<!-- problem-codes:end -->';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && e.name !== 'problem-codes.ts'
        ? [join(dir, e.name)]
        : [],
  );
}

/** Codes raised in src: problems.error|warn|incomplete('code', ...) and problem literals `code: 'code'`. */
function raised(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(join(REPO, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.(?:error|warn|incomplete)\(\s*'([a-z0-9-]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/severity: '(?:error|warning)', kind: '\w+', code: '([a-z0-9-]+)'/g))
      found.add(m[1]!);
  }
  return found;
}

describe('problem codes', () => {
  it('every code raised is in the table, and every code in the table is raised', () => {
    const codes = raised();
    expect(
      [...codes].filter((c) => !Object.hasOwn(PROBLEM_CODES, c)),
      'raised but not in src/core/problem-codes.ts',
    ).toEqual([]);
    expect(
      Object.keys(PROBLEM_CODES).filter((c) => !codes.has(c)),
      'in the table but never raised',
    ).toEqual([]);
  });

  it("the README's list is the table", () => {
    const path = join(REPO, 'README.md');
    const readme = readFileSync(path, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README.md has no problem-codes markers').toBeGreaterThan(-1);
    const expected = `${START}\n${problemCodesMarkdown()}\n${END}`;
    if (process.env.UPDATE_GOLDEN === '1')
      writeFileSync(path, readme.slice(0, start) + expected + readme.slice(end + END.length));
    const now = readFileSync(path, 'utf8');
    expect(
      now.slice(start, now.indexOf(END) + END.length),
      'run UPDATE_GOLDEN=1 npx vitest run test/problem-codes.test.ts',
    ).toBe(expected);
  });
});
