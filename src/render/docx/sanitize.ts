// XML 1.0 cannot carry some code points at all, not even escaped, and docx
// writes strings as they are: one form feed makes document.xml ill-formed and
// Word refuses the whole file. Every string bound for the package passes here.

import { XML_FORBIDDEN } from '../../xml-chars.js';

/** The text without the code points XML 1.0 forbids, and how many were removed. */
export function xmlSafe(text: string): { text: string; removed: number } {
  let removed = 0;
  const safe = text.replace(XML_FORBIDDEN, () => {
    removed += 1;
    return '';
  });
  return { text: safe, removed };
}

/** Whether the text can go into XML 1.0 unchanged. */
export function isXmlSafe(text: string): boolean {
  return xmlSafe(text).removed === 0;
}

/** Escapes text for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}
