// The workspace around the responses: missing or broken question sets, an
// output directory that cannot be written, awkward paths, bad arguments.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, CONFIG, failedMerge, files, fullResponse, lsp, merged, NO_STACK, pos, workspace } from './harness.js';
import { REPO, run } from '../helpers/cli.js';

const MPS = fullResponse('partner: Metropolitan Police Service\nsector: public');
const ODPM = readFileSync(join(REPO, 'questions/odpm-lsp-2005.yaml'), 'utf8');

describe('question sets', { timeout: 60_000 }, () => {
  it('reports a missing question set, where it is configured or where it is looked for', () => {
    const none = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': MPS }, { questions: false });
    expect(check(none, 2)).toContain(
      "lsp-respond.yaml:1:1: error: no question set: put one in questions/ (lsp-respond init copies the ODPM set there) or set 'questions:' in lsp-respond.yaml",
    );
    const wrong = workspace({
      'lsp-respond.yaml': `${CONFIG}questions: questions/lsp-2006.yaml\n`,
      'responses/mps.md': MPS,
    });
    expect(check(wrong, 2)).toContain(
      "lsp-respond.yaml:3:12: error: the question set questions/lsp-2006.yaml does not exist; correct 'questions:' or put the question set there",
    );
    failedMerge(wrong, 2);
  });

  it('refuses a question set with a duplicate id, at the second', () => {
    const twice = ODPM.replace('- id: Q4\n', '- id: Q3\n');
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'questions/odpm-lsp-2005.yaml': twice,
      'responses/mps.md': MPS,
    });
    const first = pos(twice, 'id: Q3').split(':')[0];
    const second = twice.indexOf('id: Q3', twice.indexOf('id: Q3') + 1);
    expect(check(ws, 2)).toContain(
      `questions/odpm-lsp-2005.yaml:${pos(twice, 'Q3', second)}: error: question Q3 is defined twice (first at line ${first}); give each question its own id`,
    );
  });

  it('refuses a question without text, saying it is missing', () => {
    const lines = ODPM.split('\n');
    const q5 = lines.findIndex((l) => l.trim() === '- id: Q5');
    lines.splice(q5 + 1, 1); // the text: line
    const noText = lines.join('\n');
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'questions/odpm-lsp-2005.yaml': noText,
      'responses/mps.md': MPS,
    });
    expect(check(ws, 2)).toContain(
      `questions/odpm-lsp-2005.yaml:${pos(noText, 'id: Q5')}: error: sections.topics.questions.text: text is missing`,
    );
  });
});

describe('the output directory', { timeout: 60_000 }, () => {
  it('refuses to merge when out is a file, changing nothing', () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': MPS, out: 'Notes kept by an officer.\n' });
    const before = files(ws);
    const r = lsp(ws, ['merge'], { output: 'none' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "lsp-respond.yaml:1:1: error: out exists but is not a directory; move it away or choose another 'output:' in lsp-respond.yaml",
    );
    expect(files(ws)).toEqual(before);
  });

  it('refuses to merge into a directory it cannot create or write, changing nothing', () => {
    if (process.getuid?.() === 0) {
      // Permissions mean nothing to root: a path below a file is unwritable for everyone.
      const ws = workspace({
        'lsp-respond.yaml': `${CONFIG}output: minutes.txt/out\n`,
        'minutes.txt': 'Minutes.\n',
        'responses/mps.md': MPS,
      });
      const before = files(ws);
      const r = lsp(ws, ['merge'], { output: 'none' });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "lsp-respond.yaml:3:9: error: cannot create the directory minutes.txt/out: part of the path is a file, not a directory; choose another 'output:' in lsp-respond.yaml or fix the permissions",
      );
      expect(files(ws)).toEqual(before);
      return;
    }
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': MPS,
      'out/response.md': 'Previous response.\n',
    });
    chmodSync(join(ws, 'out'), 0o555);
    try {
      const err = failedMerge(ws, 2);
      expect(err).toContain(
        'lsp-respond.yaml:1:1: error: cannot write to out: permission denied; check that it is a writable directory',
      );
    } finally {
      chmodSync(join(ws, 'out'), 0o755);
    }
  });

  it('refuses an output directory among the inputs or outside the workspace', () => {
    for (const [output, why] of [
      ['responses', "'responses' is 'responses', which holds inputs"],
      ['.', "'.' is the workspace itself, beside the inputs"],
      ['../elsewhere', "'../elsewhere' is outside the workspace"],
      ['templates', "'templates' is 'templates', which holds inputs"],
      ['templates/out', "'templates/out' is inside 'templates', which holds inputs"],
    ]) {
      const ws = workspace({ 'lsp-respond.yaml': `${CONFIG}output: ${output}\n`, 'responses/mps.md': MPS });
      const err = failedMerge(ws, 2, ['--no-docx'], 'none');
      expect(err, output).toContain(
        `lsp-respond.yaml:3:9: error: output: ${why}; outputs go in a directory of their own inside the workspace, such as out`,
      );
      expect(files(ws).size).toBe(3);
    }
  });

  it('replaces stale outputs and keeps a directory in the way of an output intact', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': MPS,
      'out/response.md/keep.txt': 'A note.\n',
      'out/.draft.md.tmp-99999': 'debris',
    });
    const before = files(join(ws, 'out'));
    const r = lsp(ws, ['merge', '--no-docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'lsp-respond.yaml:1:1: error: out/response.md is a directory; move it away so the output can be written',
    );
    // Nothing was renamed into place; only the stale temporary file of a killed run was cleared away.
    const after = files(join(ws, 'out'));
    before.delete('.draft.md.tmp-99999');
    expect(after).toEqual(before);
    rmSync(join(ws, 'out/response.md'), { recursive: true });
    merged(ws);
  });
});

