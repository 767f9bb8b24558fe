// WordprocessingML, written as text. Each builder returns the markup of one
// element with its properties in the order the schema requires: Word reports a
// file as corrupt when a child element is out of sequence. Text arriving here
// is already clean (see RenderContext.clean); the builders escape it, values
// of attributes included, and the Xml type keeps anything else from doing so.
import { EMPTY_XML, escapeXml, joinXml, xml, type Xml } from '../../ooxml/xml.js';

export type { Xml } from '../../ooxml/xml.js';

export type Alignment = 'left' | 'center' | 'right';

export interface Border {
  readonly size: number;
  readonly space: number;
  readonly color: string;
}

/** Paragraph properties, of a paragraph or of a paragraph style. */
export interface ParagraphProps {
  readonly style?: string | undefined;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
  readonly numbering?: { readonly numId: number; readonly level: number };
  readonly border?: { readonly left?: Border; readonly bottom?: Border };
  /** Fill colour of the shading. */
  readonly shading?: string;
  readonly spacing?: {
    readonly before?: number;
    readonly after?: number;
    readonly line?: number;
    readonly lineRule?: 'auto';
  };
  readonly indent?: { readonly left: number; readonly hanging?: number };
  readonly contextualSpacing?: boolean;
  readonly alignment?: Alignment | undefined;
  readonly outlineLevel?: number;
}

/** Run properties, of a run or of a style. */
export interface RunProps {
  readonly style?: string | undefined;
  readonly font?: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly color?: string;
  /** Half-points. */
  readonly size?: number;
  readonly underline?: boolean;
  readonly superscript?: boolean;
  /** Right-to-left text; its complex-script language goes in `language.bidi`. */
  readonly rtl?: boolean;
  readonly language?: { readonly value: string; readonly bidi?: string };
}

/** A value of an attribute: text escaped, a number as it is. */
export const value = (v: string | number): Xml | number => (typeof v === 'number' ? v : escapeXml(v));

/** An empty element with a w:val attribute; `name` is written by the code, the value comes from anywhere. */
export const val = (name: `w:${string}`, v: string | number): Xml => xml`<${escapeXml(name)} w:val="${value(v)}"/>`;

/** Attributes whose value is defined, in the order given. */
const attributes = (pairs: [`w:${string}`, string | number | undefined][]) =>
  joinXml(pairs.map(([name, v]) => (v === undefined ? EMPTY_XML : xml` ${escapeXml(name)}="${value(v)}"`)));

const border = (side: 'left' | 'bottom', b: Border) =>
  xml`<w:${escapeXml(side)} w:val="single" w:color="${escapeXml(b.color)}" w:sz="${b.size}" w:space="${b.space}"/>`;

export function paragraphProps(p: ParagraphProps): Xml {
  const out: Xml[] = [];
  if (p.style !== undefined) out.push(val('w:pStyle', p.style));
  if (p.keepNext) out.push(xml`<w:keepNext/>`);
  if (p.keepLines) out.push(xml`<w:keepLines/>`);
  if (p.pageBreakBefore) out.push(xml`<w:pageBreakBefore/>`);
  if (p.numbering)
    out.push(xml`<w:numPr>${val('w:ilvl', p.numbering.level)}${val('w:numId', p.numbering.numId)}</w:numPr>`);
  if (p.border)
    out.push(
      xml`<w:pBdr>${p.border.left ? border('left', p.border.left) : EMPTY_XML}${p.border.bottom ? border('bottom', p.border.bottom) : EMPTY_XML}</w:pBdr>`,
    );
  if (p.shading !== undefined) out.push(xml`<w:shd w:val="clear" w:color="auto" w:fill="${escapeXml(p.shading)}"/>`);
  if (p.spacing) {
    const { before, after, line, lineRule } = p.spacing;
    out.push(
      xml`<w:spacing${attributes([
        ['w:after', after],
        ['w:before', before],
        ['w:line', line],
        ['w:lineRule', lineRule],
      ])}/>`,
    );
  }
  if (p.indent)
    out.push(
      xml`<w:ind${attributes([
        ['w:left', p.indent.left],
        ['w:hanging', p.indent.hanging],
      ])}/>`,
    );
  if (p.contextualSpacing) out.push(xml`<w:contextualSpacing/>`);
  if (p.alignment !== undefined) out.push(val('w:jc', p.alignment));
  if (p.outlineLevel !== undefined) out.push(val('w:outlineLvl', p.outlineLevel));
  return out.length === 0 ? EMPTY_XML : xml`<w:pPr>${joinXml(out)}</w:pPr>`;
}

export function paragraph(props: ParagraphProps, content: Xml = EMPTY_XML): Xml {
  return xml`<w:p>${paragraphProps(props)}${content}</w:p>`;
}

export function runProps(r: RunProps): Xml {
  const out: Xml[] = [];
  if (r.style !== undefined) out.push(val('w:rStyle', r.style));
  if (r.font !== undefined) {
    const font = escapeXml(r.font);
    out.push(xml`<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`);
  }
  if (r.bold) out.push(xml`<w:b/><w:bCs/>`);
  if (r.italics) out.push(xml`<w:i/><w:iCs/>`);
  if (r.strike) out.push(xml`<w:strike/>`);
  if (r.color !== undefined) out.push(val('w:color', r.color));
  if (r.size !== undefined) out.push(val('w:sz', r.size), val('w:szCs', r.size));
  if (r.underline) out.push(val('w:u', 'single'));
  if (r.superscript) out.push(val('w:vertAlign', 'superscript'));
  if (r.rtl) out.push(xml`<w:rtl/>`);
  if (r.language)
    out.push(
      xml`<w:lang${attributes([
        ['w:val', r.language.value],
        ['w:bidi', r.language.bidi],
      ])}/>`,
    );
  return out.length === 0 ? EMPTY_XML : xml`<w:rPr>${joinXml(out)}</w:rPr>`;
}

export function textRun(text: string, props: RunProps = {}): Xml {
  return xml`<w:r>${runProps(props)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export function breakRun(props: RunProps = {}): Xml {
  return xml`<w:r>${runProps(props)}<w:br/></w:r>`;
}

export function tabRun(props: RunProps = {}): Xml {
  return xml`<w:r>${runProps(props)}<w:tab/></w:r>`;
}

/**
 * A field Word computes when it lays out the page (PAGE, NUMPAGES), with a
 * stored value for readers that show fields as last saved (pandoc, previewers).
 */
export function fieldRuns(instruction: string, stored: string): Xml {
  return xml`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${escapeXml(instruction)}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${textRun(stored)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
}

export function hyperlink(relationshipId: string, runs: Xml): Xml {
  return xml`<w:hyperlink w:history="1" r:id="${escapeXml(relationshipId)}">${runs}</w:hyperlink>`;
}

export const FOOTNOTE_REFERENCE_STYLE = 'FootnoteReference';

export function footnoteReference(id: number): Xml {
  return xml`<w:r>${runProps({ style: FOOTNOTE_REFERENCE_STYLE })}<w:footnoteReference w:id="${id}"/></w:r>`;
}

/** The number at the start of a footnote's own text, and a space so it does not run into the words. */
export const FOOTNOTE_MARK: Xml = xml`<w:r>${runProps({ style: FOOTNOTE_REFERENCE_STYLE })}<w:footnoteRef/></w:r>${textRun(' ')}`;

/** Namespaces of the parts that hold WordprocessingML. */
export const WML_NAMESPACES = xml`xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`;

export const XML_DECLARATION = xml`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
