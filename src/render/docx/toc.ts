// The table of contents at the start of a long document: a TOC field that
// Word fills in when the file is opened (the field is marked dirty and the
// settings ask for fields to be updated), wrapped as Word wraps its own so
// its Contents button finds it. Its stored value lists the headings without
// page numbers, so a reader that never updates fields (pandoc, a previewer)
// still shows what the document holds.
import type { Nodes } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { roleOf } from '../../core/document.js';
import type { RenderContext } from './context.js';
import { HeadingLevels } from './heading-levels.js';
import { STYLE } from './styles.js';
import { joinXml, splitXml, xml } from '../../ooxml/xml.js';
import { paragraph, textRun, type Xml } from './wml.js';

/** The heading levels the contents list: consultation sections, topics and questions. */
export const TOC_LEVELS = 3;

export function tableOfContents(children: readonly Nodes[], ctx: RenderContext): Xml {
  const levels = new HeadingLevels();
  const entries: Xml[] = [];
  for (const node of children) {
    if (node.type !== 'heading' || roleOf(node) === 'title') continue;
    const level = levels.next(node.depth);
    if (level <= TOC_LEVELS) entries.push(paragraph({ style: STYLE.toc(level) }, textRun(ctx.clean(plainText(node)))));
  }
  const begin = xml`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-${TOC_LEVELS}" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`;
  const end = xml`<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  // The field starts in the first entry's paragraph (after its properties) and ends in a paragraph after the last, as Word writes it.
  let field: Xml;
  if (entries.length === 0) field = paragraph({ style: STYLE.toc(1) }, joinXml([begin, end]));
  else {
    const all = joinXml(entries);
    const [props, rest] = splitXml(all, all.indexOf('</w:pPr>') + '</w:pPr>'.length);
    field = xml`${props}${begin}${rest}${paragraph({ style: STYLE.toc(1) }, end)}`;
  }
  return xml`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>${paragraph({ style: STYLE.tocHeading, pageBreakBefore: true }, textRun('Contents'))}${field}</w:sdtContent></w:sdt>`;
}
