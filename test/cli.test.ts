// The commands as a user runs them, through the built binary.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/load/config.js';
import { REPO, run } from './helpers/cli.js';
import { answerAll, partner, workspace } from './helpers/workspace.js';

const STACK_TRACE = /\n\s+at /;

describe('the example workspace', () => {
  it('passes check, and prints the SPEC JSON with --format json', () => {
    const text = run(['check']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^check passed: 31 of 35 questions answered, 4 abstained; 6 partners/);
    const json = run(['check', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, problems: [] });
  });

  it('shows status with days left to each deadline', () => {
    const r = run(['status', '--today', '2006-02-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('views: 2006-02-11 (10 days left)');
    expect(r.stdout).toContain('submission: 2006-03-03 (30 days left)');
    expect(r.stdout).toMatch(/^rbkc {8,}S {2}A/m);
    expect(r.stdout).toContain('mps cannot endorse Q18');
    const late = run(['status', '--today', '2006-03-04']);
    expect(late.stdout).toContain('submission: 2006-03-03 (1 day ago)');
  });
});

describe('global options and exit codes', () => {
  it('prints help and version with exit 0', () => {
    expect(run(['--help']).code).toBe(0);
    expect(run(['check', '--help']).stdout).toContain('--format <format>');
    expect(run(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });

  it('exits 2 for usage errors', () => {
    for (const args of [
      ['frobnicate'],
      ['check', '--format', 'xml'],
      ['check', '--today', '2006-02-30'],
      ['-C', '/no/such/dir', 'check'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it('exits 1 for an incomplete response and 2 for bad input, in every format', () => {
    const incomplete = workspace({
      'lsp-respond.yaml': 'partnership: P\n',
      'responses/a.md': partner('partner: A', answerAll(['Q7'])),
    });
    const r1 = run(['-C', incomplete, 'check']);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/^questions\/odpm-lsp-2005\.yaml:\d+:\d+: error: no partner answers Q7; /m);
    const gh = run(['-C', incomplete, 'check', '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(
      /^::error file=questions\/odpm-lsp-2005\.yaml,line=\d+,col=\d+,title=unanswered::no partner answers Q7/m,
    );
    const source = partner('partner: A', `${answerAll()}\n## Q36\n\nExtra.\n`);
    const bad = workspace({ 'lsp-respond.yaml': 'partnership: P\n', 'responses/a.md': source });
    const r2 = run(['-C', bad, 'check', '--format', 'json']);
    expect(r2.code).toBe(2);
    const json = JSON.parse(r2.stdout) as { ok: boolean; problems: object[] };
    expect(json.ok).toBe(false);
    expect(json.problems).toContainEqual({
      severity: 'error',
      code: 'unknown-question',
      message: 'unknown question Q36; the question set has Q1-Q35',
      file: 'responses/a.md',
      line: source.split('\n').indexOf('## Q36') + 1,
      column: 1,
    });
  });

  it('fails warnings under --strict and hides them under --quiet', () => {
    const ws = workspace({
      'lsp-respond.yaml': 'partnership: P\ncolour: red\n',
      'responses/a.md': partner('partner: A', answerAll()),
    });
    expect(run(['-C', ws, 'check']).code).toBe(0);
    const strict = run(['-C', ws, 'check', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("lsp-respond.yaml:2:1: warning: unknown key 'colour'");
    const quiet = run(['-C', ws, '--quiet', 'check']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe('');
  });
});

describe('init and template', () => {
  it('creates a workspace, a template that check --partners reads, and refuses to overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsp-init-'));
    const init = run(['-C', dir, 'init', 'ws', '--partnership', 'Camden Partnership', '--today', '2006-01-10']);
    expect(init.code).toBe(0);
    const root = join(dir, 'ws');
    for (const f of ['lsp-respond.yaml', 'questions/odpm-lsp-2005.yaml', 'templates/style.yaml'])
      expect(existsSync(join(root, f)), f).toBe(true);
    expect(readFileSync(join(root, 'questions/odpm-lsp-2005.yaml'), 'utf8')).toBe(
      readFileSync(join(REPO, 'questions/odpm-lsp-2005.yaml'), 'utf8'),
    );
    // Every key the config accepts is in the file, set or commented (test/config-doc.test.ts checks the text).
    const config = readFileSync(join(root, 'lsp-respond.yaml'), 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(config, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    for (const f of ['package.json', '.gitignore', 'README.md', '.github/workflows/lsp-respond.yml'])
      expect(existsSync(join(root, f)), f).toBe(true);
    expect(run(['-C', dir, 'init', 'ws', '--partnership', 'Again']).code).toBe(2);

    expect(
      run([
        '-C',
        root,
        'template',
        'ccen',
        '--partner',
        'Camden Community Empowerment Network',
        '--sector',
        'voluntary',
      ]).code,
    ).toBe(0);
    const file = readFileSync(join(root, 'responses/ccen.md'), 'utf8');
    expect(file).toContain('partner: Camden Community Empowerment Network');
    expect(file).toContain('## Q16: How can the neighbourhood and parish, tiers be involved');
    const again = run(['-C', root, 'template', 'ccen', '--partner', 'X']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('responses/ccen.md already exists');
    expect(run(['-C', root, 'template', 'Bad Id', '--partner', 'X']).code).toBe(2);

    // An empty template is valid input that answers nothing yet.
    const check = run(['-C', root, 'check', '--partners']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      'responses/ccen.md:1:1: error: Camden Community Empowerment Network neither answers nor abstains on 35 questions',
    );
    expect(check.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('images', () => {
  // A 1x1 PNG.
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('embeds a workspace image in the DOCX and keeps a working path in the Markdown', () => {
    const ws = workspace({
      'lsp-respond.yaml': 'partnership: P\ndate: 2006-03-01\n',
      'responses/a.md': partner(
        'partner: A',
        answerAll(['Q2']).replace(
          '## Q3\n',
          '## Q2\n\nOur structure:\n\n![Partnership structure](img/structure.png)\n\n## Q3\n',
        ),
      ),
      'responses/img/structure.png': PNG,
    });
    const r = run(['-C', ws, 'merge']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(ws, 'out/response.md'), 'utf8')).toContain(
      '![Partnership structure](../responses/img/structure.png)',
    );
    const docx = readFileSync(join(ws, 'out/response.docx'));
    expect(docx.includes(Buffer.from('word/media/'))).toBe(true);
  });

  it('reports a missing image and a file that is no image at their positions, writing nothing', () => {
    const body = `${answerAll(['Q2'])}\n## Q2\n\n![Missing](missing.png)\n\nAnd ![notes](notes.txt) inline.\n\n![Cut short](cut.png)\n`;
    const source = partner('partner: A', body);
    const ws = workspace({
      'lsp-respond.yaml': 'partnership: P\n',
      'responses/a.md': source,
      'responses/notes.txt': 'not an image',
      'responses/cut.png': PNG.subarray(0, 8),
    });
    const r = run(['-C', ws, 'merge']);
    expect(r.code).toBe(2);
    const lines = source.split('\n');
    const missing = lines.findIndex((l) => l.includes('missing.png')) + 1;
    const notes = lines.findIndex((l) => l.includes('notes.txt')) + 1;
    expect(r.stderr).toContain(`responses/a.md:${missing}:1: error: image responses/missing.png does not exist`);
    expect(r.stderr).toContain(
      `responses/a.md:${notes}:5: error: responses/notes.txt is not a PNG, JPEG or GIF image, or is damaged`,
    );
    const cut = lines.findIndex((l) => l.includes('cut.png')) + 1;
    expect(r.stderr).toContain(
      `responses/a.md:${cut}:1: error: responses/cut.png is not a PNG, JPEG or GIF image, or is damaged`,
    );
    expect(existsSync(join(ws, 'out'))).toBe(false);
  });
});

describe('internal errors', () => {
  it('exit 70 with one line asking for a report, and the stack only with DEBUG', () => {
    // A preload that makes listing responses/ fail the way a bug would: not with a file-system error code.
    const dir = mkdtempSync(join(tmpdir(), 'lsp-bug-'));
    const preload = join(dir, 'bug.mjs');
    writeFileSync(
      preload,
      "import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';\n" +
        "const real = fs.readdirSync; fs.readdirSync = (...a) => { if (String(a[0]).endsWith('responses')) throw new TypeError('simulated bug'); return real(...a); };\n" +
        'syncBuiltinESMExports();\n',
    );
    const env = { NODE_OPTIONS: `--import ${preload}` };
    const r = run(['check'], { env });
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      'lsp-respond: internal error: simulated bug. This is a bug; please report it with the command you ran (set DEBUG=1 to see details).\n',
    );
    const debug = run(['check'], { env: { ...env, DEBUG: '1' } });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(STACK_TRACE);
  });
});
