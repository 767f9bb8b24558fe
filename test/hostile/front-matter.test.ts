// Front matter and YAML: shapes that are not a mapping, unclosed blocks,
// unknown and duplicate keys, alias bombs, YAML 1.1 surprises, partner ids
// that are no safe file names, and two files claiming one partner.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerAll,
  check,
  CONFIG,
  failedMerge,
  files,
  fullResponse,
  lsp,
  merged,
  partner,
  workspace,
} from './harness.js';

const ws1 = (file: string, source: string | Buffer, config = CONFIG) =>
  workspace({ 'lsp-respond.yaml': config, [file]: source });

describe('front matter', { timeout: 60_000 }, () => {
  it('must be a mapping', () => {
    const ws = ws1('responses/mps.md', `---\n- Metropolitan Police Service\n- public\n---\n\n${answerAll()}`);
    expect(check(ws, 2)).toContain(
      "responses/mps.md:2:1: error: the front matter of responses/mps.md must be a mapping with at least 'partner: <name>'",
    );
    failedMerge(ws, 2);
  });

  it('must be closed, even when a thematic break further down could close it', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': `---\npartner: Metropolitan Police Service\n\n${answerAll()}`,
      // Without the check, the first answer would be read as YAML up to the '---' and lost.
      'responses/rbkc.md': `---\npartner: RBKC\nsector: public\n\n## Q1\n\nWe agree: subject to funding.\n\n---\n\n${answerAll(['Q1'])}`,
    });
    const err = check(ws, 2);
    expect(err).toContain(
      "responses/mps.md:1:1: error: the front matter of responses/mps.md is not closed; add a line '---' after it",
    );
    expect(err).toContain(
      "responses/rbkc.md:5:1: error: the front matter of responses/rbkc.md is not closed before this question heading; add a line '---' after the front matter",
    );
  });

  it('warns about an unknown key at the key, and --strict fails on it', () => {
    const ws = ws1(
      'responses/mps.md',
      fullResponse('partner: Metropolitan Police Service\ncontact: j.smith@met.police.uk'),
    );
    const warning =
      "responses/mps.md:3:1: warning: unknown key 'contact' in the front matter is ignored; known keys are partner, id, sector, abstain, cannot_endorse";
    expect(check(ws, 0)).toContain(warning);
    expect(check(ws, 1, ['--strict'])).toContain(warning);
  });

  it('refuses a duplicate key at its second occurrence', () => {
    const ws = ws1(
      'responses/mps.md',
      fullResponse('partner: Metropolitan Police Service\nsector: public\nsector: voluntary'),
    );
    expect(check(ws, 2)).toContain('responses/mps.md:4:1: error: invalid YAML: a key appears twice; keep one');
  });

  it('refuses an alias bomb in front matter and in lsp-respond.yaml, quickly', () => {
    const levels = 'abcdefghi'.split('');
    const bomb = levels
      .map(
        (l, i) =>
          `${l}: &${l} [${
            i === 0
              ? '"lol","lol","lol","lol","lol","lol","lol","lol","lol"'
              : Array(9)
                  .fill(`*${levels[i - 1]}`)
                  .join(',')
          }]`,
      )
      .join('\n');
    const inFront = ws1('responses/mps.md', fullResponse(`partner: Metropolitan Police Service\n${bomb}`));
    expect(check(inFront, 2)).toContain(
      'responses/mps.md:4:8: error: invalid YAML: too many aliases (more than 50); write the values out',
    );
    const inConfig = ws1(
      'responses/mps.md',
      fullResponse('partner: Metropolitan Police Service'),
      `${CONFIG}${bomb}\n`,
    );
    expect(check(inConfig, 2)).toContain(
      'lsp-respond.yaml:4:8: error: invalid YAML: too many aliases (more than 50); write the values out',
    );
    failedMerge(inConfig, 2);
  });
});

describe('YAML 1.1 surprises', { timeout: 60_000 }, () => {
  it('reads id: no as the text "no", all the way to out/separate/no.md', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/no.md': fullResponse('partner: North Kensington Forum\nid: no\nsector: community'),
      'responses/mps.md': partner(
        'partner: Metropolitan Police Service\nid: yes\ncannot_endorse:\n  - section: Q5/no\n    reason: Too broad.',
        '## Q5\n\nWe agree.\n',
      ),
    });
    check(ws, 0);
    const { out } = merged(ws);
    const report = JSON.parse(out('report.json')) as { partners: { id: string }[] };
    expect(report.partners.map((p) => p.id).sort()).toEqual(['no', 'yes']);
    expect(out('separate/no.md')).toContain('Agreed on question 5.');
  });

  it('refuses numbers where text is meant, instead of converting them', () => {
    const values = ['1e3', '007', '0x1F', '.inf', '12'];
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      ...Object.fromEntries(
        values.map((v, i) => [`responses/p${i}.md`, fullResponse(`partner: Partner ${i}\nid: ${v}`)]),
      ),
      'responses/mps.md': fullResponse('partner: 1e3'),
    });
    const err = check(ws, 2);
    for (const [i, v] of values.entries())
      expect(err, v).toContain(
        `responses/p${i}.md:3:5: error: id: id must be text such as rbkc; put it in quotes if it looks like a number\n`,
      );
    expect(err).toContain(
      'responses/mps.md:2:10: error: partner: partner must be text; put it in quotes if it looks like a number or date',
    );
  });

  it('keeps dates as the text written, and checks config dates are real', () => {
    // YAML 1.2 has no timestamps: the partner called "2006-03-01" is that text, not a Date.
    const ws = ws1('responses/mps.md', fullResponse('partner: 2006-03-01\nid: p-2006-03-01'));
    check(ws, 0);
    expect(merged(ws).out('response.md')).toContain('- 2006-03-01 (other)');
    const config = 'partnership: Kensington and Chelsea Partnership\ndate: 2006-3-1\ndeadlines:\n  views: 2006-02-30\n';
    const err = check(ws1('responses/mps.md', fullResponse('partner: MPS'), config), 2);
    expect(err).toContain('lsp-respond.yaml:2:7: error: date: date must be a date written YYYY-MM-DD');
    expect(err).toContain('lsp-respond.yaml:4:10: error: deadlines.views: a deadline is not a real calendar date');
  });
});

