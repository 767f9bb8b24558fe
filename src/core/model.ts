// The typed model that the load stage produces and every later stage reads.
// Plain data only: no file handles, no classes, so merge stays a pure function.
import type { RootContent, FootnoteDefinition } from 'mdast';
import type { HouseStyle } from './style.js';

/** A place in a workspace file; `file` is relative to the workspace, lines and columns 1-based. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

export interface QuestionPart {
  id: string; // 'a', 'b'
  text: string;
}

export interface Question {
  id: string; // 'Q1'..'Q35'
  number: number;
  text: string;
  /** The earlier question this one only makes sense after ("If so, ..."), or null. */
  follows: string | null;
  parts: QuestionPart[];
  section: string;
  topic: string | null;
  position: Position;
}

export interface QuestionSet {
  id: string;
  title: string;
  publisher: string;
  published: string;
  closes: string;
  sections: { title: string; topics: { title: string | null; questions: string[] }[] }[];
  questions: Question[]; // in document order
  file: string;
  /** Where responses go (`respond_to:`), for the covering letter; null when the set does not say. */
  respondTo: RespondTo | null;
}

/** The department's consultation address; the parts the set leaves out are left for the officer. */
export interface RespondTo {
  name: string;
  address: string[];
  email: string | null;
  position: Position;
}

export const SECTORS = ['public', 'private', 'voluntary', 'community', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const ATTRIBUTIONS = ['none', 'sector', 'partner'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export interface Contact {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface Config {
  partnership: string;
  short: string;
  questions: string | null;
  responses: string;
  output: string;
  date: string; // YYYY-MM-DD
  /** The circulation draft's date: draft_date, else today (--today); never the response date. */
  draftDate: string;
  /** The contact officer, printed on the response cover and on the draft's first page. */
  contact: Contact | null;
  /** Who collects the partners' views (`views_to:`), named on the forms, the paper and status; default: contact. */
  viewsTo: Contact | null;
  /** How each contribution other than agreed wording is introduced in the response (default partner: SPEC 3). */
  attribute: Attribution;
  /** A line on the cover of every document, e.g. that an example's positions are invented. */
  notice: string | null;
  /** `short:` as a file-name prefix (KCP-response.docx), when `short:` is given. */
  fileTag: string | null;
  deadlines: Record<string, string>;
  /** Where each deadline is set in lsp-respond.yaml, for problems with the timetable. */
  deadlineAt?: Record<string, Position>;
  partners: string[] | null;
  abstain: { question: string; reason: string; position: Position }[];
  file: string | null; // null when the workspace has no lsp-respond.yaml
  /** Where the paths were set in lsp-respond.yaml, so problems with them point there. */
  at?: Partial<Record<'questions' | 'responses' | 'output', Position>>;
}

/** What a contribution answers: a whole question, or one part of it. */
export interface Target {
  question: string; // 'Q16'
  part: string | null; // 'a'
}

/** A section id (SPEC 1.4) as parsed; `core/section-id.ts` reads and writes them. */
export type SectionId =
  /** `Q12`, `Q16a`: the whole collective answer to a question or a part. */
  | { kind: 'answer'; target: Target }
  /** `Q12/rbkc`, `Q16a/rbkc`: one partner's contribution. */
  | { kind: 'contribution'; target: Target; partner: string }
  /** `preamble/rbkc`: a partner's general comments. */
  | { kind: 'preamble'; partner: string };

/**
 * One block of Markdown a partner (or the composite) wrote: the unit of
 * attribution, objection and accounting. `section` is its id, e.g. 'Q12/rbkc',
 * 'Q16a/rbkc' or 'preamble/rbkc'.
 */
/** The partner id of composite.md's answers (reserved: no partner may use it). */
export const COMPOSITE = 'composite';

export interface Contribution {
  section: string;
  partner: string;
  target: Target | null; // null for a preamble
  blocks: RootContent[];
  footnotes: FootnoteDefinition[]; // definitions the blocks refer to, labels already made unique
  position: Position;
}

export interface Objection {
  section: string; // as written, e.g. 'Q18/mps'
  id: SectionId;
  by: string; // partner id
  reason: string;
  /** cannot-endorse: another partner's objection (or the author's own); separate-only: the author keeps it for its own submission. */
  kind: 'cannot-endorse' | 'separate-only';
  position: Position;
}

/** A draft frozen by `circulate`: its number, date, objection deadline and the hash of every section's text. */
export interface Round {
  number: number;
  date: string;
  /** The last day for objections (silence after it is endorsement); null when the round set none. */
  deadline: string | null;
  /** How `sections` were hashed (src/rounds/hash.ts): 1 for round.json files written before hashes had a version. */
  hashVersion: 1 | 2;
  sections: Record<string, string>;
}

/** A partner's sign-off of a circulated draft (front matter `endorsed:`). */
export interface Endorsement {
  round: number;
  date: string;
  by: string;
  position: Position;
}

/** Who speaks for a partner (front matter `representative:`): on its sheet and its own submission. */
export interface Representative {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export interface PartnerResponse {
  id: string;
  name: string;
  sector: Sector;
  representative: Representative | null;
  file: string;
  abstain: { question: string; position: Position }[];
  objections: Objection[];
  endorsed: Endorsement | null;
  preamble: Contribution | null;
  answers: Contribution[]; // in file order
  /**
   * The file's `## Additional comments`: the partner's own words for its own
   * submission only, never in the draft or the response, so nobody objects to
   * them and the merge never sees them.
   */
  additional: Contribution | null;
}

/** An entry of glossary.yaml: explained at the end of the draft and the response wherever they use it. */
export interface GlossaryTerm {
  term: string; // 'Local Area Agreement'
  acronym: string | null; // 'LAA'
  definition: string;
  url: string | null;
  position: Position;
}

export interface Glossary {
  terms: GlossaryTerm[];
  /** Acronyms that need no explanation (UK, NHS): the acronym check passes them by. */
  ignore: string[];
  file: string;
}

export interface Workspace {
  root: string;
  config: Config;
  questions: QuestionSet;
  partners: PartnerResponse[]; // in contribution order (config.partners, else id)
  composite: Contribution[]; // partner id 'composite'
  /** Image files referenced by answers, read at load so renderers stay pure. */
  images: Map<string, Uint8Array>;
  /** The drafts circulated so far (out/rounds), oldest first. */
  rounds: Round[];
  /** glossary.yaml, or null when the workspace has none. */
  glossary: Glossary | null;
  /** templates/style.yaml and templates/reference.docx, checked with the rest of the input. */
  style: HouseStyle;
}
