#!/usr/bin/env node
// Benchmark for lsp-respond: generates realistic workspaces of 35 questions x
// N partners (deterministic, seeded), then measures wall time and peak RSS of
// the CLI against two yardsticks: `node -e 0` (the floor of any Node process)
// and pandoc converting the same response.md to DOCX.
//
//   npm run bench                         # build, then all sizes (10 100 1000)
//   node bench/bench.mjs 10 100           # chosen sizes (needs a built dist/)
//   node bench/bench.mjs --help           # every option
//
// Plain Node ESM, no dependencies beyond the repo's own node_modules (the
// yaml package, to read the question set). See bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import YAML from 'yaml';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const QUESTION_SET = 'questions/odpm-lsp-2005.yaml';
const DATE = '2006-03-01';

// ---------------------------------------------------------------- options

const HELP = `usage: node bench/bench.mjs [options] [N ...]

Sizes N are partner counts (default: 10 100 1000; also BENCH_SIZES="10 100").

  --runs <k>          runs per command for N <= 100 (default 3; BENCH_RUNS)
  --runs-large <k>    runs per command for N > 100 (default 1; BENCH_RUNS_LARGE)
  --runs-startup <k>  runs of node -e 0 and check on the example (default 10)
  --timeout <s>       give up on one run after s seconds (default 600; BENCH_TIMEOUT)
  --no-pandoc         skip the pandoc comparison (also BENCH_PANDOC=0)
  --seed <n>          PRNG seed of the generator (default 2006)
  --dir <path>        generate workspaces here instead of a fresh temp dir
  --keep              keep the generated workspaces (their path is printed)
  --generate-only     write the workspaces and stop
  --profile <cmd>     after measuring, run 'lsp-respond <cmd>' (check | merge)
                      once on the largest N under node --cpu-prof and print
                      the functions with the most self and inclusive time
  --json <file>       also write every measurement as JSON
  -h, --help          this text

Environment: BENCH_SIZES, BENCH_RUNS, BENCH_RUNS_LARGE, BENCH_TIMEOUT,
BENCH_PANDOC=0, BENCH_NO_GNU_TIME=1 (measure without /usr/bin/time).`;

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string' },
    'runs-large': { type: 'string' },
    'runs-startup': { type: 'string' },
    timeout: { type: 'string' },
    'no-pandoc': { type: 'boolean' },
    seed: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean' },
    'generate-only': { type: 'boolean' },
    profile: { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) {
  console.log(HELP);
  process.exit(0);
}
const posInt = (s, what) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: ${what} must be a positive whole number, not '${s}'`);
    process.exit(2);
  }
  return n;
};
const env = process.env;
const SIZES = (positionals.length ? positionals : (env.BENCH_SIZES ?? '10 100 1000').split(/[\s,]+/).filter(Boolean))
  .map((s) => posInt(s, 'a size'))
  .sort((a, b) => a - b);
const RUNS = posInt(opt.runs ?? env.BENCH_RUNS ?? '3', '--runs');
const RUNS_LARGE = posInt(opt['runs-large'] ?? env.BENCH_RUNS_LARGE ?? '1', '--runs-large');
const RUNS_STARTUP = posInt(opt['runs-startup'] ?? '10', '--runs-startup');
const TIMEOUT_S = posInt(opt.timeout ?? env.BENCH_TIMEOUT ?? '600', '--timeout');
const SEED = posInt(opt.seed ?? '2006', '--seed');
const runsFor = (n) => (n <= 100 ? RUNS : RUNS_LARGE);
if (opt.profile && !['check', 'merge'].includes(opt.profile)) {
  console.error(`bench: --profile takes check or merge, not '${opt.profile}'`);
  process.exit(2);
}

// ---------------------------------------------------------------- seeded PRNG

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.r = mulberry32(seed);
  }
  next() {
    return this.r();
  }
  int(lo, hi) {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p) {
    return this.r() < p;
  }
  pick(a) {
    return a[Math.floor(this.r() * a.length)];
  }
  weighted(weights) {
    const total = weights.reduce((s, w) => s + w, 0);
    let x = this.r() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
  shuffle(a) {
    const b = [...a];
    for (let i = b.length - 1; i > 0; i--) {
      const j = Math.floor(this.r() * (i + 1));
      [b[i], b[j]] = [b[j], b[i]];
    }
    return b;
  }
}

// ---------------------------------------------------------------- prose

const W = {
  subject: [
    'The Partnership',
    'Our organisation',
    'The LSP executive',
    'The thematic partnerships',
    'Local residents',
    'Voluntary and community groups',
    "The borough's public bodies",
    'Ward councillors',
    'The Primary Care Trust',
    'The police borough command',
    'Small businesses',
    'The Local Area Agreement',
    'The Sustainable Community Strategy',
    'Neighbourhood forums',
    'Officers from every partner',
    'The Government Office for the region',
    'Front-line staff',
    "Tenants' and residents' associations",
    'The Children and Young People partnership',
    'Faith groups',
    'The Learning and Skills Council',
    'Jobcentre Plus',
    'The fire and rescue service',
    'Our trustees',
  ],
  verb: [
    'should agree',
    'would welcome',
    'has found it difficult to secure',
    'needs clearer guidance on',
    'already contributes to',
    'would benefit from',
    'cannot deliver',
    'is well placed to lead',
    'must be consulted on',
    'has begun to review',
    'would support',
    'is concerned about',
    'expects to share',
    'should publish',
    'depends on',
    'has invested in',
    'is not yet convinced by',
    'regularly reports on',
    'could take responsibility for',
    'should be held to account for',
  ],
  object: [
    'a shared evidence base',
    'the priorities in the Community Strategy',
    'pooled budgets for joint commissioning',
    'a single set of local targets',
    'the delivery plan for the LAA',
    'the engagement of minority communities',
    'arrangements for scrutiny',
    'a clear protocol on performance management',
    'the boundaries of neighbourhood management areas',
    'the costs of taking part in meetings',
    'the links between spatial planning and the strategy',
    'training for community representatives',
    'data on health inequalities at ward level',
    'the annual review of progress',
    'a duty to co-operate',
    'the role of the accountable body',
    'the Neighbourhood Renewal Fund',
    'the stretch targets in the agreement',
    'the Safer and Stronger Communities block',
    'plain-English summaries of board papers',
    'a register of partners\u2019 interests',
    'the Local Development Framework',
    'small grants for community groups',
    'joint training for officers and members',
  ],
  qualifier: [
    'before priorities are fixed',
    'within existing resources',
    'provided that statutory duties are not blurred',
    'in the north of the borough in particular',
    'over the next three years',
    'as the paper proposes',
    'rather than through a new layer of bureaucracy',
    'so that residents can see what has changed',
    'where this adds value',
    'alongside the existing partnership arrangements',
    'without additional funding from central Government',
    'at neighbourhood as well as borough level',
    'in time for the 2007/08 budget round',
    'with a named lead for each target',
    'once the current reorganisation is complete',
    'for every block of the agreement',
  ],
  opener: [
    'In our experience, ',
    'However, ',
    'For this reason ',
    'At present ',
    'We would add that ',
    'More generally, ',
    'In practice ',
    'As a result, ',
    'Equally, ',
    'On balance, ',
    'Above all, ',
    '',
    '',
    '',
    '',
    '',
  ],
  stance: ['agree', 'broadly agree', 'partly agree', 'do not agree', 'strongly agree', 'are not persuaded'],
  consequence: [
    'become a paper exercise',
    'divert officers from delivery',
    'duplicate work done elsewhere',
    'exclude smaller groups',
    'lose the confidence of residents',
    'be agreed too late to influence budgets',
    'favour the largest partners',
  ],
  example: [
    'the joint tasking group on anti-social behaviour',
    'the healthy schools programme',
    'the town centre partnership',
    'the youth forum',
    'the neighbourhood management pilot',
    'the older people\u2019s strategy',
    'the employment and skills board',
  ],
  link: [
    ['the consultation paper', 'https://www.communities.gov.uk/lsp/shaping-their-future'],
    ['the Audit Commission', 'https://www.audit-commission.gov.uk/'],
    ['the LAA guidance', 'https://www.communities.gov.uk/laa/guidance-2006.pdf'],
    ['the Change Up programme', 'https://www.changeup.org.uk/'],
    ['our annual report', 'https://example.org/annual-report-2005.pdf'],
    ['the quality of life indicators', 'https://www.audit-commission.gov.uk/qualityoflife'],
    ['the Neighbourhood Renewal Unit', 'https://www.neighbourhood.gov.uk/'],
  ],
};

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One sentence; `decorate` adds emphasis, strong, links and footnote references now and then. */
function sentence(rng, decorate) {
  const lower = (x) => x.replace(/^(The|Our) /, (m) => m.toLowerCase());
  const opened = () => {
    const o = rng.pick(W.opener);
    return o ? `${o}${lower(rng.pick(W.subject))}` : rng.pick(W.subject);
  };
  const shape = rng.int(0, 5);
  let s;
  switch (shape) {
    case 0:
      s = `${opened()} ${rng.pick(W.verb)} ${rng.pick(W.object)} ${rng.pick(W.qualifier)}.`;
      break;
    case 1:
      s = `We ${rng.pick(W.stance)} that ${rng.pick(W.object)} should be agreed ${rng.pick(W.qualifier)}.`;
      break;
    case 2:
      s = `There is a risk that ${rng.pick(W.object)} will ${rng.pick(W.consequence)} unless ${lower(rng.pick(W.subject))} ${rng.pick(W.verb)} ${rng.pick(W.object)}.`;
      break;
    case 3:
      s = `${rng.pick(W.opener)}${rng.pick(W.example)} shows how ${rng.pick(W.object)} can work ${rng.pick(W.qualifier)}, and we would like to see the same approach taken to ${rng.pick(W.object)}.`;
      break;
    case 4:
      s = `${rng.pick(W.subject)} told us that ${rng.pick(W.object)} matters more than ${rng.pick(W.object)}, especially ${rng.pick(W.qualifier)}.`;
      break;
    default:
      s = `${opened()} and ${lower(rng.pick(W.subject))} ${rng.pick(W.verb)} ${rng.pick(W.object)}; this ${rng.chance(0.5) ? 'would' : 'should'} ${rng.pick(['help', 'make a difference', 'save time', 'build trust'])} ${rng.pick(W.qualifier)}.`;
  }
  s = cap(s);
  if (decorate) {
    if (rng.chance(0.08)) s = s.replace(/(\b[a-z]{6,}\b)/, '*$1*');
    else if (rng.chance(0.05)) s = s.replace(/(\b[a-z]{5,} [a-z]{4,}\b)/, '**$1**');
  }
  return s;
}

function words(s) {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Wraps text to about 72 columns, as people (and editors) write Markdown. */
function wrap(text, width = 72, indent = '') {
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

/** Generates one partner file's text, with footnote and link-definition bookkeeping per file. */
class Writer {
  constructor(rng) {
    this.rng = rng;
    this.footnote = 0;
    this.notes = [];
    this.refDefs = new Map();
  }

  paragraph(min = 80, max = 200) {
    const { rng } = this;
    const target = rng.int(min, max);
    const parts = [];
    let n = 0;
    let linked = false;
    while (n < target) {
      let s = sentence(rng, true);
      if (!linked && rng.chance(0.12)) {
        const [label, url] = rng.pick(W.link);
        if (rng.chance(0.3)) {
          const key = label.replace(/^the /, '').split(' ')[0].toLowerCase();
          this.refDefs.set(key, url);
          s = `${s.slice(0, -1)}, as ${label.startsWith('the') ? 'set out in' : 'described in'} [${label}][${key}].`;
        } else {
          s = `${s.slice(0, -1)} (see [${label}](${url})).`;
        }
        linked = true;
      }
      if (rng.chance(0.025)) {
        const id = ++this.footnote;
        this.notes.push(`[^${id}]: ${sentence(rng, false)} ${rng.chance(0.5) ? sentence(rng, false) : ''}`.trimEnd());
        s = `${s.slice(0, -1)}[^${id}].`;
      }
      parts.push(s);
      n += words(s);
    }
    return wrap(parts.join(' '));
  }

  list(nested) {
    const { rng } = this;
    const ordered = rng.chance(0.35);
    const items = rng.int(3, 5);
    const lines = [];
    for (let i = 0; i < items; i++) {
      const marker = ordered ? `${i + 1}.` : '-';
      const pad = ' '.repeat(marker.length + 1);
      const item = sentence(rng, true).replace(/\.$/, i === items - 1 ? '.' : ';');
      lines.push(`${marker} ${wrap(cap(item), 72 - pad.length, pad)}`);
      if (nested && (i === 0 || rng.chance(0.4))) {
        const sub = rng.int(2, 3);
        for (let j = 0; j < sub; j++) {
          const text = `${rng.pick(W.object)} ${rng.pick(W.qualifier)}${j === sub - 1 ? '.' : ';'}`;
          lines.push(`${pad}- ${wrap(text, 72 - pad.length - 2, `${pad}  `)}`);
        }
      }
    }
    const lead = `${cap(rng.pick(W.subject))} ${rng.pick(['should', 'could', 'would'])} ${rng.pick(['consider', 'concentrate on', 'give priority to'])}:`;
    return `${wrap(lead)}\n\n${lines.join('\n')}`;
  }

  table() {
    const { rng } = this;
    const rows = rng.int(3, 6);
    const out = ['| Priority | Lead partner | Measure | Target 2008/09 |', '| --- | --- | --- | ---: |'];
    for (let i = 0; i < rows; i++) {
      out.push(
        `| ${cap(rng.pick(W.object))} | ${rng.pick(W.subject).replace(/^The /, '')} | ${cap(rng.pick(W.example))} | ${rng.int(5, 95)}% |`,
      );
    }
    return `${wrap(`The targets we would expect to see in the agreement are set out below; ${sentence(rng, false).toLowerCase()}`)}\n\n${out.join('\n')}`;
  }

  quote() {
    return `The paper says that\n\n> ${wrap(sentence(this.rng, false), 70, '> ')}\n\n${wrap(sentence(this.rng, true))}`;
  }

  /** An answer: 1-4 paragraphs, sometimes with a list, nested list, table or quotation. */
  answer() {
    const { rng } = this;
    const paragraphs = 1 + rng.weighted([40, 30, 20, 10]);
    const blocks = [];
    for (let i = 0; i < paragraphs; i++) blocks.push(this.paragraph());
    const extra = rng.weighted([70, 14, 8, 4, 4]);
    const at = rng.int(1, blocks.length);
    if (extra === 1) blocks.splice(at, 0, this.list(false));
    else if (extra === 2) blocks.splice(at, 0, this.list(true));
    else if (extra === 3) blocks.splice(at, 0, this.table());
    else if (extra === 4) blocks.splice(at, 0, this.quote());
    // Footnote definitions go at the end of the answer that cites them.
    if (this.notes.length) blocks.push(this.notes.splice(0).join('\n\n'));
    return blocks.join('\n\n');
  }
}

// ---------------------------------------------------------------- workspaces

const PLACES = [
  'Northbridge',
  'Eastmoor',
  'Westcombe',
  'Southvale',
  'Ashford Green',
  'Blackwater',
  'Cranleigh',
  'Dunmore',
  'Elmstead',
  'Fairhaven',
  'Greystone',
  'Hollowell',
  'Ironbridge',
  'Kingsmead',
  'Longmarsh',
  'Millbrook',
  'Newlands',
  'Oakfield',
  'Pembury',
  'Queensway',
  'Redcliffe',
  'Stonegate',
  'Thornbury',
  'Upperton',
  'Valley Road',
  'Whitcombe',
  'Yardley',
  'Abbeyfields',
  'Brookside',
  'Castlegate',
  'Deanery',
  'Edgehill',
  'Foxley',
  'Goldthorpe',
  'Hartwell',
  'Ivydale',
  'Juniper Hill',
  'Kelvedon',
  'Lambourne',
  'Marshside',
  'Netherfield',
  'Orchard Park',
  'Priory',
  'Riverside',
  'Saltmarsh',
  'Tanners Hill',
  'Underhill',
  'Victoria Park',
  'Woodlands',
  'Wyndham',
];
const ORGS = [
  ['Primary Care Trust', 'pct', 'public'],
  ['Police Safer Neighbourhoods Team', 'police', 'public'],
  ['Fire and Rescue Station', 'fire', 'public'],
  ['Jobcentre Plus', 'jcp', 'public'],
  ['College of Further Education', 'college', 'public'],
  ['Council for Voluntary Service', 'cvs', 'voluntary'],
  ['Age Concern', 'age-concern', 'voluntary'],
  ['Citizens Advice Bureau', 'cab', 'voluntary'],
  ['Volunteer Centre', 'volunteers', 'voluntary'],
  ['Housing Association', 'housing', 'voluntary'],
  ["Residents' Forum", 'residents', 'community'],
  ["Tenants' Association", 'tenants', 'community'],
  ['Faith Forum', 'faith', 'community'],
  ['Youth Forum', 'youth', 'community'],
  ['Chamber of Commerce', 'chamber', 'private'],
  ['Business Improvement District', 'bid', 'private'],
  ["Traders' Association", 'traders', 'private'],
  ['Arts Trust', 'arts', 'other'],
  ['Sports Partnership', 'sport', 'other'],
  ['Environment Network', 'environment', 'other'],
];

function slug(s) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The questions as (question, part) targets, with the question texts for some headings. */
function loadQuestions() {
  const set = YAML.parse(readFileSync(join(REPO, QUESTION_SET), 'utf8'));
  const questions = [];
  for (const section of set.sections) {
    for (const topic of section.topics ?? [{ questions: section.questions }]) {
      for (const q of topic.questions ?? [])
        questions.push({
          id: q.id,
          number: Number(q.id.slice(1)),
          text: q.text,
          parts: (q.parts ?? []).map((p) => p.id),
        });
    }
  }
  return questions;
}

function heading(rng, q, part) {
  if (part) {
    switch (rng.int(0, 3)) {
      case 0:
        return `## Q${q.number}${part}`;
      case 1:
        return `## Question ${q.number}${part}`;
      case 2:
        return `## ${q.number}(${part}) ${part === 'a' ? 'the executive' : 'individual thematic partnerships'}`;
      default:
        return `## Q${q.number}${part}: ${part === 'a' ? 'the executive' : 'individual thematic partnerships'}`;
    }
  }
  switch (rng.weighted([60, 15, 10, 15])) {
    case 0:
      return `## Q${q.number}`;
    case 1:
      return `## Question ${q.number}`;
    case 2:
      return `## ${q.number}. ${q.text}`;
    default:
      return `## Q${q.number}: ${q.text}`;
  }
}

