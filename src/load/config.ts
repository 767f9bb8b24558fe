// lsp-respond.yaml -> Config. Absent file means all defaults except the
// partnership name, which then comes from nowhere: that is an error.
import { posix } from 'node:path';
import { z } from 'zod';
import { ATTRIBUTIONS, type Config, type Contact } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { describeIssue, isoDateField, QUESTION_ID, textField, warnUnknownKeys } from './fields.js';
import { PARTNER_ID } from './partner-id.js';
import { readYamlMapping, parseWithSchema } from './yaml.js';

export const CONFIG_FILE = 'lsp-respond.yaml';

const KEYS = [
  'partnership',
  'short',
  'questions',
  'responses',
  'output',
  'date',
  'draft_date',
  'deadlines',
  'partners',
  'abstain',
  'contact',
  'attribute',
  'notice',
  'views_to',
] as const;
const CONTACT_KEYS = ['name', 'role', 'email', 'phone', 'address'] as const;

const relativePath = (what: string) =>
  textField(what).refine((p) => !p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p), {
    error: `${what} must be a path relative to the workspace`,
  });

const contactSchema = (key: string) =>
  z.object(
    {
      name: textField(`${key}.name`),
      role: textField(`${key}.role`).optional(),
      email: textField(`${key}.email`).optional(),
      phone: textField(`${key}.phone`).optional(),
      address: textField(`${key}.address`).optional(),
    },
    { error: `${key} must be a mapping: name, and optionally role, email, phone and address` },
  );

const toContact = (c: z.infer<ReturnType<typeof contactSchema>>): Contact => ({
  name: c.name,
  role: c.role ?? null,
  email: c.email ?? null,
  phone: c.phone ?? null,
  address: c.address ?? null,
});

const schema = z.object({
  partnership: textField('partnership'),
  short: textField('short').optional(),
  questions: relativePath('questions').optional(),
  responses: relativePath('responses').optional(),
  output: relativePath('output').optional(),
  date: isoDateField('date').optional(),
  draft_date: isoDateField('draft_date').optional(),
  contact: contactSchema('contact').optional(),
  views_to: contactSchema('views_to').optional(),
  notice: textField('notice').optional(),
  attribute: z.enum(ATTRIBUTIONS, { error: `attribute must be one of ${ATTRIBUTIONS.join(', ')}` }).optional(),
  deadlines: z
    .record(z.string(), isoDateField('a deadline'), {
      error: 'deadlines must map a name to a date, e.g. submission: 2006-03-03',
    })
    .optional(),
  partners: z
    .array(z.string().regex(PARTNER_ID, { error: 'a partner id uses only a-z, 0-9 and -' }), {
      error: 'partners must be a list of partner ids',
    })
    .optional(),
  abstain: z
    .record(
      z.string().regex(QUESTION_ID, { error: 'abstain keys are question ids such as Q27' }),
      textField('the reason for a collective abstention'),
      { error: 'abstain must map a question id to the reason, e.g. Q27: We take no collective view.' },
    )
    .optional(),
});

export function parseConfig(source: string, file: string, today: string, problems: Problems): Config | null {
  const yaml = readYamlMapping(source, file, problems, `${file} must be a mapping with at least 'partnership: <name>'`);
  if (!yaml) return null;
  warnUnknownKeys(yaml, [], KEYS, problems, file);
  warnUnknownKeys(yaml, ['contact'], CONTACT_KEYS, problems, `${file} (contact)`);
  warnUnknownKeys(yaml, ['views_to'], CONTACT_KEYS, problems, `${file} (views_to)`);
  const data = parseWithSchema(yaml, schema, problems, describeIssue);
  if (!data) return null;
  const clash = outputClash(data.output ?? 'out', data.responses ?? 'responses', data.questions ?? null);
  if (clash) {
    problems.error(
      'schema',
      yaml.at(['output']),
      `output: ${clash}; outputs go in a directory of their own inside the workspace, such as out`,
    );
    return null;
  }
  const seen = new Set<string>();
  data.partners?.forEach((id, i) => {
    if (seen.has(id))
      problems.warn(
        'partner-listed-twice',
        yaml.at(['partners', i]),
        `partner '${id}' is listed twice in partners; the first place counts`,
      );
    seen.add(id);
  });
  return {
    partnership: data.partnership,
    short: data.short ?? data.partnership,
    questions: data.questions ?? null,
    responses: data.responses ?? 'responses',
    output: data.output ?? 'out',
    date: data.date ?? today,
    draftDate: data.draft_date ?? today,
    contact: data.contact ? toContact(data.contact) : null,
    viewsTo: data.views_to ? toContact(data.views_to) : data.contact ? toContact(data.contact) : null,
    attribute: data.attribute ?? 'partner',
    notice: data.notice ?? null,
    fileTag: data.short ? fileTag(data.short) : null,
    deadlines: data.deadlines ?? {},
    deadlineAt: Object.fromEntries(
      Object.keys(data.deadlines ?? {}).map((name) => [name, yaml.at(['deadlines', name])]),
    ),
    partners: data.partners ? [...seen] : null,
    abstain: Object.entries(data.abstain ?? {}).map(([question, reason]) => ({
      question,
      reason,
      position: yaml.keyAt(['abstain', question]),
    })),
    file,
    at: Object.fromEntries(
      (['questions', 'responses', 'output'] as const)
        .filter((k) => data[k] !== undefined)
        .map((k) => [k, yaml.at([k])]),
    ),
  };
}

/**
 * Why `output` cannot hold the outputs, or null. Outputs are written and
 * pruned there, so it must neither leave the workspace nor overlap an input
 * directory: inputs are never modified.
 */
function outputClash(output: string, responses: string, questions: string | null): string | null {
  const clean = (p: string) => posix.normalize(p.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
  const out = clean(output);
  if (out === '..' || out.startsWith('../')) return `'${output}' is outside the workspace`;
  if (out === '.') return `'${output}' is the workspace itself, beside the inputs`;
  const overlaps = (dir: string) => out === dir || out.startsWith(`${dir}/`) || dir.startsWith(`${out}/`);
  for (const input of [clean(responses), 'questions', 'templates', ...(questions ? [clean(questions)] : [])]) {
    if (overlaps(input))
      return `'${output}' ${out === input ? 'is' : input.startsWith(`${out}/`) ? 'contains' : 'is inside'} '${input}', which holds inputs`;
  }
  return null;
}

/** The short name as a file-name prefix: `KCP` stays, `K&C Partnership` becomes `K-C-Partnership`. */
function fileTag(short: string): string | null {
  const tag = short
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return tag === '' ? null : tag;
}

/** The schema itself, for the commented config `init` writes (config-doc.ts documents every key of it). */
export { schema as configSchema };