describe('house style files', { timeout: 60_000 }, () => {
  it('reports a style file that is a directory or binary, instead of crashing', () => {
    const dir = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': MPS,
      'templates/style.yaml/README': 'Oops.\n',
    });
    expect(failedMerge(dir, 2)).toContain(
      'templates/style.yaml:1:1: error: templates/style.yaml is a directory, not a file; fix it or delete it to use the default house style',
    );
    const binary = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': MPS,
      'templates/style.yaml': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
    });
    expect(failedMerge(binary, 2)).toContain(
      'templates/style.yaml:1:6: error: templates/style.yaml is not a text file (it contains a NUL byte); save it as UTF-8 YAML',
    );
  });
});

describe('paths and arguments', { timeout: 60_000 }, () => {
  it('works in a directory whose name has spaces and non-ASCII characters', () => {
    const ws = workspace(
      { 'lsp-respond.yaml': CONFIG, 'responses/mps.md': MPS },
      { prefix: 'Partnership Résponse – 2006 ' },
    );
    const sub = join(ws, 'Kensington & Chelsea (draft) ü');
    mkdirSync(join(sub, 'responses'), { recursive: true });
    mkdirSync(join(sub, 'questions'));
    writeFileSync(join(sub, 'lsp-respond.yaml'), CONFIG);
    writeFileSync(join(sub, 'questions/odpm-lsp-2005.yaml'), ODPM);
    writeFileSync(join(sub, 'responses/mps.md'), `${MPS}\n## Q36\n\nExtra.\n`);
    check(ws, 0);
    expect(merged(ws).out('response.md')).toContain('Agreed on question 1.');
    // Positions stay relative to the workspace, whatever its name.
    expect(check(sub, 2)).toMatch(/^responses\/mps\.md:\d+:1: error: unknown question Q36/m);
  });

  it('exits 2 for a bad --today, an unknown command or option, and a missing workspace', () => {
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': MPS });
    const cases: [string[], string][] = [
      [
        ['check', '--today', '2006-02-30'],
        "lsp-respond: error: --today must be a date written YYYY-MM-DD, not '2006-02-30'",
      ],
      [
        ['check', '--today', 'tomorrow'],
        "lsp-respond: error: --today must be a date written YYYY-MM-DD, not 'tomorrow'",
      ],
      [['publish'], "error: unknown command 'publish'"],
      [['check', '--fix'], "error: unknown option '--fix'"],
      [['merge', '--format', 'pdf'], "error: unknown option '--format'"],
      [
        ['check', '--format', 'xml'],
        "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, github.",
      ],
    ];
    for (const [args, message] of cases) {
      const r = lsp(ws, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    const missing = run(['-C', join(ws, 'no such dir'), 'check']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `lsp-respond: error: workspace directory ${join(ws, 'no such dir')} does not exist`,
    );
    expect(missing.stderr).not.toMatch(NO_STACK);
    expect(files(join(ws, 'out')).size).toBe(0);
  });
});