/**
 * Partners, their answers (as targets) and their abstentions, before any text
 * is written, so objections can name sections that exist.
 *  - partner 0 (the council) answers every question as a whole and is never
 *    objected to: every question keeps an included answer;
 *  - the others answer 25-85% of the questions; Q16/Q17 as a whole or by part;
 *  - ~15% abstain on 1-3 questions they do not answer;
 *  - max(3, 3% of N) objections to single contributions of other partners;
 *  - one objection to a whole answer: section Q16a (Q16 stays answered
 *    through whole-question and Q16b contributions).
 */
function plan(n, questions, rng) {
  const combos = rng.shuffle(
    PLACES.flatMap((place, i) => ORGS.map((org, j) => ({ place, org, k: i * ORGS.length + j }))),
  );
  const partners = [];
  for (let i = 0; i < n; i++) {
    if (i === 0) {
      partners.push({
        id: 'northbridge-council',
        name: 'Northbridge Borough Council',
        sector: 'public',
        targets: [],
        abstain: [],
        objections: [],
      });
      continue;
    }
    const c = combos[(i - 1) % combos.length];
    const round = Math.floor((i - 1) / combos.length);
    const name = `${c.place} ${c.org[0]}${round ? ` (${round + 1})` : ''}`;
    partners.push({
      id: `${slug(c.place)}-${c.org[1]}${round ? `-${round + 1}` : ''}`,
      name,
      sector: c.org[2],
      targets: [],
      abstain: [],
      objections: [],
    });
  }
  for (const [i, p] of partners.entries()) {
    const rate = i === 0 ? 1 : 0.25 + rng.next() * 0.6;
    for (const q of questions) {
      if (!rng.chance(rate)) continue;
      if (q.parts.length && i !== 0 && rng.chance(0.5)) {
        for (const part of q.parts) if (rng.chance(0.75)) p.targets.push({ q, part });
      } else p.targets.push({ q, part: null });
    }
    p.preamble = i === 0 || rng.chance(0.4);
    if (i !== 0 && rng.chance(0.15)) {
      const answered = new Set(p.targets.map((t) => t.q.id));
      const free = questions.filter((q) => !answered.has(q.id));
      p.abstain = rng
        .shuffle(free)
        .slice(0, rng.int(1, 3))
        .map((q) => q.id)
        .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    }
  }
  // One Q16a contribution must exist for the whole-answer objection to name.
  const q16 = questions.find((q) => q.id === 'Q16');
  if (n > 1 && q16 && !partners.some((p) => p.targets.some((t) => t.q === q16 && t.part === 'a'))) {
    const p = partners[1];
    p.targets = p.targets.filter((t) => t.q !== q16);
    p.abstain = p.abstain.filter((a) => a !== 'Q16');
    p.targets.push({ q: q16, part: 'a' });
    p.targets.sort((a, b) => a.q.number - b.q.number || String(a.part).localeCompare(String(b.part)));
  }
  if (n > 1 && q16) {
    const by = partners[n > 2 ? 2 : 1];
    by.objections.push({
      section: 'Q16a',
      reason: `${by.name} cannot endorse the collective answer on the executive: ${sentence(rng, false).toLowerCase()}`,
    });
  }
  // Objections to single contributions (never partner 0's, never one's own).
  const wanted = n > 2 ? Math.max(3, Math.round(n * 0.03)) : 0;
  for (let k = 0, tries = 0; k < wanted && tries < wanted * 20; tries++) {
    const by = partners[rng.int(1, n - 1)];
    const of = partners[rng.int(1, n - 1)];
    if (by === of) continue;
    let section;
    if (of.preamble && rng.chance(0.1)) section = `preamble/${of.id}`;
    else if (of.targets.length) {
      const t = rng.pick(of.targets);
      section = `${t.q.id}${t.part ?? ''}/${of.id}`;
    } else continue;
    if (by.objections.some((o) => o.section === section)) continue;
    by.objections.push({ section, reason: rng.chance(0.15) ? null : `${sentence(rng, false)}` });
    k++;
  }
  return partners;
}

