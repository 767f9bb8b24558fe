// What a circulated round lets the response say (seed 003 s.3.1-3.2): only
// text the partners were sent goes in, and it is endorsed by the partners who
// signed the round off or stayed silent past its objection deadline.
import type { Account, MergeResult } from '../merge/merge.js';
import type { PartnerResponse, Round, Workspace } from '../core/model.js';
import { sectionHash } from './hash.js';

export type EndorsedHow = 'signed' | 'silent';

export interface ResponseEndorsement {
  /** The latest round, or null when none was circulated (then every partner is taken to endorse, as before rounds). */
  round: Round | null;
  /** Each partner, in partner order, with how it endorses the latest round, or null when it does not (yet; and always without a round). */
  partners: { partner: PartnerResponse; how: EndorsedHow | null }[];
  /** Sections the response would hold whose text differs from, or is absent in, the latest round. */
  uncirculated: { account: Account; absent: boolean }[];
  /** Before the deadline (or when the round has none): partners that have neither signed the round off nor objected to anything. */
  awaiting: PartnerResponse[];
}

/** The partners the response may say endorse it: with no round, all of them (as before rounds existed). */
export function endorsers(e: ResponseEndorsement): PartnerResponse[] {
  return e.partners.filter((p) => e.round === null || p.how !== null).map((p) => p.partner);
}

export function responseEndorsement(ws: Workspace, result: MergeResult, today: string): ResponseEndorsement {
  const round = ws.rounds.at(-1) ?? null;
  if (round === null)
    return { round, partners: ws.partners.map((partner) => ({ partner, how: null })), uncirculated: [], awaiting: [] };
  const passed = round.deadline !== null && today > round.deadline;
  const partners = ws.partners.map((partner) => {
    const how: EndorsedHow | null = partner.endorsed?.round === round.number ? 'signed' : passed ? 'silent' : null;
    return { partner, how };
  });
  const awaiting = partners
    .filter((p) => p.how === null && !p.partner.objections.some((o) => o.kind === 'cannot-endorse'))
    .map((p) => p.partner);
  const uncirculated = result.accounts
    .filter((a) => a.status === 'included')
    .flatMap((account) => {
      const then = round.sections[account.contribution.section];
      if (then === undefined) return [{ account, absent: true }];
      return then === sectionHash(account.contribution, round.hashVersion) ? [] : [{ account, absent: false }];
    });
  return { round, partners, uncirculated, awaiting };
}
