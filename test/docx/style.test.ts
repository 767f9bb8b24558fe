// templates/style.yaml: defaults, the bundled copy, and problems reported at
// the line and column of the bad value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE_YAML, loadStyle } from '../../src/load/style.js';
import { DEFAULT_STYLE } from '../../src/core/style.js';
import { answerModel, render, xmlParts } from './helpers.js';
import { attr, elements, wordText } from './xml.js';

const FILE = 'templates/style.yaml';

describe('house style', () => {
  it('bundles exactly templates/style.yaml, which states the defaults', () => {
    const template = readFileSync(new URL('../../templates/style.yaml', import.meta.url), 'utf8');
    expect(DEFAULT_STYLE_YAML).toBe(template);
    expect(loadStyle(DEFAULT_STYLE_YAML, FILE)).toEqual({ style: DEFAULT_STYLE, problems: [] });
  });

  it('comments every key of the template', () => {
    const keys = DEFAULT_STYLE_YAML.split('\n').filter((l) => /^\s+\w+:\s*\S/.test(l));
    for (const line of keys) {
      const index = DEFAULT_STYLE_YAML.indexOf(line);
      const before = DEFAULT_STYLE_YAML.slice(0, index).split('\n').slice(-2).join('\n');
      expect(line.includes('#') || before.trim().startsWith('#'), line).toBe(true);
    }
  });

  it('gives the defaults for a missing or empty file, and fills in keys left out', () => {
    expect(loadStyle(null, FILE)).toEqual({ style: DEFAULT_STYLE, problems: [] });
    expect(loadStyle('', FILE)).toEqual({ style: DEFAULT_STYLE, problems: [] });
    const { style, problems } = loadStyle('fonts:\n  body: Georgia\ncolours:\n  link: "#aa0000"\n', FILE);
    expect(problems).toEqual([]);
    expect(style.fonts).toEqual({ ...DEFAULT_STYLE.fonts, body: 'Georgia' });
    expect(style.colours.link).toBe('AA0000');
    expect(style.sizes).toEqual(DEFAULT_STYLE.sizes);
  });

  it('reports bad values, unknown keys and placeholders at their line and column', () => {
    const text = [
      'sizes:',
      '  body: eleven',
      '  title: 23.3',
      'colours:',
      '  link: 001122',
      'fonts:',
      '  bodyy: Arial',
      'footer:',
      '  text: "Page {page} of {total}"',
      'margins: 2',
    ].join('\n');
    const { style, problems } = loadStyle(text, FILE);
    expect(style).toEqual(DEFAULT_STYLE);
    const at = (line: number) => problems.filter((p) => p.line === line);
    expect(at(2)[0]).toMatchObject({ column: 9, message: expect.stringContaining('sizes.body') });
    expect(at(3)[0]?.message).toContain('half points');
    expect(at(5)[0]?.message).toContain('in quotes');
    expect(at(7)[0]).toMatchObject({ column: 3, message: expect.stringContaining('unknown key fonts.bodyy') });
    expect(at(9)[0]?.message).toContain('unknown placeholder {total}');
    expect(at(10)[0]?.message).toContain('unknown key margins');
    expect(problems).toHaveLength(6);
  });

  it('reports YAML errors, duplicate keys and alias bombs without throwing', () => {
    const duplicate = loadStyle('fonts:\n  body: A\n  body: B\n', FILE).problems;
    expect(duplicate[0]).toMatchObject({ line: 3, message: expect.stringContaining('a key appears twice') });
    expect(loadStyle('fonts: [unclosed\n', FILE).problems.length).toBeGreaterThan(0);
    expect(loadStyle('- a list\n', FILE).problems[0]?.message).toContain('mapping');
    expect(loadStyle('sizes: 3\n', FILE).problems[0]).toMatchObject({
      line: 1,
      column: 8,
      message: expect.stringContaining('mapping'),
    });
    const bomb = ['a: &a [x, x, x, x]', 'b: &b [*a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b]', 'd: [*c, *c, *c, *c]'].join(
      '\n',
    );
    expect(loadStyle(bomb, FILE).problems).toHaveLength(1);
    expect(loadStyle('header:\n  text: "a\\x0cb"\n', FILE).problems[0]?.message).toContain('control characters');
  });

  it('reaches the document: fonts, sizes, colours, header and footer', async () => {
    const { style } = loadStyle(
      'fonts: {body: Georgia, headings: Verdana}\nsizes: {heading1: 20}\ncolours: {headings: "112233"}\nheader: {text: "{creator}"}\nfooter: {text: "p. {page}"}\n',
      FILE,
    );
    const { bytes } = await render(answerModel('Text.'), { style });
    const parts = xmlParts(bytes);
    const styles = elements(parts.get('word/styles.xml')!);
    const fonts = styles.filter((e) => e.name === 'w:rFonts').map((e) => attr(e, 'w:ascii'));
    expect(fonts).toContain('Georgia');
    expect(fonts).toContain('Verdana');
    const heading1 = styles.find((e) => e.name === 'w:style' && attr(e, 'w:styleId') === 'Heading1')!;
    const inHeading = elements(heading1);
    expect(attr(inHeading.find((e) => e.name === 'w:sz')!, 'w:val')).toBe('40');
    expect(attr(inHeading.find((e) => e.name === 'w:color')!, 'w:val')).toBe('112233');
    expect(wordText(parts.get('word/header1.xml')!)).toBe('Kensington and Chelsea Partnership');
    expect(wordText(parts.get('word/footer1.xml')!)).toMatch(/^p\. /);
  });
});
