// Every problem code the tool can report, with its severity, its kind (bad
// input: exit 2; completeness: exit 1) and what it means. Problems are raised
// by code only, so severity and kind have one home, and the README's list is
// generated from this table (a test fails when the two differ).

export interface CodeInfo {
  severity: 'error' | 'warning';
  kind: 'input' | 'completeness';
  description: string;
}

const error = (description: string) => ({ severity: 'error', kind: 'input', description }) as const;
const warning = (description: string) => ({ severity: 'warning', kind: 'input', description }) as const;
const incomplete = (description: string) => ({ severity: 'error', kind: 'completeness', description }) as const;

export const PROBLEM_CODES = {
  // The workspace and its configuration
  'no-config': warning('there is no lsp-respond.yaml; the defaults are used'),
  schema: error('a YAML file breaks its schema: a missing or mistyped field'),
  'unknown-key': warning('a YAML key the tool does not know (often a misspelling); it is ignored'),
  'yaml-syntax': error('a YAML file cannot be parsed'),
  'yaml-alias': error('a YAML file uses aliases (`*name`), which the tool does not accept'),
  questions: error('the question set is missing, ambiguous or not a file'),
  'duplicate-question': error('the question set defines a question id twice'),
  responses: error('the responses directory is missing or not a directory'),
  'partner-without-file': warning('`partners:` in lsp-respond.yaml names a partner that has no response file'),
  'partner-listed-twice': warning('`partners:` in lsp-respond.yaml lists a partner twice'),
  style: error('templates/style.yaml breaks its schema'),
  'reference-docx': error('templates/reference.docx is not a Word document whose styles can be used'),
  output: error('the output directory cannot be used or written'),
  // Reading a file
  unreadable: error('a file cannot be read'),
  'too-large': error('a file is larger than 1 MB'),
  'binary-file': error('a file is not text'),
  encoding: error('a file is not UTF-8 text'),
  'control-character': warning('a character no document can hold; it is dropped or shown as U+FFFD'),
  'not-markdown': warning(
    'a file in responses/ that is not Markdown (a Word file names `lsp-respond import`); it is not read',
  ),
  // A partner's file
  'front-matter': error('front matter that is missing, not closed by `---`, or not a mapping'),
  'partner-id': error('a partner id is not made of a-z, 0-9 and hyphens, or is reserved'),
  'duplicate-partner': error('two response files declare the same partner id'),
  'not-a-question': error('a level-2 heading that is no question reference'),
  'unknown-question': error('a question id the question set does not have'),
  'empty-heading': error('a question heading without text'),
  'heading-level': error('a question heading that is not level 2'),
  'duplicate-answer': error('the same question answered twice in one file'),
  'abstain-and-answer': error('a question both abstained on and answered'),
  'duplicate-abstention': warning('a question listed twice under abstain'),
  'section-id': error('a `cannot_endorse` entry that is not a section id'),
  'duplicate-objection': warning('a section listed twice under cannot_endorse or separate_only'),
  'separate-only': error("a `separate_only` entry that is not one of the partner's own sections"),
  'too-deep': error('lists, quotations or emphasis nested too deeply'),
  'too-long': error('a paragraph with too many Markdown markers to read in reasonable time'),
  image: error('an image file that is missing, unreadable or damaged'),
  'image-alt': warning('an image without a description (alt text) and not marked decorative'),
  'remote-image': warning('an image on the web; it is not downloaded, its description is shown'),
  'unused-footnote': warning('a footnote that nothing refers to'),
  'literal-emphasis': warning(
    'emphasis markers (`**word **next`) that CommonMark prints as they are, not as bold, italics or strikethrough',
  ),
  'composite-preamble': warning('text before the first question in composite.md; it is not used'),
  'composite-front-matter': warning('front matter in composite.md; it is not used'),
  // Across files
  'unknown-section': error('a `cannot_endorse` entry names a section that does not exist'),
  'objection-changes-nothing': warning(
    'an objection to text that agreed wording in composite.md replaces anyway; it changes nothing in the response',
  ),
  'unknown-round': error('`endorsed:` names a round that was never circulated'),
  'round-file': warning('out/rounds/<n>/round.json is missing or damaged; that round is ignored'),
  'round-unusable': error('circulate finds a round directory without a usable round.json, and never rewrites a round'),
  'stale-objection': warning('an objection names a section whose text changed since the round the partner saw'),
  'stale-signoff': warning('a sign-off (endorsed:) of a round whose text has changed since'),
  'not-signed-off': incomplete('with --signoff: a partner has not endorsed the latest circulated round'),
  'not-circulated': incomplete(
    'merge: the response would hold text that differs from, or is absent in, the latest circulated round',
  ),
  'awaiting-reply': incomplete(
    "merge: before a round's objection deadline, a partner has neither signed it off nor objected",
  ),
  deadline: error("circulate: the round's objection deadline is not after the round's date"),
  timetable: warning(
    'deadlines out of order (views, objections, submission), or the submission after the consultation closes',
  ),
  'no-composite': warning(
    'with --readability: a question whose response is two or more unattributed contributions and no agreed wording',
  ),
  'speaks-as-one': warning(
    "with --readability: an unattributed answer that speaks as one partner ('we', 'our', 'the Council')",
  ),
  'unexplained-acronym': warning(
    'an acronym the response uses without spelling it out at its first use or defining it in glossary.yaml',
  ),
  'dangling-reference': warning(
    'a reference to another answer ("see our answer to Q23") that the document it is printed in does not hold',
  ),
  'follows-unanswered': warning(
    'an answer to a question that follows another ("If so, ...") when the response has no answer to that one',
  ),
  'abstained-answer': warning(
    'an answer to a question the partnership abstains on collectively; it is not in the response',
  ),
  // Completeness
  unanswered: incomplete('a question of the final response has neither an answer nor an abstention'),
  'partner-incomplete': incomplete('with --partners: a partner neither answers nor abstains on a question'),
  // Writing the Word files
  docx: warning('something in an answer that Word cannot show as itself; it is shown as text'),
  // Importing a Word reply
  'word-file': error('a file to import that is not a readable .docx'),
  'word-content': error('an imported reply whose text breaks a rule for responses'),
  'word-conversion': warning('formatting in a Word reply that could not be converted exactly'),
  'word-placement': warning('a paragraph of a Word reply that could not be placed under a question; it is kept'),
  'endorsement-sheet': error('an endorsement sheet that cannot be read back (table or sign-off changed)'),
  'word-picture': warning('a picture in a Word reply that is not PNG, JPEG or GIF; it is saved and linked'),
  'word-review': warning(
    'comments or tracked changes in a Word reply: comments are not imported, changes are read as accepted',
  ),
  // The papers around the response
  'respond-to': warning(
    'the question set does not say where responses go (`respond_to:` name, address, e-mail); the covering letter leaves a gap for it',
  ),
  'paper-gap': warning(
    'the decision paper needs a date or name the workspace does not give (a deadline, `views_to:`, `contact:`); it says so in the paper',
  ),
  'paper-template': error(
    'templates/paper.md names a section the paper does not have, or a placeholder it does not know',
  ),
} as const satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** The codes of one severity and kind, so raising a code with the wrong severity does not compile. */
export type CodesOf<S extends CodeInfo['severity'], K extends CodeInfo['kind']> = {
  [C in ProblemCode]: (typeof PROBLEM_CODES)[C] extends { severity: S; kind: K } ? C : never;
}[ProblemCode];

// A warning fails nothing unless --strict asks, whatever its kind.
const EXIT = { input: 'bad input (2)', completeness: 'incomplete (1)', warning: 'none (1 with --strict)' } as const;

/** The README's list of codes. */
export function problemCodesMarkdown(): string {
  const rows = Object.entries(PROBLEM_CODES).map(
    ([code, info]: [string, CodeInfo]) =>
      `| \`${code}\` | ${info.severity} | ${EXIT[info.severity === 'warning' ? 'warning' : info.kind]} | ${info.description} |`,
  );
  return ['| code | severity | exit | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
