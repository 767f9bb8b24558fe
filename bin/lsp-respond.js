#!/usr/bin/env node
// The installed command: run the bundled CLI; an unexpected failure is a bug,
// reported in one line (the stack only with DEBUG set) with exit code 70.
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';

// Node 22.1 and later keep the compiled code of the bundle in a cache on disk
// (its own directory under the system's temporary one, or NODE_COMPILE_CACHE),
// so later starts skip compiling it; NODE_DISABLE_COMPILE_CACHE=1 turns it
// off. Node 20 has no such cache and starts as before. It must be on before
// the bundle loads, hence the dynamic import below.
module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');

// A major garbage collection once the heap has doubled since the last,
// instead of growing it up to four times (V8's choice on a machine with memory
// to spare): at 35 questions x 1000 partners the peak falls from 1.6 GB to
// 1.2 GB, with no measurable cost in time (bench/README.md; 50 % saved another
// 0.1 GB but cost 16 % more CPU at 100 partners). V8 reads this at each
// collection, so setting it here, after start-up, takes effect.
setFlagsFromString('--heap-growing-percent=100');

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(
    `lsp-respond: internal error: ${e instanceof Error ? e.message : String(e)}. This is a bug; please report it with the command you ran${process.env.DEBUG ? '' : ' (set DEBUG=1 to see details)'}.\n`,
  );
  if (process.env.DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 70;
}
