// The bad-input suite's common checks (issue 6, SPEC 4): every run goes
// through the real binary, must finish well within a generous limit, must
// never print a stack trace or an internal error, and must leave every input
// file exactly as it was.
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import { readZipEntry } from '../helpers/zip.js';
import { type Run, run } from '../helpers/cli.js';
import { answerAll, partner, workspace } from '../helpers/workspace.js';

export { answerAll, partner, workspace };

export const NO_STACK = /\n\s+at /;

/** A run that takes longer than this has hung (the slowest case here needs about a second). */
export const LIMIT_MS = 20_000;

export const CONFIG = 'partnership: Kensington and Chelsea Partnership\ndate: 2006-03-01\n';

/**
 * Every file under `dir` with its bytes (base64), paths with '/', skipping the
 * top-level directories in `skip`. A link is recorded as where it points, and
 * a pipe or device as what it is: never followed or read, so a case that puts
 * one among the inputs cannot hang the test or leave the workspace.
 */
export function files(dir: string, skip: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p).split(sep).join('/');
      if (skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue;
      const stats = lstatSync(p);
      if (stats.isSymbolicLink()) out.set(rel, `link to ${readlinkSync(p)}`);
      else if (stats.isDirectory()) walk(p);
      else if (stats.isFile()) out.set(rel, readFileSync(p).toString('base64'));
      else out.set(rel, `special file ${stats.mode.toString(8)}`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * Runs `lsp-respond -C root ...args` and checks what every case promises:
 * it ends by itself, with no stack trace and no internal error, and the
 * inputs (everything outside `output`) are byte-for-byte unchanged.
 */
export function lsp(
  root: string,
  args: string[],
  opts: { output?: string; env?: Record<string, string>; timeout?: number } = {},
): Run {
  const output = opts.output ?? 'out';
  const before = files(root, [output]);
  const r = run(['-C', root, ...args], {
    cwd: tmpdir(),
    timeout: opts.timeout ?? LIMIT_MS,
    ...(opts.env ? { env: opts.env } : {}),
  });
  expect(
    r.code,
    `lsp-respond ${args.join(' ')} did not finish within ${opts.timeout ?? LIMIT_MS} ms:\n${r.stderr}`,
  ).not.toBeNull();
  expect(r.stderr).not.toMatch(NO_STACK);
  expect(r.stdout).not.toMatch(NO_STACK);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).not.toBe(70);
  expect(files(root, [output]), 'inputs changed').toEqual(before);
  return r;
}

/** `check` on a workspace, expecting exit `code`; returns stderr. */
export function check(root: string, code: number, args: string[] = []): string {
  const r = lsp(root, ['check', ...args]);
  expect(r.code, r.stderr).toBe(code);
  return r.stderr;
}

/**
 * `merge` on a workspace whose bad input must stop it: exit `code`, and out/
 * exactly as before (absent stays absent). Returns stderr.
 */
export function failedMerge(root: string, code: number, args: string[] = [], output = 'out'): string {
  const before = files(join(root, output));
  const existed = existsSync(join(root, output));
  const r = lsp(root, ['merge', ...args], { output });
  expect(r.code, r.stderr).toBe(code);
  expect(existsSync(join(root, output))).toBe(existed);
  expect(files(join(root, output))).toEqual(before);
  return r.stderr;
}

/** `merge --no-docx` that must succeed; returns stderr and a reader for out/ files. */
export function merged(
  root: string,
  args: string[] = ['--no-docx'],
): { stderr: string; out: (file: string) => string; xml: (docx: string) => string } {
  const r = lsp(root, ['merge', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return {
    stderr: r.stderr,
    out: (file) => readFileSync(join(root, 'out', file), 'utf8'),
    xml: (docx) =>
      Buffer.from(readZipEntry(readFileSync(join(root, 'out', docx)), 'word/document.xml') ?? []).toString('utf8'),
  };
}

/** The text of a WordprocessingML part: every w:t joined (still XML-escaped), so text split into runs reads whole. */
export function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** Characters XML 1.0 forbids; none may reach a DOCX part. */
export const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding these characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "line:column" (1-based) of the first occurrence of `needle` in `source`. */
export function pos(source: string, needle: string, from = 0): string {
  const i = source.indexOf(needle, from);
  if (i < 0) throw new Error(`'${needle}' is not in the source`);
  const before = source.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** A partner file for the ODPM set: front matter plus an answer to every question, with `extra` appended. */
export function fullResponse(front: string, extra = '', except: string[] = []): string {
  return partner(front, `${answerAll(except)}${extra}`);
}
