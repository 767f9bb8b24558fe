// The response file an import writes: front matter, then the preamble and one
// question heading per question (empty where nothing was said, as in the
// Markdown template), written by the same remark-stringify writer as every
// other Markdown output.
import type { Nodes, Root, RootContent } from 'mdast';
import { stringify } from 'yaml';
import { imageInfo } from '../core/image-info.js';
import type { Question, QuestionSet, Sector } from '../core/model.js';
import { stringifyTree } from '../render/markdown.js';
import type { ImportedAnswer, ImportedResponse } from './sections.js';
import type { WordImage } from './word-html.js';

export interface ResponseFile {
  text: string;
  /** Files to write beside the response, by path relative to the responses directory. */
  images: Map<string, Uint8Array>;
  /** Pictures that cannot be embedded (not PNG, JPEG or GIF): saved, and linked instead. */
  linked: string[];
}

export function responseFile(
  imported: ImportedResponse,
  questions: QuestionSet,
  who: { id: string; partner: string; sector: Sector },
  pictures: readonly WordImage[],
): ResponseFile {
  const folder = `${who.id}-images`;
  const images = new Map<string, Uint8Array>();
  const linked: string[] = [];
  const byName = new Map(pictures.map((p) => [p.name, p]));
  const relink = (node: Nodes): Nodes => {
    if (node.type === 'image') {
      const picture = byName.get(node.url);
      if (!picture) return node;
      const path = `${folder}/${picture.name}`;
      images.set(path, picture.bytes);
      if (imageInfo(picture.bytes)) return { ...node, url: path };
      linked.push(path);
      return {
        type: 'link',
        url: path,
        children: [{ type: 'text', value: `picture ${picture.name}${node.alt ? `: ${node.alt}` : ''}` }],
      };
    }
    if (!('children' in node)) return node;
    return { ...node, children: node.children.map(relink) } as Nodes;
  };

  const body: RootContent[] = [...imported.preamble];
  const answers = new Map(imported.answers.map((a) => [`${a.question.id}${a.part ?? ''}`, a]));
  for (const q of questions.questions) {
    for (const part of [null, ...q.parts.map((p) => p.id)]) {
      const answer = answers.get(`${q.id}${part ?? ''}`);
      // Parts get a heading only when answered: the template asks per question.
      if (part !== null && !answer) continue;
      body.push(headingFor(q, answer), ...(answer?.blocks ?? []));
    }
  }
  body.push(...imported.footnotes);
  const tree = relink({ type: 'root', children: body }) as Root;

  const front = stringify({
    partner: who.partner,
    sector: who.sector,
    ...(imported.abstain.length > 0 ? { abstain: imported.abstain.map((q) => q.id) } : {}),
  });
  return { text: `---\n${front}---\n\n${stringifyTree(tree)}`, images, linked };
}

function headingFor(q: Question, answer: ImportedAnswer | undefined): RootContent {
  const part = answer?.part ?? null;
  const canonical = part === null ? q.text : `(${part}) ${q.parts.find((p) => p.id === part)?.text ?? ''}`;
  const title = (answer?.title ?? '').trim() || canonical;
  return {
    type: 'heading',
    depth: 2,
    children: [{ type: 'text', value: `${q.id}${part ?? ''}: ${title.replace(/\s+/g, ' ')}` }],
  };
}
