// Problems are collected, not thrown: every stage adds positioned messages and
// the command decides the exit code from what was collected.
import type { Position } from './model.js';
import type { CodesOf, ProblemCode } from './problem-codes.js';

export type Severity = 'error' | 'warning';

/**
 * `input` problems are bad input (exit 2); `completeness` problems mean the
 * response is not ready (exit 1).
 */
export type ProblemKind = 'input' | 'completeness';

export interface Problem {
  severity: Severity;
  kind: ProblemKind;
  code: ProblemCode;
  message: string;
  file: string;
  line: number;
  column: number;
}

/** How a writer reports something it could not render as itself: where it is in a workspace file, when known. */
export type Warn = (message: string, at?: Position) => void;

export class Problems {
  readonly list: Problem[] = [];

  private add(severity: Severity, kind: ProblemKind, code: ProblemCode, at: Position, message: string): void {
    this.list.push({ severity, kind, code, message, file: at.file, line: at.line, column: at.column });
  }

  error(code: CodesOf<'error', 'input'>, at: Position, message: string): void {
    this.add('error', 'input', code, at, message);
  }

  warn(code: CodesOf<'warning', 'input'>, at: Position, message: string): void {
    this.add('warning', 'input', code, at, message);
  }

  incomplete(code: CodesOf<'error', 'completeness'>, at: Position, message: string): void {
    this.add('error', 'completeness', code, at, message);
  }

  /** Problems found elsewhere (a worker thread), in the order found. */
  absorb(found: readonly Problem[]): void {
    this.list.push(...found);
  }

  hasInputErrors(): boolean {
    return this.list.some((p) => p.severity === 'error' && p.kind === 'input');
  }

  /** Problems sorted by file, line, column, so output never depends on discovery order. */
  sorted(): Problem[] {
    return [...this.list].sort(
      (a, b) =>
        cmp(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        cmp(a.code, b.code) ||
        cmp(a.message, b.message),
    );
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0: fine; 1: incomplete, or warnings under --strict; 2: bad input. */
export function exitCodeFor(problems: readonly Problem[], strict: boolean): 0 | 1 | 2 {
  if (problems.some((p) => p.severity === 'error' && p.kind === 'input')) return 2;
  if (problems.some((p) => p.severity === 'error')) return 1;
  if (strict && problems.length > 0) return 1;
  return 0;
}
