// The document table: which documents each command writes, in which formats.
// `build` walks it; adding a document or a format is one row here.
import type { DocumentModel } from '../core/document.js';
import type { MergeResult } from '../merge/merge.js';
import type { Workspace } from '../core/model.js';
import type { Circulation } from '../rounds/circulation.js';
import type { ResponseEndorsement } from '../rounds/gate.js';
import { sheetDocument } from './sheet.js';
import { type CoverWording, draftDocument, removedDocument, responseDocument } from './documents.js';
import { letterDocument } from './letter.js';
import { separateDocument, separatePartners } from './separate.js';

export type BuildCommand = 'draft' | 'circulate' | 'merge';
export type DocumentFormat = 'md' | 'docx';

export interface PlannedDocument {
  /** Output path without extension, relative to the output directory, e.g. 'separate/mps'. */
  name: string;
  formats: readonly DocumentFormat[];
  /** Built when its turn comes, so only one document tree is alive at a time. */
  build: () => DocumentModel;
  /** Further names it is written under: in every format (rounds/2/draft), or in those listed (KCP-response, DOCX only). */
  copies?: readonly { name: string; formats?: readonly DocumentFormat[] }[];
}

/** What the rounds give the documents: the draft's date and deadline, and who endorses the response. */
export interface RoundContext {
  dating: Circulation;
  endorsement: ResponseEndorsement;
}

interface Row {
  commands: readonly BuildCommand[];
  formats: readonly DocumentFormat[];
  documents: (
    ws: Workspace,
    result: MergeResult,
    cover: CoverWording,
    command: BuildCommand,
    rounds: RoundContext,
  ) => Omit<PlannedDocument, 'formats'>[];
}

const TABLE: readonly Row[] = [
  {
    commands: ['draft', 'circulate', 'merge'],
    formats: ['md', 'docx'],
    // circulate also freezes the draft as the round partners are asked to sign off.
    documents: (ws, r, c, command, { dating }) => [
      {
        name: 'draft',
        build: () => draftDocument(ws, r, c, dating),
        copies: command === 'circulate' ? [{ name: `rounds/${dating.round}/draft` }] : [],
      },
    ],
  },
  {
    commands: ['merge'],
    formats: ['md', 'docx'],
    // The file a partnership sends carries its short name; response.docx stays, as SPEC 3 names it.
    documents: (ws, r, c, _command, { endorsement }) => [
      {
        name: 'response',
        build: () => responseDocument(ws, r, c, endorsement),
        copies: ws.config.fileTag ? [{ name: `${ws.config.fileTag}-response`, formats: ['docx'] }] : [],
      },
    ],
  },
  // The covering letter that goes with the response to the department.
  {
    commands: ['merge'],
    formats: ['md', 'docx'],
    documents: (ws, r, _c, _command, { endorsement }) => [
      { name: 'letter', build: () => letterDocument(ws, r, endorsement) },
    ],
  },
  // An internal record for the partnership, not a submission: Markdown only (SPEC 3).
  {
    commands: ['merge'],
    formats: ['md'],
    documents: (ws, r, c) => [{ name: 'removed', build: () => removedDocument(ws, r, c) }],
  },
  // Partners who work in Word answer a round on an endorsement sheet (import --endorsement reads it back).
  {
    commands: ['circulate'],
    formats: ['docx'],
    documents: (ws, r, _c, _command, { dating }) =>
      ws.partners.map((p) => ({
        name: `rounds/${dating.round}/sheets/${p.id}`,
        build: () => sheetDocument(ws, r, p.id, dating),
      })),
  },
  {
    commands: ['merge'],
    formats: ['md', 'docx'],
    documents: (ws, r, c) =>
      separatePartners(ws, r).map((id) => ({ name: `separate/${id}`, build: () => separateDocument(ws, r, id, c) })),
  },
];

/** Subdirectories whose files a command fully determines, so stale ones are removed. */
export const OWNED: Record<BuildCommand, readonly string[]> = { draft: [], circulate: [], merge: ['separate'] };

export function plan(
  command: BuildCommand,
  ws: Workspace,
  result: MergeResult,
  cover: CoverWording,
  formats: ReadonlySet<DocumentFormat>,
  rounds: RoundContext,
): PlannedDocument[] {
  return TABLE.filter((row) => row.commands.includes(command)).flatMap((row) =>
    row
      .documents(ws, result, cover, command, rounds)
      .map((d) => ({ ...d, formats: row.formats.filter((f) => formats.has(f)) })),
  );
}
