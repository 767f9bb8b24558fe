// The commands the tool prints paste into a POSIX shell as the arguments they
// show, and the ids they suggest are valid partner ids.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellCommand } from '../src/core/shell.js';
import { idFromFileName, partnerIdProblem } from '../src/load/partner-id.js';

describe('suggested commands', () => {
  it('give the shell back exactly the arguments, whatever they hold', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => !s.includes('\0')),
          { minLength: 1, maxLength: 4 },
        ),
        (args) => {
          const r = spawnSync('sh', ['-c', `for a in ${shellCommand(...args)}; do printf '%s\\0' "$a"; done`], {
            encoding: 'utf8',
          });
          expect(r.stdout.split('\0').slice(0, -1)).toEqual(args);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('name partners by an id made from the file name', () => {
    expect(idFromFileName('responses/NPCT reply.docx')).toBe('npct-reply');
    expect(idFromFileName('responses/Réponse du Conseil.docx')).toBe('reponse-du-conseil');
    expect(idFromFileName('responses/--Police__2006--.docx')).toBe('police-2006');
    expect(idFromFileName('responses/CON.docx')).toBe('con-reply');
    expect(idFromFileName('responses/composite.docx')).toBe('composite-reply');
    expect(idFromFileName('responses/Ответ.docx')).toBe('partner');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        expect(partnerIdProblem(idFromFileName(`responses/${name}.docx`))).toBeNull();
      }),
    );
  });
});
