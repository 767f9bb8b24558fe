// Hyperlink targets. A target goes into the relationship part as it is, and
// Word refuses a package whose relationship target is not a valid URI, so
// targets are percent-encoded here; schemes that run code or reach
// into the reader's machine are not made clickable.

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'ftp', 'tel']);

/** Characters a URI may hold as they are (RFC 3986 unreserved, reserved, and '%'). */
const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;

/**
 * The target for a Word hyperlink, or null when the URL should stay plain
 * text: empty, or a scheme such as javascript:, data: or file:.
 */
export function linkTarget(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1];
  if (scheme !== undefined && !SAFE_SCHEMES.has(scheme.toLowerCase())) return null;
  let out = '';
  for (const char of trimmed) out += URI_CHAR.test(char) ? char : encodeURIComponent(char);
  // A '%' that starts no escape is a literal percent sign.
  return out.replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
}
