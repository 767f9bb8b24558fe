// The rounds circulated so far: out/rounds/<n>/round.json, written by
// `lsp-respond circulate`. The one thing read from the output directory: a
// sign-off or objection is judged against the draft the partner was sent.
import { z } from 'zod';
import { posix } from 'node:path';
import type { Position, Round } from '../model.js';
import type { Problems } from '../problems.js';
import { isoDate } from './fields.js';
import { listSubdirs, readText } from './files.js';

export const ROUNDS_DIR = 'rounds';
export const ROUND_FILE = 'round.json';

const schema = z.object({
  round: z.number().int().positive(),
  date: isoDate('date'),
  objections_by: isoDate('objections_by').nullable().optional(),
  // Absent in round.json files written before hashes had a version: those hashed the Markdown (version 1).
  hash: z.union([z.literal(1), z.literal(2)]).optional(),
  sections: z.record(z.string(), z.string()),
});

export function loadRounds(root: string, output: string, problems: Problems): Round[] {
  const dir = posix.join(output, ROUNDS_DIR);
  const rounds: Round[] = [];
  for (const name of (listSubdirs(root, dir) ?? []).filter((n) => /^[1-9]\d*$/.test(n)).sort((a, b) => Number(a) - Number(b))) {
    const file = posix.join(dir, name, ROUND_FILE);
    const at: Position = { file, line: 1, column: 1 };
    const source = readText(root, file, problems, true);
    if (source === null) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      data = null;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success || parsed.data.round !== Number(name)) {
      // Output, not input: a damaged record costs that round, not the check.
      problems.warn('round-file', at, `${file} is damaged (it is written by 'lsp-respond circulate' and should not be edited), so round ${name} is ignored; delete ${posix.join(dir, name)} and circulate again`);
      continue;
    }
    const { round, date, objections_by, hash, sections } = parsed.data;
    rounds.push({ number: round, date, deadline: objections_by ?? null, hashVersion: hash ?? 1, sections });
  }
  return rounds;
}
