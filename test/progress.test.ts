import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/commands/progress.js';

describe('progress bar', () => {
  const fake = () => {
    let t = 0;
    const out: string[] = [];
    return {
      out,
      tick: (ms: number) => (t += ms),
      bar: progressBar(
        (s) => out.push(s),
        () => t,
      ),
    };
  };

  it('stays silent for runs that end within a second', () => {
    const { out, bar } = fake();
    bar.update('reading responses', 5, 10);
    bar.clear();
    expect(out).toEqual([]);
  });

  it('draws on one line, at most every 100 ms, always the last step, and clears itself', () => {
    const { out, bar, tick } = fake();
    tick(1500);
    bar.update('reading responses', 1, 4);
    tick(10);
    bar.update('reading responses', 2, 4);
    tick(200);
    bar.update('reading responses', 3, 4);
    tick(1);
    bar.update('reading responses', 4, 4);
    bar.clear();
    expect(out).toEqual([
      '\r[######..................] reading responses 1/4\x1b[K',
      '\r[##################......] reading responses 3/4\x1b[K',
      '\r[########################] reading responses 4/4\x1b[K',
      '\r\x1b[K',
    ]);
  });
});
