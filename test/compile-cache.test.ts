// bin/lsp-respond.js turns on Node's compile cache where Node has one (22.1
// and later) and starts as before where it has not (Node 20).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from './helpers/cli.js';

it('keeps the compiled bundle in the compile cache on a Node that has one, and runs on one that has not', () => {
  const cache = mkdtempSync(join(tmpdir(), 'lsp-compile-cache-'));
  try {
    const r = run(['--version'], { env: { NODE_COMPILE_CACHE: cache } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const hasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    expect(readdirSync(cache).length > 0, `Node ${process.version}`).toBe(hasCache);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}, 60_000);
