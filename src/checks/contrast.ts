// Contrast of text against its background, as WCAG 2.2 defines it (1.4.3,
// level AA: at least 4.5:1 for text of ordinary size). Colours are RRGGBB.

/** The least contrast WCAG AA accepts for body-size text. */
export const MIN_CONTRAST = 4.5;

/** Relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const channel = (at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrast(foreground: string, background: string): number {
  const [a, b] = [luminance(foreground), luminance(background)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/** A ratio as people quote it: 4.36:1, never rounded up past the minimum. */
export function ratio(value: number): string {
  return `${Math.floor(value * 100) / 100}:1`;
}