function yamlString(s) {
  return JSON.stringify(s);
}

function partnerFile(p, rng) {
  const front = [`partner: ${yamlString(p.name)}`, `sector: ${p.sector}`];
  if (p.abstain.length) front.push('abstain:', ...p.abstain.map((q) => `  - ${q}`));
  if (p.objections.length) {
    front.push('cannot_endorse:');
    for (const o of p.objections) {
      if (o.reason === null) front.push(`  - ${o.section}`);
      else front.push(`  - section: ${o.section}`, `    reason: ${yamlString(o.reason)}`);
    }
  }
  const w = new Writer(rng);
  const body = [];
  if (p.preamble) body.push(w.paragraph(60, 140));
  for (const t of p.targets) body.push(`${heading(rng, t.q, t.part)}\n\n${w.answer()}`);
  const defs = [...w.refDefs].map(([k, url]) => `[${k}]: ${url}`).join('\n');
  return `---\n${front.join('\n')}\n---\n\n${body.join('\n\n')}\n${defs ? `\n${defs}\n` : ''}`;
}

function generate(root, n, questions) {
  const rng = new Rng(SEED * 1000003 + n);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'questions'), { recursive: true });
  mkdirSync(join(root, 'responses'));
  cpSync(join(REPO, QUESTION_SET), join(root, QUESTION_SET));
  if (existsSync(join(REPO, 'templates', 'style.yaml'))) {
    mkdirSync(join(root, 'templates'));
    cpSync(join(REPO, 'templates', 'style.yaml'), join(root, 'templates', 'style.yaml'));
  }
  writeFileSync(
    join(root, 'lsp-respond.yaml'),
    [
      `# Generated by bench/bench.mjs (seed ${SEED}, ${n} partners).`,
      'partnership: Northbridge Partnership',
      'short: NBP',
      `questions: ${QUESTION_SET}`,
      `date: ${DATE}`,
      'deadlines:',
      '  views: 2006-02-11',
      '  submission: 2006-03-03',
      '',
    ].join('\n'),
  );
  const w = new Writer(rng);
  writeFileSync(join(root, 'composite.md'), `## Q1\n\n${w.paragraph()}\n\n${w.paragraph()}\n`);
  const partners = plan(n, questions, rng);
  let bytes = 0;
  for (const p of partners) {
    const text = partnerFile(p, rng);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(root, 'responses', `${p.id}.md`), text);
  }
  return {
    partners: partners.length,
    contributions: partners.reduce((s, p) => s + p.targets.length + (p.preamble ? 1 : 0), 0),
    objections: partners.reduce((s, p) => s + p.objections.length, 0),
    abstentions: partners.reduce((s, p) => s + p.abstain.length, 0),
    bytes,
  };
}

