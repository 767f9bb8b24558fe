// A partner's Markdown file (or composite.md) -> preamble, answers and
// objections, each with its position. Every block the author wrote ends up
// in exactly one contribution or in a problem; nothing is dropped silently.
import type { Definition, FootnoteDefinition, Heading, Nodes, Root, RootContent } from 'mdast';
import { clip, type ImageRef, normalise, warnUnusedFootnotes, withFootnotes } from './answer-blocks.js';
import { toString as plainText } from 'mdast-util-to-string';
import { posix } from 'node:path';
import { z } from 'zod';
import type { Contribution, Objection, PartnerResponse, Position, QuestionSet, Target } from '../core/model.js';
import { COMPOSITE, SECTORS } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { describeIssue, isoDateField, QUESTION_ID, textField, warnUnknownKeys } from './fields.js';
import { looksLikeQuestion, parseQuestionRef } from './headings.js';
import { questionDepth, questionRange } from './questions.js';
import {
  MAX_FILE_BYTES,
  MAX_INLINE_MARKERS,
  MAX_INLINE_NESTING,
  MAX_TREE_DEPTH,
  parseMarkdown,
  reportTooDeep,
  tooDeeplyNestedInline,
  tooDeepNode,
} from './markdown.js';
import { partnerIdProblem } from './partner-id.js';
import { reportForbidden, reportForbiddenReferences } from './text.js';
import { reportLiteralEmphasis } from '../checks/literal-emphasis.js';
import { isMapping, readYaml, parseWithSchema } from './yaml.js';
import { formatSectionId, parseSectionId, SECTION_ID_HELP, sectionIdOf } from '../core/section-id.js';

const FRONT_KEYS = [
  'partner',
  'id',
  'sector',
  'abstain',
  'cannot_endorse',
  'separate_only',
  'endorsed',
  'representative',
] as const;
const REPRESENTATIVE_KEYS = ['name', 'role', 'email', 'phone'] as const;

/** The heading of a partner's own comments for its own submission (compared without case). */
export const ADDITIONAL_COMMENTS = 'Additional comments';

const frontSchema = z.object({
  partner: textField('partner'),
  id: z.string({ error: 'id must be text such as rbkc; put it in quotes if it looks like a number' }).optional(),
  sector: z.enum(SECTORS, { error: `sector must be one of ${SECTORS.join(', ')}` }).optional(),
  abstain: z
    .array(
      z
        .string({ error: 'each abstention is a question id such as Q27' })
        .regex(QUESTION_ID, { error: 'each abstention is a question id such as Q27' }),
      {
        error: 'abstain must be a list of question ids, e.g. [Q27]',
      },
    )
    .optional(),
  cannot_endorse: z
    .array(
      z.union(
        [
          z.string(),
          z.object({
            section: z.string({ error: 'section must be a section id such as Q18/mps' }),
            reason: z.string({ error: 'reason must be text' }).optional(),
          }),
        ],
        { error: 'each entry is a section id, or section: <id> with reason: <text>' },
      ),
      { error: 'cannot_endorse must be a list of sections, each `- section: Q18/mps` with `reason: ...`' },
    )
    .optional(),
  separate_only: z
    .array(z.string({ error: 'each entry is one of your own section ids, such as Q18/mps' }), {
      error: 'separate_only must be a list of your own section ids, e.g. [Q18/mps]',
    })
    .optional(),
  representative: z
    .object(
      {
        name: textField('representative.name'),
        role: textField('representative.role').optional(),
        email: textField('representative.email').optional(),
        phone: textField('representative.phone').optional(),
      },
      { error: 'representative must be a mapping: name, and optionally role, email and phone' },
    )
    .optional(),
  endorsed: z
    .object(
      {
        round: z
          .number({ error: 'endorsed.round must be the number of the circulated draft, e.g. 1' })
          .int()
          .positive(),
        date: isoDateField('endorsed.date'),
        by: textField('endorsed.by'),
      },
      { error: 'endorsed must be a mapping: round, date and by (who signed off)' },
    )
    .optional(),
});

