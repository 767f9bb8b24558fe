// The tests StrykerJS runs against each mutant of the rule modules (npm run
// mutate): the ones that reach the rules in this process. Tests that spawn
// the built binary cannot see a mutant (it lives in src/, not dist/), so they
// are left out, and so is test/problem-codes.test.ts, which reads the source
// files that Stryker rewrites (test/rules/problem-codes.test.ts states its
// rule about the README).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/merge.test.ts', 'test/section-id.test.ts', 'test/section-hash.test.ts'],
    exclude: [...configDefaults.exclude, '.stryker-tmp/**'],
    // The commands run in this process, on this thread: a worker would load dist/.
    env: { LSP_RESPOND_WORKERS: '0' },
    // One module graph for all test files: half the CPU of re-importing it per file,
    // which matters when every mutant re-runs the tests that reach it.
    isolate: false,
    // A loaded machine must not fail a test by the clock (a false kill).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
