// A task that did not give the result asked for, as an error for the main thread.
import { ReferenceDocError } from '../render/docx/reference.js';
import type { TaskResult } from './tasks.js';

export function failure(result: TaskResult): Error {
  if (result.kind === 'reference') return new ReferenceDocError(result.message);
  const error = new Error(result.kind === 'failed' ? result.error : `unexpected ${result.kind} result`);
  if (result.kind === 'failed' && result.stack) error.stack = result.stack;
  return error;
}