export interface ParsedFile {
  /** Null when the file has no usable front matter (composite.md never has one). */
  front: z.infer<typeof frontSchema> | null;
  frontAt: (path: readonly PropertyKey[]) => Position;
  preamble: { blocks: RootContent[]; position: Position } | null;
  answers: { target: Target; blocks: RootContent[]; position: Position }[];
  additional: { blocks: RootContent[]; position: Position } | null;
  footnotes: Map<string, FootnoteDefinition>;
  images: ImageRef[];
}

export interface ParsedPartner {
  partner: PartnerResponse;
  images: ImageRef[];
  /** Where the partner id is given (its 'id:' line, or line 1 for the file name). */
  idAt: Position;
}

/** Reads a partner file; returns null when it cannot be used at all. */
export function parsePartnerFile(
  source: string,
  file: string,
  questions: QuestionSet,
  problems: Problems,
): ParsedPartner | null {
  const fileId = posix.basename(file).replace(/\.md$/i, '');
  const parsed = parseFile(source, file, questions, problems, true);
  if (!parsed?.front) return null;
  const { front } = parsed;
  const id = front.id ?? fileId;
  const idProblem = partnerIdProblem(id);
  if (idProblem) {
    problems.error(
      'partner-id',
      parsed.frontAt(front.id === undefined ? [] : ['id']),
      `${idProblem}${front.id === undefined ? `; rename the file or set 'id:' in the front matter` : ''}`,
    );
    return null;
  }
  const abstain: PartnerResponse['abstain'] = [];
  (front.abstain ?? []).forEach((q, i) => {
    const at = parsed.frontAt(['abstain', i]);
    if (!questions.questions.some((x) => x.id === q))
      problems.error('unknown-question', at, `cannot abstain on unknown question ${q}; ${questionRange(questions)}`);
    else if (abstain.some((a) => a.question === q))
      problems.warn('duplicate-abstention', at, `${q} is listed twice under abstain`);
    else abstain.push({ question: q, position: at });
  });
  for (const answer of parsed.answers) {
    const a = abstain.find((x) => x.question === answer.target.question);
    if (a) {
      problems.error(
        'abstain-and-answer',
        answer.position,
        `${file} abstains on ${a.question} (line ${a.position.line}) but also answers it here; remove the answer or the abstention`,
      );
    }
  }
  // cannot_endorse and separate_only fill one list: a section named twice, in either, counts once.
  const objections: Objection[] = [];
  const addObjection = (kind: Objection['kind'], entry: string, reason: string, at: Position): void => {
    const section = entry.trim();
    const sectionId = parseSectionId(section);
    if (kind === 'cannot-endorse' && !sectionId) {
      problems.error('section-id', at, `'${section}' is not a section id; ${SECTION_ID_HELP}`);
    } else if (kind === 'separate-only' && (!sectionId || sectionId.kind === 'answer' || sectionId.partner !== id)) {
      problems.error(
        'separate-only',
        at,
        `'${section}' is not one of ${id}'s own sections; separate_only lists your own contributions, such as Q18/${id} or preamble/${id}`,
      );
    } else if (objections.some((o) => o.section === section)) {
      problems.warn(
        'duplicate-objection',
        at,
        `${section} is listed twice under ${kind === 'separate-only' ? 'cannot_endorse and separate_only' : 'cannot_endorse'}; the first entry counts`,
      );
    } else if (sectionId) {
      objections.push({ section, id: sectionId, by: id, reason, kind, position: at });
    }
  };
  (front.cannot_endorse ?? []).forEach((entry, i) => {
    const at = parsed.frontAt(['cannot_endorse', i, ...(typeof entry === 'string' ? [] : ['section'])]);
    addObjection(
      'cannot-endorse',
      typeof entry === 'string' ? entry : entry.section,
      typeof entry === 'string' ? '' : (entry.reason ?? '').trim(),
      at,
    );
  });
  for (const [i, entry] of (front.separate_only ?? []).entries())
    addObjection('separate-only', entry, '', parsed.frontAt(['separate_only', i]));
  const contribution = (target: Target | null, blocks: RootContent[], position: Position): Contribution =>
    withFootnotes(
      { section: sectionIdOf(id, target), partner: id, target, blocks, footnotes: [], position },
      parsed.footnotes,
      id,
    );
  const partner: PartnerResponse = {
    id,
    name: front.partner,
    sector: front.sector ?? 'other',
    representative: front.representative
      ? {
          name: front.representative.name,
          role: front.representative.role ?? null,
          email: front.representative.email ?? null,
          phone: front.representative.phone ?? null,
        }
      : null,
    file,
    abstain,
    objections,
    endorsed: front.endorsed ? { ...front.endorsed, position: parsed.frontAt(['endorsed']) } : null,
    preamble: parsed.preamble ? contribution(null, parsed.preamble.blocks, parsed.preamble.position) : null,
    answers: parsed.answers.map((a) => contribution(a.target, a.blocks, a.position)),
    additional: parsed.additional
      ? { ...contribution(null, parsed.additional.blocks, parsed.additional.position), section: `additional/${id}` }
      : null,
  };
  const all = [
    ...(partner.preamble ? [partner.preamble] : []),
    ...partner.answers,
    ...(partner.additional ? [partner.additional] : []),
  ];
  warnUnusedFootnotes(all, parsed.footnotes, id, file, problems);
  // Where the id comes from: its 'id:' line, or the file name (line 1).
  const idAt = front.id === undefined ? { file, line: 1, column: 1 } : parsed.frontAt(['id']);
  return { partner, images: parsed.images, idAt };
}

