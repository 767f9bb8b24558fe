// The parts of a .docx package around the document body: content types,
// relationships, properties and settings. Everything here is fixed by the
// document's own data (its date above all, never the clock's), so the same
// document always packs to the same bytes.
import type { DocumentMeta } from '../../core/document.js';
import { EMPTY_XML, escapeXml, joinXml, xml, xmlSafe, type Xml } from '../../ooxml/xml.js';
import { LANGUAGE } from './styles.js';
import { WML_NAMESPACES, XML_DECLARATION } from './wml.js';

const CONTENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';

export function packageDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '1980-01-01';
}

/** docProps/core.xml with the document's own date instead of the clock's. */
export function coreProperties(meta: DocumentMeta): Xml {
  const text = (value: string) => escapeXml(xmlSafe(value).text);
  const stamp = escapeXml(`${packageDate(meta.date)}T00:00:00Z`);
  return xml`${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${text(meta.title)}</dc:title><dc:subject>${text(meta.subject)}</dc:subject><dc:creator>${text(meta.creator)}</dc:creator><cp:lastModifiedBy>${text(meta.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified><dc:language>${escapeXml(LANGUAGE)}</dc:language>${meta.status ? xml`<cp:contentStatus>${text(meta.status)}</cp:contentStatus>` : EMPTY_XML}</cp:coreProperties>`;
}

export const APP_PROPERTIES = xml`${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>lsp-respond</Application></Properties>`;

export const PACKAGE_RELATIONSHIPS = xml`${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

/**
 * Word opens the document in its current mode rather than as a Word 2007 file
 * in compatibility mode; a document with a table of contents asks Word to
 * update its fields on opening, which fills the contents in with page numbers.
 */
export function settings(updateFields: boolean): Xml {
  return xml`${XML_DECLARATION}<w:settings ${WML_NAMESPACES}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>${updateFields ? xml`<w:updateFields w:val="true"/>` : EMPTY_XML}<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;
}

/** [Content_Types].xml for the parts at `paths` (package paths, without the leading slash). */
export function contentTypes(paths: readonly string[]): Xml {
  const override: Record<string, string> = {
    'word/document.xml': `${CONTENT}document.main+xml`,
    'word/styles.xml': `${CONTENT}styles+xml`,
    'word/numbering.xml': `${CONTENT}numbering+xml`,
    'word/footnotes.xml': `${CONTENT}footnotes+xml`,
    'word/settings.xml': `${CONTENT}settings+xml`,
    'docProps/core.xml': 'application/vnd.openxmlformats-package.core-properties+xml',
    'docProps/app.xml': 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  };
  const typeOf = (path: string) =>
    override[path] ??
    (/^word\/header\d+\.xml$/.test(path)
      ? `${CONTENT}header+xml`
      : /^word\/footer\d+\.xml$/.test(path)
        ? `${CONTENT}footer+xml`
        : undefined);
  const overrides = paths.flatMap((path) => {
    const type = typeOf(path);
    return type === undefined ? [] : [xml`<Override PartName="/${escapeXml(path)}" ContentType="${escapeXml(type)}"/>`];
  });
  return xml`${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpg" ContentType="image/jpeg"/><Default Extension="gif" ContentType="image/gif"/>${joinXml(overrides)}</Types>`;
}
