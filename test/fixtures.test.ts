// Golden scenarios, one directory each under test/fixtures/<case>/: `input/`
// is a workspace, `args` the command line; the real binary's exit code,
// stdout, stderr and every Markdown/JSON output are compared with
// `expected/`. DOCX outputs must exist (their content is checked by the DOCX
// tests). UPDATE_GOLDEN=1 rewrites the expectations.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/cli.js';
import { snapshot } from './helpers/workspace.js';

const FIXTURES = join(REPO, 'test/fixtures');
const update = process.env.UPDATE_GOLDEN === '1';

const cases = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'args')));

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      // The tool's own bookkeeping (the record of what it wrote), tested in test/hostile/outputs.test.ts, not a document.
      if (e.name.startsWith('.lsp-respond')) continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

function expectFile(path: string, actual: string): void {
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual, relative(REPO, path)).toBe(readFileSync(path, 'utf8'));
}

describe('golden scenarios', () => {
  for (const name of cases) {
    it(name, () => {
      const fixture = join(FIXTURES, name);
      const ws = mkdtempSync(join(tmpdir(), `lsp-${name}-`));
      cpSync(join(fixture, 'input'), ws, { recursive: true });
      const before = snapshot(ws);
      const args = readFileSync(join(fixture, 'args'), 'utf8').trim().split(/\s+/);
      const r = run(['-C', ws, '--today', '2006-02-01', ...args]);
      const clean = (s: string) => s.split(ws).join('<workspace>');
      const expected = join(fixture, 'expected');
      expectFile(join(expected, 'exit-code'), `${r.code}\n`);
      expectFile(join(expected, 'stdout'), clean(r.stdout));
      expectFile(join(expected, 'stderr'), clean(r.stderr));
      const out = join(ws, 'out');
      const produced = files(out);
      expectFile(join(expected, 'files'), produced.map((f) => `${f}\n`).join(''));
      for (const f of produced.filter((f) => /\.(md|json)$/.test(f)))
        expectFile(join(expected, 'out', f), readFileSync(join(out, f), 'utf8'));
      // An expectation for a file no longer written is stale, not silently ignored.
      if (!update)
        expect(files(join(expected, 'out')), 'expected/out holds files the run no longer writes').toEqual(
          produced.filter((f) => /\.(md|json)$/.test(f)),
        );
      // A failed run writes nothing: out/ holds what the input had there (rounds circulated before), if anything.
      if (r.code !== 0) expect(produced, 'a failed run writes nothing').toEqual(files(join(fixture, 'input/out')));
      // Inputs are never modified: everything but out/ is as it was.
      const after = snapshot(ws);
      for (const [f, bytes] of before) expect(after.get(f), f).toBe(bytes);
      rmSync(ws, { recursive: true, force: true });
    });
  }
});
