// check in CI and check --partners beside collective abstentions.
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { answerAll, partner, workspace } from './helpers/workspace.js';

const CONFIG = 'partnership: Test Partnership\nabstain:\n  Q27: We take no collective view.\n';

describe('check', { timeout: 120_000 }, () => {
  const ws = workspace({
    'lsp-respond.yaml': CONFIG,
    'responses/council.md': partner('partner: Borough Council', answerAll(['Q27'])),
    'responses/police.md': partner('partner: Police', answerAll(['Q27', 'Q5'])),
  });

  it('prints GitHub annotations by itself in a GitHub workflow, unless --format says otherwise', () => {
    const ci = run(['-C', ws, 'check', '--partners'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(ci.code).toBe(1);
    expect(ci.stdout).toMatch(
      /^::error file=responses\/police\.md,line=1,col=1,title=partner-incomplete::Police neither answers/m,
    );
    expect(ci.stderr).toBe('');
    const text = run(['-C', ws, 'check', '--partners', '--format', 'text'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(text.stderr).toContain('responses/police.md:1:1: error:');
    expect(text.stdout).not.toContain('::error');
    expect(run(['-C', ws, 'check', '--partners']).stdout).not.toContain('::error');
  });

  it('--partners does not ask partners to answer a question the partnership abstains on collectively', () => {
    const r = run(['-C', ws, 'check', '--partners']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Police neither answers nor abstains on Q5;');
    expect(r.stderr).not.toContain('Borough Council neither answers');
    expect(r.stderr).not.toMatch(/Q27/);
  });
});
