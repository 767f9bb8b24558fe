// Word puts formatting on runs of characters, Markdown on delimiters that
// CommonMark accepts only in certain places: a bold run "Yes. " (space
// included, as Word users type it) would need `**Yes. **`, whose closing `**`
// follows a space and is printed literally. So the imported tree is reshaped
// until every bold, italic and strikethrough run can be written as delimiters
// that close: spaces and line breaks at a run's edges move outside it, a run of
// nothing but spaces loses its formatting, punctuation at an edge that touches
// a letter outside moves out, and touching runs of one kind become one run.
import type { Nodes, Parents, PhrasingContent, Text } from 'mdast';

type Attention = Extract<PhrasingContent, { type: 'strong' | 'emphasis' | 'delete' }>;

const ATTENTION = new Set(['strong', 'emphasis', 'delete']);
// CommonMark's classes of characters around a delimiter run (Unicode whitespace, punctuation and symbols).
const SPACE = /^\s$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const EDGE_SPACE = { lead: /^\s+/u, trail: /\s+$/u };
const EDGE_PUNCTUATION = { lead: /^[\p{P}\p{S}]+/u, trail: /[\p{P}\p{S}]+$/u } as const;

const isAttention = (node: PhrasingContent): node is Attention => ATTENTION.has(node.type);
const text = (value: string): Text => ({ type: 'text', value });

/** Reshapes every run of phrasing content in the tree, in place. */
export function renderableEmphasis(tree: Nodes): void {
  if (!('children' in tree)) return;
  for (const child of tree.children as Nodes[]) renderableEmphasis(child);
  if (hasPhrasing(tree))
    (tree as { children: PhrasingContent[] }).children = reshape(tree.children as PhrasingContent[]);
}

function hasPhrasing(node: Parents): boolean {
  return ['paragraph', 'heading', 'tableCell', 'link', 'linkReference', 'strong', 'emphasis', 'delete'].includes(
    node.type,
  );
}

/**
 * Children whose attention runs are already reshaped inside (see
 * renderableEmphasis: deepest first). Moving punctuation out can bare a space
 * ("A" + _". A"_), so the steps repeat until nothing moves.
 */
function reshape(children: PhrasingContent[]): PhrasingContent[] {
  let out = children;
  for (let before = ''; before !== JSON.stringify(out); ) {
    before = JSON.stringify(out);
    out = joinTouching(punctuationOutside(joinTouching(spaceOutside(out))));
  }
  return out;
}

function spaceOutside(children: PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child) => {
    if (!isAttention(child)) return [child];
    const { lead, inner, trail } = peelSpace(child.children);
    return [...lead, ...(hasInk(inner) ? [{ ...child, children: inner }] : inner), ...trail];
  });
}

/** Splits off the white space and line breaks at each end of the runs (nested runs have already given theirs up). */
function peelSpace(children: PhrasingContent[]): {
  lead: PhrasingContent[];
  inner: PhrasingContent[];
  trail: PhrasingContent[];
} {
  const inner = [...children];
  const lead = peel(inner, 'lead');
  const trail = peel(inner, 'trail');
  return { lead, inner, trail };
}

/** Takes the spaces and line breaks off one end of `inner` (changing it) and returns them in document order. */
function peel(inner: PhrasingContent[], end: keyof typeof EDGE_SPACE): PhrasingContent[] {
  const atStart = end === 'lead';
  const peeled: PhrasingContent[] = [];
  while (inner.length > 0) {
    const i = atStart ? 0 : inner.length - 1;
    const node = inner[i] as PhrasingContent;
    if (node.type === 'break') {
      peeled.push(node);
      inner.splice(i, 1);
      continue;
    }
    if (node.type !== 'text') break;
    const m = EDGE_SPACE[end].exec(node.value);
    if (!m) break;
    peeled.push(text(m[0]));
    if (m[0].length === node.value.length) {
      inner.splice(i, 1);
      continue;
    }
    inner[i] = { ...node, value: atStart ? node.value.slice(m[0].length) : node.value.slice(0, -m[0].length) };
    break;
  }
  return atStart ? peeled : peeled.reverse();
}

/** Whether the runs show anything but white space. */
function hasInk(children: PhrasingContent[]): boolean {
  return children.some((c) => c.type !== 'text' || c.value.trim() !== '');
}

/** Adjacent text becomes one text; adjacent runs of one kind become one run (`**a****b**` would not parse). */
function joinTouching(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const prev = out.at(-1);
    if (prev?.type === 'text' && child.type === 'text') out[out.length - 1] = text(prev.value + child.value);
    else if (prev && isAttention(prev) && isAttention(child) && prev.type === child.type) {
      out[out.length - 1] = {
        ...prev,
        children: joinTouching([...prev.children, ...child.children] as PhrasingContent[]),
      };
    } else if (child.type !== 'text' || child.value !== '') out.push(child);
  }
  return out;
}

/** Whether a delimiter next to `c` (outside the run) can only open or close when the run's edge is not punctuation. */
const isWordCharacter = (c: string | undefined) => c !== undefined && !SPACE.test(c) && !PUNCTUATION.test(c);

/**
 * `a**"b"**c` does not parse: a delimiter between a letter and punctuation
 * (or another run's delimiter) cannot open or close. Such punctuation moves
 * outside the run, out of runs nested at its edge too.
 */
function punctuationOutside(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  children.forEach((child, i) => {
    if (!isAttention(child)) {
      out.push(child);
      return;
    }
    const prev = out.at(-1);
    const next = children[i + 1];
    let inner = child.children;
    let lead = '';
    let trail = '';
    if (isWordCharacter(edgeCharacter(prev, 'trail'))) [lead, inner] = cutEdge(inner, 'lead');
    if (isWordCharacter(edgeCharacter(next, 'lead'))) [trail, inner] = cutEdge(inner, 'trail');
    out.push(
      ...(lead ? [text(lead)] : []),
      ...(hasInk(inner) ? [{ ...child, children: inner }] : inner),
      ...(trail ? [text(trail)] : []),
    );
  });
  return out;
}

/**
 * The character at one edge of a node as far as delimiters go: a run touching
 * another run is written as one delimiter sequence (`*a***b**`), so the letters
 * inside the neighbouring run count.
 */
function edgeCharacter(node: PhrasingContent | undefined, side: 'lead' | 'trail'): string | undefined {
  if (node?.type === 'text') return side === 'lead' ? node.value[0] : node.value.at(-1);
  if (node && isAttention(node)) return edgeCharacter(side === 'lead' ? node.children[0] : node.children.at(-1), side);
  return undefined;
}

/** The punctuation at one edge of the runs, taken from nested runs too, and the runs without it. */
function cutEdge(children: PhrasingContent[], side: 'lead' | 'trail'): [string, PhrasingContent[]] {
  const inner = [...children];
  const at = side === 'lead' ? 0 : inner.length - 1;
  const edge = inner[at];
  let cut = '';
  if (edge?.type === 'text') {
    const m = EDGE_PUNCTUATION[side].exec(edge.value);
    if (m) {
      cut = m[0];
      const rest = side === 'lead' ? edge.value.slice(cut.length) : edge.value.slice(0, -cut.length);
      inner[at] = text(rest);
    }
  } else if (edge && isAttention(edge)) {
    const [nested, rest] = cutEdge(edge.children, side);
    cut = nested;
    inner[at] = { ...edge, children: rest };
  }
  return [cut, inner.filter((c) => (c.type === 'text' ? c.value !== '' : !isAttention(c) || hasInk(c.children)))];
}
