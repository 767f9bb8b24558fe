// The config `init` writes documents every key the schema accepts, and its
// examples are valid: uncommented, the whole file is a config with no problem.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_DOC, annotated, commentedConfig } from '../src/load/config-doc.js';
import { configSchema, parseConfig } from '../src/load/config.js';
import { Problems } from '../src/core/problems.js';
import { stringify } from 'yaml';

const given = { partnership: 'Camden Partnership', questions: 'questions/odpm-lsp-2005.yaml', date: '2006-01-10' };
const written = `${annotated(stringify(given))}\n${commentedConfig(Object.keys(given))}`;

describe('the config init writes', () => {
  it('documents exactly the keys the schema accepts', () => {
    expect(Object.keys(CONFIG_DOC).sort()).toEqual(Object.keys(configSchema.shape).sort());
    const keys = [...written.matchAll(/^(?:# )?([a-z_]+):/gm)].map((m) => m[1]);
    expect(keys.sort()).toEqual(Object.keys(configSchema.shape).sort());
  });

  it('keeps the given values, with their meaning in comments', () => {
    expect(parse(written)).toEqual(given);
  });

  it('is a valid config with every example uncommented', () => {
    const all = written.replace(/^# (?=[a-z_]+:| )/gm, '');
    const problems = new Problems();
    const config = parseConfig(all, 'lsp-respond.yaml', '2006-01-10', problems);
    expect(problems.list).toEqual([]);
    expect(Object.keys(parse(all) as object).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(config?.viewsTo?.name).toBe('Rachel Smith');
  });
});
