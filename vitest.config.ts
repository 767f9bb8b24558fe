// StrykerJS copies the repository, tests included, into .stryker-tmp/ while
// it runs (npm run mutate): those copies are not this checkout's tests.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: { exclude: [...configDefaults.exclude, '.stryker-tmp/**'] },
});
