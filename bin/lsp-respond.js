#!/usr/bin/env node
// The installed command: run the bundled CLI; an unexpected failure is a bug,
// reported in one line (the stack only with DEBUG set) with exit code 70.
import { main } from '../dist/cli.js';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`lsp-respond: internal error: ${e instanceof Error ? e.message : String(e)}. This is a bug; please report it with the command you ran${process.env.DEBUG ? '' : ' (set DEBUG=1 to see details)'}.\n`);
  if (process.env.DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 70;
}
