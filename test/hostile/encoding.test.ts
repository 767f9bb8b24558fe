// Bytes and characters: BOM, CRLF, invalid UTF-8, empty and binary files,
// control characters, lone surrogates, raw HTML, right-to-left and combining
// text.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import {
  check,
  CONFIG,
  failedMerge,
  fullResponse,
  merged,
  partner,
  pos,
  wordText,
  workspace,
  XML_FORBIDDEN,
} from './harness.js';

const FRONT = 'partner: Metropolitan Police Service\nsector: public';

describe('encodings', { timeout: 60_000 }, () => {
  it('accepts a UTF-8 BOM and CRLF line endings, and still places errors right', () => {
    const crlf = (s: string) => `\uFEFF${s.replace(/\n/g, '\r\n')}`;
    const good = workspace({ 'lsp-respond.yaml': crlf(CONFIG), 'responses/mps.md': crlf(fullResponse(FRONT)) });
    check(good, 0);
    // Errors near the end of a BOM + CRLF file, and in its front matter (parsed separately): positions as an editor shows them.
    const bad = fullResponse(FRONT, '\n## Q36\n\nOne more.\n');
    const ws = workspace({
      'lsp-respond.yaml': crlf(CONFIG),
      'responses/mps.md': crlf(bad),
      'responses/rbkc.md': crlf(partner('partner: RBKC\nsector: public\nsector: private', '## Q1\n\nYes.\n')),
    });
    const err = check(ws, 2);
    expect(err).toContain(
      `responses/mps.md:${pos(bad, '## Q36')}: error: unknown question Q36; the question set has Q1-Q35`,
    );
    expect(err).toContain('responses/rbkc.md:4:1: error: invalid YAML: a key appears twice; keep one');
  });

  it('refuses invalid UTF-8 with the position of the first bad byte', () => {
    const head = Buffer.from(partner(FRONT, '## Q1\n\nWe agree with the Caf'));
    const bytes = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(' proposal.\n')]); // Latin-1 "é"
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': bytes });
    const err = check(ws, 2);
    expect(err).toContain(
      'responses/mps.md:8:22: error: responses/mps.md is not valid UTF-8 (byte 0xe9); save it with UTF-8 encoding',
    );
    failedMerge(ws, 2);
  });

  it('refuses a raw lone surrogate (CESU-8 bytes) as invalid UTF-8', () => {
    const head = Buffer.from(partner(FRONT, '## Q1\n\nBroken '));
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': Buffer.concat([head, Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' text.\n')]),
    });
    expect(check(ws, 2)).toContain('responses/mps.md:8:8: error: responses/mps.md is not valid UTF-8 (byte 0xed)');
  });

  it('refuses an empty response file, saying what it must start with', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/mps.md': '',
      'responses/rbkc.md': fullResponse('partner: RBKC'),
    });
    const err = check(ws, 2);
    expect(err).toContain(
      "responses/mps.md:1:1: error: responses/mps.md is empty; start it with a line '---', then 'partner: <your organisation>', then '---'",
    );
    failedMerge(ws, 2);
  });

  it('refuses a binary response file', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': png });
    expect(check(ws, 2)).toContain(
      'responses/mps.md:3:1: error: responses/mps.md is not a text file (it contains a NUL byte); save it as UTF-8 Markdown',
    );
    failedMerge(ws, 2);
  });
});

