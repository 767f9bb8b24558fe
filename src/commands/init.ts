// init and template: the only commands that create input files, and they
// never overwrite one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { partnerIdProblem } from '../load/partner-id.js';
import { loadConfig, loadQuestions } from '../load/workspace.js';
import { SECTORS, type Config, type QuestionSet, type Sector } from '../core/model.js';
import { type FormFor, formDocument } from '../compose/form.js';
import { abstentionNote, formHeadings, returnNote } from '../compose/form-content.js';
import { kindOf } from '../write/guard.js';
import { filesDeclaring } from '../load/declared-ids.js';
import { locked } from './locked.js';
import { loadHouseStyle } from '../load/house-style.js';
import { Problems } from '../core/problems.js';
import { DEFAULT_STYLE_YAML } from '../load/default-style.js';
import { DEFAULT_GLOSSARY_YAML } from '../load/default-glossary.js';
import { loadGlossary } from '../load/glossary.js';
import { annotated, commentedConfig } from '../load/config-doc.js';
import { type Env, reportProblems, UsageError } from './env.js';
import { writeReported } from './write-reported.js';
import { outputAt } from './workspace-inputs.js';
import { GITIGNORE, packageJson, WORKFLOW_FILE, workflowYaml, workspaceReadme } from './workspace-files.js';
import { shellCommand } from '../core/shell.js';

// The package root: this module runs from src/commands/ under vitest and from dist/ when built.
const PACKAGE_ROOT = new URL(import.meta.url.includes('/dist/') ? '../' : '../../', import.meta.url);
const bundled = (file: string) => readFileSync(new URL(file, PACKAGE_ROOT), 'utf8');

export const QUESTION_SET = 'questions/odpm-lsp-2005.yaml';

export function init(
  env: Env,
  dir: string | undefined,
  opts: { partnership: string; short?: string; ci?: boolean },
): number {
  const root = join(env.root, dir ?? '.');
  const config = join(root, 'lsp-respond.yaml');
  if (existsSync(config))
    throw new UsageError(
      `${relative(env.root, config) || 'lsp-respond.yaml'} already exists; init never overwrites a workspace`,
    );
  const files: [string, string][] = [
    ['lsp-respond.yaml', configText(opts.partnership, opts.short)],
    [QUESTION_SET, bundled(QUESTION_SET)],
    ['templates/style.yaml', DEFAULT_STYLE_YAML],
    ['glossary.yaml', DEFAULT_GLOSSARY_YAML],
    ...projectFiles(opts.partnership, opts.ci !== false),
  ];
  mkdirSync(join(root, 'responses'), { recursive: true });
  for (const [file, content] of files) {
    const path = join(root, file);
    if (existsSync(path)) {
      env.stderr(`kept the existing ${file}\n`);
      continue;
    }
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content, { flag: 'wx' });
  }
  if (!env.quiet) {
    const dirArgs = dir === undefined ? [] : ['-C', relative(env.root, root) || '.'];
    env.stdout(
      `created a workspace for ${opts.partnership} in ${relative(env.root, root) || '.'}\nnext, for each partner (the id names its file, e.g. responses/council.md):\n  ${shellCommand('lsp-respond', ...dirArgs, 'template', 'council', '--partner', '<organisation name>', '--sector', 'public')}\n`,
    );
  }
  return 0;
}

/** What makes the workspace a project: the tool pinned, git told what to keep, a README, and (unless --no-ci) CI. */
function projectFiles(partnership: string, ci: boolean): [string, string][] {
  const version = (JSON.parse(bundled('package.json')) as { version: string }).version;
  return [
    ['package.json', packageJson(partnership, version)],
    ['.gitignore', GITIGNORE],
    ['README.md', workspaceReadme(partnership, ci)],
    ...(ci ? [[WORKFLOW_FILE, workflowYaml()] as [string, string]] : []),
  ];
}

// No date: is written: the response is dated on the day it is merged (--today, else today) until one is set.
function configText(partnership: string, short: string | undefined): string {
  const given = { partnership, ...(short ? { short } : {}), questions: QUESTION_SET, attribute: 'partner' };
  return `${annotated(stringify(given))}\n# Every other setting, with an example, its meaning and its default: remove the '# ' to use one.\n${commentedConfig(Object.keys(given))}`;
}

