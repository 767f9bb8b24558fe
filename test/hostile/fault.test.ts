// Fault injection (issue 19, item 7): every command that writes is killed
// (SIGKILL) at random moments, from start-up to its last rename. Afterwards
// every file in the workspace, inputs and outputs alike, is either as it was
// before the run or as a complete run leaves it; and running the command
// again (over the killed run's lock and temporary files) finishes the job.
// The moments are drawn from the time a complete run takes, measured here,
// so the test means the same on a fast machine and a loaded one.
import { spawn } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, run } from '../helpers/cli.js';
import { answerAll, CONFIG, fullResponse, LIMIT_MS, partner, workspace } from './harness.js';

const KILLS_PER_COMMAND = 4;
const TODAY = '2006-02-20';

const COMMANDS: Record<string, string[]> = {
  merge: ['merge', '--accept-unendorsed'],
  draft: ['draft', '--no-docx'],
  circulate: ['circulate'],
  template: ['template', 'newp', '--partner', 'New Partner'],
  'template --format docx': ['template', 'newp', '--partner', 'New Partner', '--format', 'docx'],
  import: ['import', 'inbox/reply.docx', '--id', 'newp', '--partner', 'New Partner'],
  'import --endorsement': ['import', '--endorsement', 'inbox/sheet.docx', '--id', 'mps'],
};

/** The tool's bookkeeping and a killed run's temporary files: neither is an input or an output. */
const BOOKKEEPING = /(^|\/)(\.lsp-respond[^/]*|\.[^/]+\.tmp-\d+(-[0-9a-f]+)?)(\/|$)/;

function state(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path).split(sep).join('/');
      if (BOOKKEEPING.test(rel)) continue;
      if (lstatSync(path).isDirectory()) walk(path);
      else out.set(rel, readFileSync(path).toString('base64'));
    }
  };
  walk(root);
  return out;
}

function copy(from: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'lsp-fault-'));
  cpSync(from, ws, { recursive: true });
  return ws;
}

/** mulberry32: the same kill moments on every run of the test, for a given seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the command; kills it after `killAfter` ms if it is still running. Resolves with its exit code (null when killed) and wall time. */
function runCommand(
  ws: string,
  args: string[],
  killAfter?: number,
): Promise<{ code: number | null; ms: number; stderr: string }> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, '-C', ws, '--today', TODAY, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timers = [setTimeout(() => child.kill('SIGKILL'), LIMIT_MS * 3)];
  if (killAfter !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), killAfter));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, ms: Date.now() - started, stderr });
    }),
  );
}

let base: string;
const made: string[] = [];

/** Six partners, round 1 circulated and merged; then the partners revise their answers, so every output changes. */
beforeAll(() => {
  const files: Record<string, string | Uint8Array> = {
    'lsp-respond.yaml': CONFIG,
    'inbox/reply.docx': readFileSync(join(REPO, 'test/fixtures/word/pandoc-reply.docx')),
  };
  for (let p = 0; p < 6; p++) files[`responses/p${p}.md`] = fullResponse(`partner: Partner ${p}\nsector: public`);
  files['responses/mps.md'] = fullResponse(
    'partner: Metropolitan Police Service\nsector: public\ncannot_endorse:\n  - Q3/p1',
  );
  base = workspace(files);
  for (const args of [['circulate'], ['merge', '--accept-unendorsed']])
    expect(run(['-C', base, '--today', '2006-02-10', ...args]).code).toBe(0);
  cpSync(join(base, 'out/rounds/1/sheets/mps.docx'), join(base, 'inbox/sheet.docx'));
  // The revision every output will reflect.
  for (let p = 0; p < 6; p++)
    writeFileSync(
      join(base, `responses/p${p}.md`),
      partner(`partner: Partner ${p}\nsector: public`, answerAll([], 'Revised view')),
    );
}, 120_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('a writing command killed at random moments', { timeout: 900_000 }, () => {
  it.each(Object.keys(COMMANDS))(
    '%s leaves every file old or new, and a second run finishes the job',
    async (command) => {
      const args = COMMANDS[command]!;
      const before = copy(base);
      made.push(before);
      const old = state(before);

      const complete = copy(before);
      made.push(complete);
      const baseline = await runCommand(complete, args);
      expect(baseline.code, baseline.stderr).toBe(0);
      const now = state(complete);
      // An unfilled sheet may rightly change nothing; every other command here has something new to write.
      if (command !== 'import --endorsement')
        expect(now, `${command} changes nothing, so killing it proves nothing`).not.toEqual(old);

      const seed = [...command].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) >>> 0;
      const next = random(seed);
      for (let k = 0; k < KILLS_PER_COMMAND; k++) {
        const ws = copy(before);
        made.push(ws);
        const delay = Math.round(next() * baseline.ms * 1.1);
        const killed = await runCommand(ws, args, delay);
        const after = state(ws);
        for (const path of new Set([...old.keys(), ...now.keys(), ...after.keys()])) {
          const bytes = after.get(path);
          expect(
            bytes === old.get(path) || bytes === now.get(path),
            `${command} killed after ${delay} ms (seed ${seed}, exit ${killed.code}): ${path} is neither the old nor the new version`,
          ).toBe(true);
        }
        if (after.size === now.size && [...now].every(([p, b]) => after.get(p) === b)) continue;
        const again = await runCommand(ws, args);
        expect(again.code, `${command} after a kill at ${delay} ms: ${again.stderr}`).toBe(0);
        expect(state(ws), `${command} after a kill at ${delay} ms, run again`).toEqual(now);
      }
    },
  );
});
