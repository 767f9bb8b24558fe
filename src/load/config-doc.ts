// Every key lsp-respond.yaml accepts, with an example, its default and one
// line of meaning: `init` writes them all, commented, so a new workspace's
// config teaches what it can say. Typed against the schema's keys, so a key
// added to the schema does not compile until it is documented here.
import type { configSchema } from './config.js';

interface KeyDoc {
  /** The example, as YAML after `key:`: one line, or an indented block starting with a newline. */
  example: string;
  meaning: string;
  default: string;
}

export const CONFIG_DOC = {
  partnership: {
    example: 'Kensington and Chelsea Partnership',
    meaning: "the partnership's name, on every document",
    default: 'required',
  },
  short: {
    example: 'KCP',
    meaning: 'short name: page headers and KCP-response.docx, the file to send',
    default: 'the name',
  },
  questions: {
    example: 'questions/odpm-lsp-2005.yaml',
    meaning: 'the question set',
    default: 'the one file in questions/',
  },
  responses: { example: 'responses', meaning: "the folder of partners' response files", default: 'responses' },
  output: { example: 'out', meaning: 'where everything is written (a folder of its own)', default: 'out' },
  date: { example: '2006-03-01', meaning: 'the date on the response and the letter', default: '--today, else today' },
  draft_date: { example: '2006-02-15', meaning: 'the date on the circulated draft', default: '--today, else today' },
  contact: {
    example:
      '\n  name: Jessie Hamshar\n  role: Contact Officer\n  email: jessie.hamshar@example.org\n  phone: 020 7000 0000\n  address: Town Hall, High Street',
    meaning: 'the contact officer: response cover, draft, covering letter, paper',
    default: 'none',
  },
  views_to: {
    example: '\n  name: Rachel Smith\n  email: rachel.smith@example.org',
    meaning: "who collects the partners' views: forms, paper, status",
    default: 'contact',
  },
  attribute: {
    example: 'partner',
    meaning:
      "agreed wording (composite.md) is the partnership's own; partner or sector introduces every other answer by its author; none prints all as the partnership's",
    default: 'partner',
  },
  notice: {
    example: '"An example: the positions are invented."',
    meaning: 'a line in bold on the cover of every document',
    default: 'none',
  },
  deadlines: {
    example: '\n  views: 2006-02-11\n  objections: 2006-02-24\n  submission: 2006-03-03',
    meaning: 'shown by status; objections on the draft; all three in the paper',
    default: 'none',
  },
  partners: {
    example: '[council, police]',
    meaning: 'the order of contributions, by partner id',
    default: 'ids sorted',
  },
  abstain: {
    example: '\n  Q27: The Partnership takes no collective view on this question.',
    meaning: 'collective abstentions: question -> reason',
    default: 'none',
  },
} as const satisfies Record<keyof typeof configSchema.shape, KeyDoc>;

const WIDTH = 34;

// A YAML comment needs a space before its '#', however long the line.
const comment = (doc: KeyDoc) =>
  `# ${doc.meaning} (${doc.default === 'required' ? 'required' : `default: ${doc.default}`})`;

/** YAML of top-level one-line keys, each with its meaning and default as a comment. */
export function annotated(yaml: string): string {
  return yaml.replace(/^([a-z_]+):.*$/gm, (line, key: string) => {
    const doc = (CONFIG_DOC as Record<string, KeyDoc>)[key];
    return doc ? `${line.padEnd(WIDTH + 1)} ${comment(doc)}` : line;
  });
}

/** Every key not in `given`, commented out: its example, then its meaning and default. Uncommented, it is a valid config. */
export function commentedConfig(given: readonly string[]): string {
  const lines: string[] = [];
  for (const [key, doc] of Object.entries(CONFIG_DOC) as [string, KeyDoc][]) {
    if (given.includes(key)) continue;
    const [first, ...rest] = `${key}:${doc.example.startsWith('\n') ? '' : ' '}${doc.example}`.split('\n');
    lines.push(`# ${first!.padEnd(WIDTH - 1)} ${comment(doc)}`, ...rest.map((l) => `# ${l}`));
  }
  return `${lines.join('\n')}\n`;
}
