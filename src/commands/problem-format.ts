// Problems for people (text), for CI logs (GitHub annotations) and for
// scripts (JSON), as SPEC 2 describes them.
import type { Problem } from '../core/problems.js';

export type ProblemFormat = 'text' | 'json' | 'github';

export function formatProblems(
  problems: readonly Problem[],
  format: ProblemFormat,
  ok: boolean,
  color: boolean,
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          ok,
          problems: problems.map((p) => ({
            severity: p.severity,
            code: p.code,
            message: p.message,
            file: p.file,
            line: p.line,
            column: p.column,
          })),
        },
        null,
        2,
      )}\n`;
    case 'github':
      return problems
        .map(
          (p) =>
            `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.code)}::${escapeData(p.message)}\n`,
        )
        .join('');
    case 'text':
      return problems
        .map((p) => `${p.file}:${p.line}:${p.column}: ${paint(p.severity, color)}: ${p.message}\n`)
        .join('');
  }
}

function paint(severity: Problem['severity'], color: boolean): string {
  if (!color) return severity;
  return severity === 'error' ? `\u001b[31m${severity}\u001b[39m` : `\u001b[33m${severity}\u001b[39m`;
}

// GitHub's workflow-command escaping.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
