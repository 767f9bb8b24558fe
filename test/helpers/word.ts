// Word packages built by hand, with exactly the markup Word itself writes for
// what a test is about (runs, tables, breaks, comments), and nothing else.
import { storedZip } from './zip.js';

export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Word's heading styles, so `<w:pStyle w:val="Heading2"/>` is a heading to mammoth. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W_NS}>${[1, 2, 3].map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`).join('')}</w:styles>`;

export interface WordParts {
  /** w:comment elements for word/comments.xml. */
  comments?: string;
  /** The inside of w:numbering for word/numbering.xml. */
  numbering?: string;
}

/** A .docx whose body is `body` (w:p and w:tbl elements). */
export function wordDocument(body: string, parts: WordParts = {}): Uint8Array {
  const rels = [`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`];
  const files: Record<string, string> = {
    '[Content_Types].xml': TYPES,
    '_rels/.rels': ROOT_RELS,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${body}</w:body></w:document>`,
    'word/styles.xml': STYLES,
  };
  if (parts.comments !== undefined) {
    rels.push(`<Relationship Id="rIdComments" Type="${REL}/comments" Target="comments.xml"/>`);
    files['word/comments.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${W_NS}>${parts.comments}</w:comments>`;
  }
  if (parts.numbering !== undefined) {
    rels.push(`<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>`);
    files['word/numbering.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${W_NS}>${parts.numbering}</w:numbering>`;
  }
  files['word/_rels/document.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  return storedZip(files);
}

const escapeXmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run; `props` are w:rPr children such as `<w:b/>`. */
export const run = (value: string, props = '') =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXmlText(value)}</w:t></w:r>`;
export const bold = (value: string) => run(value, '<w:b/>');
export const italic = (value: string) => run(value, '<w:i/>');
export const struck = (value: string) => run(value, '<w:strike/>');
export const paragraph = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
export const heading = (level: number, value: string) =>
  `<w:p><w:pPr><w:pStyle w:val="Heading${level}"/></w:pPr>${run(value)}</w:p>`;
/** A table as Word writes it by default: no row marked as a header (w:tblHeader) unless `header`. */
export function table(rows: string[][][], header = false): string {
  const tr = (cells: string[][], i: number) =>
    `<w:tr>${i === 0 && header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((runs) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraph(...runs)}</w:tc>`).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map(tr).join('')}</w:tbl>`;
}
