#!/usr/bin/env node
// Opens every .docx under a directory (default: out) in LibreOffice by
// converting it to PDF, as a stand-in for "opens without repair". Exit 0 when
// every file converts to a non-empty PDF, 1 when any does not (or there are no
// files), 2 when the directory or soffice is missing.
//
// Usage: node scripts/verify-docx.mjs [dir]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2] ?? 'out';
const TIMEOUT_MS = 300_000;

function docxFiles(root) {
  return readdirSync(root, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(root, entry.name);
      if (entry.isDirectory()) return docxFiles(path);
      return entry.isFile() && entry.name.toLowerCase().endsWith('.docx') ? [path] : [];
    })
    .sort();
}

/** soffice writes <outdir>/<name>.pdf, so files sharing a base name go in separate batches. */
function batches(files) {
  const out = [];
  const seen = new Map();
  for (const file of files) {
    const n = seen.get(basename(file)) ?? 0;
    seen.set(basename(file), n + 1);
    const group = out[n] ?? [];
    out[n] = group;
    group.push(file);
  }
  return out;
}

function convert(files, outdir, profile) {
  return spawnSync(
    'soffice',
    [
      // A profile of our own, so a LibreOffice the user has open does not swallow the conversion.
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      // Without it LibreOffice falls back to importing any file as plain text, and "converts" a broken DOCX.
      '--infilter=MS Word 2007 XML',
      '--convert-to',
      'pdf',
      '--outdir',
      outdir,
      ...files,
    ],
    { encoding: 'utf8', timeout: TIMEOUT_MS },
  );
}

/** LibreOffice's own complaint, without its noise about Java. */
function complaint(result) {
  if (result.error) return ` (${result.error.message})`;
  const lines = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.includes('javaldx') && !line.startsWith('convert '));
  return lines.length > 0 ? `: ${lines.at(-1)}` : '';
}

function pdfVerdict(pdf) {
  if (!existsSync(pdf)) return { ok: false, detail: 'no PDF was produced' };
  const bytes = readFileSync(pdf);
  if (bytes.length === 0) return { ok: false, detail: 'the PDF is empty' };
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return { ok: false, detail: 'the output is not a PDF' };
  const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  return { ok: pages > 0, detail: pages > 0 ? `${pages} page${pages === 1 ? '' : 's'}` : 'the PDF has no pages' };
}

if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`verify-docx: ${dir} is not a directory; run 'lsp-respond merge' first or name the output directory`);
  process.exit(2);
}
if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).error) {
  console.error('verify-docx: soffice (LibreOffice) is not installed; apt-get install libreoffice-writer-nogui');
  process.exit(2);
}
const files = docxFiles(dir);
if (files.length === 0) {
  console.error(`verify-docx: no .docx files under ${dir}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'verify-docx-'));
let failed = 0;
try {
  for (const [index, batch] of batches(files).entries()) {
    const outdir = join(work, `pdf-${index}`);
    let result = convert(batch, outdir, join(work, 'profile'));
    for (const file of batch) {
      const pdf = join(outdir, basename(file).replace(/\.docx$/i, '.pdf'));
      let verdict = pdfVerdict(pdf);
      if (!verdict.ok && batch.length > 1) {
        // A batch can stop at the first file that crashes LibreOffice; retry alone to blame the right one.
        result = convert([file], outdir, join(work, 'profile'));
        verdict = pdfVerdict(pdf);
      }
      console.log(
        `${verdict.ok ? 'ok  ' : 'FAIL'} ${relative(process.cwd(), file)}: ${verdict.detail}${verdict.ok ? '' : complaint(result)}`,
      );
      if (!verdict.ok) failed += 1;
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed > 0) {
  console.error(`verify-docx: ${failed} of ${files.length} file(s) did not open in LibreOffice`);
  process.exit(1);
}