/** Reads composite.md: answers only, each superseding the partners' contributions to its question. */
export function parseCompositeFile(
  source: string,
  file: string,
  questions: QuestionSet,
  problems: Problems,
): { answers: Contribution[]; images: ParsedFile['images'] } {
  const parsed = parseFile(source, file, questions, problems, false);
  if (!parsed) return { answers: [], images: [] };
  if (parsed.preamble)
    problems.warn(
      'composite-preamble',
      parsed.preamble.position,
      `text before the first question heading in ${file} is not part of any answer and is not used; move it under a question heading or delete it`,
    );
  const answers = parsed.answers.map((a) =>
    withFootnotes(
      {
        section: sectionIdOf(COMPOSITE, a.target),
        partner: COMPOSITE,
        target: a.target,
        blocks: a.blocks,
        footnotes: [],
        position: a.position,
      },
      parsed.footnotes,
      COMPOSITE,
    ),
  );
  warnUnusedFootnotes(answers, parsed.footnotes, COMPOSITE, file, problems);
  return { answers, images: parsed.images };
}

function parseFile(
  source: string,
  file: string,
  questions: QuestionSet,
  problems: Problems,
  needsFront: boolean,
): ParsedFile | null {
  const start: Position = { file, line: 1, column: 1 };
  const bytes = Buffer.byteLength(source);
  if (bytes > MAX_FILE_BYTES) {
    // Point where the limit is passed, so the partner can find the answer that is too long.
    const head = Buffer.from(source).subarray(0, MAX_FILE_BYTES).toString('utf8');
    const lineStart = head.lastIndexOf('\n') + 1;
    const at = { file, line: head.slice(0, lineStart).split('\n').length, column: head.length - lineStart + 1 };
    problems.error(
      'too-large',
      at,
      `${file} is ${(bytes / 1048576).toFixed(1)} MB and passes the limit of ${MAX_FILE_BYTES / 1048576} MB for a response file here: shorten the answer or move supporting material to an appendix submitted separately`,
    );
    return null;
  }
  if (reportTooDeep(source, file, problems)) return null;
  const inline = tooDeeplyNestedInline(source);
  if (inline) {
    const at = { file, line: inline.line, column: inline.column };
    if (inline.markers)
      problems.error(
        'too-long',
        at,
        `this paragraph has more than ${MAX_INLINE_MARKERS} Markdown markers (such as & * _ [ \` <), too many to read in reasonable time; split it into shorter paragraphs with blank lines`,
      );
    else
      problems.error(
        'too-deep',
        at,
        `more than ${MAX_INLINE_NESTING} emphasis markers (* or _) or brackets ([) are open at once in this paragraph; close or remove them (write \\* or \\[ for a literal one)`,
      );
    return null;
  }
  reportForbidden(source, file, problems);
  let tree: Root;
  try {
    tree = parseMarkdown(source);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    problems.error('too-deep', start, `${file} is nested too deeply to read; flatten its lists, quotes or emphasis`);
    return null;
  }
  const deepNode = tooDeepNode(tree);
  if (deepNode) {
    problems.error(
      'too-deep',
      { file, line: deepNode.position?.start.line ?? 1, column: deepNode.position?.start.column ?? 1 },
      `the Markdown here is nested more than ${MAX_TREE_DEPTH} levels deep (lists, quotes, emphasis or links); flatten it`,
    );
    return null;
  }
  reportForbiddenReferences(tree, source, file, problems);
  reportLiteralEmphasis(tree, source, file, problems);
  const at = (node: Nodes): Position => ({
    file,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });

  let children = tree.children;
  let front: ParsedFile['front'] = null;
  let frontAt: ParsedFile['frontAt'] = () => start;
  const first = children[0];
  // A front matter whose closing '---' is missing runs on to the next thematic break ('---'), swallowing answers as YAML.
  const swallowed =
    first?.type === 'yaml'
      ? first.value.split('\n').findIndex((l) => /^##[ \t]/.test(l) && looksLikeQuestion(l.slice(2)))
      : -1;
  if (first?.type === 'yaml' && swallowed !== -1) {
    children = children.slice(1);
    problems.error(
      'front-matter',
      { file, line: swallowed + 2, column: 1 },
      `the front matter of ${file} is not closed before this question heading; add a line '---' after the front matter`,
    );
  } else if (first?.type === 'yaml') {
    children = children.slice(1);
    const yaml = readYaml(first.value, file, problems, 2);
    if (yaml) {
      frontAt = yaml.at;
      if (!needsFront) {
        problems.warn('composite-front-matter', start, `${file} needs no front matter; it is ignored`);
      } else if (!isMapping(yaml.value)) {
        problems.error(
          'front-matter',
          yaml.at([]),
          `the front matter of ${file} must be a mapping with at least 'partner: <name>'`,
        );
      } else {
        warnUnknownKeys(yaml, [], FRONT_KEYS, problems, 'the front matter');
        warnUnknownKeys(yaml, ['representative'], REPRESENTATIVE_KEYS, problems, 'the front matter (representative)');
        front = parseWithSchema(yaml, frontSchema, problems, describeIssue);
      }
    }
  } else if (/^---[ \t]*\r?\n/.test(source)) {
    problems.error('front-matter', start, `the front matter of ${file} is not closed; add a line '---' after it`);
  } else if (needsFront) {
    problems.error(
      'front-matter',
      start,
      `${file} ${source.trim() === '' ? 'is empty' : 'has no front matter'}; start it with a line '---', then 'partner: <your organisation>', then '---'`,
    );
  }

  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  let preamble: ParsedFile['preamble'] = null;
  const answers: ParsedFile['answers'] = [];
  let additional: ParsedFile['additional'] = null;
  let current: { blocks: RootContent[] } | null = null;
  const seen = new Map<string, Position>();

  for (const node of children) {
    if (node.type === 'definition') {
      definitions.set(node.identifier, node);
      continue;
    }
    if (node.type === 'footnoteDefinition') {
      footnotes.set(node.identifier, node);
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      current = null;
      if (needsFront && isAdditionalComments(node)) {
        if (additional) {
          problems.error(
            'duplicate-answer',
            at(node),
            `'## ${ADDITIONAL_COMMENTS}' appears twice in ${file} (first at line ${additional.position.line}); put all your additional comments under one heading`,
          );
          continue;
        }
        additional = { blocks: [], position: at(node) };
        current = additional;
        continue;
      }
      const target = questionHeading(node, at(node), questions, problems);
      if (!target) continue;
      const key = formatSectionId({ kind: 'answer', target });
      const before = seen.get(key);
      if (before) {
        problems.error(
          'duplicate-answer',
          at(node),
          `${key} is answered twice in ${file} (first at line ${before.line}); merge the two answers under one heading`,
        );
        continue;
      }
      seen.set(key, at(node));
      current = { blocks: [] };
      answers.push({ target, blocks: current.blocks, position: at(node) });
      continue;
    }
    if (node.type === 'heading' && node.depth !== 2 && looksLikeQuestion(plainText(node))) {
      problems.error(
        'heading-level',
        at(node),
        `'${plainText(node).trim()}' looks like a question heading but is level ${node.depth}; question headings are level 2: write '## ${plainText(node).trim()}'`,
      );
    }
    if (current) current.blocks.push(node);
    else if (node.type !== 'yaml') {
      preamble ??= { blocks: [], position: at(node) };
      preamble.blocks.push(node);
    }
  }

  // Empty answers ("## Q5" with nothing under it, as in a template) are no answers.
  const filled = answers.filter((a) => a.blocks.length > 0);
  const images: ParsedFile['images'] = [];
  const fix = (blocks: RootContent[], base: number) => normalise(blocks, definitions, file, images, problems, base);
  for (const a of filled) {
    const question = questions.questions.find((q) => q.id === a.target.question);
    fix(a.blocks, question ? questionDepth(question) + 1 : 4);
  }
  // General comments and additional comments go under a level-1 heading of their own; footnotes under the text that refers to them.
  if (preamble) fix(preamble.blocks, 2);
  if (additional) fix(additional.blocks, 2);
  for (const def of footnotes.values()) fix(def.children, 4);
  return {
    front,
    frontAt,
    preamble,
    answers: filled,
    additional: additional && additional.blocks.length > 0 ? additional : null,
    footnotes,
    images,
  };
}

function isAdditionalComments(node: Heading): boolean {
  return plainText(node).trim().replace(/:$/, '').toLowerCase() === ADDITIONAL_COMMENTS.toLowerCase();
}

function questionHeading(node: Heading, at: Position, questions: QuestionSet, problems: Problems): Target | null {
  const title = plainText(node).trim();
  if (title === '') {
    problems.error('empty-heading', at, `empty level-2 heading; write the question, e.g. '## Q12', or delete the line`);
    return null;
  }
  const ref = parseQuestionRef(title);
  if (!ref) {
    problems.error(
      'not-a-question',
      at,
      `level-2 heading '${clip(title)}' is not a question reference; level-2 headings must start with a question such as 'Q12'; use '###' for a sub-heading inside an answer`,
    );
    return null;
  }
  const question = questions.questions.find((q) => q.number === ref.number);
  if (!question) {
    problems.error('unknown-question', at, `unknown question ${ref.written}; ${questionRange(questions)}`);
    return null;
  }
  if (ref.part !== null && !question.parts.some((p) => p.id === ref.part)) {
    const parts = question.parts.map((p) => `${question.id}${p.id}`);
    problems.error(
      'unknown-question',
      at,
      `${question.id} has no part ${ref.part}; ${parts.length ? `its parts are ${parts.join(', ')}` : 'answer it as a whole'}`,
    );
    return null;
  }
  return { question: question.id, part: ref.part };
}
