// The date and objection deadline a draft carries. A circulated round has its
// own (circulate --today, --objections-by); a draft that starts no round is
// dated by draft_date:, as before rounds had dates of their own.
import type { Position, Workspace } from '../core/model.js';

export interface Circulation {
  /** The round this draft is, or (for `draft` and `merge`) the round circulate would make it. */
  round: number;
  date: string;
  /** The last day for objections; null when none was set. */
  deadline: string | null;
}

/** The number `circulate` gives the draft it freezes. */
export function nextRound(ws: Workspace): number {
  return (ws.rounds.at(-1)?.number ?? 0) + 1;
}

/** `deadlines.objections` is round 1's: a later round's deadline is given when it is circulated. */
function configDeadline(ws: Workspace, round: number): string | null {
  return round === 1 ? (ws.config.deadlines.objections ?? null) : null;
}

/** How `draft` and `merge` date the draft: draft_date:, else today. */
export function draftDating(ws: Workspace): Circulation {
  const round = nextRound(ws);
  return { round, date: ws.config.draftDate, deadline: configDeadline(ws, round) };
}

/** The round circulate freezes, dated today; or why its deadline cannot be used. */
export function circulation(
  ws: Workspace,
  today: string,
  objectionsBy: string | undefined,
): Circulation | { refused: string; at: Position | null } {
  const round = nextRound(ws);
  const deadline = objectionsBy ?? configDeadline(ws, round);
  if (deadline !== null && deadline <= today) {
    const from = objectionsBy !== undefined ? `--objections-by ${objectionsBy}` : `deadlines.objections (${deadline})`;
    return {
      refused: `round ${round} would be dated ${today} (--today, else today), but its objection deadline, ${from}, is not after that, so partners would have no time to object; give a later date with --objections-by YYYY-MM-DD. Nothing written`,
      // Said at the config line when the deadline came from there (the config records where it read each
      // deadline, so that place is always known); an option has no place in a file.
      at: objectionsBy !== undefined ? null : (ws.config.deadlineAt?.objections ?? null),
    };
  }
  return { round, date: today, deadline };
}
