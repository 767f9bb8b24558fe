// The writer table: one entry per output format, all with one signature, so
// `build` renders a document in every format without knowing any of them.
// The DOCX writer is loaded on first use: check and --no-docx never pay for it.
import type { DocumentModel } from '../core/document.js';
import type { DocumentFormat } from '../compose/plan.js';
import type { HouseStyle } from '../core/style.js';
import type { Warn } from '../core/problems.js';
import { renderMarkdown } from './markdown.js';

export interface WriterInput {
  doc: DocumentModel;
  /** From the output file's directory back to the workspace, for relative image paths. */
  toRoot: string;
  style: HouseStyle;
  images: ReadonlyMap<string, Uint8Array>;
  warn: Warn;
}

export type Writer = (input: WriterInput) => Promise<string | Uint8Array>;

export const WRITERS: Record<DocumentFormat, Writer> = {
  md: async ({ doc, toRoot }) => renderMarkdown(doc, toRoot),
  docx: async ({ doc, style, images, warn }) => {
    const { renderDocx } = await import('./docx/index.js');
    return renderDocx(doc, {
      style: style.style,
      images,
      warn,
      ...(style.referenceStyles ? { referenceStyles: style.referenceStyles } : {}),
    });
  },
};
