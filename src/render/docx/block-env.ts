// Plain data passed down the block tree: each container gives its children a
// changed copy.
/** Where a block is rendered; each container passes a changed copy to its children. */
export interface BlockEnv {
  /** Style of plain paragraphs here (quotation, footnote...); undefined for Normal. */
  readonly style: string | undefined;
  /** Left indent in twips from the enclosing quotations and list items. */
  readonly indent: number;
  /**
   * How much of `indent` the style itself gives, so its paragraphs need no
   * indent of their own: a reference document's quotation indent then holds,
   * and pandoc does not read one quotation as two (style and indent).
   */
  readonly styleIndent: number;
  /** Word list level (0-based) a list starting here gets. */
  readonly listLevel: number;
  /** Inside a footnote, where Word allows no footnotes. */
  readonly inFootnote: boolean;
}

export const BODY: BlockEnv = { style: undefined, indent: 0, styleIndent: 0, listLevel: 0, inFootnote: false };
