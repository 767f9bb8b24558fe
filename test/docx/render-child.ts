// Renders a model in a process of its own, so a test can vary what a process
// inherits (TZ, the clock). Bundled by the determinism test; not a test itself.
// Usage: node render-child.mjs <input.json> <output.docx>
import { readFileSync, writeFileSync } from 'node:fs';
import type { DocumentModel } from '../../src/core/document.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { DEFAULT_STYLE } from '../../src/core/style.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: render-child <input.json> <output.docx>');
const { model, images } = JSON.parse(readFileSync(input, 'utf8')) as {
  model: DocumentModel;
  images: Record<string, string>;
};
const bytes = await renderDocx(model, {
  style: DEFAULT_STYLE,
  images: new Map(Object.entries(images).map(([key, base64]) => [key, new Uint8Array(Buffer.from(base64, 'base64'))])),
});
writeFileSync(output, bytes);
