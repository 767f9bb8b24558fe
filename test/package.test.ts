// lsp-respond as users get it (issue 21): the packed tarball, installed into
// an empty folder with nothing else present, runs init, template, check and
// merge; and the CI workflow `init` writes runs, command for command as its
// YAML says, in a fresh workspace. The bundle holds every library it uses, so
// the package has no dependencies and installs offline.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/cli.js';
import { answerAll, partner } from './helpers/workspace.js';

const scratch = mkdtempSync(join(tmpdir(), 'lsp-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Offline: nothing may come from the registry, so a runtime dependency the bundle left out fails here, not on a user's machine.
const NPM_ENV = {
  ...process.env,
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

function sh(command: string, cwd: string): { code: number | null; out: string } {
  const r = spawnSync('bash', ['-c', command], { cwd, env: NPM_ENV, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Files a single-level pattern such as `out/*response.docx` or `out/separate/` names (Node 20 has no fs.globSync). */
function matches(pattern: string, cwd: string): string[] {
  const dir = pattern.endsWith('/') ? pattern : pattern.slice(0, pattern.lastIndexOf('/') + 1);
  const name = pattern.endsWith('/') ? '*' : pattern.slice(dir.length);
  const re = new RegExp(
    `^${name
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return existsSync(join(cwd, dir)) ? readdirSync(join(cwd, dir)).filter((f) => re.test(f)) : [];
}

let tarball = '';
beforeAll(() => {
  // dist/ is already built (pretest); --ignore-scripts keeps pack from rebuilding it under other tests' feet.
  const r = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch], {
    cwd: REPO,
    env: NPM_ENV,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  tarball = join(scratch, readdirSync(scratch).find((f) => f.endsWith('.tgz'))!);
}, 180_000);

describe('the npm package', { timeout: 300_000 }, () => {
  it('installed into an empty folder, runs init, template, check and merge', () => {
    const dir = join(scratch, 'empty');
    mkdirSync(dir);
    const install = sh(`npm install --no-save ${JSON.stringify(tarball)}`, dir);
    expect(install.code, install.out).toBe(0);
    const bin = join(dir, 'node_modules/.bin/lsp-respond');
    const ws = join(dir, 'ws');
    expect(sh(`${bin} init ws --partnership "Camden Partnership" --no-ci`, dir).code).toBe(0);
    expect(existsSync(join(ws, '.github'))).toBe(false);
    expect(sh(`${bin} template ccen --partner "Camden CEN"`, ws).code).toBe(0);
    const check = sh(`${bin} check`, ws);
    expect(check.code, check.out).toBe(1);
    writeFileSync(join(ws, 'responses/ccen.md'), partner('partner: Camden CEN', answerAll()));
    expect(sh(`${bin} check`, ws).code).toBe(0);
    const merge = sh(`${bin} merge --today 2006-03-01`, ws);
    expect(merge.code, merge.out).toBe(0);
    for (const f of ['response.docx', 'letter.docx', 'report.json'])
      expect(existsSync(join(ws, 'out', f)), f).toBe(true);
  });

  it("runs the CI workflow's own commands in a workspace made by init", () => {
    const parent = join(scratch, 'ci');
    mkdirSync(parent);
    expect(run(['-C', parent, 'init', 'ws', '--partnership', 'Camden Partnership']).code).toBe(0);
    const ws = join(parent, 'ws');
    writeFileSync(join(ws, 'responses/ccen.md'), partner('partner: Camden CEN', answerAll()));
    writeFileSync(join(ws, 'responses/police.md'), partner('partner: Police\nseparate_only: [Q3/police]', answerAll()));
    // The workspace pins the released version; here, the version being tested.
    const pkg = JSON.parse(readFileSync(join(ws, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['lsp-respond']).toBe(
      (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version,
    );
    pkg.devDependencies['lsp-respond'] = `file:${tarball}`;
    writeFileSync(join(ws, 'package.json'), JSON.stringify(pkg));
    // What the README tells the officer to do once: npm install, which writes the lock file npm ci needs.
    expect(sh('npm install', ws).code).toBe(0);

    type Step = { run?: string; uses?: string; with?: { path?: string } };
    const workflow = parse(readFileSync(join(ws, '.github/workflows/lsp-respond.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    const steps = [...workflow.jobs.check!.steps, ...workflow.jobs.merge!.steps];
    const commands = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(commands).toContain('npm run check -- --format github');
    for (const command of commands) {
      const r = sh(command, ws);
      expect(r.code, `${command}\n${r.out}`).toBe(0);
    }
    const uploads = steps
      .filter((s) => s.uses?.startsWith('actions/upload-artifact'))
      .flatMap((s) => (s.with?.path ?? '').split('\n').filter(Boolean));
    expect(uploads.length).toBeGreaterThan(0);
    for (const pattern of uploads) expect(matches(pattern, ws), pattern).not.toEqual([]);
    // git keeps the circulated rounds and ignores the rest of out/.
    expect(
      sh('git init -q && git check-ignore -q out/response.docx && git check-ignore -q out/separate/police.docx', ws)
        .code,
    ).toBe(0);
    expect(sh('git check-ignore -q out/rounds/1/round.json', ws).code).toBe(1);
  });
});
