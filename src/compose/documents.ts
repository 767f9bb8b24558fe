// The four documents of SPEC 3, each an mdast tree built from the merge
// result. Both writers (Markdown, DOCX) render exactly these trees.
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import type { DocumentKind, DocumentModel } from '../core/document.js';
import type { Account, MergeResult, QuestionOutcome } from '../merge/merge.js';
import {
  COMPOSITE,
  type Contact,
  type Contribution,
  type PartnerResponse,
  type Sector,
  type Workspace,
} from '../core/model.js';
import type { Circulation } from '../rounds/circulation.js';
import { endorsers, type ResponseEndorsement } from '../rounds/gate.js';
import {
  bullets,
  code,
  email,
  UsedFootnotes,
  heading,
  longDate,
  para,
  removed,
  strong,
  superseded,
  text,
} from './nodes.js';
import { partLabel, skeleton } from './skeleton.js';
import { glossaryAnnex } from './glossary.js';

/** Cover wording, from the house style (templates/style.yaml, whose defaults say "Response from" and so on). */
export interface CoverWording {
  prefix: string;
  draft: string;
  endorsedBy: string;
}

interface Context {
  ws: Workspace;
  result: MergeResult;
  partners: Map<string, PartnerResponse>;
  cover: CoverWording;
}

function context(ws: Workspace, result: MergeResult, cover: CoverWording): Context {
  return { ws, result, partners: new Map(ws.partners.map((p) => [p.id, p])), cover };
}

/**
 * `who` is the author the document speaks for: the partnership, or one
 * partner (its separate submission), whose name the title property then
 * carries after the visible title, so a list of files or a screen reader's
 * window title tells the submissions apart.
 */
function document(
  ctx: Context,
  kind: DocumentKind,
  subject: string,
  children: RootContent[],
  notes: UsedFootnotes,
  who: { name?: string; date?: string; banner?: string } = {},
): DocumentModel {
  const { config, questions } = ctx.ws;
  const definitions = notes.definitions();
  // The documents partners and the department read end with the terms they use explained.
  const glossary =
    kind === 'draft' || kind === 'response' ? glossaryAnnex(ctx.ws.glossary, [...children, ...definitions]) : [];
  return {
    kind,
    meta: {
      title: who.name ? `${questions.title} (${who.name})` : questions.title,
      subject,
      creator: who.name ?? config.partnership,
      short: who.name ?? config.short,
      date: who.date ?? config.date,
      ...(who.banner ? { banner: who.banner } : {}),
    },
    tree: { type: 'root', children: [...children, ...glossary, ...definitions] },
  };
}

export const DRAFT_BANNER = 'DRAFT - not for submission';

/** The contact officer on one line: name, role, e-mail (a mailto: link), phone, address. */
function contactPhrasing(contact: Contact): PhrasingContent[] {
  const parts = [contact.name, contact.role, contact.email, contact.phone, contact.address].flatMap(
    (x): PhrasingContent[] => (x === null ? [] : [x === contact.email ? email(x) : text(x)]),
  );
  return parts.flatMap((p, i) => (i === 0 ? [p] : [text(', '), p]));
}

/** The contact officer on one line of plain text: name, role, e-mail, phone, address. */
export function contactLine(contact: Contact): string {
  return [contact.name, contact.role, contact.email, contact.phone, contact.address]
    .filter((x): x is string => x !== null)
    .join(', ');
}

function cover(ctx: Context, subtitle: string, lines: (string | PhrasingContent[])[]): RootContent[] {
  const q = ctx.ws.questions;
  return [
    heading(1, q.title, 'title'),
    para(subtitle, 'subtitle'),
    para(
      `A response to the consultation paper published by the ${q.publisher} on ${longDate(q.published)} (closing date ${longDate(q.closes)}).`,
      'cover',
    ),
    ...(ctx.ws.config.notice === null ? [] : [para([strong(ctx.ws.config.notice)], 'cover')]),
    ...lines.map((l) => para(l, 'cover')),
  ];
}

function author(ctx: Context, c: Contribution): string {
  const p = ctx.partners.get(c.partner);
  return p ? `${p.name} (${p.sector})` : 'Agreed wording (composite.md)';
}

function attribution(ctx: Context, a: Account, extra = ''): RootContent {
  return para(
    [text(`${author(ctx, a.contribution)} — section `), code(a.contribution.section), text(extra)],
    'attribution',
  );
}

const SECTOR_INTRODUCTION: Record<Sector, string> = {
  public: 'From the public sector:',
  private: 'From business:',
  voluntary: 'From the voluntary sector:',
  community: 'From the community sector:',
  other: 'From another partner:',
};

/** How `attribute:` introduces a contribution in the response; null for none (and for agreed wording, which is everyone's). */
function introduction(ctx: Context, c: Contribution): string | null {
  const p = ctx.partners.get(c.partner);
  if (!p || ctx.ws.config.attribute === 'none') return null;
  return ctx.ws.config.attribute === 'partner' ? `${p.name}:` : SECTOR_INTRODUCTION[p.sector];
}