export async function template(
  env: Env,
  id: string,
  opts: { partner: string; sector: string; format: 'md' | 'docx' },
): Promise<number> {
  const idProblem = partnerIdProblem(id);
  if (idProblem) throw new UsageError(idProblem);
  if (!(SECTORS as readonly string[]).includes(opts.sector))
    throw new UsageError(`--sector must be one of ${SECTORS.join(', ')}`);
  const problems = new Problems();
  const config = loadConfig(env.root, env.today, problems);
  const questions = config && loadQuestions(env.root, config, problems);
  if (!config || !questions || problems.hasInputErrors()) return reportProblems(env, problems.sorted());
  const sector = opts.sector as Sector;
  if (opts.format === 'docx')
    return locked(env, config, problems, () =>
      wordForm(env, config, questions, { id, partner: opts.partner, sector }, problems),
    );
  return locked(env, config, problems, async () => {
    const dir = config.responses.replace(/\/+$/, '');
    const file = `${dir}/${id}.md`;
    // lstat, not exists: a link there, even a broken one, is something in the way, not a free name.
    if (kindOf(join(env.root, file)) !== 'missing')
      throw new UsageError(
        `${file} already exists; template never overwrites a response (delete it first if you really want a fresh one)`,
      );
    const others = filesDeclaring(env.root, dir, id, file);
    if (others.length > 0)
      throw new UsageError(
        `${others.join(' and ')} already declares partner id '${id}'; choose another id (each partner has one file)`,
      );
    const refused = writeReported(
      env,
      problems,
      dir,
      new Map([[`${id}.md`, templateText(opts.partner, sector, config, questions)]]),
      config.at?.responses ?? { file: config.file ?? 'lsp-respond.yaml', line: 1, column: 1 },
    );
    if (refused !== undefined) return refused;
    if (!env.quiet)
      env.stdout(`wrote ${file}: write each answer under its question heading, or list the question under abstain\n`);
    return 0;
  });
}

/** The Word form goes under the output directory: it is generated, and is sent to the partner rather than read back. */
async function wordForm(
  env: Env,
  config: Config,
  questions: QuestionSet,
  who: FormFor,
  problems: Problems,
): Promise<number> {
  const style = loadHouseStyle(env.root, problems);
  if (!style) return reportProblems(env, problems.sorted());
  const { renderDocx } = await import('../render/docx/index.js');
  const glossary = loadGlossary(env.root, problems);
  if (problems.hasInputErrors()) return reportProblems(env, problems.sorted());
  const bytes = await renderDocx(formDocument(config, questions, who, env.today, glossary), {
    style: style.style,
    images: new Map(),
    ...(style.referenceStyles ? { referenceStyles: style.referenceStyles } : {}),
  });
  const file = `${config.output}/forms/${who.id}.docx`;
  const refused = writeReported(
    env,
    problems,
    config.output,
    new Map([[`forms/${who.id}.docx`, bytes]]),
    outputAt(config),
  );
  if (refused !== undefined) return refused;
  const code = reportProblems(env, problems.sorted());
  if (!env.quiet) {
    env.stdout(
      `wrote ${file}: send it to ${who.partner}; when it comes back, save it in the workspace as ${who.id}.docx and run\n  ${shellCommand('lsp-respond', 'import', `${who.id}.docx`, '--id', who.id, '--partner', who.partner, '--sector', who.sector)}\n`,
    );
  }
  return code;
}

/** The Markdown form: the same headings, return address and abstentions as the Word form (see compose/form-content.ts). */
function templateText(partner: string, sector: Sector, config: Config, questions: QuestionSet): string {
  const front = stringify({ partner, sector });
  const headings = formHeadings(config, questions);
  const abstentions = headings
    .filter((h) => h.abstention !== null)
    .map((h) => `# ${abstentionNote(h.question.id, h.abstention ?? '')}`);
  const guide = [
    `# ${returnNote(config, 'file')}`,
    '# Write your answer under each question heading below (a question with parts',
    '# has a heading for each part too). Leave a heading empty if you have nothing',
    '# to say, or list the question here to abstain:',
    'abstain: []',
    ...abstentions,
    '# After the draft is circulated, list any section you cannot endorse:',
    '# cannot_endorse:',
    '#   - section: Q12/other-partner',
    '#     reason: Why your organisation cannot endorse it.',
  ].join('\n');
  return `---\n${front}${guide}\n---\n\n${headings.map((h) => `## ${h.text}\n`).join('\n')}`;
}
