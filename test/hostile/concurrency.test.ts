// Runs at the same time in one workspace (issue 19, items 1 and 7): each
// ends as if it had run alone, or says clearly that another run holds the
// workspace; no run trips over another's files. A lock left by a killed run
// is taken over; one held by a live process is waited for, then reported.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { CONFIG, files, fullResponse, LIMIT_MS, lsp, workspace } from './harness.js';

const LOCK = '.lsp-respond.lock';
const BUSY =
  /^lsp-respond\.yaml:1:1: error: out is in use by another lsp-respond run \(process \d+, since [^)]+\); wait for it to finish and run this again\. If no run is going, delete out\/\.lsp-respond\.lock$/m;

function partners(n: number): string {
  const files: Record<string, string> = { 'lsp-respond.yaml': CONFIG };
  for (let p = 0; p < n; p++) files[`responses/p${p}.md`] = fullResponse(`partner: Partner ${p}\nsector: public`);
  return workspace(files);
}

function start(ws: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, '-C', ws, '--today', '2006-02-20', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS * 3);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

/** Finished as if alone, or refused for the lock and nothing else; never a missing file. */
function endedWell(r: { code: number | null; stderr: string }, what: string): boolean {
  expect(r.stderr, what).not.toMatch(/ENOENT|internal error/);
  if (r.code === 0) return true;
  expect(r.code, `${what}: ${r.stderr}`).toBe(2);
  expect(r.stderr, what).toMatch(BUSY);
  return false;
}

describe('runs side by side', { timeout: 300_000 }, () => {
  it('two merges at once both end well, and out/ is what one merge writes', async () => {
    const ws = partners(12);
    const alone = mkdtempSync(join(tmpdir(), 'lsp-alone-'));
    cpSync(ws, alone, { recursive: true });
    expect((await start(alone, ['merge'])).code).toBe(0);
    for (let round = 0; round < 2; round++) {
      const [a, b] = await Promise.all([start(ws, ['merge']), start(ws, ['merge'])]);
      expect([endedWell(a, 'first merge'), endedWell(b, 'second merge')]).toContain(true);
      const strip = (m: Map<string, string>) => new Map([...m].filter(([f]) => !f.startsWith('.')));
      expect(strip(files(join(ws, 'out')))).toEqual(strip(files(join(alone, 'out'))));
      expect(existsSync(join(ws, 'out', LOCK))).toBe(false);
    }
  });

  it('a merge beside a circulate: both end well, and the round is whole', async () => {
    const ws = partners(12);
    // A merge that runs after the round would wait for the partners' sign-offs (a refusal of its own); the race is the point here.
    const [merge, circulate] = await Promise.all([
      start(ws, ['merge', '--accept-unendorsed']),
      start(ws, ['circulate']),
    ]);
    const merged = endedWell(merge, 'merge');
    const circulated = endedWell(circulate, 'circulate');
    if (merged) expect(readFileSync(join(ws, 'out/response.md'), 'utf8')).toContain('Agreed on question 35.');
    if (circulated)
      expect(JSON.parse(readFileSync(join(ws, 'out/rounds/1/round.json'), 'utf8'))).toMatchObject({ round: 1 });
    const check = lsp(ws, ['check']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).not.toContain('round.json');
  });

  it('two circulates at once make rounds 1 and 2, or one of them waits its turn and says so', async () => {
    const ws = partners(4);
    const results = await Promise.all([start(ws, ['circulate', '--no-docx']), start(ws, ['circulate', '--no-docx'])]);
    const done = results.filter((r, i) => endedWell(r, `circulate ${i + 1}`)).length;
    for (let n = 1; n <= done; n++)
      expect(JSON.parse(readFileSync(join(ws, `out/rounds/${n}/round.json`), 'utf8'))).toMatchObject({ round: n });
    expect(existsSync(join(ws, `out/rounds/${done + 1}`))).toBe(false);
  });
});

describe('the lock', { timeout: 120_000 }, () => {
  const holder = (pid: number) => `${JSON.stringify({ pid, host: hostname(), since: '2006-02-20T10:00:00.000Z' })}\n`;

  it('is waited for while its process lives, then reported, with nothing written', () => {
    const ws = partners(2);
    mkdirSync(join(ws, 'out'));
    writeFileSync(join(ws, 'out', LOCK), holder(process.pid));
    for (const args of [
      ['merge', '--no-docx'],
      ['template', 'newp', '--partner', 'New Partner'],
    ]) {
      const before = files(ws, ['out']);
      const r = lsp(ws, args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(BUSY);
      expect(r.stderr).toContain(`process ${process.pid}, since 2006-02-20T10:00:00.000Z`);
      expect(files(join(ws, 'out'))).toEqual(new Map([[LOCK, Buffer.from(holder(process.pid)).toString('base64')]]));
      expect(files(ws, ['out'])).toEqual(before);
    }
  });

  it("left by a killed run is taken over, with that run's temporary files, and no other's", () => {
    const ws = partners(2);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    mkdirSync(join(ws, 'out'));
    writeFileSync(join(ws, 'out', LOCK), holder(dead));
    writeFileSync(join(ws, 'out', `.draft.md.tmp-${dead}-0a1b2c3d`), 'half a draft');
    writeFileSync(join(ws, 'out', `.report.json.tmp-${process.pid}-0a1b2c3d`), 'a live run’s file');
    const r = lsp(ws, ['merge', '--no-docx']);
    expect(r.code, r.stderr).toBe(0);
    const out = [...files(join(ws, 'out')).keys()];
    expect(out).not.toContain(LOCK);
    expect(out).not.toContain(`.draft.md.tmp-${dead}-0a1b2c3d`);
    expect(out).toContain(`.report.json.tmp-${process.pid}-0a1b2c3d`);
  });
});
