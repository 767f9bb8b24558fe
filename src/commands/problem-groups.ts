// check's text output at scale: many problems with one reason (a new
// workspace has 35 unanswered questions) read as one line naming the
// questions, instead of 35 near-identical lines. JSON and GitHub annotations
// keep one problem per question: scripts and editors want each position.
import type { Problem } from '../core/problems.js';

/** Fewer problems than this with one reason are printed one by one. */
export const GROUP_AT = 3;

const QUESTION = /\bQ(\d+)([a-z]?)\b/g;

/** 'Q1-Q3, Q5, Q16a' for the questions named, in the order given (problems are sorted by position, which is question order). */
export function questionRanges(ids: readonly string[]): string {
  const out: string[] = [];
  let run: [number, number] | null = null;
  const flush = () => {
    if (run) out.push(run[0] === run[1] ? `Q${run[0]}` : `Q${run[0]}-Q${run[1]}`);
    run = null;
  };
  for (const id of ids) {
    const m = /^Q(\d+)$/.exec(id);
    if (!m) {
      flush();
      out.push(id);
      continue;
    }
    const n = Number(m[1]);
    if (run && n === run[1] + 1) run[1] = n;
    else {
      flush();
      run = [n, n];
    }
  }
  flush();
  return out.join(', ');
}

/** The problem with the question it is about taken out, or null when it names no single question. */
function reason(p: Problem): { key: string; question: string; template: string } | null {
  const named = new Set([...p.message.matchAll(QUESTION)].map((m) => m[0]));
  if (named.size !== 1) return null;
  const template = p.message.replace(QUESTION, 'Qn');
  return { key: `${p.severity}\u0000${p.code}\u0000${p.file}\u0000${template}`, question: [...named][0]!, template };
}

/** Problems with one reason at GROUP_AT or more questions become one problem, at the first one's position. */
export function groupProblems(problems: readonly Problem[]): Problem[] {
  const groups = new Map<string, { first: Problem; questions: string[]; template: string }>();
  for (const p of problems) {
    const r = reason(p);
    if (!r) continue;
    const g = groups.get(r.key);
    if (g) g.questions.push(r.question);
    else groups.set(r.key, { first: p, questions: [r.question], template: r.template });
  }
  const out: Problem[] = [];
  for (const p of problems) {
    const r = reason(p);
    const g = r && groups.get(r.key);
    if (!g || g.questions.length < GROUP_AT) out.push(p);
    else if (g.first === p) {
      const cut = g.template.indexOf(';');
      const [head, rest] = cut === -1 ? [g.template, ''] : [g.template.slice(0, cut), g.template.slice(cut)];
      const headline = head.replace(/ ?\bQn\b/g, '');
      out.push({
        ...p,
        message: `${headline}: ${questionRanges(g.questions)} (${g.questions.length} questions)${rest} (--verbose: one line per question)`,
      });
    }
  }
  return out;
}
