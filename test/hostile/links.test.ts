// Links, pipes and devices against every command that writes (issue 19,
// items 1, 4 and 6): each case is run through every command it concerns, and
// must end with exit 2, the path named, nothing written or deleted (inside
// the workspace or out of it), and no wait on a pipe or an endless device.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, run } from '../helpers/cli.js';
import { CONFIG, files, fullResponse, lsp, workspace } from './harness.js';

const COMMANDS: Record<string, string[]> = {
  merge: ['merge', '--no-docx', '--accept-unendorsed'],
  draft: ['draft', '--no-docx'],
  circulate: ['circulate', '--no-docx'],
  template: ['template', 'newp', '--partner', 'New Partner'],
  'template --format docx': ['template', 'newp', '--partner', 'New Partner', '--format', 'docx'],
  import: ['import', 'inbox/reply.docx', '--id', 'newp', '--partner', 'New Partner'],
  'import --endorsement': ['import', '--endorsement', 'inbox/sheet.docx', '--id', 'mps'],
};
const ALL = Object.keys(COMMANDS);

let base: string;

/** A workspace with one round circulated, a Word reply with a picture, and mps's endorsement sheet, copied for each case. */
beforeAll(() => {
  base = workspace({
    'lsp-respond.yaml': CONFIG,
    'responses/mps.md': fullResponse('partner: Metropolitan Police Service\nsector: public'),
    'responses/council.md': fullResponse('partner: Borough Council\nsector: public'),
    'inbox/reply.docx': readFileSync(join(REPO, 'test/fixtures/word/pandoc-reply.docx')),
  });
  const r = run(['-C', base, 'circulate']);
  expect(r.code, r.stderr).toBe(0);
  cpSync(join(base, 'out/rounds/1/sheets/mps.docx'), join(base, 'inbox/sheet.docx'));
}, 120_000);

function copy(): string {
  const ws = mkdtempSync(join(tmpdir(), 'lsp-links-'));
  cpSync(base, ws, { recursive: true, verbatimSymlinks: true });
  return ws;
}

/** A directory outside the workspace with a file in it, to show nothing reaches it. */
function outside(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-outside-'));
  writeFileSync(join(dir, 'keep.txt'), 'Not the tool’s.\n');
  writeFileSync(join(dir, 'mps.md'), readFileSync(join(base, 'responses/mps.md')));
  return dir;
}

function link(ws: string, path: string, target: string): void {
  rmSync(join(ws, path), { recursive: true, force: true });
  mkdirSync(dirname(join(ws, path)), { recursive: true });
  symlinkSync(target, join(ws, path));
}