function objectionText(ctx: Context, a: Account): string {
  return a.objections
    .map((o) => {
      const who = ctx.partners.get(o.by)?.name ?? o.by;
      return o.kind === 'separate-only'
        ? `${who}, which keeps it for its own submission`
        : `${who}${o.reason ? ` (“${o.reason}”)` : ''}`;
    })
    .join('; ');
}

/** Contributions grouped under part labels where they answer a part. */
export function byPart(o: QuestionOutcome, accounts: Account[], render: (a: Account) => RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let part: string | null = null;
  for (const a of accounts) {
    const p = a.contribution.target?.part ?? null;
    if (p !== part && p !== null) out.push(...partLabel(o.question, p));
    part = p;
    out.push(...render(a));
  }
  return out;
}

export function preambleSection(
  title: string,
  accounts: Account[],
  render: (a: Account) => RootContent[],
): RootContent[] {
  return accounts.length === 0 ? [] : [heading(1, title), ...accounts.flatMap(render)];
}

/** A section id of this workspace to show in the instructions: the first partner contribution to a question, else any. */
function exampleSection(ws: Workspace, result: MergeResult): { id: string; question: string } {
  const answers = result.accounts.filter((a) => a.contribution.target !== null);
  const a = answers.find((x) => x.contribution.partner !== COMPOSITE) ?? answers[0];
  if (a?.contribution.target) return { id: a.contribution.section, question: a.contribution.target.question };
  const first = ws.questions.questions[0]?.id ?? 'Q1';
  return { id: ws.partners[0] ? `${first}/${ws.partners[0].id}` : first, question: first };
}

/** `dating`: the round's date and deadline (circulate), or draft_date: and round 1's deadline (draft). */
export function draftDocument(
  ws: Workspace,
  result: MergeResult,
  wording: CoverWording,
  dating: Circulation,
): DocumentModel {
  const ctx = context(ws, result, wording);
  const subject = `${ctx.cover.draft}: composite response from the ${ws.config.partnership}`;
  const notes = new UsedFootnotes();
  const contribution = (a: Account): RootContent[] => {
    notes.add(a.contribution);
    if (a.objections.length === 0) return [attribution(ctx, a), ...a.contribution.blocks];
    // Marked, labelled and set apart, so nobody reads it as part of the response.
    const label = para([
      strong('To be removed from the response:'),
      text(` not endorsed by ${objectionText(ctx, a)}.`),
    ]);
    return [attribution(ctx, a), removed([label, ...(a.contribution.blocks as BlockContent[])])];
  };
  const body = (o: QuestionOutcome): RootContent[] => {
    const out: RootContent[] = [];
    if (o.collectiveAbstention !== null)
      out.push(para(`The Partnership abstains on this question: ${o.collectiveAbstention}`, 'abstention'));
    out.push(...byPart(o, o.composite, contribution));
    const supersededAccounts = o.contributions.filter((a) => a.status === 'superseded');
    const own = o.contributions.filter((a) => a.status !== 'superseded');
    out.push(...byPart(o, own, contribution));
    if (supersededAccounts.length > 0) {
      const why = o.collectiveAbstention !== null ? 'the collective abstention' : 'the agreed wording above';
      out.push(
        superseded([
          para([strong(`Source material, superseded by ${why}:`)]),
          ...(byPart(o, supersededAccounts, contribution) as BlockContent[]),
        ]),
      );
    }
    for (const p of o.abstainers) out.push(para(`${p.name} abstains on this question.`, 'abstention'));
    if (out.length === 0) out.push(para('No contribution yet.', 'note'));
    return out;
  };
  const { contact } = ws.config;
  const by = dating.deadline ? ` by ${longDate(dating.deadline)}` : '';
  const tell: PhrasingContent[] = contact ? [text(' tell '), ...contactPhrasing(contact), text(', or')] : [];
  const example = exampleSection(ws, result);
  const sheet = `${ws.config.output}/rounds/${dating.round}/sheets/<partner-id>.docx`;
  const children = [
    para([strong(DRAFT_BANNER)], 'cover'),
    ...cover(ctx, subject, [
      `Draft of ${longDate(dating.date)}. Partners: ${ws.partners.map((p) => p.name).join('; ') || 'none yet'}.`,
    ]),
    // On the first page, before any answer: how and by when to object. A heading, but of the cover, not the body.
    heading(1, `How to object${by}`, 'cover'),
    para(
      [
        text(
          `The collective response will contain only what every partner endorses. If your organisation cannot endorse a section of this draft, then${by}`,
        ),
        ...tell,
        text(' write your reason beside that section on your endorsement sheet, the Word file '),
        code(sheet),
        text(
          ` sent with this draft, sign it off and return it. Partners who keep their response in Markdown add the section id (shown beside each contribution, e.g. ${example.id}; or ${example.question} for the whole answer to question ${example.question.slice(1)}) to the front matter of their response file, with the reason:`,
        ),
      ],
      'note',
    ),
    {
      type: 'code' as const,
      lang: 'yaml',
      value: `cannot_endorse:\n  - section: ${example.id}\n    reason: We cannot support this proposal as drafted.`,
    },
    para(
      'Each section named there is removed from the final response; its author may submit it separately to the department. Shaded text marked "To be removed" is already objected to; text marked "Source material" is superseded by agreed wording.',
      'note',
    ),
    ...preambleSection('General comments', result.preambles, contribution),
    ...skeleton(result, body),
  ];
  return document(ctx, 'draft', subject, children, notes, { date: dating.date, banner: DRAFT_BANNER });
}

