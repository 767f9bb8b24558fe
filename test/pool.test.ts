// A worker thread that dies (issue 22, item 4) fails its task and every task
// queued behind it, so the command ends with an internal error (exit 70)
// instead of waiting for a reply that will never come.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Pool } from '../src/parallel/pool.js';
import type { QuestionSet } from '../src/core/model.js';
import type { Task } from '../src/parallel/tasks.js';
import { REPO, run } from './helpers/cli.js';
import { answerAll, partner, snapshot, workspace } from './helpers/workspace.js';

// What the task holds does not matter: the worker dies on receiving it.
const TASK: Task = { kind: 'parse', files: [], questions: {} as QuestionSet };

/** A worker module that does `body` when it is given a task. */
function worker(body: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'lsp-worker-')), 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { ${body} });\n`,
  );
  return pathToFileURL(file);
}

describe('a worker thread that dies', { timeout: 60_000 }, () => {
  for (const [how, body, message] of [
    ['exits', 'process.exit(3);', /^a worker thread stopped \(exit code 3\)$/],
    ['throws outside a task', "setTimeout(() => { throw new Error('boom'); });", /^a worker thread failed: boom$/],
  ] as const) {
    it(`${how}: its task and the tasks queued behind it fail, and later ones too`, async () => {
      const pool = new Pool(2, worker(body));
      const tasks = [pool.run(TASK), pool.run(TASK), pool.run(TASK), pool.run(TASK)];
      for (const task of tasks) await expect(task).rejects.toThrow(message);
      await expect(pool.run(TASK)).rejects.toThrow(message);
      await pool.close();
    });
  }

  it('ends the command with exit 70, writing nothing, when the worker it renders on is killed', () => {
    // The built command with its worker replaced by one that dies on its first task.
    const copy = mkdtempSync(join(tmpdir(), 'lsp-dying-'));
    for (const dir of ['bin', 'dist', 'package.json']) cpSync(join(REPO, dir), join(copy, dir), { recursive: true });
    writeFileSync(
      join(copy, 'dist/worker.js'),
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(9));\n",
    );
    const files: Record<string, string> = {
      'lsp-respond.yaml': 'partnership: Test Partnership\ndate: 2006-03-01\n',
      'out/response.md': 'The previous response.\n',
    };
    for (let p = 0; p < 3; p++) files[`responses/p${p}.md`] = partner(`partner: Partner ${p}`, answerAll());
    const ws = workspace(files);
    const before = snapshot(ws);
    const r = run(['-C', ws, 'merge'], { env: { LSP_RESPOND_WORKERS: '2' }, bin: join(copy, 'bin/lsp-respond.js') });
    expect(r.code, r.stderr).toBe(70);
    expect(r.stderr).toContain('lsp-respond: internal error: a worker thread stopped (exit code 9). This is a bug');
    expect(snapshot(ws)).toEqual(before);
  });
});
