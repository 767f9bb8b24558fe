// Reading the Word file a command is given: relative paths are read from the
// workspace, as every path after -C is (like git -C).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_WORD_FILE } from '../import/word-package.js';
import { ioCode } from '../load/files.js';
import type { Problems } from '../problems.js';

export function readWordFile(root: string, source: string, problems: Problems): Uint8Array | null {
  const at = { file: source, line: 1, column: 1 };
  try {
    const bytes = readFileSync(resolve(root, source));
    // Said here too so a 2 GB file is refused without being held twice.
    return bytes.length > MAX_WORD_FILE * 4 ? (problems.error('word-file', at, `${source} is far too large for a response`), null) : bytes;
  } catch (e) {
    const code = ioCode(e);
    problems.error('word-file', at, code === 'ENOENT' ? `${source} does not exist; check the path (relative paths are read from the workspace)` : code === 'EISDIR' ? `${source} is a directory; name the .docx file` : `${source} cannot be read (${code})`);
    return null;
  }
}

