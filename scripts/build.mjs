// Bundles the CLI with esbuild: one file per command chunk, so start-up loads
// only what the command needs (see FACTS.md: module loading dominates).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The worker is an entry of its own: the pool starts it by file name beside the chunks.
  entryPoints: { cli: 'src/cli.ts', worker: 'src/parallel/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  // Smaller files parse faster at start-up (measured in bench/README.md).
  minify: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __lspCreateRequire } from 'node:module'; const require = __lspCreateRequire(import.meta.url);",
  },
});
