// Crash safety (SPEC 4): a merge killed midway, while it reads or while it
// writes, leaves the previous outputs as they were. Outputs are written to
// temporary files and renamed into place only once all of them exist; stray
// `.name.tmp-PID` files may remain but never stand in for an output.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { CONFIG, files, LIMIT_MS, workspace } from './harness.js';

const PARTNERS = 200;
const TEMP = /(^|\/)\.[^/]+\.tmp-\d+-[0-9a-f]+$/;
/** The lock a killed run leaves, and the record of what was written: bookkeeping, not outputs. */
const BOOKKEEPING = /^\.{1,2}lsp-respond/;

function response(p: number, word: string): string {
  const answers = Array.from(
    { length: 35 },
    (_, q) => `## Q${q + 1}\n\nPartner ${p} ${word} question ${q + 1}: we *broadly* agree, subject to **funding**.\n`,
  );
  return `---\npartner: Partner ${p}\nsector: public\n---\n\n${answers.join('\n')}`;
}

function merge(root: string): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, '-C', root, '--quiet', 'merge', '--no-docx'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS * 2);
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
  return { child, done };
}

/** out/ without stray temporary files and bookkeeping. */
function outputs(root: string): Map<string, string> {
  return new Map([...files(join(root, 'out'))].filter(([f]) => !TEMP.test(f) && !BOOKKEEPING.test(f)));
}

describe('a merge killed midway', { timeout: 120_000 }, () => {
  it('leaves the previous outputs byte for byte, whether killed while reading or while writing', async () => {
    const sources = Object.fromEntries(
      Array.from({ length: PARTNERS }, (_, p) => [`responses/p${String(p).padStart(3, '0')}.md`, response(p, 'on')]),
    );
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, ...sources });
    const edit = (root: string) => {
      for (let p = 0; p < PARTNERS; p++)
        writeFileSync(join(root, `responses/p${String(p).padStart(3, '0')}.md`), response(p, 'revised on'));
    };
    expect(await merge(ws).done).toEqual({ code: 0, stderr: '' });
    const first = outputs(ws);
    expect([...first.keys()].sort()).toEqual(['draft.md', 'letter.md', 'removed.md', 'report.json', 'response.md']);
    // What a second run would write in full: the last partner's revised last answer, and every contribution accounted for.
    const complete = (file: string, base64: string) => {
      const text = Buffer.from(base64, 'base64').toString('utf8');
      if (file === 'report.json')
        return (JSON.parse(text) as { counts: { contributions: number } }).counts.contributions === PARTNERS * 35;
      return file === 'removed.md' || text.includes(`Partner ${PARTNERS - 1} revised on question 35:`);
    };

    edit(ws);
    const inputs = files(ws, ['out']);

    // Killed while it is still reading and parsing.
    const early = merge(ws);
    setTimeout(() => early.child.kill('SIGKILL'), 300);
    expect((await early.done).code).toBeNull();
    expect(outputs(ws)).toEqual(first);

    // Killed the moment its first temporary file appears, i.e. while it writes.
    let sawTemp = false;
    const watcher = watch(join(ws, 'out'), (_, name) => {
      if (name && TEMP.test(String(name)) && !BOOKKEEPING.test(String(name))) {
        sawTemp = true;
        late.child.kill('SIGKILL');
      }
    });
    const late = merge(ws);
    const { code } = await late.done;
    watcher.close();
    expect(sawTemp).toBe(true);
    // Killed (null), or on a very busy machine finished before the signal landed (0): either way the check below holds.
    expect([null, 0]).toContain(code);
    // Each output is the old one or, had the kill come after a rename, the complete new one: never half-written.
    const now = outputs(ws);
    expect([...now.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [file, bytes] of now) expect(bytes === first.get(file) || complete(file, bytes), file).toBe(true);
    for (const f of files(join(ws, 'out')).keys())
      expect(TEMP.test(f) || BOOKKEEPING.test(f) || first.has(f), f).toBe(true);
    expect(files(ws, ['out'])).toEqual(inputs);
    expect(existsSync(join(ws, 'out/response.md'))).toBe(true);
    rmSync(ws, { recursive: true, force: true }); // 6 MB; left behind only when the test fails, to look at
  });
});
