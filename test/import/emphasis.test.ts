// Spaces and line breaks at the edges of a bold, italic or struck run move
// outside it, in the order they stood, so the Markdown shows the run and keeps
// the line break where the partner typed it.
import type { Paragraph, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { renderableEmphasis } from '../../src/import/emphasis.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const br: PhrasingContent = { type: 'break' };

function reshaped(children: PhrasingContent[]): PhrasingContent[] {
  const paragraph: Paragraph = { type: 'paragraph', children };
  renderableEmphasis(paragraph);
  return paragraph.children;
}

describe('emphasis imported from Word', () => {
  it('moves leading and trailing spaces and line breaks outside the run, in document order', () => {
    const out = reshaped([text('a'), { type: 'strong', children: [br, text('  bold'), text(' '), br] }, text('b')]);
    expect(out).toEqual([
      text('a'),
      br,
      text('  '),
      { type: 'strong', children: [text('bold')] },
      text(' '),
      br,
      text('b'),
    ]);
  });

  it('keeps a run that holds only space as that space, without markers', () => {
    expect(reshaped([text('a'), { type: 'emphasis', children: [text(' ')] }, text('b')])).toEqual([text('a b')]);
  });
});
