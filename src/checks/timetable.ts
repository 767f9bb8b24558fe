// The partnership's timetable (seed 003 s.3.2): views, then objections to the
// circulated draft, then the submission, which must reach the department by
// the consultation's closing date; a circulated round's own objection deadline
// falls before the submission too. A deadline out of that order is a warning
// at its line in lsp-respond.yaml; an impossible date is already a schema error.
import { isIsoDate } from '../core/dates.js';
import type { Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';

const ORDER = ['views', 'objections', 'submission'] as const;

export function checkTimetable(ws: Workspace, problems: Problems): void {
  const { deadlines, deadlineAt, file } = ws.config;
  const at = (name: string) => deadlineAt?.[name] ?? { file: file ?? 'lsp-respond.yaml', line: 1, column: 1 };
  const set = ORDER.filter((name) => deadlines[name] !== undefined);
  for (const [i, later] of set.entries()) {
    for (const earlier of set.slice(0, i)) {
      if (deadlines[later]! > deadlines[earlier]!) continue;
      problems.warn(
        'timetable',
        at(later),
        `deadlines.${later} (${deadlines[later]}) is not after deadlines.${earlier} (${deadlines[earlier]}); the round runs views, then objections, then submission: correct one of the dates`,
      );
    }
  }
  const submission = deadlines.submission;
  const round = ws.rounds.at(-1);
  if (submission !== undefined && round?.deadline && round.deadline >= submission) {
    problems.warn(
      'timetable',
      at('submission'),
      `round ${round.number}'s objection deadline (${round.deadline}, lsp-respond circulate --objections-by) is not before deadlines.submission (${submission}); objections could come in after the response is sent: move the submission or circulate again with an earlier deadline`,
    );
  }
  const closes = ws.questions.closes;
  // A question set may give its closing date in words; only a YYYY-MM-DD one can be compared.
  if (submission !== undefined && isIsoDate(closes) && submission > closes) {
    problems.warn(
      'timetable',
      at('submission'),
      `deadlines.submission (${submission}) is after the consultation closes (${closes}, ${ws.questions.file}); the response would arrive late: submit by ${closes}`,
    );
  }
}
