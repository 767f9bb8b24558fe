// A .docx to HTML with mammoth, which reads Word's structure (headings,
// lists, tables, notes) rather than its looks. Our style map names the styles
// that carry meaning for a response: quotations, and the scaffolding of our own
// response form, which is marked so that the importer can skip it out loud.
import mammoth from 'mammoth';

export interface WordImage {
  /** Name under the response's image folder, e.g. image-1.png. */
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface WordHtml {
  html: string;
  images: WordImage[];
  /** What mammoth could not carry over (formatting only, never text, see below). */
  warnings: string[];
}

/** Class names on paragraphs the importer skips: the form's cover and instructions. */
export const FORM_CLASS = 'lsp-form';

// Style names as Word, LibreOffice and pandoc write them.
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  `p[style-name='Title'] => p.${FORM_CLASS}:fresh`,
  `p[style-name='Subtitle'] => p.${FORM_CLASS}:fresh`,
  `p[style-name='Cover'] => p.${FORM_CLASS}:fresh`,
  `p[style-name='Form Note'] => p.${FORM_CLASS}:fresh`,
];

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
  'image/tiff': 'tif',
  'image/bmp': 'bmp',
  'image/svg+xml': 'svg',
};

/** mammoth could not read the package: the document is damaged. */
export class DamagedWordFile extends Error {}

export async function wordToHtml(bytes: Uint8Array): Promise<WordHtml> {
  const images: WordImage[] = [];
  const result = await convert(bytes, images).catch((e: unknown) => {
    throw new DamagedWordFile((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '');
  });
  // An unrecognised style keeps its text as a plain paragraph: only its looks
  // are lost, and partners' own styles would otherwise bury the real warnings.
  const warnings = result.messages
    .map((m) => m.message)
    .filter((m) => !/^Unrecognised (paragraph|run|table) style/.test(m));
  return { html: result.value, images, warnings };
}

/** The part of mammoth's document tree that breaksAsSpaces reads. */
interface MammothElement {
  type: string;
  breakType?: string;
  children?: MammothElement[];
}

/** Page and column breaks: mammoth writes nothing for them, which would join the words either side. */
function breaksAsSpaces(element: MammothElement): MammothElement | { type: 'text'; value: string } {
  if (element.type === 'break' && element.breakType !== 'line') return { type: 'text', value: ' ' };
  if (element.children) element.children = element.children.map(breaksAsSpaces);
  return element;
}

function convert(bytes: Uint8Array, images: WordImage[]) {
  return mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      styleMap: STYLE_MAP,
      transformDocument: breaksAsSpaces,
      // A linked picture would make us read files named by the document.
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async (image) => {
        const name = `image-${images.length + 1}.${EXTENSIONS[image.contentType] ?? 'bin'}`;
        images.push({ name, contentType: image.contentType, bytes: new Uint8Array(await image.readAsBuffer()) });
        return { src: name };
      }),
    },
  );
}