/** `endorsement`: who endorses (the cover lists exactly them) and any text the partners were not sent. */
export function responseDocument(
  ws: Workspace,
  result: MergeResult,
  wording: CoverWording,
  endorsement: ResponseEndorsement,
): DocumentModel {
  const ctx = context(ws, result, wording);
  const notes = new UsedFootnotes();
  // One introduction for a run of contributions under the same one (two public-sector answers
  // in a row are "From the public sector:" once), within one question and part.
  let previous: { by: string; part: string | null } | null = null;
  const included = (a: Account): RootContent[] => {
    if (a.status !== 'included') return [];
    notes.add(a.contribution);
    const by = introduction(ctx, a.contribution);
    const part = a.contribution.target?.part ?? null;
    const same = by !== null && previous?.by === by && previous.part === part;
    previous = by === null ? null : { by, part };
    return by === null || same ? a.contribution.blocks : [para([strong(by)], 'attribution'), ...a.contribution.blocks];
  };
  const body = (o: QuestionOutcome): RootContent[] => {
    previous = null;
    if (o.state.kind === 'abstained')
      return [
        para(`The Partnership does not give a collective response to this question. ${o.state.reason}`, 'abstention'),
      ];
    if (o.state.kind === 'unanswered') return [para('No collective response.', 'note')];
    return byPart(
      o,
      [...o.composite, ...o.contributions].filter((a) => a.status === 'included'),
      included,
    );
  };
  const endorsing = endorsers(endorsement).map((p) => `${p.name} (${p.sector})`);
  const subject = `${ctx.cover.prefix} the ${ws.config.partnership}`;
  const notCirculated = uncirculatedNotice(endorsement);
  const children = [
    ...cover(ctx, subject, [
      longDate(ws.config.date),
      ...(ws.config.contact ? [[text('Contact: '), ...contactPhrasing(ws.config.contact)]] : []),
      ...(notCirculated ? [notCirculated] : []),
      `${ctx.cover.endorsedBy}:`,
    ]),
    ...(endorsing.length > 0 ? [bullets(endorsing)] : [para('No partner has endorsed this response yet.', 'cover')]),
    ...preambleSection(
      'General comments',
      result.preambles.filter((a) => a.status === 'included'),
      included,
    ),
    ...skeleton(result, body),
  ];
  const model = document(ctx, 'response', subject, children, notes);
  return notCirculated ? { ...model, meta: { ...model.meta, status: notCirculated } } : model;
}

/** Said on the cover and in the document properties of a response written with text the partners were not sent. */
function uncirculatedNotice(e: ResponseEndorsement): string | null {
  if (e.round === null || e.uncirculated.length === 0) return null;
  const ids = e.uncirculated.map((u) => u.account.contribution.section);
  return `Not endorsed as a whole: this response contains text that was not circulated to the partners in round ${e.round.number} (${ids.join(', ')}).`;
}

export function removedDocument(ws: Workspace, result: MergeResult, wording: CoverWording): DocumentModel {
  const ctx = context(ws, result, wording);
  const notes = new UsedFootnotes();
  const removed = (a: Account): RootContent[] => {
    if (a.status !== 'removed') return [];
    notes.add(a.contribution);
    return [attribution(ctx, a), para(`Not endorsed by: ${objectionText(ctx, a)}.`, 'note'), ...a.contribution.blocks];
  };
  const body = (o: QuestionOutcome): RootContent[] | null => {
    const accounts = [...o.composite, ...o.contributions].filter((a) => a.status === 'removed');
    return accounts.length === 0 ? null : byPart(o, accounts, removed);
  };
  const questions = skeleton(result, body);
  const preambles = preambleSection(
    'General comments',
    result.preambles.filter((a) => a.status === 'removed'),
    removed,
  );
  const children = [
    ...cover(ctx, `Sections removed from the response of the ${ws.config.partnership}`, [
      longDate(ws.config.date),
      'These sections were contributed but could not be endorsed by every partner, so they are not in the collective response. Their authors may submit them separately.',
    ]),
    ...preambles,
    ...questions,
    ...(preambles.length + questions.length === 0 ? [para('No section was removed.', 'note')] : []),
  ];
  return document(
    ctx,
    'removed',
    `Sections removed from the response of the ${ws.config.partnership}`,
    children,
    notes,
  );
}
