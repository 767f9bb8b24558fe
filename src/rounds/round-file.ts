// round.json: what `circulate` records of the draft it freezes, read back by
// src/load/rounds.ts to judge sign-offs, objections and the response.
import { allContributions } from '../merge/merge.js';
import type { Workspace } from '../core/model.js';
import type { Circulation } from './circulation.js';
import { HASH_VERSION, sectionHashes } from './hash.js';

export function roundJson(ws: Workspace, round: Circulation): string {
  const value = {
    round: round.round,
    date: round.date,
    objections_by: round.deadline,
    hash: HASH_VERSION,
    sections: sectionHashes(allContributions(ws)),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}
