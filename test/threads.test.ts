// Partner files are parsed and documents rendered on worker threads when
// there is enough work; the outputs must be the same bytes whatever the pool
// size (LSP_RESPOND_WORKERS forces a pool even for a small workspace).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { answerAll, partner, snapshot, workspace } from './helpers/workspace.js';

function partners(n: number): Record<string, string> {
  const files: Record<string, string> = { 'lsp-respond.yaml': 'partnership: Thread Partnership\ndate: 2006-03-01\n' };
  for (let i = 0; i < n; i++) {
    const objection =
      i % 5 === 1 ? `\ncannot_endorse:\n  - section: Q${(i % 35) + 1}/p${i - 1}\n    reason: Reason ${i}.` : '';
    const body = `Preamble of partner ${i} with a note.[^n]\n\n[^n]: Note ${i}, *emphasised*.\n\n${answerAll([], `Partner ${i} agrees`)}\n`;
    files[`responses/p${i}.md`] = partner(
      `partner: Partner ${i}\nsector: ${['public', 'voluntary', 'private'][i % 3]}${objection}`,
      body,
    );
  }
  return files;
}

describe('worker threads', { timeout: 120_000 }, () => {
  it('give the same bytes and messages for 1, 2 and 3 threads', () => {
    const files = partners(12);
    const outputs = [1, 2, 3].map((threads) => {
      const ws = workspace(files);
      const r = run(['-C', ws, 'merge'], { env: { LSP_RESPOND_WORKERS: String(threads) } });
      expect(r.code, r.stderr).toBe(0);
      return { stdout: r.stdout, stderr: r.stderr, out: snapshot(join(ws, 'out')) };
    });
    expect(outputs[0]!.out.size).toBeGreaterThan(6);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });

  it('report problems found on a thread with their positions, as on the main thread', () => {
    const files = { ...partners(4), 'responses/bad.md': partner('partner: Bad', '## Q99\n\nNo such question.\n') };
    const [one, two] = [1, 2].map((threads) =>
      run(['-C', workspace(files), 'check'], { env: { LSP_RESPOND_WORKERS: String(threads) } }),
    );
    expect(one!.code).toBe(2);
    expect(one!.stderr).toContain('responses/bad.md:5:1: error: unknown question Q99');
    expect(two).toEqual(one);
  });

  it('report a DOCX problem found on a thread at its source position', () => {
    const nested = partner(
      'partner: Partner 0',
      `${answerAll(['Q2'])}\n## Q2\n\nThe view.[^a]\n\n[^a]: A note with its own note.[^b]\n\n[^b]: Inner.\n`,
    );
    const files = { ...partners(3), 'responses/p0.md': nested };
    const [one, two] = [1, 2].map((threads) =>
      run(['-C', workspace(files), 'merge'], { env: { LSP_RESPOND_WORKERS: String(threads) } }),
    );
    expect(one!.code).toBe(0);
    expect(one!.stderr).toMatch(
      /^responses\/p0\.md:\d+:\d+: warning: footnote reference \[\^p0-b\] inside a footnote/m,
    );
    expect(two).toEqual(one);
  });
});
