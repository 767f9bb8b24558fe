// Word's review marks in a reply: comments are the partner's notes on the
// document, not answer text, so mammoth leaves them out; tracked changes are
// read as if accepted (insertions kept, deletions gone). Both are counted so
// the import can say so rather than decide silently.
import { read } from './word-numbering.js';

export interface WordReview {
  comments: number;
  /** Tracked insertions and deletions in the body. */
  changes: number;
}

const count = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;

export function wordReview(docx: Uint8Array): WordReview {
  const part = (name: string) => read(docx, name);
  return {
    comments: count(part('word/comments.xml'), /<w:comment\b/g),
    changes: count(part('word/document.xml'), /<w:(?:ins|del)\b/g),
  };
}
