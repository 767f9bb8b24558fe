// The work that can run on any thread: parsing partner files and rendering a
// document in its formats. The main thread runs a task itself for small
// workspaces and hands it to a worker for large ones; either way the same
// function does it, with problems and warnings returned as plain data.
import type { DocumentModel } from '../core/document.js';
import type { DocumentFormat } from '../compose/plan.js';
import type { HouseStyle } from '../core/style.js';
import { type ParsedPartner, parsePartnerFile } from '../load/response.js';
import type { Position, QuestionSet } from '../core/model.js';
import { type Problem, Problems } from '../core/problems.js';
import { WRITERS } from '../render/writers.js';

export type Task =
  | { kind: 'parse'; files: { file: string; source: string }[]; questions: QuestionSet }
  | {
      kind: 'render';
      doc: DocumentModel;
      formats: readonly DocumentFormat[];
      toRoot: string;
      style: HouseStyle;
      images: ReadonlyMap<string, Uint8Array>;
    };

export interface RenderWarning {
  format: DocumentFormat;
  message: string;
  at?: Position;
}

export type TaskResult =
  | { kind: 'parse'; parsed: { result: ParsedPartner | null; problems: Problem[] }[] }
  | { kind: 'render'; outputs: [DocumentFormat, string | Uint8Array][]; warnings: RenderWarning[] }
  /** Anything else: a bug, reported as such by the main thread. */
  | { kind: 'failed'; error: string; stack?: string };

export async function perform(task: Task): Promise<TaskResult> {
  try {
    return task.kind === 'parse' ? parse(task) : await render(task);
  } catch (e) {
    return {
      kind: 'failed',
      error: String((e as Error)?.message ?? e),
      ...((e as Error)?.stack ? { stack: (e as Error).stack } : {}),
    };
  }
}

function parse(task: Extract<Task, { kind: 'parse' }>): TaskResult {
  return {
    kind: 'parse',
    parsed: task.files.map(({ file, source }) => {
      const problems = new Problems();
      return { result: parsePartnerFile(source, file, task.questions, problems), problems: problems.list };
    }),
  };
}

async function render(task: Extract<Task, { kind: 'render' }>): Promise<TaskResult> {
  const warnings: RenderWarning[] = [];
  const outputs: [DocumentFormat, string | Uint8Array][] = [];
  for (const format of task.formats) {
    const warn = (message: string, at?: Position) =>
      void warnings.push(at ? { format, message, at } : { format, message });
    outputs.push([
      format,
      await WRITERS[format]({ doc: task.doc, toRoot: task.toRoot, style: task.style, images: task.images, warn }),
    ]);
  }
  return { kind: 'render', outputs, warnings };
}
