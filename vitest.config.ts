import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Most tests run the built command, often several times; on a loaded 2-core machine one run can take
    // ten times its usual second, so a test's time is bounded generously here rather than case by case.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
