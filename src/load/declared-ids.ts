// Which partner id each response file declares, read from the front matter
// alone, so a command that adds or edits one partner's file can refuse an id
// another file already holds, without parsing every answer.
import { posix } from 'node:path';
import { parse } from 'yaml';
import { Problems } from '../core/problems.js';
import { listDir, readText } from './files.js';

const FRONT = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The files of `dir` (workspace-relative) other than `except` that declare partner id `id`. */
export function filesDeclaring(root: string, dir: string, id: string, except: string): string[] {
  const found: string[] = [];
  for (const name of listDir(root, dir) ?? []) {
    const file = posix.join(dir, name);
    if (!/\.md$/i.test(name) || name.startsWith('.') || file === except) continue;
    if (declaredId(readText(root, file, new Problems()) ?? '', name) === id) found.push(file);
  }
  return found;
}

/** The id a response file declares: its 'id:' if it has one, else its name. A file the loader cannot read declares by its name. */
function declaredId(source: string, name: string): string {
  const byName = name.replace(/\.md$/i, '');
  const front = FRONT.exec(source);
  if (!front) return byName;
  try {
    const data = parse(front[1]!) as unknown;
    const id = data !== null && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : byName;
  } catch {
    return byName;
  }
}
