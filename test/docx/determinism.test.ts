// The same model gives the same bytes: across renders, clocks, time zones and
// processes, and with renders running concurrently.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import AdmZip from 'adm-zip';
import { answerModel, render } from './helpers.js';
import { png } from './images.js';

const markdown = readFileSync(new URL('../fixtures/docx-all-constructs/answer.md', import.meta.url), 'utf8');
const images = new Map([['images/chart.png', png(40, 20)]]);
const renderAll = async () => (await render(answerModel(markdown), { images })).bytes;

let dir = '';
let child = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lsp-docx-det-'));
  child = join(dir, 'render-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./render-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __lspCreateRequire } from 'node:module'; const require = __lspCreateRequire(import.meta.url);",
    },
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

describe('determinism', () => {
  it('gives identical bytes for two renders', async () => {
    const first = await renderAll();
    const second = await renderAll();
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('does not depend on the clock', async () => {
    const now = await renderAll();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-04T23:59:58Z'));
    const later = await renderAll();
    expect(Buffer.compare(now, later)).toBe(0);
  });

  it('does not depend on the time zone or the process', async () => {
    const here = await renderAll();
    const input = join(dir, 'model.json');
    writeFileSync(
      input,
      JSON.stringify({
        model: answerModel(markdown),
        images: { 'images/chart.png': Buffer.from(png(40, 20)).toString('base64') },
      }),
    );
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const output = join(dir, `${tz.replace('/', '-')}.docx`);
      const result = spawnSync(process.execPath, [child, input, output], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(Buffer.compare(here, readFileSync(output)), tz).toBe(0);
    }
    // Two processes of their own: generous for a loaded machine.
  }, 60_000);

  it('gives identical bytes for renders running concurrently, and leaves Math.random alone', async () => {
    const original = Math.random;
    const [a, b, c] = await Promise.all([renderAll(), renderAll(), renderAll()]);
    expect(Math.random).toBe(original);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(a, c)).toBe(0);
  });

  it('dates every zip entry with the document date', async () => {
    const entries = new AdmZip(Buffer.from(await renderAll())).getEntries();
    expect(entries.length).toBeGreaterThan(5);
    // The entries' fields are a date and time of no time zone, read here as local ones.
    for (const entry of entries) expect(entry.header.time, entry.entryName).toEqual(new Date(2006, 2, 1, 12));
  });
});
