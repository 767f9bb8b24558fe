// round.json: what `circulate` records of the draft it freezes, read back by
// src/load/rounds.ts to judge sign-offs and objections.
import { nextRound } from '../compose/plan.js';
import { allContributions } from '../merge/merge.js';
import type { Workspace } from '../model.js';
import { sectionHashes } from './hash.js';

export function roundJson(ws: Workspace): string {
  return `${JSON.stringify({ round: nextRound(ws), date: ws.config.draftDate, sections: sectionHashes(allContributions(ws)) }, null, 2)}\n`;
}
