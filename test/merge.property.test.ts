// The merge's guarantees over generated workspaces: every contribution is
// accounted for exactly once and lands in exactly the right outputs; the
// result does not depend on file order; the same input gives the same bytes.
import { draftDating } from '../src/rounds/circulation.js';
import { responseEndorsement } from '../src/rounds/gate.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftDocument, removedDocument, responseDocument } from '../src/compose/documents.js';
import { separateDocument, separatePartners } from '../src/compose/separate.js';
import { reportJson } from '../src/compose/report.js';
import { merge } from '../src/merge/merge.js';
import { DEFAULT_STYLE } from '../src/core/style.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { workspaceFrom } from './helpers/model.js';

const IDS = ['alpha', 'beta', 'gamma', 'delta'];
const cover = DEFAULT_STYLE.cover;
const QUESTIONS = ['Q1', 'Q2', 'Q3', 'Q16a', 'Q16b', 'Q16'];

interface Gen {
  partners: { id: string; preamble: boolean; answers: string[]; objections: string[] }[];
  composite: string[];
}

const shapes = ['plain', 'list', 'table', 'footnote', 'quote'] as const;

// A marker word unique to each contribution lets the test find it in any output.
const marker = (section: string) => `mark${section.replace(/[^a-z0-9]/gi, 'x')}end`;

function body(section: string, shape: (typeof shapes)[number]): string {
  const m = marker(section);
  switch (shape) {
    case 'plain':
      return `Some *text* ${m} here.\n`;
    case 'list':
      return `- first ${m}\n  - nested\n- second\n`;
    case 'table':
      return `| a | b |\n| - | -: |\n| ${m} | 2 |\n`;
    case 'footnote':
      return `Claim ${m}.[^1]\n\n[^1]: The source.\n`;
    case 'quote':
      return `> Quoted ${m}\n`;
  }
}

const gen: fc.Arbitrary<Gen & { shapesOf: Map<string, (typeof shapes)[number]> }> = fc
  .record({
    partners: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...IDS),
        preamble: fc.boolean(),
        answers: fc.uniqueArray(fc.constantFrom(...QUESTIONS), { maxLength: 5 }),
        objections: fc.array(
          fc.constantFrom(
            ...QUESTIONS.slice(0, 3),
            ...IDS.flatMap((id) => [`Q1/${id}`, `Q2/${id}`, `Q16a/${id}`, `preamble/${id}`]),
          ),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 4, selector: (p) => p.id },
    ),
    composite: fc.uniqueArray(fc.constantFrom('Q2', 'Q16b'), { maxLength: 2 }),
    shape: fc.array(fc.constantFrom(...shapes), { minLength: 40, maxLength: 40 }),
  })
  .map(({ partners, composite, shape }) => {
    const shapesOf = new Map<string, (typeof shapes)[number]>();
    let i = 0;
    const pick = (section: string) => {
      const s = shape[i++ % shape.length]!;
      shapesOf.set(section, s);
      return s;
    };
    for (const p of partners) {
      if (p.preamble) pick(`preamble/${p.id}`);
      for (const q of p.answers) pick(`${q}/${p.id}`);
    }
    for (const q of composite) pick(q);
    return { partners, composite, shapesOf };
  });

function files(
  g: ReturnType<typeof gen.generate> extends never ? never : Gen & { shapesOf: Map<string, (typeof shapes)[number]> },
) {
  const existing = new Set([
    ...g.partners.flatMap((p) => [
      ...(p.preamble ? [`preamble/${p.id}`] : []),
      ...p.answers.map((q) => `${q}/${p.id}`),
    ]),
  ]);
  const wholeExists = (q: string) =>
    g.partners.some((p) => p.answers.some((a) => a === q || a.startsWith(q))) ||
    g.composite.some((c) => c.startsWith(q));
  return {
    partners: g.partners.map((p) => {
      // Only objections to sections that exist: unknown ids are a separate, input-error path.
      const objections = [...new Set(p.objections)].filter((o) => (o.includes('/') ? existing.has(o) : wholeExists(o)));
      const front =
        objections.length > 0
          ? `cannot_endorse:\n${objections.map((o) => `  - section: ${o}\n    reason: Not ${o}.\n`).join('')}`
          : '';
      const preamble = p.preamble ? body(`preamble/${p.id}`, g.shapesOf.get(`preamble/${p.id}`)!) : '';
      const answers = p.answers
        .map((q) => `## ${q}\n\n${body(`${q}/${p.id}`, g.shapesOf.get(`${q}/${p.id}`)!)}`)
        .join('\n');
      return {
        file: `responses/${p.id}.md`,
        source: `---\npartner: Partner ${p.id}\n${front}---\n\n${preamble}\n${answers}`,
      };
    }),
    composite: g.composite.map((q) => `## ${q}\n\n${body(q, g.shapesOf.get(q)!)}`).join('\n'),
  };
}

