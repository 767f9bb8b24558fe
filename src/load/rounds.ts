// The rounds circulated so far: out/rounds/<n>/round.json, written by
// `lsp-respond circulate`. The one thing read from the output directory: a
// sign-off or objection is judged against the draft the partner was sent.
import { z } from 'zod';
import { posix } from 'node:path';
import type { Position, Round } from '../core/model.js';
import { Problems } from '../core/problems.js';
import { isoDateField } from './fields.js';
import { listSubdirs, readText } from './files.js';

export const ROUNDS_DIR = 'rounds';
export const ROUND_FILE = 'round.json';

const schema = z.object({
  round: z.number().int().positive(),
  date: isoDateField('date'),
  objections_by: isoDateField('objections_by').nullable().optional(),
  // Absent in round.json files written before hashes had a version: those hashed the Markdown (version 1).
  hash: z.union([z.literal(1), z.literal(2)]).optional(),
  sections: z.record(z.string(), z.string()),
});

/** The numbered round directories, in order. */
function roundDirs(root: string, output: string): number[] {
  return (listSubdirs(root, posix.join(output, ROUNDS_DIR)) ?? [])
    .filter((n) => /^[1-9]\d*$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
}

/** Round directories whose round.json is missing or damaged (not among `rounds`). */
export function unusableRounds(root: string, output: string, rounds: readonly Round[]): number[] {
  return roundDirs(root, output).filter((n) => !rounds.some((r) => r.number === n));
}

export function loadRounds(root: string, output: string, problems: Problems): Round[] {
  const dir = posix.join(output, ROUNDS_DIR);
  const rounds: Round[] = [];
  for (const name of roundDirs(root, output).map(String)) {
    const file = posix.join(dir, name, ROUND_FILE);
    const at: Position = { file, line: 1, column: 1 };
    const read = new Problems();
    const source = readText(root, file, read, true);
    if (source === null) {
      problems.warn(
        'round-file',
        at,
        `${file} ${read.list.length === 0 ? 'is missing' : 'cannot be read'} (it is written by 'lsp-respond circulate'), so round ${name} is ignored; restore it from a backup, or delete ${posix.join(dir, name)} if that round never reached the partners`,
      );
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      data = null;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success || parsed.data.round !== Number(name)) {
      // Output, not input: a damaged record costs that round, not the check.
      problems.warn(
        'round-file',
        at,
        `${file} is damaged (it is written by 'lsp-respond circulate' and should not be edited), so round ${name} is ignored; delete ${posix.join(dir, name)} and circulate again`,
      );
      continue;
    }
    const { round, date, objections_by, hash, sections } = parsed.data;
    rounds.push({ number: round, date, deadline: objections_by ?? null, hashVersion: hash ?? 1, sections });
  }
  return rounds;
}
