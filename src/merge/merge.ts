// Endorse-or-remove, as a pure function of the loaded workspace: every
// contribution gets exactly one status, and each question an outcome.
import type { Contribution, Objection, PartnerResponse, Question, Workspace } from '../core/model.js';
import { sectionTargets } from '../core/section-id.js';

export type Status = 'included' | 'removed' | 'superseded';

export interface Account {
  contribution: Contribution;
  status: Status;
  /** Who objected and why; non-empty exactly when status is 'removed'. */
  objections: Objection[];
}

export type QuestionState =
  | { kind: 'answered' }
  | { kind: 'abstained'; reason: string; collective: boolean }
  | { kind: 'unanswered' };

export interface QuestionOutcome {
  question: Question;
  state: QuestionState;
  /** composite.md's answers to the question or its parts. */
  composite: Account[];
  /** Partners' contributions, in contribution order, whole-question answers before parts. */
  contributions: Account[];
  /** Partners that declined the question in their front matter. */
  abstainers: PartnerResponse[];
  collectiveAbstention: string | null;
}

export interface MergeResult {
  preambles: Account[];
  questions: QuestionOutcome[];
  /** Every account exactly once: preambles, then per question composite then partners. */
  accounts: Account[];
}

export function allContributions(ws: Workspace): Contribution[] {
  return [
    ...ws.partners.flatMap((p) => (p.preamble ? [p.preamble] : [])),
    ...ws.composite,
    ...ws.partners.flatMap((p) => p.answers),
  ];
}

export function merge(ws: Workspace): MergeResult {
  const all = allContributions(ws);
  const objectionsTo = new Map<Contribution, Objection[]>();
  for (const objection of ws.partners.flatMap((p) => p.objections)) {
    for (const c of sectionTargets(objection.id, all)) objectionsTo.set(c, [...(objectionsTo.get(c) ?? []), objection]);
  }
  const abstentions = new Map(ws.config.abstain.map((a) => [a.question, a.reason]));

  const account = (c: Contribution, superseded: boolean): Account => {
    const objections = objectionsTo.get(c) ?? [];
    return {
      contribution: c,
      status: objections.length > 0 ? 'removed' : superseded ? 'superseded' : 'included',
      objections,
    };
  };

  const preambles = ws.partners.flatMap((p) => (p.preamble ? [account(p.preamble, false)] : []));
  const questions = ws.questions.questions.map((question): QuestionOutcome => {
    const collectiveAbstention = abstentions.get(question.id) ?? null;
    const forQuestion = (list: readonly Contribution[]) =>
      byPart(
        list.filter((c) => c.target?.question === question.id),
        question,
      );
    const compositeContributions = forQuestion(ws.composite);
    const compositeTargets = new Set(compositeContributions.map((c) => c.target?.part ?? null));
    // A composite answer to the whole question supersedes every partner's
    // contribution to it; one to a part supersedes contributions to that part.
    const supersededByComposite = (c: Contribution) =>
      compositeTargets.has(null) || compositeTargets.has(c.target?.part ?? null);
    const composite = compositeContributions.map((c) => account(c, collectiveAbstention !== null));
    const contributions = forQuestion(ws.partners.flatMap((p) => p.answers)).map((c) =>
      account(c, collectiveAbstention !== null || supersededByComposite(c)),
    );
    const abstainers = ws.partners.filter((p) => p.abstain.some((a) => a.question === question.id));
    const answered = [...composite, ...contributions].some((a) => a.status === 'included');
    const state: QuestionState = answered
      ? { kind: 'answered' }
      : collectiveAbstention !== null
        ? { kind: 'abstained', reason: collectiveAbstention, collective: true }
        : abstainers.length > 0 && abstainers.length === ws.partners.length
          ? { kind: 'abstained', reason: 'Every partner abstained on this question.', collective: false }
          : { kind: 'unanswered' };
    return { question, state, composite, contributions, abstainers, collectiveAbstention };
  });
  return {
    preambles,
    questions,
    accounts: [...preambles, ...questions.flatMap((q) => [...q.composite, ...q.contributions])],
  };
}

/** Whole-question contributions first, then each part in the question set's order; stable within each. */
function byPart(list: Contribution[], question: Question): Contribution[] {
  // A whole-question contribution (part null) matches no part: findIndex ranks it -1, first.
  const rank = (c: Contribution) => question.parts.findIndex((p) => p.id === c.target?.part);
  // Array.prototype.sort is stable (ES2019), so contributions of one rank keep their order.
  return [...list].sort((a, b) => rank(a) - rank(b));
}
