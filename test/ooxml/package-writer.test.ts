// The package writer compresses text in pieces as it is written: the pieces
// must join into one valid entry, with the right CRC and sizes, and a
// document long enough to need many pieces must read back whole.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { PackageWriter } from '../../src/ooxml/package-writer.js';
import { escapeXml, xml } from '../../src/ooxml/xml.js';
import { META, para, pandocJson, pandocText, render, withPandoc } from '../docx/helpers.js';
import { readZip } from '../helpers/zip.js';

const DATE = '2006-03-01';
const HAVE_UNZIP = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

describe('the ZIP writer', () => {
  it('joins text written in many pieces into one entry that reads back byte for byte', () => {
    // About 3.5 MiB of varied text in small writes: several compressed pieces.
    const writes = Array.from(
      { length: 40_000 },
      (_, i) => xml`<w:p>${i} ${escapeXml('ünïcødé '.repeat(i % 13))}</w:p>`,
    );
    const zip = new PackageWriter(DATE);
    const entry = zip.part('word/document.xml');
    for (const w of writes) entry.write(w);
    entry.end();
    zip.file('media/image1.png', new Uint8Array([137, 80, 78, 71, 0, 255]));
    zip.file('empty.xml', xml``);
    const bytes = zip.finish();
    const files = readZip(bytes);
    expect(new TextDecoder().decode(files.get('word/document.xml'))).toBe(writes.join(''));
    expect([...files.get('media/image1.png')!]).toEqual([137, 80, 78, 71, 0, 255]);
    expect(files.get('empty.xml')!.length).toBe(0);
  });

  // Skipped without unzip on a developer's machine only; CI installs it.
  (HAVE_UNZIP || process.env.CI ? it : it.skip)('writes an archive the system unzip tests without error', () => {
    const zip = new PackageWriter(DATE);
    const entry = zip.part('a.xml');
    for (let i = 0; i < 30_000; i += 1) entry.write(xml`<x n="${i}">${escapeXml('text '.repeat(i % 9))}</x>`);
    entry.end();
    zip.file('b.bin', new Uint8Array(1000).fill(7));
    const dir = mkdtempSync(join(tmpdir(), 'lsp-zip-'));
    try {
      writeFileSync(join(dir, 'x.zip'), zip.finish());
      const result = spawnSync('unzip', ['-t', join(dir, 'x.zip')], { encoding: 'utf8' });
      expect(result.stdout).toContain('No errors detected');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a document too long to hold as one string', () => {
  const paragraphs = 6000;
  const model = () => {
    const children: RootContent[] = Array.from({ length: paragraphs }, (_, i) =>
      para(`Paragraph ${i + 1}: ${'the partnership agrees with the proposal '.repeat(10)}`),
    );
    return { kind: 'response' as const, meta: { ...META }, tree: { type: 'root' as const, children } };
  };

  it('is written in pieces that read back as one well-formed document.xml with every paragraph', async () => {
    const { bytes } = await render(model());
    const xml = new TextDecoder().decode(readZip(bytes).get('word/document.xml'));
    expect(xml.length).toBeGreaterThan(2 << 20); // several 1 MiB pieces
    expect(xml.match(/<w:p>/g)?.length).toBe(paragraphs);
    expect(xml).toContain(`Paragraph ${paragraphs}: `);
    expect(xml.endsWith('</w:body></w:document>')).toBe(true);
  });

  withPandoc(
    'is read whole by pandoc',
    async () => {
      const { bytes } = await render(model());
      const blocks = pandocJson(bytes).blocks;
      expect(blocks.length).toBe(paragraphs);
      expect(pandocText(blocks.at(-1))).toContain(`Paragraph ${paragraphs}:`);
    },
    120_000,
  );
});
