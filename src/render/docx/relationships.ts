// The relationships of one package part (hyperlink targets, images) and the
// media files of the package. Ids are given in order of first use, so the
// same document always gets the same ids; a target used twice gets one id.
import { escapeXml, joinXml, xml, type Xml } from '../../ooxml/xml.js';
import { XML_DECLARATION } from './wml.js';

const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export class Relationships {
  private readonly byKey = new Map<string, Relationship>();
  private readonly fixed: Relationship[] = [];

  /** A relationship to another part of the package, with an id chosen by the caller. */
  part(id: string, type: string, target: string): string {
    this.fixed.push({ id, type: TYPE + type, target, external: false });
    return id;
  }

  /** The id of an external hyperlink to `url` (already a valid URI). */
  link(url: string): string {
    return this.use(`link ${url}`, 'rIdLink', `${TYPE}hyperlink`, url, true);
  }

  /** The id of an image part, given by its path relative to word/. */
  image(target: string): string {
    return this.use(`image ${target}`, 'rIdImage', `${TYPE}image`, target, false);
  }

  get empty(): boolean {
    return this.fixed.length === 0 && this.byKey.size === 0;
  }

  private use(key: string, prefix: string, type: string, target: string, external: boolean): string {
    let rel = this.byKey.get(key);
    if (rel === undefined) {
      rel = { id: `${prefix}${this.byKey.size + 1}`, type, target, external };
      this.byKey.set(key, rel);
    }
    return rel.id;
  }

  xml(): Xml {
    const rels = [...this.fixed, ...this.byKey.values()].map(
      (r) =>
        xml`<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? xml` TargetMode="External"` : xml``}/>`,
    );
    return xml`${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${joinXml(rels)}</Relationships>`;
  }
}

export interface MediaFile {
  /** Path inside the package, e.g. word/media/image1.png. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Image files, one per distinct source, named in order of first use. */
export class Media {
  private readonly byUrl = new Map<string, MediaFile>();

  /** The path relative to word/ of the image from `url`, adding the file on first use. */
  add(url: string, bytes: Uint8Array, extension: string): string {
    let file = this.byUrl.get(url);
    if (file === undefined) {
      file = { path: `word/media/image${this.byUrl.size + 1}.${extension}`, bytes };
      this.byUrl.set(url, file);
    }
    return file.path.slice('word/'.length);
  }

  get files(): readonly MediaFile[] {
    return [...this.byUrl.values()];
  }
}
