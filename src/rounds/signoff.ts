// Sign-off against the rounds circulated: a partner's `endorsed:` counts for
// the round it names only while that round's text is unchanged; objections
// to text changed since the round the partner saw are pointed out.
import { allContributions } from '../merge/merge.js';
import type { PartnerResponse, Round, Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { sectionTargets } from '../core/section-id.js';
import { changedSections, sectionHashes } from './hash.js';

export type SignOff =
  /** `objections`: the sections it cannot endorse; its sign-off endorses the rest. */
  | { kind: 'endorsed'; round: number; date: string; by: string; objections: number }
  | { kind: 'stale'; round: number; changed: string[] }
  | { kind: 'objected'; sections: number }
  | { kind: 'no-reply' };

export interface RoundsReview {
  latest: Round | null;
  /** Each partner's standing against the latest round, in partner order. */
  partners: { partner: PartnerResponse; signOff: SignOff }[];
}

const list = (ids: string[]) => `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;

export function reviewRounds(ws: Workspace, problems: Problems, opts: { signoff: boolean }): RoundsReview {
  const all = allContributions(ws);
  // Hashed only when there is a round to compare with, once per hash version the rounds use.
  const hashes = new Map<Round['hashVersion'], Record<string, string>>();
  const now = (r: Round) =>
    hashes.get(r.hashVersion) ?? hashes.set(r.hashVersion, sectionHashes(all, r.hashVersion)).get(r.hashVersion)!;
  const latest = ws.rounds.at(-1) ?? null;
  const round = (n: number) => ws.rounds.find((r) => r.number === n);
  const configAt = { file: ws.config.file ?? 'lsp-respond.yaml', line: 1, column: 1 };

  const partners = ws.partners.map((partner) => {
    const e = partner.endorsed;
    const seen = e ? round(e.round) : latest;
    if (e && !seen)
      problems.error(
        'unknown-round',
        e.position,
        `endorsed names round ${e.round}, which was never circulated; ${latest ? `the latest round is ${latest.number}` : 'no round has been circulated yet (lsp-respond circulate)'}`,
      );
    for (const o of partner.objections) {
      if (o.kind !== 'cannot-endorse' || !seen) continue;
      const targets = sectionTargets(o.id, all).map((c) => c.section);
      const changed = targets.filter((id) => seen.sections[id] !== now(seen)[id]);
      if (changed.length > 0) {
        problems.warn(
          'stale-objection',
          o.position,
          `${list(changed)} changed after round ${seen.number} (${seen.date}), the draft this objection was made against; check that it still applies, then circulate again`,
        );
      }
    }
    let signOff: SignOff;
    if (e && seen) {
      const changed = changedSections(seen.sections, now(seen));
      if (changed.length > 0) {
        // With --signoff the same thing is said once, as the reason the check fails.
        if (!opts.signoff)
          problems.warn(
            'stale-signoff',
            e.position,
            `${partner.name} endorsed round ${e.round}, but ${list(changed)} changed since; circulate the new text and ask for sign-off again`,
          );
        signOff = { kind: 'stale', round: e.round, changed };
      } else
        signOff = {
          kind: 'endorsed',
          round: e.round,
          date: e.date,
          by: e.by,
          objections: partner.objections.filter((o) => o.kind === 'cannot-endorse').length,
        };
    } else if (partner.objections.some((o) => o.kind === 'cannot-endorse'))
      signOff = { kind: 'objected', sections: partner.objections.filter((o) => o.kind === 'cannot-endorse').length };
    else signOff = { kind: 'no-reply' };
    return { partner, signOff };
  });

  if (opts.signoff) {
    if (!latest)
      problems.incomplete(
        'not-signed-off',
        configAt,
        "no draft has been circulated, so nobody has signed off; run 'lsp-respond circulate' and send out/rounds/1/draft.docx to the partners",
      );
    else {
      for (const { partner, signOff } of partners) {
        if (signOff.kind === 'endorsed' && signOff.round === latest.number) continue;
        const at = partner.endorsed?.position ?? { file: partner.file, line: 1, column: 1 };
        const ask = `when it endorses round ${latest.number}, add to its front matter: endorsed: {round: ${latest.number}, date: YYYY-MM-DD, by: <name>}`;
        if (signOff.kind === 'stale') {
          problems.incomplete(
            'not-signed-off',
            at,
            `${partner.name} endorsed round ${signOff.round}, but ${list(signOff.changed)} changed since; run 'lsp-respond circulate' and ask for sign-off of the new round`,
          );
          continue;
        }
        const why =
          signOff.kind === 'endorsed'
            ? `endorsed round ${signOff.round}, not the latest (${latest.number})`
            : signOff.kind === 'objected'
              ? 'objects to sections and has not signed off'
              : 'has not replied';
        problems.incomplete('not-signed-off', at, `${partner.name} ${why}; ${ask}`);
      }
    }
  }
  return { latest, partners };
}