// ---------------------------------------------------------------- measuring

const HAVE_TIME = (() => {
  if (env.BENCH_NO_GNU_TIME === '1' || !existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr);
})();
const HAVE_PANDOC = !opt['no-pandoc'] && env.BENCH_PANDOC !== '0' && spawnSync('pandoc', ['--version']).status === 0;
const SCRATCH = mkdtempSync(join(tmpdir(), 'lsp-bench-scratch-'));

// The CLI under test runs from a snapshot of bin/ and dist/ (the bundle needs
// no node_modules), so a rebuild during a long bench cannot pull chunks from
// under a running measurement.
const BIN = join(SCRATCH, 'cli', 'bin', 'lsp-respond.js');
function snapshotCli() {
  const dir = join(SCRATCH, 'cli');
  mkdirSync(dir, { recursive: true });
  cpSync(join(REPO, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(REPO, 'dist'), join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
}

// Fallback when /usr/bin/time is missing: Node processes report their own
// peak RSS at exit through this preload; others are sampled from /proc.
const RSS_PRELOAD = join(SCRATCH, 'rss.cjs');
writeFileSync(
  RSS_PRELOAD,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source run by the child process
  "process.on('exit', () => { try { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.LSP_BENCH_RSS_FILE, `${(u.userCPUTime + u.systemCPUTime) / 1e6} ${u.maxRSS}`); } catch {} });\n",
);

/**
 * Runs argv once; resolves to { seconds, cpu, rssKiB, code, stdout, stderr, timedOut }
 * (cpu: user + system seconds of the process, null where unknown).
 * Wall time is measured around the spawn (it includes process creation,
 * which is part of what a user waits for).
 */
function runOnce(argv, { cwd = REPO, extraEnv = {} } = {}) {
  const rssFile = join(SCRATCH, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const isNode = argv[0] === process.execPath;
  let cmd = argv[0];
  let args = argv.slice(1);
  const childEnv = { ...env, ...extraEnv, LSP_BENCH_RSS_FILE: rssFile };
  if (HAVE_TIME) {
    cmd = '/usr/bin/time';
    args = ['-f', '%U %S %M', '-o', rssFile, ...argv];
  } else if (isNode) {
    args = ['--require', RSS_PRELOAD, ...args];
  }
  return new Promise((resolvePromise) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let polled = 0;
    const poll =
      !HAVE_TIME && !isNode && existsSync('/proc/self/status')
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) polled = Math.max(polled, Number(m[1]));
            } catch {}
          }, 25)
        : null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, TIMEOUT_S * 1000);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let rssKiB = null;
      let cpu = null;
      try {
        const text = readFileSync(rssFile, 'utf8');
        // GNU time may write "Command exited with non-zero status N" first.
        const m = HAVE_TIME ? /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(text.trim()) : /([\d.]+) (\d+)\s*$/.exec(text.trim());
        if (m && HAVE_TIME) [cpu, rssKiB] = [Number(m[1]) + Number(m[2]), Number(m[3])];
        else if (m) [cpu, rssKiB] = [Number(m[1]), Number(m[2])];
        rmSync(rssFile, { force: true });
      } catch {
        if (polled) rssKiB = polled;
      }
      const stderr = Buffer.concat(err).toString('utf8');
      resolvePromise({
        seconds,
        cpu,
        rssKiB,
        code: timedOut ? null : code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr,
        timedOut,
      });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];

