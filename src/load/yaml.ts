// YAML at the edge: parse strictly (YAML 1.2 core schema, unique keys, few
// aliases), keep a way back from any value path to its line and column, and
// turn zod issues into positioned problems.
import { isAlias, isCollection, isNode, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { Position } from '../core/model.js';
import type { Problems } from '../core/problems.js';

export interface YamlValue {
  value: unknown;
  /** The position of the value at `path`, or of its nearest existing ancestor. */
  at(path: readonly PropertyKey[]): Position;
  /** The position of the key that ends `path`. */
  keyAt(path: readonly PropertyKey[]): Position;
}

/** Whether a parsed YAML value is a mapping (not a scalar, a list or empty). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A YAML file that must be a mapping: null, with a `schema` problem saying what it must hold (`expected`), when it is not. */
export function readYamlMapping(text: string, file: string, problems: Problems, expected: string): YamlValue | null {
  const yaml = readYaml(text, file, problems);
  if (!yaml) return null;
  if (!isMapping(yaml.value)) {
    problems.error('schema', yaml.at([]), expected);
    return null;
  }
  return yaml;
}

const MAX_ALIASES = 50;

/**
 * Parses `text` (which starts at line `firstLine` of `file`). Returns null and
 * records problems when the text is not valid YAML.
 */
export function readYaml(text: string, file: string, problems: Problems, firstLine = 1): YamlValue | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
    merge: false,
    resolveKnownTags: false,
    prettyErrors: false,
    strict: true,
  });
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { file, line: p.line + firstLine - 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const what = e.code === 'DUPLICATE_KEY' ? 'a key appears twice; keep one' : yamlMessage(e.message);
      problems.error('yaml-syntax', pos(e.pos[0]), `invalid YAML: ${what}`);
    }
    return null;
  }
  let firstAlias: number | null = null;
  visit(doc, {
    Alias(_, node) {
      firstAlias ??= node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    // The yaml package throws a plain ReferenceError for alias bombs.
    problems.error(
      'yaml-alias',
      pos(firstAlias ?? 0),
      `invalid YAML: too many aliases (more than ${MAX_ALIASES}); write the values out`,
    );
    return null;
  }
  return {
    value,
    at(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && !isAlias(node) && node.range) {
          // A collection's own range starts at its first entry; the key is a better anchor.
          const offset =
            isCollection(node) && n > 0 ? (keyOffset(doc, path.slice(0, n)) ?? node.range[0]) : node.range[0];
          return pos(offset);
        }
      }
      return pos(0);
    },
    keyAt(path) {
      const offset = keyOffset(doc, path);
      return offset === null ? this.at(path) : pos(offset);
    },
  };
}

function keyOffset(doc: ReturnType<typeof parseDocument>, path: readonly PropertyKey[]): number | null {
  const parent = doc.getIn(path.slice(0, -1) as unknown[], true);
  if (!isCollection(parent)) return null;
  const last = path[path.length - 1];
  for (const item of parent.items as unknown[]) {
    const pair = item as { key?: { value?: unknown; range?: [number, number, number] } };
    if (pair.key && pair.key.value === last && pair.key.range) return pair.key.range[0];
  }
  return null;
}

function yamlMessage(message: string): string {
  // The yaml package appends a source excerpt after a newline; the position already says where.
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Validates `yaml.value` against `schema`, recording each issue at its position. */
export function parseWithSchema<T>(
  yaml: YamlValue,
  schema: z.ZodType<T>,
  problems: Problems,
  describe: (issue: z.core.$ZodIssue) => string,
): T | null {
  const result = schema.safeParse(yaml.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.error('schema', yaml.at(issue.path), describe(issue));
  return null;
}
