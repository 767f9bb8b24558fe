// What a round records of its text (out/rounds/<n>/round.json, one hash per
// section) and how later text is compared with it: a round circulated by an
// earlier release keeps its sign-offs, whichever hash version it was made
// with, and round.json lists its sections in id order, so it diffs cleanly
// under git.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
      if (f === 'out') continue;
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/**
 * Round 1's round.json as earlier releases wrote it for the text of the
 * golden scenario merge-awaiting (test/fixtures/<name>/input/out/rounds/1/, copied
 * here because the mutation sandbox leaves out every out/ directory): hash
 * version 2 (merge-awaiting), and version 1, before round.json said `hash`
 * (signoff-stale, whose responses were edited after that round).
 */
const ROUNDS = {
  2: {
    round: 1,
    date: '2006-02-01',
    objections_by: '2006-02-24',
    hash: 2,
    sections: {
      'Q1/council': '60f03aeea1c2e5db',
      'Q1/police': 'e36f6e13de5541ac',
      'Q1/vcs': '2d9deae65cf41dff',
      'Q2/council': 'f046b89e44d9cf65',
      'Q2/police': 'a4e75336c38d0f9f',
      'Q3/police': 'b51ff923f5856b0b',
      'Q3a/council': 'f8280ed7608e120c',
      'Q3b/vcs': 'a8fbf57a1bbc59cc',
      'preamble/council': '82ca96ef127df92e',
    },
  },
  1: {
    round: 1,
    date: '2006-02-01',
    sections: {
      'Q1/council': 'b747f0c3d38c755e',
      'Q1/police': '72e8712ad249c0d7',
      'Q1/vcs': '94397ff3dde169e1',
      'Q2/council': 'b38c413bab1d7ecf',
      'Q2/police': '8082be31e55230c0',
      'Q3/police': '448dc9e205bace15',
      'Q3a/council': 'adb978287afb49d2',
      'Q3b/vcs': '9059ff07e17a228d',
      'preamble/council': 'e516be92d0dca1e4',
    },
  },
};

/** A golden scenario's input with round 1's round.json of hash `version`. */
function scenario(name: string, version: 1 | 2): string {
  const files = fixture(name);
  files['out/rounds/1/round.json'] = JSON.stringify(ROUNDS[version], null, 2);
  return workspace(files, { questions: false });
}

describe('a round circulated by an earlier release', () => {
  for (const [version, hash] of [
    [2, '"hash": 2'],
    [1, 'no "hash", the Markdown as the writer printed it'],
  ] as const) {
    it(`keeps its sign-offs while its text is unchanged: round.json of hash version ${version} (${hash})`, async () => {
      const ws = scenario('merge-awaiting', version);
      const police = join(ws, 'responses/police.md');
      writeFileSync(
        police,
        readFileSync(police, 'utf8').replace(
          'sector: public\n',
          'sector: public\nendorsed: {round: 1, date: 2006-02-21, by: Borough Commander}\n',
        ),
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
    // signoff-stale: two council sections edited after its version 1 round.
    const r = await checkJson(scenario('signoff-stale', 1));
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
