// Size and depth: a 10 MB answer and Markdown nested 10,000 levels deep get a
// clear, positioned error within seconds; no stack overflow, no hang.
import { describe, expect, it } from 'vitest';
import { check, CONFIG, failedMerge, fullResponse, merged, pos, wordText, workspace } from './harness.js';

const MPS = 'partner: Metropolitan Police Service\nsector: public';
const ws1 = (source: string) => workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': source });
const TOO_DEEP = 'lists or block quotes are nested more than 32 levels deep here; flatten them';

describe('size', { timeout: 60_000 }, () => {
  it('refuses a 10 MB answer where it passes the 1 MB limit', () => {
    const paragraph = `${'The Partnership has considered the proposals in detail. '.repeat(20)}\n\n`;
    const huge = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
    const source = fullResponse(MPS, `\n## Q1\n\n${huge}`, ['Q1']);
    const ws = ws1(source);
    // The first 1,048,576 bytes (all ASCII) end on this line and column.
    const head = source.slice(0, 1024 * 1024);
    const line = head.split('\n').length;
    const column = head.length - head.lastIndexOf('\n');
    expect(check(ws, 2)).toContain(
      `responses/mps.md:${line}:${column}: error: responses/mps.md is ${(Buffer.byteLength(source) / 1048576).toFixed(1)} MB and passes the limit of 1 MB for a response file here: shorten the answer or move supporting material to an appendix submitted separately`,
    );
  });
});

describe('nesting', { timeout: 60_000 }, () => {
  it('refuses 10,000 block quotes on one line', () => {
    const source = fullResponse(MPS, `\n## Q2\n\n${'> '.repeat(10_000)}Deep.\n`, ['Q2']);
    const ws = ws1(source);
    expect(check(ws, 2)).toContain(`responses/mps.md:${pos(source, '> > ')}: error: ${TOO_DEEP}`);
    failedMerge(ws, 2);
  });

  it('refuses 10,000 nested list items on one line', () => {
    const source = fullResponse(MPS, `\n## Q2\n\n${'- '.repeat(10_000)}Deep.\n`, ['Q2']);
    expect(check(ws1(source), 2)).toContain(`responses/mps.md:${pos(source, '- - ')}: error: ${TOO_DEEP}`);
  });

  it('refuses indented list items nested 1,000 deep (all the 1 MB limit allows)', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`);
    const source = fullResponse(MPS, `\n## Q2\n\n${lines.join('\n')}\n`, ['Q2']);
    // The check counts four columns of indentation as a level, so with two-space
    // indents the line it names is the 65th item (nested 65 deep, more than 32).
    expect(check(ws1(source), 2)).toContain(
      `responses/mps.md:${pos(source, `${'  '.repeat(64)}- level 65`)}: error: ${TOO_DEEP}`,
    );
  });

  it('refuses emphasis and brackets nested thousands deep before they slow the parser down', () => {
    const emphasis = `${Array.from({ length: 3000 }, (_, i) => `${i % 2 ? '_' : '*'}a `).join('')}x${Array.from({ length: 3000 }, (_, i) => ` b${i % 2 ? '*' : '_'}`).join('')}`;
    const brackets = `${'['.repeat(20_000)}x${'](https://example.org)'.repeat(20_000)}`;
    const source = fullResponse(MPS, `\n## Q2\n\n${emphasis}\n\n## Q3\n\n${brackets}\n`, ['Q2', 'Q3']);
    const ws = ws1(source);
    const why =
      'emphasis markers (* or _) or brackets ([) are open at once in this paragraph; close or remove them (write \\* or \\[ for a literal one)';
    // The 65th opening marker of the paragraph is where the limit of 64 is passed.
    const q2 = source.indexOf('*a _a ');
    expect(check(ws, 2)).toContain(`responses/mps.md:${pos(source, '*', q2 + 64 * 3)}: error: more than 64 ${why}`);
    // Only the first paragraph too deep is reported; fix it and the next shows.
    const fixed = source.replace(emphasis, 'Fixed.');
    expect(check(ws1(fixed), 2)).toContain(
      `responses/mps.md:${pos(fixed, '[', fixed.indexOf('[[[') + 64)}: error: more than 64 ${why}`,
    );
  });

  it('refuses a paragraph with so many Markdown markers that parsing it would take minutes', () => {
    // 60,000 character references in one paragraph took 47 s to parse; the limit is 20,000 markers per paragraph.
    const paragraph = 'Fish &amp; chips '.repeat(60_000);
    const source = fullResponse(MPS, `\n## Q2\n\n${paragraph}\n\nA short paragraph.\n`, ['Q2']);
    const start = source.indexOf('Fish &amp;');
    expect(check(ws1(source), 2)).toContain(
      `responses/mps.md:${pos(source, '&', start + 20_000 * 'Fish &amp; chips '.length)}: error: this paragraph has more than 20000 Markdown markers (such as & * _ [ \` <), too many to read in reasonable time; split it into shorter paragraphs with blank lines`,
    );
  });

  it('writes nesting just inside the limits to every output without overflowing the writers', () => {
    // 32 block quotes; 60 list levels indented by two (the check counts them as 30); 64 emphasis levels; 60 brackets.
    const emphasis = `${Array.from({ length: 64 }, (_, i) => `${i % 2 ? '_' : '*'}a `).join('')}core${Array.from({ length: 64 }, (_, i) => ` b${i % 2 ? '*' : '_'}`).join('')}`;
    const list = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const answer = `${'>'.repeat(32)} quoted ${emphasis}\n\n${list} ${emphasis}\n\n${'[['.repeat(30)}x${']]'.repeat(30)}`;
    const ws = ws1(fullResponse(MPS, `\n## Q2\n\n${answer}\n`, ['Q2']));
    check(ws, 0);
    const { out, xml } = merged(ws, []);
    expect(out('response.md')).toContain('level 60');
    expect(wordText(xml('response.docx'))).toContain('level 60');
    expect(wordText(xml('response.docx'))).toContain('core');
  });
});
