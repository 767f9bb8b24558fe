// The command line: global options, one lazily loaded module per command (so
// check never loads the DOCX writer), and the exit-code policy of SPEC 2.
import { Command, CommanderError, Option } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Env } from './commands/env.js';
import { UsageError } from './commands/env.js';
import { isIsoDate } from './core/dates.js';
import { shellCommand } from './core/shell.js';
import { NO_PROGRESS, progressBar } from './commands/progress.js';

const VERSION = '0.1.0';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function makeEnv(program: Command): Env {
  const o = program.opts<{ dir: string; today?: string; quiet?: boolean; color: boolean }>();
  const root = resolve(o.dir);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new UsageError(`workspace directory ${o.dir} does not exist`);
  if (o.today !== undefined && !isIsoDate(o.today))
    throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${o.today}'`);
  const color = o.color && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.stderr.isTTY === true;
  return {
    root,
    today: o.today ?? localToday(),
    quiet: o.quiet === true,
    progress:
      o.quiet !== true && process.stderr.isTTY === true
        ? progressBar((s) => void process.stderr.write(s))
        : NO_PROGRESS,
    color,
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
  };
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('lsp-respond')
    .description("Compile a partnership's collective response to a government consultation (endorse-or-remove).")
    .version(VERSION, '-V, --version')
    .option('-C, --dir <workspace>', 'workspace directory', '.')
    .option(
      '--today <YYYY-MM-DD>',
      "today's date: deadlines count from it; it dates a circulated round, the draft unless draft_date: is set, and the response unless date: is set (default: today)",
    )
    .option('-q, --quiet', 'print errors only')
    .option('--no-color', 'no colours in messages (also NO_COLOR)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('init [dir]')
    .description(
      'create a workspace: lsp-respond.yaml, the ODPM question set, templates/style.yaml, responses/, and package.json, .gitignore, README.md and a CI workflow',
    )
    .requiredOption('--partnership <name>', "the partnership's name")
    .option('--short <name>', 'short name for page headers')
    .option('--no-ci', `leave out the CI workflow (.github/workflows/lsp-respond.yml)`)
    .action(async (dir: string | undefined, opts: { partnership: string; short?: string; ci: boolean }) => {
      const { init } = await import('./commands/init.js');
      code = init(makeEnv(program), dir, opts);
    });

  program
    .command('template <id>')
    .description(
      'write responses/<id>.md (or, with --format docx, a Word form) with every question heading, ready to fill; never overwrites a response',
    )
    .requiredOption('--partner <name>', "the partner organisation's name")
    .option('--sector <sector>', 'public | private | voluntary | community | other', 'other')
    .addOption(
      new Option('--format <format>', 'md: responses/<id>.md; docx: a Word response form, out/forms/<id>.docx')
        .choices(['md', 'docx'])
        .default('md'),
    )
    .action(async (id: string, opts: { partner: string; sector: string; format: 'md' | 'docx' }) => {
      const { template } = await import('./commands/init.js');
      code = await template(makeEnv(program), id, opts);
    });

  program
    .command('import [file]')
    .description(
      "turn a partner's Word reply (.docx) into responses/<id>.md, or with --endorsement its returned endorsement sheet into that file's front matter",
    )
    .requiredOption('--id <id>', "the partner's id: the response file's name (a-z, 0-9, '-')")
    .option('--partner <name>', "the partner organisation's name (for a Word reply)")
    .option('--sector <sector>', 'public | private | voluntary | community | other', 'other')
    .option('--force', 'replace an existing responses/<id>.md')
    .option(
      '--endorsement <sheet>',
      'an endorsement sheet from out/rounds/<n>/sheets/, filled in: its objections and sign-off go into the front matter',
    )
    .action(
      async (
        file: string | undefined,
        opts: { id: string; partner?: string; sector: string; force?: boolean; endorsement?: string },
      ) => {
        if (opts.endorsement !== undefined) {
          if (file !== undefined) throw new UsageError('give either a Word reply or --endorsement <sheet>, not both');
          const { importEndorsement } = await import('./commands/import-endorsement.js');
          code = await importEndorsement(makeEnv(program), opts.endorsement, opts.id);
          return;
        }
        if (file === undefined)
          throw new UsageError(
            `name the Word reply to import (e.g. ${shellCommand('lsp-respond', 'import', 'reply.docx', '--id', 'mps', '--partner', 'Metropolitan Police Service')}), or an endorsement sheet with --endorsement`,
          );
        if (opts.partner === undefined)
          throw new UsageError("--partner is required to import a Word reply: the partner organisation's name");
        const { importWord } = await import('./commands/import.js');
        code = await importWord(makeEnv(program), file, {
          id: opts.id,
          partner: opts.partner,
          sector: opts.sector,
          force: opts.force === true,
        });
      },
    );

  program
    .command('status')
    .description('partners x questions: answered, abstained, missing; objections; days to each deadline')
    .action(async () => {
      const { status } = await import('./commands/status.js');
      code = await status(makeEnv(program));
    });

  program
    .command('check')
    .description('validate the workspace; passes when every question has an answer or an explicit abstention')
    .option('--partners', 'also require every partner to answer or abstain on every question')
    .option('--strict', 'warnings fail too')
    .option(
      '--readability',
      'also warn where a response under attribute: none will read badly: several partners without agreed wording, answers that speak as one partner',
    )
    .option(
      '--signoff',
      'also require every partner to have endorsed the latest circulated round (endorsed: in its front matter)',
    )
    .addOption(
      new Option('--format <format>', 'output format (default: github when GITHUB_ACTIONS=true, else text)').choices([
        'text',
        'json',
        'github',
      ]),
    )
    .option('--verbose', 'text format: one line per problem, even when many questions share one reason')
    .action(
      async (opts: {
        partners?: boolean;
        strict?: boolean;
        signoff?: boolean;
        readability?: boolean;
        verbose?: boolean;
        format?: 'text' | 'json' | 'github';
      }) => {
        const { check } = await import('./commands/check.js');
        // In a GitHub workflow the problems become annotations on the files without being asked; --format wins.
        const format = opts.format ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
        code = await check(makeEnv(program), {
          partners: opts.partners === true,
          strict: opts.strict === true,
          signoff: opts.signoff === true,
          readability: opts.readability === true,
          verbose: opts.verbose === true,
          format,
        });
      },
    );

  const drafts = {
    draft:
      'write the circulation draft (out/draft.md, out/draft.docx): every contribution attributed, with its section id',
    circulate:
      'write the draft and freeze it as the next round (out/rounds/<n>/, with an endorsement sheet per partner) that partners endorse or object to',
  } as const;
  for (const [name, description] of Object.entries(drafts) as [keyof typeof drafts, string][]) {
    const command = program.command(name).description(description).option('--no-docx', 'write the Markdown only');
    if (name === 'circulate')
      command.option(
        '--objections-by <YYYY-MM-DD>',
        "the round's objection deadline (default for round 1: deadlines.objections); the round is dated --today",
      );
    command.action(async (opts: { docx: boolean; objectionsBy?: string }) => {
      if (opts.objectionsBy !== undefined && !isIsoDate(opts.objectionsBy))
        throw new UsageError(`--objections-by must be a real date written YYYY-MM-DD, not '${opts.objectionsBy}'`);
      const { build } = await import('./commands/build.js');
      code = await build(makeEnv(program), name, {
        allowIncomplete: true,
        docx: opts.docx,
        ...(opts.objectionsBy !== undefined ? { objectionsBy: opts.objectionsBy } : {}),
      });
    });
  }

  program
    .command('paper')
    .description(
      "write the decision paper for the partnership's board (out/paper.md, out/paper.docx): purpose, background, the proposed process with this workspace's dates, recommendation, and every question as an annex; reword sections in templates/paper.md",
    )
    .option('--no-docx', 'write the Markdown only')
    .action(async (opts: { docx: boolean }) => {
      const { paper } = await import('./commands/paper.js');
      code = await paper(makeEnv(program), opts);
    });

  program
    .command('merge')
    .description(
      'apply endorse-or-remove and write the final response, removed.md, separate submissions and report.json',
    )
    .option('--allow-incomplete', 'write "No collective response" for unanswered questions instead of failing')
    .option(
      '--accept-unendorsed',
      'write the response even though it holds text not circulated in the latest round, or partners have not replied before its deadline; its cover and document properties say so',
    )
    .option('--no-docx', 'write the Markdown and report.json only')
    .action(async (opts: { allowIncomplete?: boolean; acceptUnendorsed?: boolean; docx: boolean }) => {
      const { build } = await import('./commands/build.js');
      code = await build(makeEnv(program), 'merge', {
        allowIncomplete: opts.allowIncomplete === true,
        acceptUnendorsed: opts.acceptUnendorsed === true,
        docx: opts.docx,
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      if (e.code === 'commander.executeSubCommandAsync') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`lsp-respond: error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  return code;
}
