// Question references in headings: "Q12", "Q 12", "Question 12", "12",
// "Q16a", "Q16(a)", then optionally a separator and a copy of the question.

export interface QuestionRef {
  number: number;
  part: string | null;
  /** The reference as written, e.g. "Question 16a", for messages. */
  written: string;
}

const REF = /^\s*((?:q(?:uestion)?\s*)?0*(\d{1,6})(?:([a-z])|\s?\(([a-z])\))?)(?=$|[\s:.\-\u2013\u2014)])/i;

/** Parses the start of a level-2 heading; null when it is no question reference. */
export function parseQuestionRef(heading: string): QuestionRef | null {
  const m = REF.exec(heading);
  if (!m) return null;
  const part = (m[3] ?? m[4] ?? null)?.toLowerCase() ?? null;
  return { number: Number(m[2]), part, written: (m[1] ?? '').trim() };
}

const LOOKS_LIKE = /^\s*q(?:uestion)?\s*\d+/i;

/** True for headings such as "Q12 ..." that were probably meant as question headings. */
export function looksLikeQuestion(heading: string): boolean {
  return LOOKS_LIKE.test(heading) && parseQuestionRef(heading) !== null;
}
