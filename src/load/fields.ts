// Shared zod pieces for the YAML files, with messages that tell a
// non-programmer what to write instead.
import { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import type { Problems } from '../core/problems.js';
import type { YamlValue } from './yaml.js';

export const textField = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${what} is missing`
          : `${what} must be text; put it in quotes if it looks like a number or date`,
    })
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const isoDateField = (what: string) =>
  z
    .string({ error: `${what} must be a date written YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what} must be a date written YYYY-MM-DD` })
    .refine(isIsoDate, { error: `${what} is not a real calendar date` });

export const QUESTION_ID = /^Q([1-9]\d*)$/;

/** Warns about keys a mapping has that the format does not know, instead of silently ignoring them. */
export function warnUnknownKeys(
  yaml: YamlValue,
  path: readonly PropertyKey[],
  known: readonly string[],
  problems: Problems,
  where: string,
): void {
  let node: unknown = yaml.value;
  for (const key of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  for (const key of Object.keys(node)) {
    if (!known.includes(key)) {
      problems.warn(
        'unknown-key',
        yaml.keyAt([...path, key]),
        `unknown key '${key}' in ${where} is ignored; known keys are ${known.join(', ')}`,
      );
    }
  }
}

export function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.filter((p) => typeof p === 'string').join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}
