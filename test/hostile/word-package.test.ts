// Word packages judged by what they really hold (issue 19): a bomb whose
// directory understates its sizes, parts declaring more than a document may
// hold, elements nested beyond any document, input that made our own readers
// quadratic, and bytes that are not in the encoding a part declares. Each is
// refused (or read) by the real binary with exit 2 and a clear message, in
// memory and time bounded against a small document's import measured here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_POLICE, BIN } from '../helpers/cli.js';
import { CONFIG, fullResponse, NO_STACK, workspace } from './harness.js';
import { declaring, docx, docxParts, wp } from './word-packages.js';

/**
 * Prints the process's peak resident memory (kB) as it exits. Linux's VmHWM
 * starts afresh with the program; getrusage's maximum would include the test
 * process's own, inherited across fork and exec.
 */
const PEAK_MEMORY = `data:text/javascript,${encodeURIComponent(
  // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source run by the child process
  "import { existsSync, readFileSync } from 'node:fs'; process.on('exit', () => { const hwm = existsSync('/proc/self/status') && /VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8')); process.stderr.write(`peak-rss-kb ${hwm ? hwm[1] : process.resourceUsage().maxRSS}\\n`); });",
)}`;

interface Measured {
  code: number | null;
  stderr: string;
  ms: number;
  rssMb: number;
}

function importWord(bytes: Uint8Array, args: string[] = []): Measured {
  const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'inbox/reply.docx': bytes });
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', PEAK_MEMORY, BIN, '-C', ws, 'import', 'inbox/reply.docx', ...AS_POLICE, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 300_000,
    },
  );
  const ms = performance.now() - started;
  const rss = /peak-rss-kb (\d+)/.exec(r.stderr);
  expect(rss, r.stderr).not.toBeNull();
  expect(r.stderr).not.toMatch(NO_STACK);
  expect(r.stderr).not.toContain('internal error');
  if (r.status !== 0) expect(existsSync(join(ws, 'responses/mps.md')), 'a refused import writes nothing').toBe(false);
  return { code: r.status, stderr: r.stderr.replace(/peak-rss-kb \d+\n/, ''), ms, rssMb: Number(rss![1]) / 1024 };
}

const QUESTION = wp('Q1: Do you agree?') + wp('We agree.');

let baseline: Measured;

/** Within memory and time of the same order as importing a small document. */
function bounded(r: Measured): void {
  expect(
    r.rssMb,
    `peak memory ${r.rssMb.toFixed(0)} MB against ${baseline.rssMb.toFixed(0)} MB for a small document`,
  ).toBeLessThan(baseline.rssMb + 48);
  expect(r.ms, `${r.ms.toFixed(0)} ms against ${baseline.ms.toFixed(0)} ms for a small document`).toBeLessThan(
    10 * baseline.ms + 10_000,
  );
}