function outputs(input: ReturnType<typeof files>) {
  const { ws, problems } = workspaceFrom(input);
  expect(problems.list.filter((p) => p.severity === 'error')).toEqual([]);
  const result = merge(ws);
  return {
    ws,
    result,
    draft: renderMarkdown(draftDocument(ws, result, cover, draftDating(ws))),
    response: renderMarkdown(responseDocument(ws, result, cover, responseEndorsement(ws, result, ws.config.date))),
    removed: renderMarkdown(removedDocument(ws, result, cover)),
    separate: new Map(
      separatePartners(ws, result).map((id) => [id, renderMarkdown(separateDocument(ws, result, id, cover))]),
    ),
    report: reportJson(ws, result, responseEndorsement(ws, result, ws.config.date)),
  };
}

describe('merge invariants', () => {
  it('accounts for every contribution exactly once, in exactly the right outputs', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const out = outputs(files(g));
        const written = [...g.shapesOf.keys()];
        const accounted = out.result.accounts.map((a) => a.contribution.section);
        expect([...accounted].sort()).toEqual([...written].sort());
        const reportSections = (JSON.parse(out.report) as { contributions: { section: string; status: string }[] })
          .contributions;
        expect(reportSections.map((c) => c.section).sort()).toEqual([...written].sort());
        for (const a of out.result.accounts) {
          const m = marker(a.contribution.section);
          const inResponse = out.response.includes(m);
          const inRemoved = out.removed.includes(m);
          expect(a.objections.length > 0).toBe(a.status === 'removed');
          expect(out.draft).toContain(m);
          expect([a.status, inResponse, inRemoved]).toEqual(
            a.status === 'included'
              ? ['included', true, false]
              : a.status === 'removed'
                ? ['removed', false, true]
                : ['superseded', false, false],
          );
          const own = out.separate.get(a.contribution.partner);
          if (a.status === 'removed' && a.contribution.partner !== 'composite') expect(own).toContain(m);
          else expect(own?.includes(m) ?? false).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same bytes whatever the order of the files, and on every run', () => {
    fc.assert(
      fc.property(gen, fc.integer({ min: 0, max: 1000 }), (g, seed) => {
        const input = files(g);
        const shuffled = {
          ...input,
          partners: [...input.partners].sort(
            (a, b) => ((a.file.length * seed) % 7) - ((b.file.length * seed) % 7) || (a.file < b.file ? 1 : -1),
          ),
        };
        const a = outputs(input);
        const b = outputs(shuffled);
        const c = outputs(input);
        for (const key of ['draft', 'response', 'removed', 'report'] as const) {
          expect(b[key]).toBe(a[key]);
          expect(c[key]).toBe(a[key]);
        }
        expect([...b.separate]).toEqual([...a.separate]);
      }),
      { numRuns: 30 },
    );
  });

  it('never lets footnote labels of different partners collide', () => {
    const note = (id: string) => ({
      file: `responses/${id}.md`,
      source: `---\npartner: ${id}\n---\n\n## Q1\n\nText ${id}.[^1]\n\n[^1]: Note of ${id}.\n`,
    });
    const out = outputs({ partners: [note('aa'), note('bb')], composite: '' });
    expect(out.response).toContain('[^aa-1]: Note of aa.');
    expect(out.response).toContain('[^bb-1]: Note of bb.');
    expect(out.response).toMatch(/Text aa\.\[\^aa-1][\s\S]*Text bb\.\[\^bb-1]/);
  });
});
