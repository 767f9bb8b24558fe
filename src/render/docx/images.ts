// Images are embedded from the bytes the loader read, scaled down to fit the
// text area, keeping their proportions.
import { ImageRun, type ParagraphChild } from 'docx';
import type { Image, ImageReference } from 'mdast';
import type { RenderContext } from './context.js';
import { type ImageInfo, imageInfo } from '../../image-info.js';
import { TEXT_HEIGHT, TEXT_WIDTH } from './layout.js';

// docx measures images in pixels at 96 to the inch; a twip is 1/1440 inch.
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
  fallback: (text: string) => ParagraphChild[],
): ParagraphChild[] {
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
  return [
    new ImageRun({
      type: info.type,
      data: bytes,
      transformation: fitted(info),
      altText: { id: String(id), name: `Picture ${id}`, description, title: ctx.clean(title ?? '') },
    }),
  ];
}
