// templates/paper.md: the officer's own wording for sections of the decision
// paper. Front matter names the board and dates the paper; each level-2
// heading names a section it replaces; {placeholders} in its text are filled
// from the workspace. Unknown sections and placeholders are errors, so a typo
// never silently leaves the generated wording in place.
import type { Definition, Heading, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { z } from 'zod';
import type { Position } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { describeIssue, isoDateField, textField, warnUnknownKeys } from './fields.js';
import { DEFAULT_PAPER_MD } from './default-paper.js';
import { readText } from './files.js';
import { type ImageRef, normalise } from './answer-blocks.js';
import { parseMarkdown, reportTooDeep } from './markdown.js';
import { readYaml, parseWithSchema } from './yaml.js';

export const PAPER_TEMPLATE = 'templates/paper.md';

/** The paper's sections an officer may reword, by the heading that names them in templates/paper.md. */
export const PAPER_SECTIONS = ['Purpose', 'Background', 'Process', 'Recommendation'] as const;
export type PaperSection = (typeof PAPER_SECTIONS)[number];

/** Every placeholder, with what it becomes: the README's table is this list. */
export const PLACEHOLDERS = {
  partnership: "the partnership's name (partnership:)",
  short: 'its short name (short:, else the name)',
  board: 'who decides (board: in the front matter of templates/paper.md; default Board)',
  consultation: "the consultation's title",
  publisher: 'the department that published it',
  published: 'the date it was published',
  closes: 'its closing date',
  questions: 'how many questions it asks',
  sections: "a list of the consultation's sections and topics with their questions (a paragraph of its own)",
  views_to: 'who collects the partners’ views (views_to:, else contact:)',
  views_by: 'deadlines.views',
  draft_date: 'the date the draft is circulated (draft_date:, else today)',
  objections_by: 'deadlines.objections',
  submission_by: 'deadlines.submission, else the closing date',
  contact: 'the contact officer (contact:)',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export const PLACEHOLDER = /\{([a-z_]+)\}/g;

export interface TemplateSection {
  blocks: RootContent[];
  position: Position;
  /** From templates/paper.md; false for the built-in wording, whose gaps are the workspace's to fill, not the template's. */
  custom: boolean;
}

export interface PaperTemplate {
  board: string | null;
  date: string | null;
  /** Every section of the paper: the officer's wording where templates/paper.md gives it, else the built-in one. */
  sections: Map<PaperSection, TemplateSection>;
}

const frontSchema = z.object({ board: textField('board').optional(), date: isoDateField('date').optional() });

/** The paper's wording: templates/paper.md where it has a section, the built-in wording elsewhere. Problems are added to `problems`. */
export function loadPaperTemplate(root: string, problems: Problems): PaperTemplate {
  const source = readText(root, PAPER_TEMPLATE, problems, true);
  const own = source === null ? null : parsePaperTemplate(source, PAPER_TEMPLATE, problems);
  const builtIn = parsePaperTemplate(DEFAULT_PAPER_MD, PAPER_TEMPLATE, problems);
  const sections = new Map(
    PAPER_SECTIONS.map((s) => [s, own?.sections.get(s) ?? { ...builtIn.sections.get(s)!, custom: false }]),
  );
  return { board: own?.board ?? null, date: own?.date ?? null, sections };
}

export function parsePaperTemplate(source: string, file: string, problems: Problems): PaperTemplate {
  const template: PaperTemplate = { board: null, date: null, sections: new Map() };
  source.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(PLACEHOLDER)) {
      if (!(m[1]! in PLACEHOLDERS)) {
        problems.error(
          'paper-template',
          { file, line: i + 1, column: m.index + 1 },
          `unknown placeholder {${m[1]}}; the placeholders are ${Object.keys(PLACEHOLDERS)
            .map((p) => `{${p}}`)
            .join(', ')}`,
        );
      }
    }
  });
  if (reportTooDeep(source, file, problems)) return template;
  const tree = parseMarkdown(source);
  const definitions = new Map(
    tree.children.filter((n): n is Definition => n.type === 'definition').map((d) => [d.identifier, d]),
  );
  let current: RootContent[] | null = null;
  // Under a heading already reported as wrong, its text is not reported again.
  let underBadHeading = false;
  for (const node of tree.children) {
    const at: Position = { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    if (node.type === 'yaml') {
      const yaml = readYaml(node.value, file, problems, 2);
      if (!yaml) continue;
      warnUnknownKeys(yaml, [], ['board', 'date'], problems, `the front matter of ${file}`);
      const front = parseWithSchema(yaml, frontSchema, problems, describeIssue);
      template.board = front?.board ?? null;
      template.date = front?.date ?? null;
    } else if (node.type === 'heading' && node.depth === 2) {
      const section = sectionNamed(node);
      current = null;
      underBadHeading = section === null || template.sections.has(section);
      if (section === null) {
        problems.error(
          'paper-template',
          at,
          `'## ${plainText(node)}' is not a section of the paper; the sections you can reword are ${PAPER_SECTIONS.map((s) => `'## ${s}'`).join(', ')}`,
        );
      } else if (template.sections.has(section)) {
        problems.error('paper-template', at, `'## ${section}' appears twice in ${file}; keep one`);
      } else {
        current = [];
        template.sections.set(section, { blocks: current, position: at, custom: true });
      }
    } else if (node.type === 'definition') {
      // Link definitions belong to no section: references resolve against them wherever they stand.
    } else if (current) {
      current.push(node);
    } else if (!underBadHeading) {
      problems.error(
        'paper-template',
        at,
        `text outside a section of ${file}; put it under one of ${PAPER_SECTIONS.map((s) => `'## ${s}'`).join(', ')}`,
      );
    }
  }
  // As in answers: raw HTML becomes visible text, references resolve, characters XML cannot hold go.
  const images: ImageRef[] = [];
  // Each section's text goes under the paper's level-1 heading for it.
  for (const { blocks } of template.sections.values()) normalise(blocks, definitions, file, images, problems, 2);
  for (const image of images)
    problems.error(
      'paper-template',
      image.position,
      `pictures are not supported in ${file}; describe the picture in words or leave it out`,
    );
  return template;
}

function sectionNamed(node: Heading): PaperSection | null {
  const title = plainText(node).trim().toLowerCase();
  return PAPER_SECTIONS.find((s) => s.toLowerCase() === title) ?? null;
}