describe('Word packages by what they really hold', { timeout: 300_000 }, () => {
  beforeAll(() => {
    baseline = importWord(docx(docxParts(QUESTION)));
    expect(baseline.code, baseline.stderr).toBe(0);
  }, 300_000);

  it('refuses a bomb whose directory understates its size, after inflating no more than it declared', () => {
    // 128 MB of text in a file of 128 kB, declaring 4 kB: read whole, it would take twice that in memory.
    const comment = `<!--${' '.repeat(128 * 1024 * 1024)}-->`;
    const bomb = declaring(docx(docxParts(QUESTION + comment), 1), 'word/document.xml', 4096);
    expect(bomb.length).toBeLessThan(256 * 1024);
    const r = importWord(bomb);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /^inbox\/reply\.docx:1:1: error: cannot import this file: the file is damaged or not what it claims to be \(word\/document\.xml is damaged/,
    );
    bounded(r);
  });

  it('refuses parts that declare more than a part may hold, before inflating any', () => {
    const r = importWord(declaring(docx(docxParts(QUESTION)), 'word/document.xml', 300 * 1024 * 1024));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('word/document.xml expands to 300 MB, more than the 100 MB one part may');
    bounded(r);
  });

  it('refuses parts that together declare more than a document may hold', () => {
    const parts = docxParts(QUESTION, {
      'word/media/a.png': new Uint8Array(10),
      'word/media/b.png': new Uint8Array(10),
      'word/media/c.png': new Uint8Array(10),
    });
    let zip: Uint8Array = docx(parts);
    for (const name of ['word/media/a.png', 'word/media/b.png', 'word/media/c.png'])
      zip = declaring(zip, name, 90 * 1024 * 1024);
    const r = importWord(zip);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('the parts expand to more than the 200 MB a document may');
    bounded(r);
  });

  it('refuses tables nested 320 deep with the place where nesting passes the limit', () => {
    const nested = (depth: number): string =>
      depth === 0 ? wp('deep') : `<w:tbl><w:tr><w:tc>${nested(depth - 1)}</w:tc></w:tr></w:tbl>`;
    const r = importWord(docx(docxParts(QUESTION + nested(320))));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /the document is damaged \(word\/document\.xml nests elements more than 256 deep \(at line 1, column \d+\); it is damaged or not a document a person wrote\); open it in Word, save it again as \.docx, and import that/,
    );
    bounded(r);
  });

  it('reads a 2 kB document that made the numbering reader quadratic in linear time', () => {
    // Tags in comments: a reader that looked for their ends searched to the end of the part for each.
    const tags = (tag: string) => `<!--${tag.repeat(200_000)}-->`;
    const numbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${tags('<w:abstractNum>')}${tags('<w:num>')}</w:numbering>`;
    const bytes = docx(docxParts(QUESTION + tags('<w:p>'), { 'word/numbering.xml': numbering }));
    expect(bytes.length).toBeLessThan(32 * 1024);
    const r = importWord(bytes);
    expect(r.code, r.stderr).toBe(0);
    bounded(r);
  });

  it.each([
    [
      'Latin-1 bytes in a part declared UTF-8',
      `${QUESTION}${wp('caf\u00e9')}`,
      'latin1',
      /word\/document\.xml is not valid UTF-8, as it says it is: byte 0xe9 at line 1, column \d+/,
    ],
    [
      'a part declaring an encoding Word does not write',
      `${QUESTION}${wp('x')}`,
      'declared',
      /word\/document\.xml declares the encoding ISO-8859-1; Word documents are UTF-8 or UTF-16/,
    ],
    [
      'a UTF-16 part with half a character',
      `${QUESTION}${wp('\uD800x')}`,
      'utf16',
      /word\/document\.xml is not valid UTF-16, as it says it is \(at line 1, column \d+\)/,
    ],
  ])('refuses %s with its place', (_, body, encoding, message) => {
    const parts = docxParts(body);
    const text = new TextDecoder().decode(parts['word/document.xml']);
    if (encoding === 'latin1') parts['word/document.xml'] = new Uint8Array(Buffer.from(text, 'latin1'));
    if (encoding === 'declared')
      parts['word/document.xml'] = new TextEncoder().encode(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'));
    if (encoding === 'utf16')
      parts['word/document.xml'] = new Uint8Array(
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le'),
        ]),
      );
    const r = importWord(docx(parts));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('reads a UTF-16 document as its byte order mark says', () => {
    const parts = docxParts(QUESTION);
    const text = new TextDecoder().decode(parts['word/document.xml']).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    parts['word/document.xml'] = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const r = importWord(docx(parts));
    expect(r.code, r.stderr).toBe(0);
  });

  it('refuses a reference document that is a bomb, for every command that reads it', () => {
    const styles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><!--${' '.repeat(32 * 1024 * 1024)}--></w:styles>`;
    const bomb = declaring(docx({ 'word/styles.xml': new TextEncoder().encode(styles) }), 'word/styles.xml', 1024);
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': fullResponse('partner: Metropolitan Police Service\nsector: public'),
      'templates/reference.docx': bomb,
    });
    const r = spawnSync(process.execPath, [BIN, '-C', ws, 'check'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /templates\/reference\.docx:1:1: error: templates\/reference\.docx cannot be used: not a readable \.docx file: word\/styles\.xml is damaged/,
    );
  });
});
