// Bugs a review found, each pinned by a test that fails without its fix:
// stale separate submissions, status without removals, writer warnings
// without a source position or repeated per document, and DOCX checked only
// on hand-built trees instead of what the composer really produces.
import { responseEndorsement } from '../src/rounds/gate.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { responseDocument } from '../src/compose/documents.js';
import { merge } from '../src/merge/merge.js';
import { DEFAULT_HOUSE_STYLE } from '../src/load/house-style.js';
import { run } from './helpers/cli.js';
import { workspaceFrom } from './helpers/model.js';
import { answerAll, partner, workspace } from './helpers/workspace.js';
import { mdastText, missingWords, pandocJson, pandocText, render, withPandoc } from './docx/helpers.js';

const CONFIG = 'partnership: Test Partnership\ndate: 2006-03-01\n';

describe('regressions', { timeout: 60_000 }, () => {
  it('prunes separate submissions of partners that no longer have removed text', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner('partner: Council', answerAll()),
      'responses/police.md': partner(
        'partner: Police\ncannot_endorse:\n  - section: Q3/council',
        '## Q3\n\nPolice view.\n',
      ),
    });
    expect(run(['-C', ws, 'merge']).code).toBe(0);
    expect(existsSync(join(ws, 'out/separate/council.md'))).toBe(true);
    expect(existsSync(join(ws, 'out/separate/council.docx'))).toBe(true);
    writeFileSync(join(ws, 'responses/police.md'), partner('partner: Police', '## Q3\n\nPolice view.\n'));
    const r = run(['-C', ws, 'merge']);
    expect(r.code).toBe(0);
    expect(existsSync(join(ws, 'out/separate/council.md'))).toBe(false);
    expect(existsSync(join(ws, 'out/separate/council.docx'))).toBe(false);
    expect(r.stdout).not.toContain('separate');
  });

  it('shows removed contributions in status', () => {
    const ws = workspace({
      'lsp-respond.yaml': CONFIG,
      'responses/council.md': partner('partner: Council', answerAll()),
      'responses/police.md': partner(
        'partner: Police\ncannot_endorse:\n  - section: Q3/council',
        '## Q3\n\nPolice view.\n',
      ),
    });
    const r = run(['-C', ws, '--today', '2006-02-01', 'status']);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => /^\s*council\b/.test(l));
    expect(row, r.stdout).toBeDefined();
    // Q1, Q2 answered, Q3 removed.
    expect(row!.replace(/\s+/g, '')).toMatch(/^councilAAR/);
  });

  it('reports a nested footnote at its place in the partner file, once for all documents', () => {
    const body = `${answerAll(['Q2'])}\n## Q2\n\nThe view.[^a]\n\n[^a]: A note with its own note.[^b]\n\n[^b]: The inner note.\n`;
    const ws = workspace({ 'lsp-respond.yaml': CONFIG, 'responses/council.md': partner('partner: Council', body) });
    const r = run(['-C', ws, 'merge']);
    expect(r.code).toBe(0);
    const source = readFileSync(join(ws, 'responses/council.md'), 'utf8').split('\n');
    const line = source.findIndex((l) => l.startsWith('[^a]:')) + 1;
    const column = source[line - 1]!.indexOf('[^b]') + 1;
    const warnings = r.stderr.split('\n').filter((l) => l.includes('inside a footnote'));
    // draft.docx and response.docx both hold the note: one warning, at the source.
    expect(warnings).toEqual([
      `responses/council.md:${line}:${column}: warning: footnote reference [^council-b] inside a footnote: Word has no footnotes in footnotes, so it is shown as text`,
    ]);
  });

  withPandoc(
    "renders the composer's real response to a DOCX that holds every included word and no removed one",
    async () => {
      const { ws } = workspaceFrom({
        partners: [
          {
            file: 'responses/council.md',
            source: partner(
              'partner: Council',
              'General comments from the council.\n\n## Q1\n\nCouncil answers *one* with a [link](https://example.org).[^n]\n\n[^n]: Council note.\n\n## Q2\n\n| a | b |\n| - | - |\n| cell one | cell two |\n',
            ),
          },
          {
            file: 'responses/police.md',
            source: partner(
              'partner: Police\ncannot_endorse:\n  - section: Q2/council\n    reason: No.',
              '## Q1\n\n- Police list item\n  1. nested step\n',
            ),
          },
        ],
      });
      const result = merge(ws);
      const doc = responseDocument(
        ws,
        result,
        DEFAULT_HOUSE_STYLE.style.cover,
        responseEndorsement(ws, result, ws.config.date),
      );
      const { bytes, warnings } = await render(doc);
      expect(warnings).toEqual([]);
      const read = pandocText(pandocJson(bytes));
      expect(missingWords(mdastText(doc.tree), read)).toEqual([]);
      for (const a of result.accounts) {
        const words = mdastText({ type: 'root', children: a.contribution.blocks });
        if (a.status === 'included') expect(missingWords(words, read), a.contribution.section).toEqual([]);
        else expect(read).not.toContain('cell one');
      }
    },
  );
});
