// State shared while one document is rendered: the house style, images,
// link definitions, list and footnote bookkeeping, and the warnings that make
// sure nothing is dropped without the user hearing of it.
import type { Definition, Nodes, Root } from 'mdast';
import type { FootnotesPart } from './footnotes.js';
import type { ListNumbering } from './numbering.js';
import type { BlockEnv } from './block-env.js';
import type { Media, Relationships } from './relationships.js';
import type { Xml } from './wml.js';
import { xmlSafe } from '../../ooxml/xml.js';
import { sourceOf } from '../../core/document.js';
import type { Warn } from '../../core/problems.js';
import type { Style } from '../../core/style.js';
import { HeadingLevels } from './heading-levels.js';

export type RenderBlocks = (nodes: readonly Nodes[], ctx: RenderContext, env: BlockEnv) => Xml;

export class RenderContext {
  readonly definitions = new Map<string, Definition>();
  /** The heading that starts the body, which begins a new page after the cover. */
  pageBreakBefore: Nodes | undefined;
  /** The outline levels of the headings, in document order. */
  readonly headingLevels = new HeadingLevels();
  private removed = 0;
  private drawings = 0;
  private controls = 0;
  /** The workspace file of the content being rendered, if any. */
  private source: string | undefined;
  /** The relationships of the part being written: hyperlinks and images in a footnote belong to footnotes.xml. */
  rels: Relationships;

  constructor(
    readonly style: Style,
    readonly images: ReadonlyMap<string, Uint8Array>,
    readonly media: Media,
    readonly lists: ListNumbering,
    readonly notes: FootnotesPart,
    documentRels: Relationships,
    tree: Root,
    private readonly onWarning: Warn,
  ) {
    this.rels = documentRels;
    collectDefinitions(tree, this.definitions);
  }

  /** Runs `render` writing into the part whose relationships are `rels`. */
  inPart<T>(rels: Relationships, render: () => T): T {
    return this.scoped({ rels }, render);
  }

  /** Text fit for XML; what had to go is counted and reported once by `finish`. */
  clean(text: string): string {
    const safe = xmlSafe(text);
    this.removed += safe.removed;
    return safe.text;
  }

  /** Reports a problem with `node`, at its place in the file it came from when that is known. */
  warn(message: string, node?: Nodes): void {
    const start = node?.position?.start;
    this.onWarning(
      message,
      this.source !== undefined && start ? { file: this.source, line: start.line, column: start.column } : undefined,
    );
  }

  /** Runs `render` with `node`'s source file (if it has one) as the place of warnings. */
  within<T>(node: Nodes, render: () => T): T {
    const file = sourceOf(node);
    return file === undefined ? render() : this.scoped({ source: file }, render);
  }

  /** Runs `render` with the given fields set, restoring them afterwards (also when it throws). */
  private scoped<T>(fields: { rels?: Relationships; source?: string }, render: () => T): T {
    const outer = { rels: this.rels, source: this.source };
    Object.assign(this, fields);
    try {
      return render();
    } finally {
      Object.assign(this, outer);
    }
  }

  /** Drawing ids must be unique in a document. */
  nextDrawingId(): number {
    this.drawings += 1;
    return this.drawings;
  }

  /** Content control ids, unique in a document as Word expects. */
  nextControlId(): number {
    this.controls += 1;
    return this.controls;
  }

  finish(): void {
    if (this.removed > 0) {
      this.warn(`${this.removed} character(s) that a Word document cannot hold (control characters) were left out`);
    }
  }
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  // The first definition of a label wins, as in CommonMark.
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}
