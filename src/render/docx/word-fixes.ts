// Corrections to what docx builds, made on the built Document before it is
// packed, where docx has no option for them. Each is a known cause of Word's
// repair dialog or of a style Word does not recognise:
//  - docx writes a footnote-reference mark into the separator and
//    continuation-separator notes, as into every note's first paragraph; Word
//    expects those notes to hold only <w:separator/> or <w:continuationSeparator/>.
//  - docx's default "Strong" is a paragraph style; Word's is a character style,
//    which ours (styles.ts) is. Two styles with one id are invalid.
//  - Character styles are based on "Default Paragraph Font", which must be
//    the document's default character style.
// The internal shapes relied on are checked; anything unexpected is left as it
// is, and the tests, which read the packed XML, would fail.
import type { Document } from 'docx';

interface Component {
  rootKey?: string;
  root?: unknown[];
}

/** The attributes of a w:footnote, w:endnote or w:style (its first child). */
function attributes(c: Component): Record<string, unknown> | undefined {
  const first = c.root?.[0] as { rootKey?: string; root?: Record<string, unknown> } | undefined;
  return first?.rootKey === '_attr' ? first.root : undefined;
}

const SEPARATORS = new Set(['separator', 'continuationSeparator']);

function separatorsOnly(notes: Component | undefined): void {
  for (const note of (notes?.root ?? []) as Component[]) {
    if ((note.rootKey !== 'w:footnote' && note.rootKey !== 'w:endnote') || !SEPARATORS.has(String(attributes(note)?.type)) || !note.root) continue;
    // The first paragraph is docx's wrapper holding our paragraph and the mark.
    note.root = note.root.map((child) => {
      const wrapper = child as { paragraph?: unknown; mark?: unknown };
      return wrapper.paragraph !== undefined && wrapper.mark !== undefined ? wrapper.paragraph : child;
    });
  }
}

function characterStyleDefaults(styles: Component | undefined): void {
  if (!styles?.root) return;
  styles.root = styles.root.filter((s) => {
    const a = attributes(s as Component);
    return !(a?.type === 'paragraph' && a.styleId === 'Strong');
  });
  for (const s of styles.root as Component[]) {
    const a = attributes(s);
    if (a?.type === 'character' && a.styleId === 'DefaultParagraphFont') a.default = 1;
  }
}

export function fixForWord(doc: Document): void {
  const d = doc as unknown as { FootNotes?: { View?: Component }; Endnotes?: { View?: Component }; Styles?: Component };
  separatorsOnly(d.FootNotes?.View);
  separatorsOnly(d.Endnotes?.View);
  characterStyleDefaults(d.Styles);
}
