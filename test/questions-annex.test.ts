// The bundled ODPM question set must carry Annex A of the consultation word
// for word. The reference is test/reference/odpm-annex-a.txt, Annex A of the
// Kensington and Chelsea Partnership's paper copied verbatim (all 35
// questions under their section and topic headings). If it is missing, these
// tests fail: they never skip.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const SEED_URL = new URL('./reference/odpm-annex-a.txt', import.meta.url);
const QUESTIONS_URL = new URL('../questions/odpm-lsp-2005.yaml', import.meta.url);

const SECTION_TITLES = [
  'The role of Local Strategic Partnerships and Sustainable Community Strategies',
  'Governance',
  'Accountability',
  'Capacity Issues',
];

interface SeedQuestion {
  number: number;
  text: string;
  line: number; // index into the Annex lines
}

interface Annex {
  lines: string[]; // trimmed lines after "SUMMARY OF CONSULTATION QUESTIONS"
  questions: SeedQuestion[];
}

// `1: text`, `- 4: text`, ` 35: text`
const QUESTION_LINE = /^\s*(?:-\s+)?(\d+):\s+(.*)$/;

function readAnnex(): Annex {
  const path = fileURLToPath(SEED_URL);
  if (!existsSync(path)) {
    throw new Error(`Annex A reference not found: ${path}`);
  }
  const all = readFileSync(path, 'utf8').split(/\r?\n/);
  const start = all.findIndex((l) => l.trim() === 'Annex A');
  if (start < 0) throw new Error('the reference has no "Annex A" line');
  const summary = all.findIndex((l, i) => i > start && l.trim() === 'SUMMARY OF CONSULTATION QUESTIONS');
  if (summary < 0) throw new Error('the reference Annex A has no "SUMMARY OF CONSULTATION QUESTIONS" line');
  const lines = all.slice(summary + 1).map((l) => l.trim());
  const questions: SeedQuestion[] = [];
  all.slice(summary + 1).forEach((raw, i) => {
    const m = QUESTION_LINE.exec(raw);
    if (m) questions.push({ number: Number(m[1]), text: (m[2] ?? '').trim(), line: i });
  });
  return { lines, questions };
}

interface YamlPart {
  id: unknown;
  text: unknown;
}
interface YamlQuestion {
  id: unknown;
  text: unknown;
  parts?: YamlPart[];
}
interface FlatQuestion {
  id: string;
  text: string;
  parts: YamlPart[] | undefined;
  keys: string[];
  section: string;
  topic: string | null;
}

function readSet(): { doc: Record<string, unknown>; flat: FlatQuestion[] } {
  const doc = parse(readFileSync(QUESTIONS_URL, 'utf8')) as Record<string, unknown>;
  const flat: FlatQuestion[] = [];
  const sections = doc.sections as { title: string; topics?: unknown; questions?: unknown }[];
  const push = (qs: unknown, section: string, topic: string | null): void => {
    expect(Array.isArray(qs), `questions of ${topic ?? section} is a list`).toBe(true);
    for (const q of qs as YamlQuestion[]) {
      flat.push({
        id: String(q.id),
        text: q.text as string,
        parts: q.parts,
        keys: Object.keys(q).sort(),
        section,
        topic,
      });
    }
  };
  for (const s of sections) {
    if (s.topics !== undefined) {
      for (const t of s.topics as { title: string; questions: unknown }[]) push(t.questions, s.title, t.title);
    } else {
      push(s.questions, s.title, null);
    }
  }
  return { doc, flat };
}

