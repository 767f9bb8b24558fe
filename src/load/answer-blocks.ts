// Answer blocks made self-contained, so every later stage can place them in
// any document: references resolved, raw HTML made visible text, characters
// XML cannot carry removed, images located, headings demoted, footnotes
// attached and relabelled per partner.
import type { Definition, FootnoteDefinition, Heading, Nodes, RootContent } from 'mdast';
import { posix } from 'node:path';
import type { Contribution, Position } from '../core/model.js';
import { DECORATIVE, isDecorative, markSource } from '../core/document.js';
import type { Problems } from '../core/problems.js';
import { stripXmlForbidden } from '../ooxml/xml-chars.js';

export interface ImageRef {
  path: string;
  position: Position;
}

export function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Makes blocks self-contained: references resolved against the file's
 * definitions (which may sit under another question), raw HTML turned into
 * visible text, characters XML cannot carry removed, image paths made
 * workspace-relative, and headings placed below the heading that every
 * document puts above them (`base` is one below it): # and ### become `base`,
 * deeper ones one level down, at most 6, and never more than one level below
 * the heading before, so the documents' heading levels never skip.
 */
export function normalise(
  blocks: RootContent[],
  definitions: Map<string, Definition>,
  file: string,
  images: ImageRef[],
  problems: Problems,
  base: number,
): void {
  let last = base - 1;
  // `flow` is true where children are blocks (root, quotes, list items, footnotes), false inside paragraphs and the like.
  const visit = (nodes: Nodes[], flow: boolean): void => {
    for (let i = 0; i < nodes.length; i++) {
      const replaced = replace(nodes[i]!, flow);
      nodes[i] = replaced;
      if ('children' in replaced) visit(replaced.children as Nodes[], FLOW.has(replaced.type));
    }
  };
  const replace = (node: Nodes, flow: boolean): Nodes => {
    if ('value' in node && typeof node.value === 'string') node.value = stripXmlForbidden(node.value);
    if (node.type === 'image' || node.type === 'imageReference')
      node.alt = node.alt ? stripXmlForbidden(node.alt) : node.alt;
    switch (node.type) {
      case 'html': {
        const text = {
          type: 'text' as const,
          value: node.value,
          ...(node.position ? { position: node.position } : {}),
        };
        return flow
          ? { type: 'paragraph', children: [text], ...(node.position ? { position: node.position } : {}) }
          : text;
      }
      case 'linkReference': {
        const def = definitions.get(node.identifier);
        if (!def) return node;
        return {
          type: 'link',
          url: stripXmlForbidden(def.url),
          title: def.title ?? null,
          children: node.children,
          ...(node.position ? { position: node.position } : {}),
        };
      }
      case 'imageReference': {
        const def = definitions.get(node.identifier);
        if (!def) return { type: 'text', value: node.alt ?? '' };
        return image({
          type: 'image',
          url: def.url,
          title: def.title ?? null,
          alt: node.alt ?? null,
          ...(node.position ? { position: node.position } : {}),
        });
      }
      case 'image':
        return image(node);
      case 'link':
        node.url = stripXmlForbidden(node.url);
        return node;
      case 'heading': {
        const wanted = node.depth <= 3 ? base : Math.min(6, node.depth + base - 3);
        last = Math.min(wanted, last + 1);
        node.depth = last as Heading['depth'];
        return node;
      }
      default:
        return node;
    }
  };
  const image = (node: Extract<Nodes, { type: 'image' }>): Nodes => {
    const at: Position = { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url) || node.url.startsWith('//')) {
      problems.warn(
        'remote-image',
        at,
        `image '${clip(node.url)}' is not a file in the workspace, so it is shown as a link, not embedded; save the image beside the response and link to it by a relative path`,
      );
      return {
        type: 'link',
        url: node.url,
        title: node.title ?? null,
        children: [{ type: 'text', value: node.alt || node.url }],
        ...(node.position ? { position: node.position } : {}),
      };
    }
    const path = posix.normalize(posix.join(posix.dirname(file), decodeURIComponentSafe(node.url)));
    if (path.startsWith('../') || path === '..' || posix.isAbsolute(path)) {
      problems.error(
        'image',
        at,
        `image '${clip(node.url)}' is outside the workspace; copy it into the workspace and link to it by a relative path`,
      );
      return node;
    }
    images.push({ path, position: at });
    if ((node.alt ?? '').trim() === '' && !isDecorative(node)) {
      problems.warn(
        'image-alt',
        at,
        `image '${clip(node.url)}' has no description, so a screen reader cannot say what it shows; write one between the brackets, ![what it shows](${clip(node.url)}), or mark a purely decorative image ![](${clip(node.url)} "${DECORATIVE}")`,
      );
    }
    return { ...node, url: path };
  };
  visit(blocks, true);
}

const FLOW = new Set(['blockquote', 'listItem', 'footnoteDefinition']);

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function warnUnusedFootnotes(
  contributions: Contribution[],
  definitions: Map<string, FootnoteDefinition>,
  owner: string,
  file: string,
  problems: Problems,
): void {
  const used = new Set(contributions.flatMap((c) => c.footnotes.map((f) => f.identifier)));
  for (const [id, def] of definitions) {
    if (!used.has(`${owner}-${id}`)) {
      problems.warn(
        'unused-footnote',
        { file, line: def.position?.start.line ?? 1, column: def.position?.start.column ?? 1 },
        `footnote [^${def.label ?? id}] is never referred to, so it is not in any output; refer to it with [^${def.label ?? id}] or delete it`,
      );
    }
  }
}

/** Attaches the footnote definitions a contribution refers to, relabelled so labels never collide across partners. */
export function withFootnotes(
  c: Contribution,
  definitions: Map<string, FootnoteDefinition>,
  owner: string,
): Contribution {
  const used: FootnoteDefinition[] = [];
  const relabel = (nodes: Nodes[]): void => {
    for (const node of nodes) {
      if (node.type === 'footnoteReference') {
        const def = definitions.get(node.identifier);
        const label = `${owner}-${node.identifier}`;
        if (def && !used.some((u) => u.identifier === label)) {
          // A copy: the same definition may serve several contributions, each relabelled once.
          const copy = structuredClone(def);
          used.push({ ...copy, identifier: label, label });
          relabel(copy.children);
        }
        node.identifier = label;
        node.label = label;
      } else if ('children' in node) relabel(node.children as Nodes[]);
    }
  };
  relabel(c.blocks);
  for (const node of [...c.blocks, ...used]) markSource(node, c.position.file);
  return { ...c, footnotes: used };
}
