// Emphasis markers that CommonMark prints literally are warned about where
// they are; markers that work, escaped ones and lone asterisks are not.
import { describe, expect, it } from 'vitest';
import { reportLiteralEmphasis } from '../../src/checks/literal-emphasis.js';
import { parseMarkdown } from '../../src/load/markdown.js';
import { Problems } from '../../src/core/problems.js';

function warnings(markdown: string): string[] {
  const problems = new Problems();
  reportLiteralEmphasis(parseMarkdown(markdown), markdown, 'responses/mps.md', problems);
  return problems.list.map((p) => `${p.line}:${p.column} ${p.code} ${p.message.split(':')[0]}`);
}

describe('literal emphasis markers', () => {
  it('are found where Word-style spacing left them, with their position', () => {
    expect(warnings('## Q1\n\n**Yes. **The LSP agrees.\n')).toEqual([
      "3:1 literal-emphasis '**' is printed as it is, not as bold",
    ]);
    // What earlier imports wrote for a bold run with its space.
    expect(warnings('## Q1\n\n**Yes.&#x20;**The LSP agrees.\n')).toEqual([
      "3:1 literal-emphasis '**' is printed as it is, not as bold",
    ]);
    expect(warnings('## Q1\n\nThe _vision _first, and ~~old ~~new.\n')).toEqual([
      "3:5 literal-emphasis '_' is printed as it is, not as italics",
    ]);
    expect(warnings('Intro.\n\n- a list item with **Yes.**The\n')).toEqual([
      "3:20 literal-emphasis '**' is printed as it is, not as bold",
    ]);
    expect(warnings('| a | b |\n| - | - |\n| x | *one *two |\n')).toEqual([
      "3:7 literal-emphasis '*' is printed as it is, not as emphasis",
    ]);
  });

  it('leave alone what renders, what is escaped and what is meant literally', () => {
    for (const markdown of [
      '**Yes.** The LSP _agrees_, un*believ*ably, ~~old~~ new.\n',
      'Escaped \\*\\*word \\*\\*next.\n',
      '5 * 3 * 2 is arithmetic, and snake_case_names are words.\n',
      'Code `**word **next` and\n\n```\n**word **next\n```\n',
      'A footnote mark* on its own.\n',
    ]) {
      expect(warnings(markdown), markdown).toEqual([]);
    }
  });
});
