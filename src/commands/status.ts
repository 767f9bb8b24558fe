// status: who has answered what, what is objected to, and how long is left.
import type { QuestionOutcome } from '../merge/merge.js';
import { withThreads } from '../parallel/pool.js';
import { runCheck } from './pipeline.js';
import type { SignOff } from '../rounds/signoff.js';
import { type Env, reportProblems } from './env.js';

const MS_PER_DAY = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

export async function status(env: Env): Promise<number> {
  const { problems, ws, result, rounds } = await withThreads((threads) =>
    runCheck(env.root, env.today, { threads, partners: false, completeness: false }),
  );
  if (!ws || !result || !rounds) return reportProblems(env, problems.sorted());
  const out: string[] = [];
  out.push(`${ws.config.partnership}: ${ws.questions.title}`);
  const to = ws.config.viewsTo;
  if (to) out.push(`  views to: ${[to.name, to.role, to.email].filter((x) => x !== null).join(', ')}`);
  const deadlines = Object.entries(ws.config.deadlines).sort(([, a], [, b]) => (a < b ? -1 : 1));
  for (const [name, date] of deadlines) {
    const days = daysBetween(env.today, date);
    out.push(
      `  ${name}: ${date} (${days > 0 ? `${days} day${days === 1 ? '' : 's'} left` : days === 0 ? 'today' : `${-days} day${days === -1 ? '' : 's'} ago`})`,
    );
  }
  out.push('');
  const numbers = result.questions.map((o) => o.question.number);
  const width = Math.max(8, ...ws.partners.map((p) => p.id.length)) + 1;
  const cell = (s: string) => s.padStart(3);
  out.push(`${'question'.padEnd(width)}${numbers.map((n) => cell(String(n))).join('')}`);
  for (const p of ws.partners) {
    const row = result.questions.map((o) => cell(partnerMark(o, p.id)));
    out.push(`${p.id.padEnd(width)}${row.join('')}`);
  }
  out.push(`${'response'.padEnd(width)}${result.questions.map((o) => cell(responseMark(o))).join('')}`);
  out.push('');
  out.push(
    'A answered  R removed by an objection  S superseded by composite.md or an abstention  - abstained  . missing',
  );
  const objections = ws.partners.flatMap((p) => p.objections);
  out.push('');
  out.push(objections.length === 0 ? 'No objections.' : `Objections (${objections.length}):`);
  for (const o of objections) out.push(`  ${o.by} cannot endorse ${o.section}${o.reason ? `: ${o.reason}` : ''}`);
  out.push('');
  const objectionsDue = rounds.latest ? rounds.latest.deadline : ws.config.deadlines.objections;
  const due = objectionsDue ? ` (objections due ${objectionsDue}${env.today > objectionsDue ? ', passed' : ''})` : '';
  out.push(
    rounds.latest
      ? `Sign-off of round ${rounds.latest.number}, circulated ${rounds.latest.date}${due}:`
      : `No draft circulated yet (lsp-respond circulate)${due}.`,
  );
  if (rounds.latest) {
    const width2 = Math.max(...ws.partners.map((p) => p.id.length), 8) + 2;
    // Past the deadline silence is endorsement (seed 003), and merge counts it so.
    const silentEndorses = rounds.latest.deadline !== null && env.today > rounds.latest.deadline;
    for (const { partner, signOff } of rounds.partners) {
      const text = signOffText(signOff, rounds.latest.number);
      const signedLatest =
        (signOff.kind === 'endorsed' || signOff.kind === 'stale') && signOff.round === rounds.latest.number;
      out.push(
        `  ${partner.id.padEnd(width2)}${silentEndorses && !signedLatest ? `${text}; silent past the deadline, so it endorses` : text}`,
      );
    }
  }
  const unanswered = result.questions.filter((o) => o.state.kind === 'unanswered').map((o) => o.question.id);
  out.push('');
  out.push(
    unanswered.length === 0
      ? 'Every question has an answer or an abstention.'
      : `No collective answer yet: ${unanswered.join(', ')}`,
  );
  env.stdout(`${out.join('\n')}\n`);
  return reportProblems(env, problems.sorted()) === 2 ? 2 : 0;
}

function partnerMark(o: QuestionOutcome, id: string): string {
  const mine = o.contributions.filter((a) => a.contribution.partner === id);
  if (mine.some((a) => a.status === 'included')) return 'A';
  if (mine.some((a) => a.status === 'removed')) return 'R';
  if (mine.length > 0) return 'S';
  if (o.abstainers.some((p) => p.id === id)) return '-';
  return '.';
}

function responseMark(o: QuestionOutcome): string {
  return o.state.kind === 'answered' ? 'A' : o.state.kind === 'abstained' ? '-' : '.';
}

function signOffText(s: SignOff, latest: number): string {
  switch (s.kind) {
    case 'endorsed':
      return s.round === latest
        ? `endorsed${s.objections > 0 ? `, ${s.objections} objection${s.objections === 1 ? '' : 's'}` : ''} (${s.date}, ${s.by})`
        : `endorsed round ${s.round} only; not yet round ${latest}`;
    case 'stale':
      return `endorsed round ${s.round}, but ${s.changed.length} section${s.changed.length === 1 ? '' : 's'} changed since`;
    case 'objected':
      return `objected (${s.sections} section${s.sections === 1 ? '' : 's'}); not signed off`;
    case 'no-reply':
      return 'no reply';
  }
}