describe('partner ids', { timeout: 60_000 }, () => {
  const reason = "use lower-case letters, digits and '-' (not at the start or end), at most 64 characters";
  it('refuses ids that are no safe file name, in front matter or as the file name', () => {
    const cases: [string, string][] = [
      ['../../escape', reason],
      ['mps/met', reason],
      ['..', reason],
      ['"met police"', reason],
      ['MPS', reason],
      ['con', 'it is a reserved file name on Windows'],
      ['nul', 'it is a reserved file name on Windows'],
      ['com1', 'it is a reserved file name on Windows'],
    ];
    // One workspace, one file per case: every bad id is reported, each at its own file.
    const sources = Object.fromEntries(
      cases.map(([id], i) => [
        `responses/p${i}.md`,
        fullResponse(`partner: Partner ${i}\nid: ${id}\ncannot_endorse: [Q1]`),
      ]),
    );
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      ...sources,
      'responses/Met Police.md': fullResponse('partner: MPS'),
      'responses/AUX.md': fullResponse('partner: Aux'),
    });
    const err = check(ws, 2);
    cases.forEach(([id, why], i) => {
      expect(err).toContain(
        `responses/p${i}.md:3:5: error: '${id.replace(/"/g, '')}' is not a valid partner id: ${why}\n`,
      );
    });
    expect(err).toContain(
      `responses/Met Police.md:2:1: error: 'Met Police' is not a valid partner id: ${reason}; rename the file or set 'id:' in the front matter`,
    );
    expect(err).toContain(`responses/AUX.md:2:1: error: 'AUX' is not a valid partner id: ${reason}; rename the file`);
    // merge writes nothing, anywhere: lsp() also checks no file appeared outside out/.
    failedMerge(ws, 2);
    expect(files(ws).size).toBe(Object.keys(sources).length + 4);
  });

  it('refuses two files that declare the same partner id, at the second id', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/met.md': fullResponse('partner: Metropolitan Police Service\nid: mps'),
      'responses/mps.md': fullResponse('partner: Metropolitan Police (duplicate)'),
      'responses/pct-a.md': fullResponse('partner: Kensington and Chelsea PCT\nid: kc-pct'),
      'responses/pct-b.md': fullResponse('partner: Kensington and Chelsea PCT (copy)\nsector: public\nid: kc-pct'),
    });
    const err = check(ws, 2);
    // The id comes from the file name (line 1) or from its 'id:' line.
    expect(err).toContain(
      "responses/mps.md:1:1: error: responses/mps.md and responses/met.md both declare partner id 'mps'; give each partner its own id (set 'id:' in the front matter or rename the file)",
    );
    expect(err).toContain(
      "responses/pct-b.md:4:5: error: responses/pct-b.md and responses/pct-a.md both declare partner id 'kc-pct'",
    );
    failedMerge(ws, 2);
  });

  it("writes a valid partner's separate file under out/ and nowhere else", () => {
    const ws = workspace({
      'lsp-respond.yaml': `${CONFIG}output: reports/out\n`,
      'responses/kc-pct.md': fullResponse('partner: Kensington and Chelsea PCT'),
      'responses/mps.md': partner(
        'partner: Metropolitan Police Service\ncannot_endorse: [Q9/kc-pct]',
        '## Q9\n\nWe agree.\n',
      ),
    });
    const before = files(ws);
    const r = lsp(ws, ['merge', '--no-docx'], { output: 'reports/out' });
    expect(r.code, r.stderr).toBe(0);
    const after = files(ws);
    const added = [...after.keys()].filter((f) => !before.has(f)).sort();
    expect(added).toEqual([
      'reports/out/.lsp-respond-outputs.json',
      'reports/out/draft.md',
      'reports/out/letter.md',
      'reports/out/removed.md',
      'reports/out/report.json',
      'reports/out/response.md',
      'reports/out/separate/kc-pct.md',
    ]);
    expect(readFileSync(join(ws, 'reports/out/separate/kc-pct.md'), 'utf8')).toContain('Agreed on question 9.');
  });
});
