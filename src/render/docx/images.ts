// Images are embedded from the bytes the loader read, scaled down to fit the
// text area, keeping their proportions.
import type { Image, ImageReference } from 'mdast';
import { isDecorative } from '../../core/document.js';
import type { RenderContext } from './context.js';
import { type ImageInfo, imageInfo } from '../../core/image-info.js';
import { TEXT_HEIGHT, TEXT_WIDTH } from './layout.js';
import { escapeXml, xml, type Xml } from '../../ooxml/xml.js';

// Images are sized in pixels at 96 to the inch; a twip is 1/1440 inch.
const MAX_WIDTH = Math.floor((TEXT_WIDTH * 96) / 1440);
const MAX_HEIGHT = Math.floor((TEXT_HEIGHT * 96) / 1440);

/** The image's size in pixels at 96 dpi, shrunk (never enlarged) to fit the text area. */
export function fitted(info: ImageInfo): { width: number; height: number } {
  const scale = Math.min(1, MAX_WIDTH / info.width, MAX_HEIGHT / info.height);
  return { width: Math.max(1, Math.round(info.width * scale)), height: Math.max(1, Math.round(info.height * scale)) };
}

/**
 * The image as a run, or, when there are no usable bytes for it, its
 * description as text with a warning: the reader still learns an image was meant.
 */
export function imageRun(
  node: Image | ImageReference,
  url: string,
  title: string | null | undefined,
  ctx: RenderContext,
  fallback: (text: string) => Xml,
): Xml {
  const description = ctx.clean(node.alt ?? '');
  const placeholder = () => fallback(`[image: ${description || ctx.clean(url)}]`);
  const bytes = ctx.images.get(url);
  if (bytes === undefined) {
    ctx.warn(`image ${url} was not supplied to the DOCX writer; its description is shown instead`, node);
    return placeholder();
  }
  const info = imageInfo(bytes);
  if (info === undefined) {
    ctx.warn(`image ${url} is not a PNG, JPEG or GIF file; its description is shown instead`, node);
    return placeholder();
  }
  const id = ctx.nextDrawingId();
  const relationship = ctx.rels.image(ctx.media.add(url, bytes, info.type));
  if (isDecorative({ alt: description, title })) return drawing(id, relationship, fitted(info), { decorative: true });
  return drawing(id, relationship, fitted(info), { description, title: ctx.clean(title ?? '') });
}

/** Office's mark of a decorative picture, which screen readers skip (Word 365 writes it so). */
const DECORATIVE_MARK = xml`<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>`;

/** English Metric Units per pixel at 96 dpi. */
const EMU_PER_PIXEL = 9525;

/** An inline picture, as Word itself writes one. */
function drawing(
  id: number,
  relationship: string,
  size: { width: number; height: number },
  text: { description: string; title: string } | { decorative: true },
): Xml {
  const cx = size.width * EMU_PER_PIXEL;
  const cy = size.height * EMU_PER_PIXEL;
  const a = xml`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`;
  const docPr =
    'decorative' in text
      ? xml`<wp:docPr id="${id}" name="Picture ${id}" descr="">${DECORATIVE_MARK}</wp:docPr>`
      : xml`<wp:docPr id="${id}" name="Picture ${id}" descr="${escapeXml(text.description)}" title="${escapeXml(text.title)}"/>`;
  return xml`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>${docPr}<wp:cNvGraphicFramePr><a:graphicFrameLocks ${a} noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic ${a}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed="${escapeXml(relationship)}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}
