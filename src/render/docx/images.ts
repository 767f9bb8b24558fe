// Images are embedded from the bytes the loader read. Their pixel size comes
// from the file header (no image library needed), and they are scaled down to
// fit the text area, keeping their proportions.
import { ImageRun, type ParagraphChild } from 'docx';
import type { RenderContext } from './context.js';
import { TEXT_HEIGHT, TEXT_WIDTH } from './layout.js';

export interface ImageInfo {
  type: 'png' | 'jpg' | 'gif';
  width: number;
  height: number;
}

const be16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const le16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const be32 = (b: Uint8Array, at: number) => be16(b, at) * 0x10000 + be16(b, at + 2);

/** Type and pixel size of a PNG, JPEG or GIF file, or undefined for anything else. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 24 && bytes[0] === 0x89 && ascii(1, 4) === 'PNG' && ascii(12, 16) === 'IHDR') {
    return sized('png', be32(bytes, 16), be32(bytes, 20));
  }
  if (bytes.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
    return sized('gif', le16(bytes, 6), le16(bytes, 8));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegInfo(bytes);
  return undefined;
}

function sized(type: ImageInfo['type'], width: number, height: number): ImageInfo | undefined {
  return width > 0 && height > 0 ? { type, width, height } : undefined;
}

function jpegInfo(bytes: Uint8Array): ImageInfo | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // SOF0-SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return at + 9 <= bytes.length ? sized('jpg', be16(bytes, at + 7), be16(bytes, at + 5)) : undefined;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image, or scan data before any frame
    at += 2 + be16(bytes, at + 2);
  }
  return undefined;
}

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
  url: string,
  alt: string | null | undefined,
  title: string | null | undefined,
  ctx: RenderContext,
  fallback: (text: string) => ParagraphChild[],
): ParagraphChild[] {
  const description = ctx.clean(alt ?? '');
  const placeholder = () => fallback(`[image: ${description || ctx.clean(url)}]`);
  const bytes = ctx.images.get(url);
  if (bytes === undefined) {
    ctx.warn(`image ${url} was not supplied to the DOCX writer; its description is shown instead`);
    return placeholder();
  }
  const info = imageInfo(bytes);
  if (info === undefined) {
    ctx.warn(`image ${url} is not a PNG, JPEG or GIF file; its description is shown instead`);
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
