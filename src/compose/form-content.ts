// What a partner is asked, in whichever format the form goes out: the
// question and part headings (as import and the loader read them), who the
// reply goes back to and by when, and the questions the partnership abstains
// on collectively. The Markdown template (commands/init.ts) and the Word form
// (form.ts) both write from this, so they cannot drift apart.
import type { Config, Contact, Question, QuestionSet } from '../core/model.js';
import { longDate } from './nodes.js';

export interface FormHeading {
  question: Question;
  /** null for the question itself, else the part's letter. */
  part: string | null;
  /** "Q16a: (a) the executive": the reference, then the question's words. */
  text: string;
  /** The partnership's reason when it abstains on the question collectively (for the question's heading only). */
  abstention: string | null;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

export function formHeadings(config: Config, questions: QuestionSet): FormHeading[] {
  const abstain = new Map(config.abstain.map((a) => [a.question, a.reason]));
  return questions.questions.flatMap((q) => [
    { question: q, part: null, text: `${q.id}: ${flat(q.text)}`, abstention: abstain.get(q.id) ?? null },
    ...q.parts.map((p) => ({
      question: q,
      part: p.id,
      text: `${q.id}${p.id}: (${p.id}) ${flat(p.text)}`,
      abstention: null,
    })),
  ]);
}

function officer(contact: Contact, partnership: string): string {
  const reach = [contact.email, contact.phone].filter((x): x is string => x !== null);
  return `${[contact.name, contact.role, partnership].filter((x): x is string => x !== null).join(', ')}${reach.length > 0 ? ` (${reach.join(', ')})` : ''}`;
}

/** "Please return this form to Jane Smith, Partnership Manager, KCP (jane@...) by 11 February 2006." */
export function returnNote(config: Config, what: string): string {
  // views_to: collects the views (it defaults to contact:).
  const to = config.viewsTo ? officer(config.viewsTo, config.partnership) : `the ${config.partnership}`;
  const views = config.deadlines.views;
  return `Please return this ${what} to ${to}${views ? ` by ${longDate(views)}` : ''}.`;
}

export function abstentionNote(id: string, reason: string): string {
  return `The Partnership abstains on ${id} collectively (“${flat(reason)}”), so an answer to it is not used in the response; leave it empty unless the partnership decides otherwise.`;
}