/**
 * Measures one command `runs` times. `before` runs untimed before each run
 * (e.g. clearing out/); `verify` checks each run's result and throws on a
 * wrong outcome, so a broken run is never reported as a fast one.
 */
async function measure({ n, label, argv, cwd, runs, extraEnv, before, verify }) {
  const times = [];
  const cpu = [];
  const rss = [];
  let note = '';
  process.stderr.write(`  ${String(n).padStart(5)}  ${label.padEnd(34)} `);
  for (let i = 0; i < runs; i++) {
    if (before) before();
    const r = await runOnce(argv, { cwd, extraEnv });
    if (r.timedOut) {
      note = `timed out after ${TIMEOUT_S} s`;
      process.stderr.write(`timeout (${TIMEOUT_S} s)\n`);
      break;
    }
    const bad = verify ? verify(r) : r.code === 0 ? null : `exit ${r.code}`;
    if (bad) {
      process.stderr.write(`FAILED: ${bad}\n${r.stderr.slice(-2000)}\n`);
      throw new Error(`${label} (N=${n}) failed: ${bad}`);
    }
    if (r.warning) note = r.warning;
    times.push(r.seconds);
    if (r.rssKiB !== null) rss.push(r.rssKiB);
    if (r.cpu !== null) cpu.push(r.cpu);
    process.stderr.write(`${r.seconds.toFixed(2)}s `);
  }
  process.stderr.write('\n');
  const row = {
    n,
    label,
    runs: times.length,
    median: times.length ? median(times) : null,
    min: times.length ? Math.min(...times) : null,
    cpu: cpu.length ? median(cpu) : null,
    rssMiB: rss.length ? median(rss) / 1024 : null,
    note,
  };
  results.push(row);
  return row;
}

