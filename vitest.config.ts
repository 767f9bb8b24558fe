// Limits for a loaded machine: the suite runs the real binary many times, and
// on 2 cores shared with other work one run can take ten times as long as alone.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 300_000 },
});
