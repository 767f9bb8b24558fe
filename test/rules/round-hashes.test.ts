// What a round records of its text (out/rounds/<n>/round.json, one hash per
// section) and how later text is compared with it: a round circulated by an
// earlier release keeps its sign-offs, whichever hash version it was made
// with, and round.json lists its sections in id order, so it diffs cleanly
// under git.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { checkJson, circulate, statusCommand } from '../helpers/commands.js';
import { partner, workspace } from '../helpers/workspace.js';

/** Every file of a golden scenario's input, by workspace path. */
function fixture(name: string): Record<string, string> {
  const dir = join(REPO, 'test/fixtures', name, 'input');
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/**
 * The merge-awaiting scenario's text, signed off by the council and the
 * police, with the round.json of round 1 as `scenario` recorded it. The two
 * round files were written by earlier releases for this same text: hash
 * version 2 (merge-awaiting), and version 1, before round.json said
 * `hash` (signoff-stale, whose responses were edited after that round; the
 * text here is the text as circulated).
 */
function signedOff(scenario: 'merge-awaiting' | 'signoff-stale'): string {
  const files = fixture('merge-awaiting');
  files['out/rounds/1/round.json'] = fixture(scenario)['out/rounds/1/round.json']!;
  files['responses/police.md'] = files['responses/police.md']!.replace(
    'sector: public\n',
    'sector: public\nendorsed: {round: 1, date: 2006-02-21, by: Borough Commander}\n',
  );
  return workspace(files, { questions: false });
}

describe('a round circulated by an earlier release', () => {
  for (const [version, scenario] of [
    ['version 2 ("hash": 2)', 'merge-awaiting'],
    ['version 1 (no "hash", the Markdown as the writer printed it)', 'signoff-stale'],
  ] as const) {
    it(`keeps its sign-offs while its text is unchanged: round.json of hash ${version}`, async () => {
      const ws = signedOff(scenario);
      expect(JSON.parse(readFileSync(join(ws, 'out/rounds/1/round.json'), 'utf8')).hash).toBe(
        scenario === 'merge-awaiting' ? 2 : undefined,
      );
      const r = await checkJson(ws, { signoff: true });
      // Only the partner that never replied is not signed off; nothing is stale.
      expect(r.problems.filter((p) => p.code !== 'unexplained-acronym').map((p) => [p.code, p.file])).toEqual([
        ['not-signed-off', 'responses/vcs.md'],
      ]);
      const status = (await statusCommand(ws)).stdout;
      expect(status).toContain('  council   endorsed (2006-02-20, Chair)\n');
      expect(status).toContain('  police    endorsed, 1 objection (2006-02-21, Borough Commander)\n');
    });
  }

  it('of hash version 1 names exactly the sections edited since as changed', async () => {
    // signoff-stale as it is: two council sections edited after its version 1 round.
    const ws = workspace(fixture('signoff-stale'), { questions: false });
    const r = await checkJson(ws);
    expect(r.problems.filter((p) => p.code === 'stale-signoff').map((p) => p.message)).toEqual([
      'Borough Council endorsed round 1, but Q1/council, Q2/council changed since; circulate the new text and ask for sign-off again',
      'Police endorsed round 1, but Q1/council, Q2/council changed since; circulate the new text and ask for sign-off again',
    ]);
  });
});

describe('round.json', () => {
  it('lists the sections in id order, whatever the order of the partners and their answers', async () => {
    const ws = workspace({
      'lsp-respond.yaml': 'partnership: Test Partnership\ndate: 2006-03-01\n',
      'responses/council.md': partner(
        'partner: Borough Council',
        '## Q3\n\nCouncil on three.\n\n## Q18\n\nCouncil on the duty.\n',
      ),
      'responses/police.md': partner(
        'partner: Police Service',
        '## Q3\n\nPolice on three.\n\n## Q18\n\nPolice on the duty.\n',
      ),
    });
    expect((await circulate(ws)).code).toBe(0);
    const round = JSON.parse(readFileSync(join(ws, 'out/rounds/1/round.json'), 'utf8'));
    expect(Object.keys(round.sections)).toEqual(['Q18/council', 'Q18/police', 'Q3/council', 'Q3/police']);
    for (const hash of Object.values(round.sections)) expect(hash).toMatch(/^[0-9a-f]{16}$/);
  });
});
