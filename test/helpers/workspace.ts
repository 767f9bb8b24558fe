// Temporary workspaces for tests: the bundled question set plus whatever
// files a case needs, written byte for byte.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { REPO } from './cli.js';

export const QUESTION_SET = 'questions/odpm-lsp-2005.yaml';

export function workspace(
  files: Record<string, string | Uint8Array>,
  opts: { questions?: boolean; prefix?: string } = {},
): string {
  const root = mkdtempSync(join(tmpdir(), opts.prefix ?? 'lsp-respond-'));
  if (opts.questions !== false) {
    mkdirSync(join(root, 'questions'));
    cpSync(join(REPO, QUESTION_SET), join(root, QUESTION_SET));
  }
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

/** A partner file: front matter lines plus body. */
export function partner(front: string, body: string): string {
  return `---\n${front.trim()}\n---\n\n${body}`;
}

/** Answers every question of the ODPM set with a one-line answer, except those listed. */
export function answerAll(except: string[] = [], word = 'Agreed'): string {
  const out: string[] = [];
  for (let n = 1; n <= 35; n++) if (!except.includes(`Q${n}`)) out.push(`## Q${n}\n\n${word} on question ${n}.\n`);
  return out.join('\n');
}

/** Every file under `dir` with its bytes, for before/after comparisons. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** Replaces a partner's file with this front matter and body. */
export const rewritePartner = (ws: string, id: string, front: string, body: string) =>
  writeFileSync(join(ws, `responses/${id}.md`), partner(front, body));

/** The 1-based line of the first line of a workspace file holding `text` (0 when none does). */
export const lineOf = (ws: string, file: string, text: string) =>
  readFileSync(join(ws, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

/** A front-matter line: the partner endorsed `round`. */
export const endorsed = (round: number) => `endorsed: {round: ${round}, date: 2006-02-22, by: Chair}`;
