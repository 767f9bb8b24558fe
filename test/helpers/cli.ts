// Runs the real, built binary, as users and CI do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/lsp-respond.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `bin`: another copy of the command (a test that swaps a file of the bundle). */
export function run(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; timeout?: number; bin?: string } = {},
): Run {
  const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    // GITHUB_ACTIONS is cleared so that check prints text in CI as it does here, unless a test sets it.
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The import options that file a Word reply as the police's response. */
export const AS_POLICE = ['--id', 'mps', '--partner', 'Metropolitan Police Service', '--sector', 'public'] as const;
