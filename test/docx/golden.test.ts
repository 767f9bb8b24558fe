// The all-constructs answer against a reviewed document.xml, so any change to
// the Word markup shows up as a readable diff. UPDATE_GOLDEN=1 rewrites it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerModel, render, xmlParts } from './helpers.js';
import { png } from './images.js';
import { elements, prettyXml, type XmlElement } from './xml.js';

const DIR = new URL('../fixtures/docx-all-constructs/', import.meta.url);
const GOLDEN = new URL('document.xml', DIR);

/**
 * Relationship ids are drawn by docx from a seeded generator: stable, but tied
 * to docx's internals. They are numbered by order of use instead, so the
 * golden file records our mapping, not the library's id scheme.
 */
function normalise(document: XmlElement): string {
  const seen = new Map<string, string>();
  for (const element of elements(document)) {
    element.attrs = element.attrs.map(([name, value]) => {
      if (name !== 'r:id' && name !== 'r:embed') return [name, value];
      if (!seen.has(value)) seen.set(value, `rId-${seen.size + 1}`);
      return [name, seen.get(value) ?? value];
    });
  }
  return prettyXml(document);
}

describe('golden document.xml', () => {
  it('matches test/fixtures/docx-all-constructs/document.xml', async () => {
    const markdown = readFileSync(new URL('answer.md', DIR), 'utf8');
    const { bytes } = await render(answerModel(markdown), { images: new Map([['images/chart.png', png(40, 20)]]) });
    const actual = normalise(xmlParts(bytes).get('word/document.xml')!);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, actual);
    // A missing golden fails: writing it here would make the test pass by checking nothing.
    expect(
      existsSync(GOLDEN),
      'golden document.xml is missing; review the output and run UPDATE_GOLDEN=1 npx vitest run test/docx/golden.test.ts',
    ).toBe(true);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