function fifo(path: string): void {
  rmSync(path, { force: true });
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

/** A character device (the endless /dev/zero) in the workspace; only root can make one, so others get a link to it. */
function device(path: string): 'device' | 'link' {
  rmSync(path, { force: true });
  if (process.getuid?.() === 0 && spawnSync('mknod', [path, 'c', '1', '5']).status === 0) return 'device';
  symlinkSync('/dev/zero', path);
  return 'link';
}

/** Runs `command` and checks it refused: exit 2, the message, inputs and `elsewhere` untouched, and everything under out/ as before. */
function refused(ws: string, command: string, message: RegExp, elsewhere?: string): void {
  const away = elsewhere ? files(elsewhere) : null;
  const out = files(join(ws, 'out'));
  const r = lsp(ws, COMMANDS[command]!, { timeout: 60_000 });
  expect(r.code, `${command}: ${r.stderr}`).toBe(2);
  expect(r.stderr, command).toMatch(message);
  if (elsewhere) expect(files(elsewhere), `${command} wrote outside the workspace`).toEqual(away);
  expect(files(join(ws, 'out')), `${command} changed out/`).toEqual(out);
}

describe('outputs never go through a link', { timeout: 600_000 }, () => {
  it.each(ALL)('%s: out/ a link to responses/', (command) => {
    const ws = copy();
    rmSync(join(ws, 'out'), { recursive: true });
    symlinkSync('responses', join(ws, 'out'));
    refused(
      ws,
      command,
      /error: out leads to responses, which holds or is the input responses; outputs never go among the inputs/,
    );
  });

  it.each(ALL)('%s: out/ a link out of the workspace', (command) => {
    const ws = copy();
    const away = outside();
    rmSync(join(ws, 'out'), { recursive: true });
    symlinkSync(away, join(ws, 'out'));
    refused(ws, command, /error: out leads outside the workspace \(to .+\), through a symbolic link/, away);
  });

  const subdirs: [string, string, (away: string) => string][] = [
    ['merge', 'out/separate', () => '../responses'],
    ['circulate', 'out/rounds', (away) => away],
    ['template --format docx', 'out/forms', () => '../responses'],
    ['import', 'responses/newp-images', (away) => away],
  ];
  it.each(subdirs)('%s: a directory it writes in (%s) is a link', (command, path, target) => {
    const ws = copy();
    const away = outside();
    if (path === 'out/rounds') renameSync(join(ws, path), join(away, 'rounds'));
    link(ws, path, target(path === 'out/rounds' ? join(away, 'rounds') : away));
    refused(
      ws,
      command,
      new RegExp(`error: ${path} is a symbolic link; lsp-respond writes and deletes only in real directories`),
      away,
    );
  });

  const targets: [string, string, RegExp][] = [
    [
      'merge',
      'out/response.md',
      /error: out\/response\.md is a symbolic link; lsp-respond does not write through links/,
    ],
    ['draft', 'out/draft.md', /error: out\/draft\.md is a symbolic link; lsp-respond does not write through links/],
    ['circulate', 'out/draft.md', /error: out\/draft\.md is a symbolic link; lsp-respond does not write through links/],
    [
      'template --format docx',
      'out/forms/newp.docx',
      /error: out\/forms\/newp\.docx is a symbolic link; lsp-respond does not write through links/,
    ],
    [
      'template',
      'responses/newp.md',
      /error: responses\/newp\.md already exists; template never overwrites a response/,
    ],
    ['import', 'responses/newp.md', /error: responses\/newp\.md already exists; import never replaces a response/],
    [
      'import --endorsement',
      'responses/mps.md',
      /error: responses\/mps\.md is a link to .+, outside the workspace; lsp-respond reads nothing outside the workspace/,
    ],
  ];
  it.each(targets)('%s: the file it writes (%s) is a link out of the workspace', (command, path, message) => {
    const ws = copy();
    const away = outside();
    link(ws, path, join(away, 'mps.md'));
    refused(ws, command, message, away);
  });
});

describe('inputs are read only as regular files inside the workspace', { timeout: 600_000 }, () => {
  const kinds = ['fifo', 'device', 'link out'] as const;
  const make = (ws: string, path: string, kind: (typeof kinds)[number]): RegExp => {
    const abs = join(ws, path);
    const shown = path.replace(/[./]/g, (c) => `\\${c}`);
    if (kind === 'fifo') {
      fifo(abs);
      return new RegExp(
        `${shown}:1:1: error: ${shown} is a named pipe \\(FIFO\\), not a regular file; lsp-respond reads only regular files`,
      );
    }
    if (kind === 'device') {
      return device(abs) === 'device'
        ? new RegExp(`${shown}:1:1: error: ${shown} is a device, not a regular file`)
        : new RegExp(`${shown}:1:1: error: ${shown} is a link to /dev/zero, outside the workspace`);
    }
    const away = outside();
    writeFileSync(join(away, 'copy'), readFileSync(abs));
    link(ws, path, join(away, 'copy'));
    return new RegExp(
      `${shown}:1:1: error: ${shown} is a link to .+, outside the workspace; lsp-respond reads nothing outside the workspace: copy the file into it instead`,
    );
  };

  const cases: [string, string, (typeof kinds)[number]][] = [
    ...ALL.flatMap((command) =>
      kinds.map((kind) => [command, 'lsp-respond.yaml', kind] as [string, string, (typeof kinds)[number]]),
    ),
    ...['merge', 'draft', 'circulate', 'import --endorsement'].flatMap((command) =>
      kinds.map((kind) => [command, 'responses/mps.md', kind] as [string, string, (typeof kinds)[number]]),
    ),
    ...['import', 'import --endorsement'].flatMap((command) =>
      (['fifo', 'device'] as const).map(
        (kind) =>
          [command, COMMANDS[command]!.find((a) => a.startsWith('inbox/'))!, kind] as [
            string,
            string,
            (typeof kinds)[number],
          ],
      ),
    ),
  ];
  it.each(cases)('%s: %s is a %s', (command, path, kind) => {
    const ws = copy();
    let message = make(ws, path, kind);
    // The file named on the command line is the user's choice, read where it is: a device behind a link is still refused as a device.
    if (path.startsWith('inbox/') && kind === 'device') {
      rmSync(join(ws, path));
      symlinkSync('/dev/zero', join(ws, path));
      message = new RegExp(
        `${path.replace(/[./]/g, (c) => `\\${c}`)}:1:1: error: ${path.replace(/[./]/g, (c) => `\\${c}`)} is a device, not a regular file`,
      );
    }
    refused(ws, command, message);
  });

  it('follows a link to a file inside the workspace, as if the file were there', () => {
    const ws = copy();
    mkdirSync(join(ws, 'shared'));
    renameSync(join(ws, 'responses/mps.md'), join(ws, 'shared/mps.md'));
    symlinkSync('../shared/mps.md', join(ws, 'responses/mps.md'));
    const r = lsp(ws, ['merge', '--no-docx', '--accept-unendorsed']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(ws, 'out/response.md'), 'utf8')).toContain('Metropolitan Police Service');
  });
});
