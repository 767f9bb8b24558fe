// Section ids as partners write them in cannot_endorse and read them in the
// draft (README, "Section ids").
import { describe, expect, it } from 'vitest';
import { checkJson, draftCommand, mergeCommand } from '../helpers/commands.js';
import { partner, workspace } from '../helpers/workspace.js';

const CONFIG = 'partnership: Test Partnership\ndate: 2006-03-01\n';
const RBKC = partner(
  'partner: Kensington and Chelsea',
  'General comments.\n\n## Q12\n\nOn twelve.\n\n## Q16a\n\nOn the executive.\n\n## Q16b\n\nOn thematic partnerships.\n',
);
const objecting = (entries: string) =>
  workspace({
    'lsp-respond.yaml': CONFIG,
    'responses/rbkc.md': RBKC,
    'responses/mps.md': partner(
      `partner: Police\ncannot_endorse: ${entries.startsWith('\n') ? entries : `[${entries}]`}`,
      '## Q1\n\nOne.\n',
    ),
    'composite.md': '## Q12\n\nAgreed on twelve.\n',
  });
const statusOf = async (ws: string) => {
  const r = await mergeCommand(ws, { allowIncomplete: true });
  expect(r.code, r.stderr).toBe(0);
  return Object.fromEntries(r.report!.contributions.map((c) => [c.section, c.status]));
};

describe('section ids', () => {
  it('the draft labels every contribution with its id: Q12 for agreed wording, Q16a/rbkc for a part, preamble/rbkc for general comments', async () => {
    const r = await draftCommand(objecting(''));
    expect(r.code, r.stderr).toBe(0);
    for (const id of ['preamble/rbkc', 'Q12/rbkc', 'Q16a/rbkc', 'Q16b/rbkc', 'Q1/mps']) expect(r.draft).toContain(id);
    expect(r.draft).toMatch(/\bQ12\b(?!\/)/);
    expect(r.draft).not.toContain('/composite');
  });

  it('Q16a names the whole answer to part a; Q16a/rbkc one contribution; preamble/rbkc the general comments', async () => {
    expect(await statusOf(objecting('Q16a'))).toMatchObject({ 'Q16a/rbkc': 'removed', 'Q16b/rbkc': 'included' });
    expect(await statusOf(objecting('Q16a/rbkc'))).toMatchObject({
      'Q16a/rbkc': 'removed',
      'Q16b/rbkc': 'included',
      'Q12/rbkc': 'superseded',
    });
    expect(await statusOf(objecting('preamble/rbkc'))).toMatchObject({
      'preamble/rbkc': 'removed',
      'Q12/rbkc': 'superseded',
    });
  });

  it('Q12 names the whole answer, agreed wording included', async () => {
    expect(await statusOf(objecting('Q12'))).toMatchObject({
      Q12: 'removed',
      'Q12/rbkc': 'removed',
      'Q16a/rbkc': 'included',
    });
  });

  // One check names every entry: each list is one workspace, so the suite stays quick under mutation testing.
  const entries = (ids: string[]) => `\n${ids.map((id) => `  - ${JSON.stringify(id)}`).join('\n')}`;

  it('a malformed id is bad input (exit 2), reported at its own entry with how to write one', async () => {
    const malformed = [
      'Q0',
      'q12',
      'Q012',
      'Q12/',
      'Q12/RBKC',
      'Q12ab',
      'Q12A',
      'Q16a/rbkc/x',
      'preamble',
      'preamble/',
      'preamble/RBKC',
      'Question 12',
      'Q12 rbkc',
      'xQ12',
      'Q12/rbkc x',
    ];
    const r = await checkJson(objecting(entries(malformed)));
    expect(r.code).toBe(2);
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual(
      malformed.map((_, i) => ['section-id', 'responses/mps.md', 4 + i]),
    );
    for (const p of r.problems) expect(p.message).toContain('Q12/<partner>');
  });

  it('a well-formed id that names no section is bad input (exit 2): no such question, part or partner, and the composite is no partner', async () => {
    const unknown = [
      'Q35',
      'Q9/rbkc',
      'Q16c',
      'Q12x/rbkc',
      'Q16a/composite',
      'Q12/composite',
      'preamble/mps',
      'preamble/nobody',
    ];
    const r = await checkJson(objecting(entries(unknown)));
    expect(r.code).toBe(2);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual(unknown.map((_, i) => ['unknown-section', 4 + i]));
  });

  it('whole answers, parts, contributions and preambles that exist are named without a problem', async () => {
    const r = await checkJson(
      objecting(entries(['Q16', 'Q1', 'Q1/mps', 'Q12', 'Q16b/rbkc', 'Q16a', 'preamble/rbkc', 'Q12/rbkc'])),
    );
    expect(r.problems.filter((p) => p.severity === 'error' && p.code !== 'unanswered')).toEqual([]);
  });
});
