// A progress bar on stderr for long runs on a terminal: nothing when stderr
// is piped or --quiet is given, and nothing for runs that end within a second,
// so scripts and logs never see it.
import type { OnProgress } from '../core/progress.js';

export interface Progress {
  readonly update: OnProgress;
  /** Removes the bar, so messages after it start on a clean line. */
  clear(): void;
}

export const NO_PROGRESS: Progress = { update: () => {}, clear: () => {} };

const WIDTH = 24;
const DELAY_MS = 1000;
const EVERY_MS = 100;

export function progressBar(write: (s: string) => void, now: () => number = Date.now): Progress {
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(what, done, total) {
      const t = now();
      if (t - start < DELAY_MS || (t - last < EVERY_MS && done < total)) return;
      last = t;
      shown = true;
      const filled = total === 0 ? WIDTH : Math.round((WIDTH * done) / total);
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${what} ${done}/${total}\x1b[K`);
    },
    clear() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}
