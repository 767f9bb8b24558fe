// The commands run in this process, as src/cli.ts runs them, with stdout and
// stderr caught: what a user sees (exit code, messages, files in out/)
// without spawning the built binary, so mutation testing (which changes src/,
// not dist/) reaches the rules these commands apply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { type Env, UsageError } from '../../src/commands/env.js';
import { importEndorsement } from '../../src/commands/import-endorsement.js';
import { NO_PROGRESS } from '../../src/commands/progress.js';

export interface Said {
  code: number;
  stdout: string;
  stderr: string;
}

export interface JsonProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

async function inProcess(root: string, today: string, command: (env: Env) => Promise<number>): Promise<Said> {
  let stdout = '';
  let stderr = '';
  const env: Env = {
    root,
    today,
    quiet: false,
    progress: NO_PROGRESS,
    color: false,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  };
  try {
    const code = await command(env);
    return { code, stdout, stderr };
  } catch (e) {
    // As src/cli.ts says a usage error: one line on stderr, exit 2.
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, stdout, stderr: `${stderr}lsp-respond: error: ${e.message}\n` };
  }
}

export interface CheckFlags {
  partners?: boolean;
  strict?: boolean;
  signoff?: boolean;
  readability?: boolean;
}

/** `lsp-respond check --format json [flags]`: the exit code and the problems it lists. */
export async function checkJson(
  root: string,
  flags: CheckFlags = {},
  today = '2006-02-15',
): Promise<{ code: number; ok: boolean; problems: JsonProblem[] }> {
  const said = await inProcess(root, today, (env) =>
    check(env, {
      partners: flags.partners === true,
      strict: flags.strict === true,
      signoff: flags.signoff === true,
      readability: flags.readability === true,
      format: 'json',
    }),
  );
  const printed = JSON.parse(said.stdout) as { ok: boolean; problems: JsonProblem[] };
  return { code: said.code, ok: printed.ok, problems: printed.problems };
}

/** `lsp-respond check [flags]` as text. */
export function checkText(root: string, flags: CheckFlags = {}, today = '2006-02-15'): Promise<Said> {
  return inProcess(root, today, (env) =>
    check(env, {
      partners: flags.partners === true,
      strict: flags.strict === true,
      signoff: flags.signoff === true,
      readability: flags.readability === true,
      format: 'text',
    }),
  );
}

/** `lsp-respond circulate --no-docx [--objections-by <date>]`. */
export function circulate(root: string, today = '2006-02-15', objectionsBy?: string): Promise<Said> {
  return inProcess(root, today, (env) =>
    build(env, 'circulate', {
      allowIncomplete: true,
      docx: false,
      ...(objectionsBy !== undefined ? { objectionsBy } : {}),
    }),
  );
}

export interface Report {
  complete: boolean;
  /** `endorsement` only once a round has been circulated. */
  partners: { id: string; name: string; endorsement?: 'signed' | 'silent' | null }[];
  round?: { number: number; date: string; objections_by: string | null; not_circulated: string[] };
  counts: Record<string, number>;
  questions: {
    question: string;
    state: string;
    reason?: string;
    collective?: boolean;
    composite: boolean;
    included: string[];
    abstainers: string[];
  }[];
  contributions: { section: string; partner: string; status: string; objectors?: string[]; reasons?: string[] }[];
}

/** `lsp-respond merge --no-docx [--allow-incomplete] [--accept-unendorsed] [--today <date>]`, and report.json and response.md when they were written. */
export async function mergeCommand(
  root: string,
  opts: { allowIncomplete?: boolean; acceptUnendorsed?: boolean; today?: string } = {},
): Promise<Said & { report: Report | null; response: string | null }> {
  const said = await inProcess(root, opts.today ?? '2006-02-15', (env) =>
    build(env, 'merge', {
      allowIncomplete: opts.allowIncomplete === true,
      acceptUnendorsed: opts.acceptUnendorsed === true,
      docx: false,
    }),
  );
  const read = (file: string) => {
    try {
      return readFileSync(join(root, 'out', file), 'utf8');
    } catch {
      return null;
    }
  };
  const report = read('report.json');
  return { ...said, report: report === null ? null : (JSON.parse(report) as Report), response: read('response.md') };
}

/** `lsp-respond import --endorsement <sheet> --id <id>`. */
export function importSheet(root: string, sheet: string, id: string): Promise<Said> {
  return inProcess(root, '2006-02-15', (env) => importEndorsement(env, sheet, id));
}

/** `lsp-respond status`. */
export async function statusCommand(root: string, today = '2006-02-15'): Promise<Said> {
  const { status } = await import('../../src/commands/status.js');
  return inProcess(root, today, (env) => status(env));
}

/** `lsp-respond draft --no-docx`, and out/draft.md. */
export async function draftCommand(root: string): Promise<Said & { draft: string }> {
  const said = await inProcess(root, '2006-02-15', (env) =>
    build(env, 'draft', { allowIncomplete: true, docx: false }),
  );
  return { ...said, draft: readFileSync(join(root, 'out', 'draft.md'), 'utf8') };
}