describe('characters a document cannot hold', { timeout: 60_000 }, () => {
  it('drops control characters and warns about references to lone surrogates, each at its position, keeping the rest', () => {
    const controls = 'Page one.\fPage two, \u0001marked\u0001, ends here.';
    const refs = 'High &#xD800; low &#56320; null &#0; form feed &#12; end of answer.';
    const source = fullResponse(FRONT, `\n## Q1\n\n${controls}\n\n## Q2\n\n${refs}\n`, ['Q1', 'Q2']);
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': source });
    const err = check(ws, 0);
    expect(err).toContain(
      `responses/mps.md:${pos(source, '\f')}: warning: character U+000C cannot appear in a document and is dropped; delete it from the file`,
    );
    expect(err).toContain(
      `responses/mps.md:${pos(source, '\u0001')}: warning: character U+0001 cannot appear in a document and is dropped`,
    );
    for (const ref of ['&#xD800;', '&#56320;', '&#0;']) {
      expect(err).toContain(
        `responses/mps.md:${pos(source, ref)}: warning: ${ref} is not a character a document can hold; it is shown as \uFFFD (U+FFFD); delete it from the file`,
      );
    }
    expect(err).toContain(
      `responses/mps.md:${pos(source, '&#12;')}: warning: &#12; is not a character a document can hold; it is dropped; delete it from the file`,
    );
    // merge still writes well-formed outputs with the text around them intact.
    const { out, xml } = merged(ws, []);
    for (const file of ['response.md', 'draft.md']) {
      expect(out(file)).toContain('Page one.Page two, marked, ends here.');
      expect(out(file)).toContain('High \uFFFD low \uFFFD null \uFFFD form feed  end of answer.');
      expect(out(file)).not.toMatch(XML_FORBIDDEN);
    }
    for (const docx of ['response.docx', 'draft.docx']) {
      expect(wordText(xml(docx))).toContain('Page one.Page two, marked, ends here.');
      expect(wordText(xml(docx))).toContain('High \uFFFD low \uFFFD null \uFFFD form feed  end of answer.');
      expect(xml(docx)).not.toMatch(XML_FORBIDDEN);
    }
  });

  it('keeps raw HTML and <script> as visible text, escaped so no Markdown viewer runs it', () => {
    const answer = [
      'We support <b>stronger</b> scrutiny <script>alert(1)</script> of the LAA.',
      '',
      '<script>alert(2)</script>',
      '',
      '<iframe src="https://example.org/x" onload="steal()"></iframe>',
      '',
      '<!-- officers: check this -->',
    ].join('\n');
    const source = fullResponse(FRONT, `\n## Q3\n\n${answer}\n`, ['Q3']);
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': source });
    check(ws, 0);
    const { out, xml } = merged(ws, []);
    // In Word the partner's markup is plain text: escaped once in the XML, never an element.
    for (const docx of ['response.docx', 'draft.docx']) {
      expect(wordText(xml(docx))).toContain(
        'We support &lt;b&gt;stronger&lt;/b&gt; scrutiny &lt;script&gt;alert(1)&lt;/script&gt; of the LAA.',
      );
      expect(wordText(xml(docx))).toContain(
        '&lt;iframe src=&quot;https://example.org/x&quot; onload=&quot;steal()&quot;&gt;&lt;/iframe&gt;',
      );
      expect(xml(docx)).not.toMatch(/<(script|iframe)/);
    }
    for (const file of ['response.md', 'draft.md']) {
      const md = out(file);
      // The bytes: every '<' the partner wrote is escaped, so it is text, not a tag.
      expect(md).toContain('We support \\<b>stronger\\</b> scrutiny \\<script>alert(1)\\</script> of the LAA.');
      expect(md).toContain('\\<script>alert(2)\\</script>');
      expect(md).toContain('\\<iframe src="https\\://example.org/x" onload="steal()">\\</iframe>');
      expect(md).toContain('\\<!-- officers: check this -->');
      expect(md).not.toMatch(/(?<!\\)<(script|iframe|b>|!--)/);
      // ...and a Markdown parser reading the output finds no HTML at all.
      const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
      const html: string[] = [];
      const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
        if (n.type === 'html') html.push(n.value ?? '');
        for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
      };
      walk(tree);
      expect(html).toEqual([]);
    }
  });

  it('keeps right-to-left and combining-character text byte for byte', () => {
    const answer = [
      'نحن نؤيد الشراكة المحلية. (Arabic: we support the local partnership.)',
      '',
      'אנו תומכים בשותפות. (Hebrew)',
      '',
      'Mixed: the \u202Bعربي\u202C word, an RLM\u200F mark, Zalgo Z\u0351\u031B\u0321a\u0300\u0301, decomposed e\u0301 and precomposed \u00E9, Hangul \u1100\u1161.',
    ].join('\n');
    const source = fullResponse(FRONT, `\n## Q4\n\n${answer}\n`, ['Q4']);
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/mps.md': source });
    check(ws, 0);
    const { out } = merged(ws);
    const bytes = Buffer.from(out('response.md'));
    for (const line of answer.split('\n').filter(Boolean)) expect(bytes.includes(Buffer.from(line)), line).toBe(true);
  });
});