// ---------------------------------------------------------------- profile summary

/** The functions with the most self and inclusive time in a .cpuprofile, and self time by script. */
function summariseProfile(file, top = 25) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((nd) => [nd.id, nd]));
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((s, t) => s + t, 0);
  const parent = new Map();
  for (const nd of prof.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
  const keyOf = (cf) =>
    `${cf.functionName || '(anonymous)'} ${cf.url ? `${basename(cf.url)}:${cf.lineNumber + 1}` : ''}`.trim();
  const fn = new Map();
  const inclusive = new Map();
  const script = new Map();
  for (const [id, us] of self) {
    const { callFrame: cf } = byId.get(id);
    const key = keyOf(cf);
    fn.set(key, (fn.get(key) ?? 0) + us);
    const s = cf.url ? basename(cf.url) : cf.functionName;
    script.set(s, (script.get(s) ?? 0) + us);
    // Each function once per sample, however deep its recursion.
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const k = keyOf(byId.get(x).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const lines = [`total sampled: ${(total / 1e6).toFixed(2)} s`, '', 'self time by function:'];
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  lines.push('', 'inclusive time by function (the stages):');
  for (const [k, us] of [...inclusive]
    .filter(([k]) => k !== '(root)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top + 15))
    lines.push(`  ${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  lines.push('', 'self time by script:');
  for (const [k, us] of [...script].sort((a, b) => b[1] - a[1]).slice(0, 12))
    lines.push(`  ${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

function fmt(x, digits = 3) {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits);
}

function dirBytes(dir) {
  let total = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    total += name.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

async function main() {
  if (opt['generate-only']) {
    const base = opt.dir ?? mkdtempSync(join(tmpdir(), 'lsp-bench-'));
    for (const n of SIZES) {
      const info = generate(join(base, `n${n}`), n, loadQuestions());
      console.error(
        `generated N=${n}: ${info.partners} partner files, ${(info.bytes / 2 ** 20).toFixed(2)} MiB, ${info.contributions} contributions (incl. preambles), ${info.objections} objections, ${info.abstentions} abstentions`,
      );
    }
    console.log(base);
    return;
  }
  if (!existsSync(join(REPO, 'dist', 'cli.js'))) {
    console.error('bench: dist/cli.js is missing; run `npm run build` first (npm run bench does both)');
    process.exit(2);
  }
  snapshotCli();
  const git = (args) => spawnSync('git', args, { cwd: REPO, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = `${git(['rev-parse', '--short', 'HEAD']) || 'unknown commit'}${git(['status', '--porcelain', '--', 'src', 'scripts', 'package.json']) ? ' + uncommitted changes' : ''}`;
  const base = opt.dir ?? mkdtempSync(join(tmpdir(), 'lsp-bench-'));
  const questions = loadQuestions();
  const node = process.execPath;
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const pandocVersion = HAVE_PANDOC
    ? spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]
    : null;
  const mergeHelp = spawnSync(node, [BIN, 'merge', '--help'], { encoding: 'utf8' }).stdout;
  const noDocxFlag = /--no-docx/.test(mergeHelp);

  console.error(
    `lsp-respond bench: sizes ${SIZES.join(', ')}; runs ${RUNS} (N<=100) / ${RUNS_LARGE} (N>100); seed ${SEED}`,
  );
  console.error(
    `machine: ${machine}; load average ${loadBefore.toFixed(1)}${loadBefore > cpus().length * 0.75 ? ' (busy: times will be inflated; ratios hold better)' : ''}`,
  );
  console.error(
    `peak RSS via ${HAVE_TIME ? '/usr/bin/time -f %M' : 'process.resourceUsage() preload (node) and /proc VmHWM sampling (others)'}; pandoc: ${pandocVersion ?? 'not used'}`,
  );
  console.error(
    `Markdown-only merge: ${noDocxFlag ? "'merge --no-docx'" : "'merge' with LSP_RESPOND_NO_DOCX=1 (no --no-docx flag found)"}`,
  );
  console.error(`lsp-respond: ${commit} (dist/ snapshot in ${join(SCRATCH, 'cli')})`);
  console.error(`workspaces: ${base}\n`);

  const workspaces = [];
  for (const n of SIZES) {
    const root = join(base, `n${n}`);
    const t0 = Date.now();
    const info = generate(root, n, questions);
    workspaces.push({ n, root, ...info });
    console.error(
      `generated N=${n}: ${info.partners} partner files, ${(info.bytes / 2 ** 20).toFixed(2)} MiB, ${info.contributions} contributions (incl. preambles), ${info.objections} objections, ${info.abstentions} abstentions (${Date.now() - t0} ms)`,
    );
  }
  console.error('');

  const floor = await measure({ n: '-', label: 'node -e 0', argv: [node, '-e', '0'], runs: RUNS_STARTUP });
  const startup = await measure({
    n: 'example',
    label: 'check (repo example)',
    argv: [node, BIN, '-C', REPO, 'check'],
    runs: RUNS_STARTUP,
  });

  const shapes = [];
  for (const ws of workspaces) {
    const { n, root } = ws;
    const runs = runsFor(n);
    const out = join(root, 'out');
    const clear = () => rmSync(out, { recursive: true, force: true });
    await measure({ n, label: 'check', argv: [node, BIN, '-C', root, 'check'], runs });
    await measure({
      n,
      label: 'merge (Markdown + DOCX)',
      argv: [node, BIN, '-C', root, 'merge'],
      runs,
      before: clear,
      verify: (r) =>
        r.code !== 0 ? `exit ${r.code}` : !existsSync(join(out, 'response.docx')) ? 'no out/response.docx' : null,
    });
    // Keep the full merge's outputs for the shape summary and for pandoc.
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const contributions = Array.isArray(report) ? report : (report.contributions ?? report.accounts ?? []);
    const status = {};
    for (const c of contributions) status[c.status] = (status[c.status] ?? 0) + 1;
    const responseMd = join(SCRATCH, `response-${n}.md`);
    cpSync(join(out, 'response.md'), responseMd);
    shapes.push({
      n,
      inputMiB: ws.bytes / 2 ** 20,
      status,
      responseMdMiB: statSync(responseMd).size / 2 ** 20,
      responseDocxMiB: statSync(join(out, 'response.docx')).size / 2 ** 20,
      outMiB: dirBytes(out) / 2 ** 20,
      separate: existsSync(join(out, 'separate'))
        ? readdirSync(join(out, 'separate')).filter((f) => f.endsWith('.md')).length
        : 0,
    });
    await measure({
      n,
      label: 'merge (Markdown only)',
      argv: noDocxFlag ? [node, BIN, '-C', root, 'merge', '--no-docx'] : [node, BIN, '-C', root, 'merge'],
      extraEnv: { LSP_RESPOND_NO_DOCX: '1' },
      runs,
      before: clear,
      verify: (r) => {
        if (r.code !== 0) return `exit ${r.code}`;
        if (!existsSync(join(out, 'response.md'))) return 'no out/response.md';
        if (existsSync(join(out, 'response.docx')))
          r.warning = 'DOCX still written: the Markdown-only switch was ignored';
        return null;
      },
    });
    if (HAVE_PANDOC) {
      const docx = join(SCRATCH, `pandoc-${n}.docx`);
      await measure({
        n,
        label: 'pandoc -f markdown -t docx',
        argv: ['pandoc', '-f', 'markdown', '-t', 'docx', '-o', docx, responseMd],
        runs,
      });
    }
  }

  // ------------------------------------------------------------ tables
  const get = (n, label) => results.find((r) => r.n === n && r.label === label);
  const commands = ['check', 'merge (Markdown + DOCX)', 'merge (Markdown only)', 'pandoc -f markdown -t docx'];
  const rows = [];
  const push = (r, extra = {}) =>
    rows.push({
      N: String(r.n),
      command: r.label,
      runs: String(r.runs),
      median: fmt(r.median),
      cpu: fmt(r.cpu, 2),
      rss: fmt(r.rssMiB, 0),
      xNode: r.median && floor.median ? fmt(r.median / floor.median, 1) : '—',
      xPandoc: extra.xPandoc ?? '',
      growth: extra.growth ?? '',
      note: r.note,
    });
  push(floor);
  push(startup);
  for (const ws of workspaces) {
    const i = SIZES.indexOf(ws.n);
    const prev = i > 0 ? SIZES[i - 1] : null;
    const pandoc = get(ws.n, 'pandoc -f markdown -t docx');
    for (const c of commands) {
      const r = get(ws.n, c);
      if (!r) continue;
      const p = prev !== null ? get(prev, c) : null;
      push(r, {
        xPandoc: c.startsWith('merge') && pandoc?.median && r.median ? fmt(r.median / pandoc.median, 2) : '',
        growth: p?.median && r.median ? `${fmt(r.median / p.median, 1)} (${ws.n}/${prev})` : '',
      });
    }
  }
  const cols = [
    ['N', 'N'],
    ['command', 'command'],
    ['runs', 'runs'],
    ['median', 'median s'],
    ['cpu', 'CPU s'],
    ['rss', 'peak RSS MiB'],
    ['xNode', '× node -e 0'],
    ['xPandoc', '× pandoc'],
    ['growth', 'growth vs previous N'],
    ['note', 'note'],
  ].filter(([k]) => k !== 'note' || rows.some((r) => r.note));
  const widths = cols.map(([k, h]) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (cells) =>
    cells.map((c, i) => (i <= 1 || i === cols.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(line(cols.map(([, h]) => h)));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(cols.map(([k]) => r[k])));

  // Growth 1000/100 (or whatever the two largest sizes are), raw and net of start-up.
  const growth = [];
  if (SIZES.length >= 2) {
    const [a, b] = SIZES.includes(100) && SIZES.includes(1000) ? [100, 1000] : SIZES.slice(-2);
    for (const c of commands) {
      const ra = get(a, c);
      const rb = get(b, c);
      if (!ra?.median || !rb?.median) continue;
      const s = c.startsWith('pandoc') ? 0 : (startup.median ?? 0);
      growth.push({
        command: c,
        a,
        b,
        time: rb.median / ra.median,
        net: (rb.median - s) / Math.max(ra.median - s, 1e-9),
        cpu: ra.cpu && rb.cpu ? rb.cpu / ra.cpu : null,
        rss: ra.rssMiB && rb.rssMiB ? rb.rssMiB / ra.rssMiB : null,
      });
    }
    console.log(`\ngrowth ${b}/${a} (linear would be ${fmt(b / a, 0)}):`);
    for (const g of growth)
      console.log(
        `  ${g.command.padEnd(28)} time ${fmt(g.time, 1).padStart(6)}   net of start-up ${fmt(g.net, 1).padStart(6)}   CPU ${fmt(g.cpu, 1).padStart(6)}   peak RSS ${fmt(g.rss, 1).padStart(6)}`,
      );
  }

  console.log('\nworkspaces (outputs of the full merge):');
  for (const s of shapes) {
    const st = Object.entries(s.status)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    console.log(
      `  N=${s.n}: input ${fmt(s.inputMiB, 2)} MiB; contributions ${st || '?'}; response.md ${fmt(s.responseMdMiB, 2)} MiB, response.docx ${fmt(s.responseDocxMiB, 2)} MiB; ${s.separate} separate submissions; out/ ${fmt(s.outMiB, 1)} MiB`,
    );
  }

  // ------------------------------------------------------------ Markdown
  const md = [];
  const today = new Date().toISOString().slice(0, 10);
  const load = `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`;
  md.push(
    `Measured ${today} on ${machine}; lsp-respond at ${commit}; ${load}; pandoc: ${pandocVersion ?? 'not measured'}. Seed ${SEED}; medians of ${RUNS} runs (N <= 100), ${RUNS_LARGE} (N > 100), ${RUNS_STARTUP} (start-up rows); bench took ${((Date.now() - started) / 1000).toFixed(0)} s. Peak RSS via ${HAVE_TIME ? '`/usr/bin/time -f %M`' : 'the fallback (resourceUsage / /proc)'}.`,
  );
  if (loadBefore > cpus().length * 0.75)
    md.push(
      '',
      `**Note:** the machine was busy (load ${loadBefore.toFixed(1)} on ${cpus().length} cores) when the bench started; absolute times are inflated, ratios less so.`,
    );
  md.push('');
  md.push(`| ${cols.map(([, h]) => h).join(' | ')} |`);
  md.push(`| ${cols.map(([k]) => (['N', 'command', 'note'].includes(k) ? '---' : '---:')).join(' | ')} |`);
  for (const r of rows) md.push(`| ${cols.map(([k]) => r[k] || ' ').join(' | ')} |`);
  if (growth.length) {
    md.push('');
    md.push(
      `| growth ${growth[0].b}/${growth[0].a} (linear = ${fmt(growth[0].b / growth[0].a, 0)}) | wall time | wall net of start-up | CPU time | peak RSS |`,
    );
    md.push('| --- | ---: | ---: | ---: | ---: |');
    for (const g of growth)
      md.push(
        `| ${g.command} | ${fmt(g.time, 1)} | ${g.command.startsWith('pandoc') ? '—' : fmt(g.net, 1)} | ${fmt(g.cpu, 1)} | ${fmt(g.rss, 1)} |`,
      );
  }
  md.push('');
  md.push('| N | partner files MiB | contributions | response.md MiB | response.docx MiB | separate submissions |');
  md.push('| ---: | ---: | --- | ---: | ---: | ---: |');
  for (const s of shapes)
    md.push(
      `| ${s.n} | ${fmt(s.inputMiB, 2)} | ${Object.entries(s.status)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')} | ${fmt(s.responseMdMiB, 2)} | ${fmt(s.responseDocxMiB, 2)} | ${s.separate} |`,
    );
  console.log('\n--- Markdown (for bench/README.md) ---\n');
  console.log(md.join('\n'));
  console.error(`\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s`);

  if (opt.json)
    writeFileSync(
      opt.json,
      JSON.stringify(
        { date: today, machine, commit, loadBefore, pandoc: pandocVersion, seed: SEED, results, growth, shapes },
        null,
        2,
      ),
    );

  if (opt.profile) {
    const ws = workspaces[workspaces.length - 1];
    const dir = join(SCRATCH, 'profile');
    mkdirSync(dir, { recursive: true });
    console.error(`\nprofiling 'lsp-respond ${opt.profile}' on N=${ws.n} (node --cpu-prof) ...`);
    rmSync(join(ws.root, 'out'), { recursive: true, force: true });
    const r = spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', dir, BIN, '-C', ws.root, opt.profile], {
      encoding: 'utf8',
    });
    if (r.status !== 0) console.error(`profiled run exited ${r.status}: ${r.stderr.slice(-1000)}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (file) {
      const kept = join(opt.keep ? base : tmpdir(), `lsp-respond-${opt.profile}-n${ws.n}.cpuprofile`);
      cpSync(join(dir, file), kept);
      console.log(`\n--- profile of lsp-respond ${opt.profile}, N=${ws.n} (${kept}) ---\n`);
      console.log(summariseProfile(join(dir, file)));
    }
  }

  if (opt.keep || opt.dir) console.error(`\nworkspaces kept in ${base}`);
  else rmSync(base, { recursive: true, force: true });
}

try {
  await main();
} finally {
  rmSync(SCRATCH, { recursive: true, force: true });
}
