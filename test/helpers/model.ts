// In-process access to the load stage for unit tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuestionSet } from '../../src/load/questions.js';
import { parseCompositeFile, parsePartnerFile } from '../../src/load/response.js';
import { orderPartners } from '../../src/load/workspace.js';
import type { Config, PartnerResponse, QuestionSet, Workspace } from '../../src/core/model.js';
import { DEFAULT_HOUSE_STYLE } from '../../src/load/house-style.js';
import { Problems } from '../../src/core/problems.js';
import { REPO } from './cli.js';
import { QUESTION_SET } from './workspace.js';

export function odpm(): QuestionSet {
  const problems = new Problems();
  const set = parseQuestionSet(readFileSync(join(REPO, QUESTION_SET), 'utf8'), QUESTION_SET, problems);
  if (!set) throw new Error(`bundled question set does not load: ${JSON.stringify(problems.list)}`);
  return set;
}

export function loadPartner(
  source: string,
  file = 'responses/p.md',
): { partner: PartnerResponse | null; problems: Problems } {
  const problems = new Problems();
  const parsed = parsePartnerFile(source, file, odpm(), problems);
  return { partner: parsed?.partner ?? null, problems };
}

export function messages(problems: Problems): string[] {
  return problems.sorted().map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
}

/** A workspace built in memory from file texts, as loadWorkspace would build it from disk. */
export function workspaceFrom(input: {
  partners: { file: string; source: string }[];
  composite?: string;
  abstain?: Record<string, string>;
  order?: string[];
}): { ws: Workspace; problems: Problems } {
  const problems = new Problems();
  const questions = odpm();
  const config: Config = {
    partnership: 'Test Partnership',
    short: 'TP',
    questions: QUESTION_SET,
    responses: 'responses',
    output: 'out',
    date: '2006-03-01',
    draftDate: '2006-02-01',
    contact: null,
    viewsTo: null,
    attribute: 'none',
    notice: null,
    fileTag: null,
    deadlines: {},
    partners: input.order ?? null,
    abstain: Object.entries(input.abstain ?? {}).map(([question, reason]) => ({
      question,
      reason,
      position: { file: 'lsp-respond.yaml', line: 1, column: 1 },
    })),
    file: 'lsp-respond.yaml',
  };
  const byId = new Map<string, PartnerResponse>();
  for (const p of input.partners) {
    const parsed = parsePartnerFile(p.source, p.file, questions, problems);
    if (parsed && !byId.has(parsed.partner.id)) byId.set(parsed.partner.id, parsed.partner);
  }
  const composite = input.composite
    ? parseCompositeFile(input.composite, 'composite.md', questions, problems).answers
    : [];
  return {
    ws: {
      root: '/nowhere',
      config,
      questions,
      partners: orderPartners(config, byId, problems),
      composite,
      images: new Map(),
      style: DEFAULT_HOUSE_STYLE,
      rounds: [],
      glossary: null,
    },
    problems,
  };
}
