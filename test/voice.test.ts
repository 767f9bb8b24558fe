// One voice, through the real binary: who the Word response says is speaking
// under each attribute: mode, and the Glossary annex of the Markdown and Word
// documents, both read back by pandoc; the Word form's list of terms, what
// init writes, and the bundled example.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOSSARY_YAML } from '../src/load/default-glossary.js';
import { parseGlossary } from '../src/load/glossary.js';
import { Problems } from '../src/core/problems.js';
import { readZip } from './helpers/zip.js';
import { type PandocNode, pandocJson, pandocNodes, pandocText, withPandoc } from './docx/helpers.js';
import { REPO, run } from './helpers/cli.js';

const FIXTURE = join(REPO, 'test/fixtures/glossary/input');
const USED = [
  'Local Strategic Partnership (LSP)',
  'Local Area Agreement (LAA)',
  'Crime and Disorder Reduction Partnership (CDRP)',
];

function merged(fixture = FIXTURE): string {
  const ws = mkdtempSync(join(tmpdir(), 'lsp-voice-'));
  cpSync(fixture, ws, { recursive: true });
  const r = run(['-C', ws, '--today', '2006-02-01', 'merge']);
  expect(r.code, r.stderr).toBe(0);
  return ws;
}

/** The blocks after the last level-1 heading, when that heading is "Glossary". */
function annex(blocks: PandocNode[]): PandocNode[] {
  const last = blocks.map((b) => b.t === 'Header' && (b.c as [number])[0] === 1).lastIndexOf(true);
  expect(pandocText(blocks[last]).trim()).toBe('Glossary');
  return blocks.slice(last + 1);
}

describe('who is speaking in the Word response', { timeout: 60_000 }, () => {
  /** The bold introductions before the answers to question 1, as pandoc reads them. */
  const introductions = (fixture: string): string[] => {
    const blocks = pandocJson(
      readFileSync(join(merged(join(REPO, 'test/fixtures', fixture, 'input')), 'out/response.docx')),
    ).blocks;
    const from = blocks.findIndex((b) => b.t === 'Header' && pandocText(b).trim() === 'Question 1');
    const to = blocks.findIndex((b, i) => i > from && b.t === 'Header');
    return blocks
      .slice(from, to)
      .filter((b) => b.t === 'Para' && (b.c as PandocNode[]).length === 1 && (b.c as PandocNode[])[0]!.t === 'Strong')
      .map((b) => pandocText(b).trim());
  };

  withPandoc('introduces each contribution by its author (the default), by sector, or not at all', async () => {
    expect(introductions('no-objections')).toEqual(['Borough Council:', 'Police:', 'Voluntary Action:']);
    expect(introductions('attribute-sector')).toEqual(['From the public sector:', 'From the voluntary sector:']);
    expect(introductions('attribute-none')).toEqual([]);
  });
});

