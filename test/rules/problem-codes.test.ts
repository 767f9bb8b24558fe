// The README's list of problem codes is what the tool reports: each code with
// its severity, its exit code and its meaning. (test/problem-codes.test.ts
// also checks that every code is raised somewhere; it reads the source files,
// which mutation testing rewrites, so this rule is stated here too.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problemCodesMarkdown } from '../../src/core/problem-codes.js';
import { REPO } from '../helpers/cli.js';
import { checkJson } from '../helpers/commands.js';
import { answerAll, partner, workspace } from '../helpers/workspace.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const listed = readme.slice(
  readme.indexOf('<!-- problem-codes:start -->\n') + '<!-- problem-codes:start -->\n'.length,
  readme.indexOf('\n<!-- problem-codes:end -->'),
);

describe('problem codes', () => {
  it("the README's list of problem codes is the tool's table, row for row", () => {
    expect(problemCodesMarkdown()).toBe(listed);
  });

  it('an input error exits 2, a completeness error exits 1, a warning alone does not fail', () => {
    const exits = Object.fromEntries(
      listed
        .split('\n')
        .slice(2)
        .map((row) => row.split(' | '))
        .map(([code, severity, exit]) => [code!.replace(/^\| `|`$/g, ''), `${severity} ${exit}`]),
    );
    expect(Object.keys(exits)).toEqual(Object.keys(PROBLEM_CODES));
    expect(exits).toMatchObject({
      schema: 'error bad input (2)',
      unanswered: 'error incomplete (1)',
      'not-signed-off': 'error incomplete (1)',
      'partner-incomplete': 'error incomplete (1)',
      'stale-signoff': 'warning none (1 with --strict)',
      'no-config': 'warning none (1 with --strict)',
    });
  });

  it('as the table says, a warning alone exits 0, and 1 with --strict', async () => {
    const ws = workspace({ 'responses/a.md': partner('partner: A', answerAll()) });
    const plain = await checkJson(ws);
    expect([plain.code, plain.problems.map((p) => [p.severity, p.code])]).toEqual([0, [['warning', 'no-config']]]);
    expect((await checkJson(ws, { strict: true })).code).toBe(1);
  });
});
