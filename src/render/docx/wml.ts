// WordprocessingML, written as text. Each builder returns the markup of one
// element with its properties in the order the schema requires: Word reports a
// file as corrupt when a child element is out of sequence. Text arriving here
// is already clean (see sanitize.ts); it is escaped here and nowhere else.
import { escapeXml } from './sanitize.js';

/** Markup of one or more complete elements. */
export type Xml = string;

export type Alignment = 'left' | 'center' | 'right';

export interface ParagraphProps {
  readonly style?: string | undefined;
  readonly pageBreakBefore?: boolean;
  readonly numbering?: { readonly numId: number; readonly level: number };
  readonly spacing?: { readonly before?: number; readonly after?: number };
  readonly indent?: { readonly left: number; readonly hanging?: number };
  readonly alignment?: Alignment | undefined;
}

export interface RunProps {
  readonly style?: string | undefined;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  /** Right-to-left text, with the complex-script language that shapes it. */
  readonly rtl?: { readonly language: string; readonly bidi: string };
}

const val = (name: string, value: string | number): Xml => `<${name} w:val="${value}"/>`;

export function paragraphProps(p: ParagraphProps): Xml {
  let out = '';
  if (p.style !== undefined) out += val('w:pStyle', escapeXml(p.style));
  if (p.pageBreakBefore) out += '<w:pageBreakBefore/>';
  if (p.numbering) out += `<w:numPr>${val('w:ilvl', p.numbering.level)}${val('w:numId', p.numbering.numId)}</w:numPr>`;
  if (p.spacing) {
    const { before, after } = p.spacing;
    out += `<w:spacing${after === undefined ? '' : ` w:after="${after}"`}${before === undefined ? '' : ` w:before="${before}"`}/>`;
  }
  if (p.indent) out += `<w:ind w:left="${p.indent.left}"${p.indent.hanging === undefined ? '' : ` w:hanging="${p.indent.hanging}"`}/>`;
  if (p.alignment !== undefined) out += val('w:jc', p.alignment);
  return out === '' ? '' : `<w:pPr>${out}</w:pPr>`;
}

export function paragraph(props: ParagraphProps, content: Xml = ''): Xml {
  return `<w:p>${paragraphProps(props)}${content}</w:p>`;
}

export function runProps(r: RunProps): Xml {
  let out = '';
  if (r.style !== undefined) out += val('w:rStyle', r.style);
  if (r.bold) out += '<w:b/><w:bCs/>';
  if (r.italics) out += '<w:i/><w:iCs/>';
  if (r.strike) out += '<w:strike/>';
  if (r.rtl) out += `<w:rtl/><w:lang w:val="${r.rtl.language}" w:bidi="${r.rtl.bidi}"/>`;
  return out === '' ? '' : `<w:rPr>${out}</w:rPr>`;
}

export function textRun(text: string, props: RunProps = {}): Xml {
  return `<w:r>${runProps(props)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export function breakRun(props: RunProps = {}): Xml {
  return `<w:r>${runProps(props)}<w:br/></w:r>`;
}

export function tabRun(props: RunProps = {}): Xml {
  return `<w:r>${runProps(props)}<w:tab/></w:r>`;
}

/** A field Word computes when it lays out the page (PAGE, NUMPAGES). */
export function fieldRuns(instruction: string): Xml {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

export function hyperlink(relationshipId: string, runs: Xml): Xml {
  return `<w:hyperlink w:history="1" r:id="${relationshipId}">${runs}</w:hyperlink>`;
}

export const FOOTNOTE_REFERENCE_STYLE = 'FootnoteReference';

export function footnoteReference(id: number): Xml {
  return `<w:r>${runProps({ style: FOOTNOTE_REFERENCE_STYLE })}<w:footnoteReference w:id="${id}"/></w:r>`;
}

/** The number at the start of a footnote's own text, and a space so it does not run into the words. */
export const FOOTNOTE_MARK: Xml = `<w:r>${runProps({ style: FOOTNOTE_REFERENCE_STYLE })}<w:footnoteRef/></w:r>${textRun(' ')}`;

/** Namespaces of the parts that hold WordprocessingML. */
export const WML_NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
