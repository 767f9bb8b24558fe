// glossary.yaml -> Glossary: the terms and acronyms the documents explain at
// their end, and the acronyms that need no explanation. The file is optional.
import { z } from 'zod';
import type { Glossary } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { describeIssue, textField, warnUnknownKeys } from './fields.js';
import { readText } from './files.js';
import { readYamlMapping, parseWithSchema } from './yaml.js';

export const GLOSSARY_FILE = 'glossary.yaml';

const ACRONYM = /^[A-Z][A-Za-z0-9&]*[A-Z0-9]$/;
const acronym = (what: string) =>
  z
    .string({ error: `${what} must be text such as LAA` })
    .trim()
    .regex(ACRONYM, { error: `${what} must be an acronym such as LAA: capitals (and digits), no spaces` });

const schema = z.object({
  terms: z
    .array(
      z.object(
        {
          term: textField('term'),
          acronym: acronym('acronym').optional(),
          definition: textField('definition'),
          url: z
            .url({ protocol: /^https?$/, error: 'url must be a web address starting http:// or https://' })
            .optional(),
        },
        { error: 'each term is a mapping: term, definition, and optionally acronym and url' },
      ),
      { error: 'terms must be a list of {term, acronym, definition, url}' },
    )
    .optional(),
  ignore: z
    .array(acronym('each entry of ignore'), { error: 'ignore must be a list of acronyms, e.g. [UK, NHS]' })
    .optional(),
});

const KEYS = ['terms', 'ignore'] as const;
const TERM_KEYS = ['term', 'acronym', 'definition', 'url'] as const;

export function parseGlossary(source: string, file: string, problems: Problems): Glossary | null {
  const yaml = readYamlMapping(
    source,
    file,
    problems,
    `${file} must be a mapping with 'terms:' (a list of term, acronym, definition, url) and optionally 'ignore:' (acronyms that need no explanation)`,
  );
  if (!yaml) return null;
  warnUnknownKeys(yaml, [], KEYS, problems, file);
  const listed = (yaml.value as { terms?: unknown }).terms;
  if (Array.isArray(listed))
    for (const i of listed.keys()) warnUnknownKeys(yaml, ['terms', i], TERM_KEYS, problems, `${file} (a term)`);
  const data = parseWithSchema(yaml, schema, problems, describeIssue);
  if (!data) return null;
  const terms = (data.terms ?? []).map((t, i) => ({
    term: t.term,
    acronym: t.acronym ?? null,
    definition: t.definition,
    url: t.url ?? null,
    position: yaml.at(['terms', i, 'term']),
  }));
  const seen = new Map<string, number>();
  terms.forEach((t, i) => {
    for (const [name, shown] of [
      [t.term.toLowerCase(), t.term],
      ...(t.acronym ? [[t.acronym, t.acronym]] : []),
    ] as const) {
      const first = seen.get(name);
      if (first !== undefined)
        problems.error(
          'schema',
          t.position,
          `'${shown}' is already defined at line ${terms[first]!.position.line} of ${file}; define each term and acronym once: merge the two entries`,
        );
      seen.set(name, i);
    }
  });
  return { terms, ignore: data.ignore ?? [], file };
}

/** The workspace's glossary.yaml, or null when there is none (or it is broken: problems say why). */
export function loadGlossary(root: string, problems: Problems): Glossary | null {
  const source = readText(root, GLOSSARY_FILE, problems, true);
  return source === null ? null : parseGlossary(source, GLOSSARY_FILE, problems);
}
