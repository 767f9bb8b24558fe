// Image sizes are read from the file headers.
import { describe, expect, it } from 'vitest';
import { imageInfo } from '../../src/core/image-info.js';
import { fitted } from '../../src/render/docx/images.js';
import { gif, jpegHeader, png } from './images.js';

describe('image headers', () => {
  it('reads the type and size of PNG, JPEG and GIF files', () => {
    expect(imageInfo(png(640, 480))).toEqual({ type: 'png', width: 640, height: 480 });
    expect(imageInfo(jpegHeader(1024, 768))).toEqual({ type: 'jpg', width: 1024, height: 768 });
    expect(imageInfo(gif(33, 44))).toEqual({ type: 'gif', width: 33, height: 44 });
  });

  it('rejects other files and truncated or empty images', () => {
    expect(imageInfo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(imageInfo(png(1, 1).subarray(0, 20))).toBeUndefined();
    expect(imageInfo(jpegHeader(0, 10))).toBeUndefined();
    expect(imageInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
    expect(imageInfo(new Uint8Array())).toBeUndefined();
  });

  it('shrinks large images to the text area, keeping proportions, and never enlarges', () => {
    expect(fitted({ type: 'png', width: 100, height: 50 })).toEqual({ width: 100, height: 50 });
    const wide = fitted({ type: 'png', width: 3000, height: 1000 });
    expect(wide.width).toBe(601);
    expect(wide.height).toBe(200);
    const tall = fitted({ type: 'png', width: 1000, height: 5000 });
    expect(tall.height).toBe(930);
    expect(tall.width).toBe(186);
  });
});