describe('the Glossary annex', { timeout: 60_000 }, () => {
  withPandoc('ends the Word response and draft with exactly the terms they use, in order of first use', async () => {
    const ws = merged();
    for (const file of ['response.docx', 'draft.docx']) {
      const entries = annex(pandocJson(readFileSync(join(ws, 'out', file))).blocks);
      expect(
        entries.map((b) => pandocText(pandocNodes(b, 'Strong')[0]).replace(/\s+/g, ' ').trim()),
        file,
      ).toEqual(USED);
      expect(pandocText(entries[1]).replace(/\s+/g, ' ')).toContain(
        'An agreement on local priorities and the funding for them.',
      );
      expect(pandocNodes(entries[1], 'Link').map((l) => (l.c as [unknown, unknown, [string]])[2][0])).toEqual([
        'https://example.org/laa',
      ]);
    }
  });

  withPandoc('is the same in the Markdown response, read back by pandoc', async () => {
    const ws = merged();
    const markdown = readFileSync(join(ws, 'out/response.md'), 'utf8');
    const json = JSON.parse(
      spawnSync('pandoc', ['-f', 'gfm', '-t', 'json'], { input: markdown, encoding: 'utf8' }).stdout,
    ) as { blocks: PandocNode[] };
    expect(annex(json.blocks).map((b) => pandocText(pandocNodes(b, 'Strong')[0]).replace(/\s+/g, ' ').trim())).toEqual(
      USED,
    );
    // Sure Start is defined but used nowhere, so it is in no glossary.
    expect(markdown).not.toContain('Sure Start');
  });

  it('lists every term in the Word form, as text import skips', () => {
    const ws = merged();
    expect(run(['-C', ws, 'template', 'vcs', '--partner', 'Voluntary Action', '--format', 'docx']).code).toBe(0);
    const document = new TextDecoder().decode(
      readZip(readFileSync(join(ws, 'out/forms/vcs.docx'))).get('word/document.xml'),
    );
    for (const term of [...USED, 'Sure Start']) expect(document).toContain(term);
    const imported = run(['-C', ws, 'import', 'out/forms/vcs.docx', '--id', 'vcs', '--partner', 'Voluntary Action']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('0 answers');
    expect(readFileSync(join(ws, 'responses/vcs.md'), 'utf8')).not.toContain('Sure Start');
  });
});

describe('a broken glossary.yaml', { timeout: 60_000 }, () => {
  it('is bad input to check, merge and the Word form alike, with its position, and nothing is written', () => {
    const ws = mkdtempSync(join(tmpdir(), 'lsp-glossary-'));
    cpSync(FIXTURE, ws, { recursive: true });
    writeFileSync(join(ws, 'glossary.yaml'), 'terms:\n  - term: Local Area Agreement\n    acronym: LAA\n');
    const expected = 'glossary.yaml:2:5: error: terms.definition: definition is missing';
    for (const args of [
      ['check'],
      ['merge'],
      ['template', 'vcs', '--partner', 'Voluntary Action', '--format', 'docx'],
    ]) {
      const r = run(['-C', ws, ...args]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain(expected);
    }
    expect(existsSync(join(ws, 'out'))).toBe(false);
  });
});

describe('what init writes', () => {
  it('is a glossary.yaml that loads cleanly, and attribute: partner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsp-init-'));
    expect(run(['-C', dir, 'init', '--partnership', 'Camden Partnership', '--today', '2006-01-10']).code).toBe(0);
    expect(readFileSync(join(dir, 'glossary.yaml'), 'utf8')).toBe(DEFAULT_GLOSSARY_YAML);
    expect(readFileSync(join(dir, 'lsp-respond.yaml'), 'utf8')).toMatch(/^attribute: partner\b/m);
    const problems = new Problems();
    const glossary = parseGlossary(DEFAULT_GLOSSARY_YAML, 'glossary.yaml', problems);
    expect(problems.list).toEqual([]);
    // The terms of the glossary in seed 002's guide to LSPs.
    expect(glossary?.terms.map((t) => t.acronym ?? t.term)).toEqual([
      'AIF',
      'CLSP',
      'Community Planning',
      'Government Offices',
      'Life Long Learning',
      'LAA',
      'LDF',
      'LPSA',
      'LSP',
      'ODPM',
      'Quality of Life Indicators',
      'RSL',
      'RSS',
      'Social Exclusion',
      'Structure Plan',
      'Supporting People',
      'Sure Start',
      'Sustainable Communities',
      'Sustainable Development',
    ]);
  });
});

describe('the bundled example', { timeout: 60_000 }, () => {
  it('passes check --strict, says on its cover that its positions are invented, and ends with its glossary', () => {
    const ws = mkdtempSync(join(tmpdir(), 'lsp-example-'));
    for (const f of ['lsp-respond.yaml', 'glossary.yaml', 'composite.md', 'questions', 'responses', 'templates'])
      cpSync(join(REPO, f), join(ws, f), { recursive: true });
    const check = run(['-C', ws, 'check', '--strict']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(run(['-C', ws, 'merge', '--no-docx']).code).toBe(0);
    const response = readFileSync(join(ws, 'out/response.md'), 'utf8');
    expect(response.slice(0, response.indexOf('Endorsed by'))).toContain('the positions are invented');
    expect(response).toContain('\n# Glossary\n');
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toMatch(/the positions in the example are\s+invented/);
    // Every term init writes is in the example's glossary too.
    const example = parseGlossary(readFileSync(join(REPO, 'glossary.yaml'), 'utf8'), 'glossary.yaml', new Problems());
    const defaults = parseGlossary(DEFAULT_GLOSSARY_YAML, 'glossary.yaml', new Problems());
    expect(example?.terms.slice(0, defaults?.terms.length).map((t) => [t.term, t.definition])).toEqual(
      defaults?.terms.map((t) => [t.term, t.definition]),
    );
  });
});