describe('the reference text (Annex A of the KCP paper)', () => {
  it('is present and lists questions 1 to 35 in order', () => {
    expect(existsSync(fileURLToPath(SEED_URL))).toBe(true);
    const annex = readAnnex();
    expect(annex.questions.map((q) => q.number)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    for (const q of annex.questions) expect(q.text.length, `Annex A question ${q.number}`).toBeGreaterThan(10);
  });
});

describe('questions/odpm-lsp-2005.yaml', () => {
  it('has the metadata keys and nothing else', () => {
    const { doc } = readSet();
    expect(Object.keys(doc).sort()).toEqual([
      'closes',
      'id',
      'published',
      'publisher',
      'respond_to',
      'sections',
      'title',
    ]);
    expect(doc.id).toBe('odpm-lsp-2005');
    expect(doc.title).toBe('Local Strategic Partnerships: Shaping their future');
    expect(doc.publisher).toBe('Office of the Deputy Prime Minister');
    expect(doc.published).toBe('2005-12-08');
    expect(doc.closes).toBe('2006-03-03');
    // Only what the sources give: the department, not its consultation address (the letter leaves that to the officer).
    expect(doc.respond_to).toEqual({ name: 'Office of the Deputy Prime Minister' });
  });

  it('has exactly 35 questions, Q1..Q35 in order, with unique ids', () => {
    const { flat } = readSet();
    expect(flat.map((q) => q.id)).toEqual(Array.from({ length: 35 }, (_, i) => `Q${i + 1}`));
    expect(new Set(flat.map((q) => q.id)).size).toBe(35);
  });

  it('carries every question text exactly as in Annex A', () => {
    const annex = readAnnex();
    const { flat } = readSet();
    expect(flat).toHaveLength(annex.questions.length);
    flat.forEach((q, i) => {
      const seed = annex.questions[i];
      expect(seed, `Annex A question for ${q.id}`).toBeDefined();
      expect(q.id).toBe(`Q${seed?.number}`);
      expect(typeof q.text, `${q.id} text is a string`).toBe('string');
      expect(q.text, `${q.id} text`).toBe(seed?.text);
    });
  });

  it('keeps the quirks of the source', () => {
    const { flat } = readSet();
    const text = (id: string): string => flat.find((q) => q.id === id)?.text ?? '';
    expect(text('Q1').endsWith('(as set out in figures 1 & 2)')).toBe(true);
    expect(text('Q14')).toContain('co-terminosity shared geographic boundaries?');
    expect(text('Q16')).toContain('neighbourhood and parish, tiers');
  });

  it('has only the keys id, text, (for Q16 and Q17) parts and (for every question beginning "If so") follows', () => {
    const { flat } = readSet();
    for (const q of flat) {
      const expected =
        q.id === 'Q16' || q.id === 'Q17'
          ? ['id', 'parts', 'text']
          : /^If (so|not|yes)\b/i.test(q.text)
            ? ['follows', 'id', 'text']
            : ['id', 'text'];
      expect(q.keys, q.id).toEqual(expected);
    }
  });

  it('marks the questions that begin "If so" as following the question before', () => {
    const follows = readSet()
      .flat.filter((q) => q.keys.includes('follows'))
      .map((q) => q.id);
    expect(follows).toEqual(['Q19', 'Q20']);
  });

  it('gives Q16 and Q17 parts a and b taken from the question text', () => {
    const { flat } = readSet();
    for (const id of ['Q16', 'Q17']) {
      const q = flat.find((x) => x.id === id);
      expect(q, id).toBeDefined();
      const parts = q?.parts ?? [];
      expect(parts.map((p) => Object.keys(p).sort())).toEqual([
        ['id', 'text'],
        ['id', 'text'],
      ]);
      expect(parts.map((p) => p.id)).toEqual(['a', 'b']);
      expect(parts.map((p) => p.text)).toEqual(['the executive', 'individual thematic partnerships']);
      for (const p of parts) {
        expect(typeof p.text).toBe('string');
        expect(q?.text, `${id}${String(p.id)}`).toContain(`${String(p.id)}) ${String(p.text)}`);
      }
    }
  });

  it('uses the four sections of Annex A, in order, each title a line of the Annex', () => {
    const annex = readAnnex();
    const { doc } = readSet();
    const sections = doc.sections as { title: unknown }[];
    expect(sections.map((s) => s.title)).toEqual(SECTION_TITLES);
    for (const t of SECTION_TITLES) expect(annex.lines, t).toContain(t);
  });

  it('files every question under the section and topic headings that precede it in the Annex', () => {
    const annex = readAnnex();
    const { flat } = readSet();
    let prevSection: string | null = null;
    let prevTopic: string | null = null;
    let from = 0;
    flat.forEach((q, i) => {
      const seed = annex.questions[i];
      expect(seed, q.id).toBeDefined();
      if (!seed) return;
      // the non-empty, non-question lines between the previous question and this one
      const headings = annex.lines.slice(from, seed.line).filter((l) => l !== '' && !QUESTION_LINE.test(l));
      const expected: string[] = [];
      if (q.section !== prevSection) expected.push(q.section);
      if (q.topic !== null && (q.topic !== prevTopic || q.section !== prevSection)) expected.push(q.topic);
      expect(headings, `headings before ${q.id}`).toEqual(expected);
      for (const h of expected) expect(annex.lines, h).toContain(h);
      prevSection = q.section;
      prevTopic = q.topic;
      from = seed.line + 1;
    });
    // nothing but blank lines after the last question
    expect(annex.lines.slice(from).filter((l) => l !== '')).toEqual([]);
  });
});
