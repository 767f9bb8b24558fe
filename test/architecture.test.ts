// The source tree reads as the pipeline (README, "Source layout"): no import
// cycles, type-only imports included; core/ shared by every stage and
// depending on none; commands/ used by the command line only; one meaning per
// exported name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
let graph: Record<string, string[]>;
let cycles: string[][];

beforeAll(async () => {
  const result = await madge(SRC, {
    fileExtensions: ['ts'],
    tsConfig: join(import.meta.dirname, '..', 'tsconfig.json'),
    // madge skips `import type` unless told otherwise; a type-only cycle still ties two layers together.
    detectiveOptions: { ts: { skipTypeImports: false } },
  });
  graph = result.obj();
  cycles = result.circular();
});

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('the source tree', () => {
  it('reads every source file', () => {
    expect(Object.keys(graph).sort()).toEqual(sourceFiles(SRC).sort());
  });

  it('has no import cycles', () => {
    expect(cycles).toEqual([]);
  });

  it('keeps core/ free of the stages that use it (it may use ooxml/ for escaping)', () => {
    const outward = Object.entries(graph).flatMap(([file, deps]) =>
      file.startsWith('core/')
        ? deps.filter((d) => !d.startsWith('core/') && !d.startsWith('ooxml/')).map((d) => `${file} -> ${d}`)
        : [],
    );
    expect(outward).toEqual([]);
  });

  it('lets only the command line and its commands import commands/', () => {
    const upward = Object.entries(graph).flatMap(([file, deps]) =>
      file === 'cli.ts' || file.startsWith('commands/')
        ? []
        : deps.filter((d) => d.startsWith('commands/')).map((d) => `${file} -> ${d}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps the Office package layer below everything that reads or writes packages', () => {
    const outward = Object.entries(graph).flatMap(([file, deps]) =>
      file.startsWith('ooxml/') ? deps.filter((d) => !d.startsWith('ooxml/')).map((d) => `${file} -> ${d}`) : [],
    );
    expect(outward).toEqual([]);
  });

  it('has no loose files beside cli.ts', () => {
    expect(readdirSync(SRC).filter((f) => f.endsWith('.ts'))).toEqual(['cli.ts']);
  });

  it('gives each exported name one meaning', () => {
    const where = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(join(SRC, file), 'utf8');
      for (const m of text.matchAll(
        /^export (?:declare )?(?:async )?(?:abstract )?(?:class|interface|type|function|const|let|enum) ([A-Za-z0-9_$]+)/gm,
      )) {
        where.set(m[1]!, [...(where.get(m[1]!) ?? []), file]);
      }
    }
    expect([...where].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
