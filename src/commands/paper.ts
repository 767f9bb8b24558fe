// paper: the decision paper for the partnership's board, from the config,
// the question set and templates/ alone, so it can be written before any
// partner has replied (responses are not read).
import { paperDocument } from '../compose/paper.js';
import { loadHouseStyle } from '../load/house-style.js';
import { loadPaperTemplate } from '../load/paper-template.js';
import { loadConfig, loadQuestions } from '../load/workspace.js';
import { Problems } from '../core/problems.js';
import { renderMarkdown } from '../render/markdown.js';
import { type Env, reportProblems } from './env.js';
import { writeReported } from './write-reported.js';
import { outputAt } from './workspace-inputs.js';

export async function paper(env: Env, opts: { docx: boolean }): Promise<number> {
  const problems = new Problems();
  const config = loadConfig(env.root, env.today, problems);
  const questions = config && loadQuestions(env.root, config, problems);
  const style = loadHouseStyle(env.root, problems);
  const template = loadPaperTemplate(env.root, problems);
  if (!config || !questions || !style || problems.hasInputErrors()) return reportProblems(env, problems.sorted());
  const doc = paperDocument(config, questions, template, env.today, problems);
  const files = new Map<string, string | Uint8Array>([['paper.md', renderMarkdown(doc, '..')]]);
  if (opts.docx) {
    const { renderDocx } = await import('../render/docx/index.js');
    const warn = (message: string) =>
      problems.warn('docx', { file: `${config.output}/paper.docx`, line: 1, column: 1 }, message);
    files.set(
      'paper.docx',
      await renderDocx(doc, {
        style: style.style,
        images: new Map(),
        warn,
        ...(style.referenceStyles ? { referenceStyles: style.referenceStyles } : {}),
      }),
    );
  }
  const refused = writeReported(env, problems, config.output, files, outputAt(config));
  if (refused !== undefined) return refused;
  const code = reportProblems(env, problems.sorted());
  if (!env.quiet)
    env.stdout(
      `wrote ${files.size} file${files.size === 1 ? '' : 's'} to ${config.output}/: ${[...files.keys()].join(', ')}\n`,
    );
  return code;
}
