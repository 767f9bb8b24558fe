// A task that did not give the result asked for, as an error for the main thread.
import type { TaskResult } from './tasks.js';

export function failure(result: TaskResult): Error {
  const error = new Error(result.kind === 'failed' ? result.error : `unexpected ${result.kind} result`);
  if (result.kind === 'failed' && result.stack) error.stack = result.stack;
  return error;
}
