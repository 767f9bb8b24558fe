// The load stage's edge: the only module that reads the workspace. It turns
// files into the typed Workspace, recording every problem on the way.
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { imageInfo } from '../core/image-info.js';
import type { Config, Contribution, PartnerResponse, Position, QuestionSet, Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { CONFIG_FILE, parseConfig } from './config.js';
import { parseQuestionSet, questionRange } from './questions.js';
import { parseCompositeFile } from './response.js';
import type { Threads } from '../parallel/pool.js';
import type { OnProgress } from '../core/progress.js';
import { parseFiles } from '../parallel/parse.js';
import { ioCode, listDir, MAX_INPUT_BYTES, readText } from './files.js';
import { InputRefused, readInput } from './read-input.js';
import { DEFAULT_HOUSE_STYLE, loadHouseStyle } from './house-style.js';
import { loadRounds } from './rounds.js';
import { shellCommand } from '../core/shell.js';
import { idFromFileName } from './partner-id.js';
import { loadGlossary } from './glossary.js';

export const COMPOSITE_FILE = 'composite.md';

const at = (file: string): Position => ({ file, line: 1, column: 1 });

export function loadConfig(root: string, today: string, problems: Problems): Config | null {
  const source = readText(root, CONFIG_FILE, problems, true);
  if (source === null) {
    if (problems.hasInputErrors()) return null;
    problems.warn(
      'no-config',
      at(CONFIG_FILE),
      `no ${CONFIG_FILE} in the workspace; using defaults. Run ${shellCommand('lsp-respond', 'init', '--partnership', '<name of the partnership>')} to create one`,
    );
    return {
      partnership: 'The Partnership',
      short: 'The Partnership',
      questions: null,
      responses: 'responses',
      output: 'out',
      date: today,
      draftDate: today,
      contact: null,
      viewsTo: null,
      attribute: 'partner',
      notice: null,
      fileTag: null,
      deadlines: {},
      partners: null,
      abstain: [],
      file: null,
    };
  }
  return parseConfig(source, CONFIG_FILE, today, problems);
}

/** The workspace's question set, as every command finds it: `questions:`, else the one file in questions/. */
export function loadQuestions(root: string, config: Config, problems: Problems): QuestionSet | null {
  let file = config.questions;
  if (file === null) {
    const yamls = (listDir(root, 'questions') ?? []).filter((f) => /\.ya?ml$/i.test(f));
    if (yamls.length !== 1) {
      const where = config.file ?? CONFIG_FILE;
      problems.error(
        'questions',
        at(where),
        yamls.length === 0
          ? `no question set: put one in questions/ (lsp-respond init copies the ODPM set there) or set 'questions:' in ${CONFIG_FILE}`
          : `questions/ holds ${yamls.length} question sets (${yamls.join(', ')}); choose one with 'questions: questions/<file>' in ${CONFIG_FILE}`,
      );
      return null;
    }
    file = `questions/${yamls[0]}`;
  } else if (config.at?.questions && !existsSync(join(root, file))) {
    problems.error(
      'questions',
      config.at.questions,
      `the question set ${file} does not exist; correct 'questions:' or put the question set there`,
    );
    return null;
  }
  const source = readText(root, file, problems);
  return source === null ? null : parseQuestionSet(source, file, problems);
}

function loadImages(
  root: string,
  refs: { path: string; position: Position }[],
  images: Map<string, Uint8Array>,
  problems: Problems,
): void {
  for (const ref of refs) {
    if (images.has(ref.path)) continue;
    let bytes: Uint8Array;
    try {
      bytes = readInput(join(root, ref.path), { workspace: root, limit: MAX_INPUT_BYTES });
    } catch (e) {
      if (e instanceof InputRefused) {
        problems.error('image', ref.position, `image ${ref.path} ${e.message}`);
        continue;
      }
      const code = ioCode(e);
      problems.error(
        'image',
        ref.position,
        `image ${ref.path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}; check the path (it is relative to the Markdown file)`,
      );
      continue;
    }
    if (imageInfo(bytes) === undefined) {
      problems.error(
        'image',
        ref.position,
        `${ref.path} is not a PNG, JPEG or GIF image, or is damaged; save it again as one of those`,
      );
      continue;
    }
    images.set(ref.path, bytes);
  }
}

/** Loads everything; returns null when the workspace cannot be understood at all (problems say why). */
export async function loadWorkspace(
  root: string,
  today: string,
  problems: Problems,
  threads: Threads,
  progress?: OnProgress,
): Promise<Workspace | null> {
  const config = loadConfig(root, today, problems);
  if (!config) return null;
  const questions = loadQuestions(root, config, problems);
  if (!questions) return null;
  for (const a of config.abstain) {
    if (!questions.questions.some((q) => q.id === a.question)) {
      problems.error(
        'unknown-question',
        a.position,
        `cannot abstain on unknown question ${a.question}; ${questionRange(questions)}`,
      );
    }
  }

  const images = new Map<string, Uint8Array>();
  const dir = config.responses.replace(/\/+$/, '');
  const names = listDir(root, dir);
  if (names === null) {
    problems.error(
      'responses',
      config.at?.responses ?? at(config.file ?? CONFIG_FILE),
      `the responses directory '${dir}' does not exist; create it and put one Markdown file per partner in it`,
    );
    return null;
  }
  const files: { file: string; source: string }[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const file = posix.join(dir, name);
    if (/\.docx$/i.test(name)) {
      problems.warn(
        'not-markdown',
        at(file),
        `${file} is a Word file and is not read; import it with: ${shellCommand('lsp-respond', 'import', file, '--id', idFromFileName(name), '--partner', '<organisation name>')}`,
      );
      continue;
    }
    if (!/\.md$/i.test(name)) {
      problems.warn('not-markdown', at(file), `${file} is not a Markdown (.md) file and is ignored`);
      continue;
    }
    const source = readText(root, file, problems);
    if (source !== null) files.push({ file, source });
  }
  const byId = new Map<string, PartnerResponse>();
  for (const { result, problems: found } of await parseFiles(files, questions, threads, progress)) {
    problems.absorb(found);
    if (!result) continue;
    const other = byId.get(result.partner.id);
    if (other) {
      problems.error(
        'duplicate-partner',
        result.idAt,
        `${result.partner.file} and ${other.file} both declare partner id '${result.partner.id}'; give each partner its own id (set 'id:' in the front matter or rename the file)`,
      );
      continue;
    }
    byId.set(result.partner.id, result.partner);
    loadImages(root, result.images, images, problems);
  }

  let composite: Contribution[] = [];
  const compositeSource = readText(root, COMPOSITE_FILE, problems, true);
  if (compositeSource !== null) {
    const parsed = parseCompositeFile(compositeSource, COMPOSITE_FILE, questions, problems);
    composite = parsed.answers;
    loadImages(root, parsed.images, images, problems);
  }

  // An unusable house style is an input error like any other, so check fails on it as merge does.
  const style = loadHouseStyle(root, problems) ?? DEFAULT_HOUSE_STYLE;
  const rounds = loadRounds(root, config.output, problems);
  const glossary = loadGlossary(root, problems);
  return {
    root,
    config,
    questions,
    partners: orderPartners(config, byId, problems),
    composite,
    images,
    style,
    rounds,
    glossary,
  };
}

/** Contribution order: the config's `partners` list first, then everyone else by id. */
export function orderPartners(
  config: Config,
  byId: Map<string, PartnerResponse>,
  problems: Problems,
): PartnerResponse[] {
  const listed = config.partners ?? [];
  for (const id of listed) {
    if (!byId.has(id))
      problems.warn(
        'partner-without-file',
        at(config.file ?? CONFIG_FILE),
        `partner '${id}' is listed in partners but has no response file; add ${config.responses}/${id}.md (${shellCommand('lsp-respond', 'template', id, '--partner', '<organisation name>')})`,
      );
  }
  const rest = [...byId.keys()].filter((id) => !listed.includes(id)).sort();
  return [...listed, ...rest].flatMap((id) => byId.get(id) ?? []);
}
