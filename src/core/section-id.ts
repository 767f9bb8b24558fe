// Section ids (SPEC 1.4) in one place: the loader gives contributions their
// ids, the front matter's cannot_endorse is parsed, validate explains a wrong
// id and merge finds what an id names, all with the functions below.
import { COMPOSITE, type Contribution, type SectionId, type Target } from './model.js';

export const SECTION_ID_HELP = 'write Q12 (a whole answer), Q12/<partner> (one contribution) or preamble/<partner>';

export function parseSectionId(text: string): SectionId | null {
  // The pattern is written here, not as a module constant, so that mutation
  // testing tries its variants test by test (see README, Mutation testing).
  const m = /^(?:(Q[1-9]\d*)([a-z])?(?:\/([a-z0-9-]+))?|preamble\/([a-z0-9-]+))$/.exec(text);
  if (!m) return null;
  if (m[4] !== undefined) return { kind: 'preamble', partner: m[4] };
  const target: Target = { question: m[1]!, part: m[2] ?? null };
  return m[3] === undefined ? { kind: 'answer', target } : { kind: 'contribution', target, partner: m[3] };
}

export function formatSectionId(id: SectionId): string {
  if (id.kind === 'preamble') return `preamble/${id.partner}`;
  const answer = `${id.target.question}${id.target.part ?? ''}`;
  return id.kind === 'answer' ? answer : `${answer}/${id.partner}`;
}

/** The id of what `partner` wrote for `target` (null: its preamble); composite answers carry the answer's id. */
export function sectionIdOf(partner: string, target: Target | null): string {
  if (target === null) return formatSectionId({ kind: 'preamble', partner });
  return formatSectionId(
    partner === COMPOSITE ? { kind: 'answer', target } : { kind: 'contribution', target, partner },
  );
}

/**
 * The contributions a section id names: an answer id names every contribution
 * to the question (or to that part), composite wording included; the other
 * kinds name one partner's contribution. None when nothing matches.
 */
export function sectionTargets(id: SectionId, all: readonly Contribution[]): Contribution[] {
  if (id.kind === 'answer') {
    const { question, part } = id.target;
    return all.filter(
      (c) => c.target !== null && c.target.question === question && (part === null || c.target.part === part),
    );
  }
  // Composite answers carry answer ids (sectionIdOf), which no contribution or preamble id equals.
  const section = formatSectionId(id);
  return all.filter((c) => c.section === section);
}
