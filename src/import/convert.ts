// The import pipeline without the file system: Word bytes to the text of a
// response file and its pictures, with an account of where everything went.
import type { QuestionSet, Sector } from '../core/model.js';
import { htmlToMdast } from './html-mdast.js';
import { type ResponseFile, responseFile } from './response-file.js';
import { type ImportedResponse, placeSections } from './sections.js';
import { wordToHtml } from './word-html.js';
import { headingNumbers } from './word-headings.js';
import { orderedListStarts } from './word-numbering.js';
import { type WordReview, wordReview } from './word-review.js';

export interface Converted {
  placed: ImportedResponse;
  file: ResponseFile;
  /** What mammoth could not carry over. */
  warnings: string[];
  review: WordReview;
}

export async function convertWord(
  bytes: Uint8Array,
  questions: QuestionSet,
  who: { id: string; partner: string; sector: Sector },
): Promise<Converted> {
  const html = await wordToHtml(bytes);
  const placed = placeSections(htmlToMdast(html.html, orderedListStarts(bytes), headingNumbers(bytes)), questions);
  return {
    placed,
    file: responseFile(placed, questions, who, html.images),
    warnings: html.warnings,
    review: wordReview(bytes),
  };
}
