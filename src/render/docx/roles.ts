// Presentation roles (see document.ts) to Word paragraph styles.
import type { Nodes } from 'mdast';
import { roleOf, type Role } from '../../core/document.js';
import type { RenderContext } from './context.js';
import { STYLE } from './styles.js';

const ROLE_STYLES: Record<Role, string> = {
  title: STYLE.title,
  subtitle: STYLE.subtitle,
  cover: STYLE.cover,
  question: STYLE.question,
  part: STYLE.part,
  attribution: STYLE.attribution,
  superseded: STYLE.superseded,
  removed: STYLE.removed,
  abstention: STYLE.abstention,
  note: STYLE.note,
  'form-note': STYLE.formNote,
  // What is written in an answer area is the writer's own text, in the body style.
  answer: 'Normal',
};

/** The style a node's role asks for, or undefined for none; an unknown role is reported and ignored. */
export function paragraphStyleOf(node: Nodes, ctx: RenderContext): string | undefined {
  const role = roleOf(node);
  if (role === undefined) return undefined;
  if (Object.hasOwn(ROLE_STYLES, role)) return ROLE_STYLES[role];
  ctx.warn(`unknown presentation role '${String(role)}' on a ${node.type} node; it is rendered without one`, node);
  return undefined;
}
