// Random Markdown answers built from every construct partners use, shared by
// the property tests of the DOCX writer and of Word import.
import fc from 'fast-check';

const word = fc.stringMatching(/^[a-z]{3,8}$/);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

const inline = fc.oneof(
  { weight: 4, arbitrary: word },
  word.map((w) => `*${w}*`),
  word.map((w) => `**${w}**`),
  word.map((w) => `~~${w}~~`),
  word.map((w) => `\`${w}\``),
  fc.tuple(words(1, 3), word).map(([text, path]) => `[${text}](https://example.org/${path})`),
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));

const list = (depth: number): fc.Arbitrary<string> =>
  fc
    .record({
      ordered: fc.boolean(),
      start: fc.integer({ min: 1, max: 20 }),
      items: fc.array(sentence, { minLength: 1, maxLength: 4 }),
      nested: depth < 3 ? fc.option(list(depth + 1), { nil: undefined }) : fc.constant(undefined),
    })
    .map(({ ordered, start, items, nested }) => {
      const marker = (i: number) => (ordered ? `${start + i}. ` : '- ');
      const indent = ' '.repeat(ordered ? String(start + items.length).length + 2 : 2);
      return items
        .map((item, i) => {
          const line = `${marker(i)}${item}`;
          return i === 0 && nested
            ? `${line}\n${nested
                .split('\n')
                .map((l) => (l ? indent + l : l))
                .join('\n')}`
            : line;
        })
        .join('\n');
    });

const table = fc
  .integer({ min: 1, max: 4 })
  .chain((columns) =>
    fc.tuple(
      fc.array(word, { minLength: columns, maxLength: columns }),
      fc.array(fc.constantFrom(':--', ':-:', '--:', '---'), { minLength: columns, maxLength: columns }),
      fc.array(fc.array(words(1, 2), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 3 }),
    ),
  )
  .map(([header, align, rows]) => [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n'));

const code = fc
  .array(words(1, 4), { minLength: 1, maxLength: 4 })
  .map((lines) => `\`\`\`\n${lines.join('\n')}\n\`\`\``);
const quote = sentence.map((s) => `> ${s}`);
const heading = words(1, 4).map((w) => `### ${w}`);
const footnoted = fc.tuple(sentence, sentence).map(([text, note]) => ({ text, note }));

export const answer = fc
  .tuple(
    fc.array(fc.oneof(sentence, list(0), table, code, quote, heading), { minLength: 1, maxLength: 6 }),
    fc.array(footnoted, { maxLength: 2 }),
  )
  .map(([blocks, notes]) =>
    [...blocks, ...notes.map((n, i) => `${n.text}[^f${i}]`), ...notes.map((n, i) => `[^f${i}]: ${n.note}`)].join(
      '\n\n',
    ),
  );
