import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { answerModel, render } from './helpers.js';
it('smoke', async () => {
  const { bytes, warnings } = await render(answerModel(`Intro.

3. three
4. four

Between.

1. again one
2. again two

- [x] done
- [ ] todo

> quote one
>
> > nested quote

\`\`\`
code line 1
	tabbed line 2
\`\`\`

- a
  - b
    - c
      - d
        - e
          - f
            - g
              - h
                - i
                  - j
                    - k

***

[ref link][r] and [missing][nope] and ![img][nope2]

[r]: https://example.com/ref "Title"
`));
  writeFileSync('/tmp/smoke.docx', bytes);
  console.log(warnings);
});
