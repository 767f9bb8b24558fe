// The code points XML 1.0 cannot carry at all, not even escaped: C0 controls
// other than tab, LF and CR; U+FFFE and U+FFFF; surrogates without a partner.
// One definition for the loader (which warns about them) and the DOCX writer
// (which strips them defensively).

export const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding these characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the code points XML 1.0 forbids. */
export function stripXmlForbidden(s: string): string {
  return s.replace(XML_FORBIDDEN, '');
}
