// The files that make a new workspace a project (issue 21): a package.json
// pinning the tool that created it, a .gitignore that keeps circulated rounds,
// a README for the officer, and a CI workflow. `init` writes them; the
// workflow's own commands are run by a test, so they cannot drift from the CLI.

export const WORKFLOW_FILE = '.github/workflows/lsp-respond.yml';

/** The workspace's npm name: lower case, a-z 0-9 and '-', as npm requires. */
function packageName(partnership: string): string {
  const name = partnership
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${name || 'partnership'}-response`;
}

/** Pins exactly the version that ran `init`, so `npm ci` gives every machine (and CI) the same tool. */
export function packageJson(partnership: string, version: string): string {
  const value = {
    name: packageName(partnership),
    private: true,
    description: `The ${partnership}'s collective response to a consultation, compiled with lsp-respond`,
    scripts: { check: 'lsp-respond check', draft: 'lsp-respond draft', merge: 'lsp-respond merge' },
    devDependencies: { 'lsp-respond': version },
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

// out/ is generated, except the rounds: what was circulated is the record partners signed off against.
export const GITIGNORE = `node_modules/
out/*
!out/rounds/
`;

export function workflowYaml(): string {
  const setup = `      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci`;
  return `# lsp-respond in CI: every push and pull request checks that every question
# has an answer or an abstention (problems appear as annotations on the files).
# Run it by hand (Actions > lsp-respond > Run workflow) or push a tag to merge
# and keep the response, the covering letter and the partners' own submissions
# as build artifacts.
name: lsp-respond
on:
  push:
    branches: ['**']
    tags: ['*']
  pull_request:
  workflow_dispatch:
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
${setup}
      - run: npm run check -- --format github
  merge:
    needs: check
    if: github.event_name == 'workflow_dispatch' || startsWith(github.ref, 'refs/tags/')
    runs-on: ubuntu-latest
    steps:
${setup}
      - run: npm run merge
      - uses: actions/upload-artifact@v4
        with:
          name: response
          if-no-files-found: error
          path: |
            out/*response.docx
            out/letter.docx
            out/separate/
`;
}

export function workspaceReadme(partnership: string, ci: boolean): string {
  return `# ${partnership}: consultation response

This folder is the ${partnership}'s workspace for a collective response,
compiled by lsp-respond. The
response holds only what every partner endorses; anything a partner cannot
endorse is removed, and its author may send it on its own.

## First time

\`\`\`sh
npm install        # installs the lsp-respond version in package.json; commit package-lock.json
git init && git add -A && git commit -m "Workspace for the ${partnership}"
\`\`\`

Fill in \`lsp-respond.yaml\` (every setting is listed there, commented).

## The round, in order

1. **Ask the board.** \`npx lsp-respond paper\` writes \`out/paper.docx\`, the
   decision paper: purpose, background, the process with your dates, the
   questions as an annex.
2. **Collect views.** For each partner, \`npx lsp-respond template <id> --partner "<name>"\`
   (or \`--format docx\` for a Word form to e-mail). Replies in Word:
   \`npx lsp-respond import reply.docx --id <id> --partner "<name>"\`.
   \`npx lsp-respond status\` shows who has answered what, and the days left.
3. **Circulate the draft.** \`npx lsp-respond circulate\` freezes the draft as a
   round in \`out/rounds/\` (commit it: it is the record of what partners saw).
4. **Objections and sign-off.** Partners list what they cannot endorse under
   \`cannot_endorse:\` and sign off with \`endorsed:\`; \`npm run check\` tells you
   what is still missing.
5. **Merge and send.** \`npm run merge\` writes \`out/\`: the response to send,
   the covering letter, and each partner's own submission in \`out/separate/\`.

\`out/\` is generated and not committed, except \`out/rounds/\`.
${
  ci
    ? `
## CI

\`${WORKFLOW_FILE}\` runs \`npm run check\` on every push and pull request; run
it by hand, or push a tag, to merge and download the papers as artifacts.
`
    : ''
}`;
}
