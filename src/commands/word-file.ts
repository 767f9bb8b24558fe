// Reading the Word file a command is given: relative paths are read from the
// workspace, as every path after -C is (like git -C).
import { resolve } from 'node:path';
import { MAX_WORD_FILE, readWordPackage } from '../import/word-package.js';
import { loadConfig, loadQuestions } from '../load/workspace.js';
import type { Config, QuestionSet } from '../core/model.js';
import type { Env } from './env.js';
import { ioCode } from '../load/files.js';
import { InputRefused, readInput } from '../load/read-input.js';
import type { Problems } from '../core/problems.js';
import type { DamagedWordFile } from '../import/word-html.js';

function readWordFile(root: string, source: string, problems: Problems): Uint8Array | null {
  const at = { file: source, line: 1, column: 1 };
  try {
    // The file named on the command line is read wherever it is, links and all: the user chose it.
    return readInput(resolve(root, source), { workspace: null, limit: MAX_WORD_FILE * 4 });
  } catch (e) {
    if (e instanceof InputRefused) {
      problems.error('word-file', at, `${source} ${e.message}`);
      return null;
    }
    const code = ioCode(e);
    problems.error(
      'word-file',
      at,
      code === 'ENOENT'
        ? `${source} does not exist; check the path (relative paths are read from the workspace)`
        : code === 'EISDIR'
          ? `${source} is a directory; name the .docx file`
          : `${source} cannot be read (${code})`,
    );
    return null;
  }
}

/**
 * The Word file a command imports, once it is known to be a readable .docx
 * (as the package of the parts that were checked), with the workspace's
 * config and question set; null when any of them is unusable (the problems say why).
 */
export interface WordInput {
  bytes: Uint8Array;
  config: Config;
  questions: QuestionSet;
}

export function readWordInput(env: Env, source: string, problems: Problems, what: string): WordInput | null {
  const file = readWordFile(env.root, source, problems);
  if (!file) return null;
  const checked = readWordPackage(file);
  if ('problem' in checked) {
    problems.error('word-file', { file: source, line: 1, column: 1 }, `cannot import this ${what}: ${checked.problem}`);
    return null;
  }
  const { bytes } = checked;
  const config = loadConfig(env.root, env.today, problems);
  const questions = config && loadQuestions(env.root, config, problems);
  if (!config || !questions || problems.hasInputErrors()) return null;
  return { bytes, config, questions };
}

/** What to say of a Word file mammoth could not read. */
export function reportDamaged(problems: Problems, source: string, what: string, e: DamagedWordFile): void {
  problems.error(
    'word-file',
    { file: source, line: 1, column: 1 },
    `cannot import this ${what}: the document is damaged (${e.message}); open it in Word, save it again as .docx, and import that`,
  );
}
