// A partner's own submission (separate/<id>): what left the collective
// response because another partner could not endorse it, what the partner
// kept for itself (separate_only), and its `## Additional comments`. The two
// kinds are told apart in the document: only the first was ever objected to,
// so only the first says it was removed.
import type { RootContent } from 'mdast';
import type { DocumentModel } from '../core/document.js';
import type { Account, MergeResult, QuestionOutcome } from '../merge/merge.js';
import type { PartnerResponse, Representative, Workspace } from '../core/model.js';
import { byPart, type CoverWording, preambleSection } from './documents.js';
import { UsedFootnotes, heading, longDate, para, strong } from './nodes.js';
import { skeleton } from './skeleton.js';

export const REMOVED_LABEL = 'Removed from the collective response';
export const OWN_LABEL = 'Additional comment, not part of the collective response';

/** Text its author kept for its own submission, as opposed to text another partner objected to. */
function keptByAuthor(a: Account): boolean {
  return a.objections.every((o) => o.kind === 'separate-only');
}

/** The partners with text for a submission of their own (removed, kept, or additional comments), in contribution order. */
export function separatePartners(ws: Workspace, result: MergeResult): string[] {
  const withRemoved = new Set(result.accounts.filter((a) => a.status === 'removed').map((a) => a.contribution.partner));
  return ws.partners.filter((p) => withRemoved.has(p.id) || p.additional !== null).map((p) => p.id);
}

/** The file the partnership sends: `<short>-response.docx` when short: is set (plan.ts writes that copy), else response.docx. */
export function responseFileName(ws: Workspace): string {
  return ws.config.fileTag ? `${ws.config.fileTag}-response.docx` : 'response.docx';
}

export function representativeLine(r: Representative): string {
  return [r.name, r.role].filter((x): x is string => x !== null).join(', ');
}

/** `own` names the partner's own text (kept sections, additional comments), or is null when there is none. */
function coverLines(ws: Workspace, partner: PartnerResponse, removed: boolean, own: string | null): RootContent[] {
  const { partnership } = ws.config;
  const rep = partner.representative;
  const reach = rep ? [rep.email, rep.phone].filter((x): x is string => x !== null) : [];
  return [
    para(longDate(ws.config.date), 'cover'),
    para(
      `Submitted by ${partner.name}, a member of the ${partnership}, on its own behalf. It accompanies the collective response of the ${partnership} (${responseFileName(ws)}).`,
      'cover',
    ),
    ...(rep ? [para(`Representative: ${representativeLine(rep)}`, 'cover')] : []),
    ...(reach.length > 0 ? [para(`Contact: ${reach.join(', ')}`, 'cover')] : []),
    ...(removed
      ? [
          para(
            `Text marked “${REMOVED_LABEL}” was in the ${partnership}'s draft response, but not every partner could endorse it, so it was taken out of the collective response. ${partner.name} submits it here.`,
            'note',
          ),
        ]
      : []),
    ...(own
      ? [
          para(
            `${own} ${own.includes(' and ') ? 'are' : 'is'} ${partner.name}'s own, given in addition to the collective response.`,
            'note',
          ),
        ]
      : []),
  ];
}

function ownText(kept: boolean, additional: boolean): string | null {
  const parts = [
    ...(kept ? [`Text marked “${OWN_LABEL}”`] : []),
    ...(additional ? ['the section “Additional comments”'] : []),
  ];
  if (parts.length === 0) return null;
  const joined = parts.join(' and ');
  return joined[0]!.toUpperCase() + joined.slice(1);
}

export function separateDocument(ws: Workspace, result: MergeResult, id: string, wording: CoverWording): DocumentModel {
  const partner = ws.partners.find((p) => p.id === id);
  if (!partner) throw new Error(`no partner ${id}`);
  const mine = (a: Account) => a.status === 'removed' && a.contribution.partner === id;
  const accounts = result.accounts.filter(mine);
  const notes = new UsedFootnotes();
  const render = (a: Account): RootContent[] => {
    notes.add(a.contribution);
    // The colon: a bold line of its own would read as a heading that is not one.
    return [para([strong(`${keptByAuthor(a) ? OWN_LABEL : REMOVED_LABEL}:`)], 'note'), ...a.contribution.blocks];
  };
  const body = (o: QuestionOutcome): RootContent[] | null => {
    const own = o.contributions.filter(mine);
    return own.length === 0 ? null : byPart(o, own, render);
  };
  const additional: RootContent[] = [];
  if (partner.additional) {
    notes.add(partner.additional);
    additional.push(heading(1, 'Additional comments'), ...partner.additional.blocks);
  }
  const rep = partner.representative;
  const q = ws.questions;
  const subject = `${wording.prefix} ${partner.name}`;
  const children: RootContent[] = [
    heading(1, q.title, 'title'),
    para(subject, 'subtitle'),
    para(
      `A response to the consultation paper published by the ${q.publisher} on ${longDate(q.published)} (closing date ${longDate(q.closes)}).`,
      'cover',
    ),
    ...coverLines(
      ws,
      partner,
      accounts.some((a) => !keptByAuthor(a)),
      ownText(accounts.some(keptByAuthor), partner.additional !== null),
    ),
    ...preambleSection('General comments', result.preambles.filter(mine), render),
    ...skeleton(result, body),
    ...additional,
    para(rep ? `Signed for ${partner.name}: ${representativeLine(rep)}` : `For ${partner.name}`),
  ];
  return {
    kind: 'separate',
    // The partner's name after the visible title tells the submissions apart in a list of files or a window title.
    meta: {
      title: `${q.title} (${partner.name})`,
      subject,
      creator: partner.name,
      short: partner.name,
      date: ws.config.date,
    },
    tree: { type: 'root', children: [...children, ...notes.definitions()] },
  };
}
