// Every command reads its inputs the same way: check (the CI gate) reports a
// bad house style exactly as merge does, and template finds the question set
// as check does.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { answerAll, partner, workspace } from './helpers/workspace.js';
import { storedZip } from './helpers/zip.js';

const CONFIG = 'partnership: Camden Partnership\nquestions: questions/odpm-lsp-2005.yaml\n';

describe('a bad templates/style.yaml', () => {
  it('fails check with the same positioned error and exit code as merge', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner('partner: Camden Council', answerAll()),
      'templates/style.yaml': 'sizes:\n  body: 200\n',
    });
    const check = run(['-C', ws, 'check']);
    const merge = run(['-C', ws, 'merge']);
    expect(check.code).toBe(2);
    expect(merge.code).toBe(2);
    expect(check.stderr).toMatch(/^templates\/style\.yaml:2:9: error: .*96 points/m);
    const line = (s: string) => s.split('\n').find((l) => l.startsWith('templates/style.yaml'));
    expect(line(check.stderr)).toBe(line(merge.stderr));
  });

  it('a damaged templates/reference.docx fails check too', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner('partner: Camden Council', answerAll()),
      'templates/reference.docx': 'not a zip',
    });
    const check = run(['-C', ws, 'check']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('templates/reference.docx:1:1: error: templates/reference.docx cannot be used');
  });

  it('a reference.docx whose styles part is not well-formed XML stops merge before anything is written', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner('partner: Camden Council', answerAll()),
      // Its styles would be copied into every document, which Word could then not open.
      'templates/reference.docx': storedZip({
        'word/styles.xml':
          '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="A"></w:styles>',
      }),
    });
    const merge = run(['-C', ws, 'merge']);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(
      'templates/reference.docx:1:1: error: templates/reference.docx cannot be used: the .docx file is damaged: word/styles.xml is not well-formed XML (1:115: unexpected close tag.); save it from Word as a .docx or delete it',
    );
    expect(existsSync(join(ws, 'out'))).toBe(false);
  });
});

describe('template finds the question set as check does', () => {
  it('a question-set path that is a directory is bad input (exit 2), not a crash', () => {
    const ws = workspace({ 'lsp-respond.yaml': 'partnership: Camden Partnership\nquestions: questions/set\n' });
    mkdirSync(join(ws, 'questions/set'));
    for (const format of ['md', 'docx']) {
      const r = run(['-C', ws, 'template', 'ccen', '--partner', 'Camden CEN', '--format', format]);
      expect(r.code, format).toBe(2);
      expect(r.stderr).toMatch(/^questions\/set:1:1: error: questions\/set is a directory, not a file/m);
      expect(r.stderr).not.toMatch(/report|\n\s+at /);
    }
  });

  it('uses the workspace question set, whatever it is', () => {
    const set = [
      'id: test-set',
      'title: A small consultation',
      'publisher: Test Office',
      'published: "2006-01-01"',
      'closes: "2006-02-01"',
      'sections:',
      '  - title: Only section',
      '    questions:',
      '      - id: Q1',
      '        text: "Is this the only question?"',
      '',
    ].join('\n');
    const ws = workspace(
      { 'lsp-respond.yaml': 'partnership: Camden Partnership\n', 'questions/small.yaml': set },
      { questions: false },
    );
    const r = run(['-C', ws, 'template', 'ccen', '--partner', 'Camden CEN']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(ws, 'responses/ccen.md'), 'utf8');
    expect(text).toContain('## Q1: Is this the only question?');
    expect(text).not.toContain('## Q2');
  });
});
