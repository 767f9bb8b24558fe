// The covering letter `merge` writes to go with the response: to the
// department's consultation address (the question set's respond_to:), from
// the contact officer, dated as the response. Whatever the workspace does not
// say is left as a bracketed gap for the officer, with a warning.
import type { PhrasingContent, RootContent } from 'mdast';
import type { DocumentModel } from '../core/document.js';
import type { MergeResult } from '../merge/merge.js';
import type { Workspace } from '../core/model.js';
import type { Problems } from '../core/problems.js';
import { endorsers, type ResponseEndorsement } from '../rounds/gate.js';
import { bullets, longDate, para, strong, text } from './nodes.js';
import { responseFileName, separatePartners } from './separate.js';

/** Lines of one paragraph, each on its own line (hard breaks), as a letter's address block is set. */
function lines(values: string[]): RootContent {
  const children: PhrasingContent[] = [];
  values.forEach((v, i) => {
    if (i > 0) children.push({ type: 'break' });
    children.push(text(v));
  });
  return para(children);
}

/** 'a, b or c' */
function orList(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Warns about what the letter has to leave for the officer to fill in. */
export function letterGaps(ws: Workspace, problems: Problems): void {
  const to = ws.questions.respondTo;
  const setAt = to?.position ?? { file: ws.questions.file, line: 1, column: 1 };
  const missing =
    to === null
      ? ['name', 'postal address', 'e-mail address']
      : [...(to.address.length === 0 ? ['postal address'] : []), ...(to.email === null ? ['e-mail address'] : [])];
  if (missing.length > 0) {
    problems.warn(
      'respond-to',
      setAt,
      `${ws.questions.file} does not give the ${orList(missing)} to send responses to (respond_to:), so the covering letter leaves ${missing.length === 1 ? 'a gap' : 'gaps'} for the officer to fill; add ${missing.length === 1 ? 'it' : 'them'} under respond_to: from the consultation paper`,
    );
  }
  if (ws.config.contact === null) {
    problems.warn(
      'paper-gap',
      { file: ws.config.file ?? 'lsp-respond.yaml', line: 1, column: 1 },
      'there is no contact: in lsp-respond.yaml, so the covering letter is signed for the partnership with no name; add contact: with name, role and email',
    );
  }
}

/** `endorsement` is the response's own: the letter names exactly the partners its cover lists. */
export function letterDocument(ws: Workspace, result: MergeResult, endorsement: ResponseEndorsement): DocumentModel {
  const endorsing = endorsers(endorsement);
  const { config, questions } = ws;
  const contact = config.contact;
  const to = questions.respondTo;
  const gap = (what: string) => `[${what}: add it under respond_to: in ${questions.file}]`;
  const from = [
    config.partnership,
    ...(contact
      ? [contact.name, contact.role, contact.address, contact.email, contact.phone].filter(
          (x): x is string => x !== null,
        )
      : []),
  ];
  const recipient = [
    to?.name ?? gap("the department's name"),
    ...(to && to.address.length > 0 ? to.address : [gap('postal address')]),
    to?.email ?? gap('e-mail address'),
  ];
  const names = new Map(ws.partners.map((p) => [p.id, p.name]));
  const own = separatePartners(ws, result).map((id) => names.get(id) ?? id);
  const reach = contact ? [contact.email, contact.phone].filter((x): x is string => x !== null) : [];
  const children: RootContent[] = [
    lines(from),
    para(longDate(config.date)),
    lines(recipient),
    para('Dear Sir or Madam,'),
    para([strong(`${questions.title}: response from the ${config.partnership}`)]),
    para(
      `I enclose the response of the ${config.partnership} to the consultation paper “${questions.title}”, published by the ${questions.publisher} on ${longDate(questions.published)}. The response is in the file ${responseFileName(ws)}.`,
    ),
    ...(endorsing.length > 0
      ? [
          para('The response holds only what every partner of the Partnership endorses. It is endorsed by:'),
          bullets(endorsing.map((p) => p.name)),
        ]
      : []),
    ...(own.length > 0
      ? [
          para(
            `${own.length === 1 ? 'One partner is also sending a submission of its own' : 'These partners are also sending submissions of their own'}, with comments that are not part of the collective response:`,
          ),
          bullets(own),
        ]
      : []),
    para(
      `If you have any questions about the response, please contact ${contact ? `me${reach.length > 0 ? ` (${reach.join(', ')})` : ''}` : `the ${config.partnership}`}.`,
    ),
    para('Yours faithfully,'),
    lines(
      contact
        ? [contact.name, ...(contact.role ? [contact.role] : []), `for the ${config.partnership}`]
        : [`for the ${config.partnership}`],
    ),
  ];
  return {
    kind: 'letter',
    meta: {
      title: questions.title,
      subject: `Covering letter: the response of the ${config.partnership}`,
      creator: config.partnership,
      short: config.short,
      date: config.date,
    },
    tree: { type: 'root', children },
  };
}
