// Outline levels for headings, shared by the body and its table of contents.
/**
 * The outline level each heading gets: its depth, but never more than one
 * below the heading before it, so the levels never skip (WCAG 1.3.1) whatever
 * the question set or the answers hold. The title (level 0) starts it.
 */
export class HeadingLevels {
  private last = 0;

  next(depth: number): number {
    const level = Math.min(6, Math.max(1, depth), this.last + 1);
    this.last = level;
    return level;
  }
}
