// What Word itself insists on, beyond well-formed XML: styles that resolve,
// Strong as the character style it is in Word, a cover page without running
// header or page number, and right-to-left text marked as such.
import { describe, expect, it } from 'vitest';
import { answerModel, META, para, render, xmlParts } from './helpers.js';
import { attr, elements, wordText, type XmlElement } from './xml.js';

const child = (e: XmlElement, name: string) => elements(e).find((x) => x.name === name);

async function parts(markdown: string) {
  const { bytes } = await render(answerModel(markdown));
  return xmlParts(bytes);
}

describe('styles Word accepts without repair', () => {
  it('every basedOn, next and link names a style the document defines, and no id is defined twice', async () => {
    const styles = elements((await parts('**bold** text')).get('word/styles.xml')!).filter((e) => e.name === 'w:style');
    const ids = styles.map((s) => attr(s, 'w:styleId'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of styles) {
      for (const ref of ['w:basedOn', 'w:next', 'w:link']) {
        const value = s.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === ref);
        if (value) expect(ids, `${attr(s, 'w:styleId')} ${ref}`).toContain(attr(value, 'w:val'));
      }
    }
  });

  it('Strong is a character style and Default Paragraph Font the default character style', async () => {
    const styles = elements((await parts('x **bold**')).get('word/styles.xml')!).filter((e) => e.name === 'w:style');
    const byId = (id: string) => styles.find((s) => attr(s, 'w:styleId') === id)!;
    expect(attr(byId('Strong'), 'w:type')).toBe('character');
    expect(child(byId('Strong'), 'w:b')).toBeDefined();
    expect(attr(byId('DefaultParagraphFont'), 'w:type')).toBe('character');
    expect(attr(byId('DefaultParagraphFont'), 'w:default')).toBe('1');
  });
});

describe('the cover page', () => {
  it('has a blank first-page header and footer; the other pages have the running ones', async () => {
    const p = await parts('x');
    const sectPr = child(p.get('word/document.xml')!, 'w:sectPr')!;
    expect(child(sectPr, 'w:titlePg')).toBeDefined();
    const refs = (name: string) =>
      elements(sectPr)
        .filter((e) => e.name === name)
        .map((e) => [attr(e, 'w:type'), attr(e, 'r:id')]);
    const rels = elements(p.get('word/_rels/document.xml.rels')!).filter((e) => e.name === 'Relationship');
    const target = (id: string | undefined) => `word/${attr(rels.find((r) => attr(r, 'Id') === id)!, 'Target')}`;
    for (const [kind, name] of [
      ['w:headerReference', 'header'],
      ['w:footerReference', 'footer'],
    ] as const) {
      const byType = new Map(refs(kind).map(([type, id]) => [type, p.get(target(id))!]));
      expect([...byType.keys()].sort(), name).toEqual(['default', 'first']);
      expect(wordText(byType.get('first')!), `first-page ${name}`).toBe('');
      expect(
        elements(byType.get('first')!).filter((e) => e.name === 'w:p').length,
        `first-page ${name} holds a paragraph`,
      ).toBe(1);
    }
    const footer = p.get(target(refs('w:footerReference').find(([t]) => t === 'default')?.[1]))!;
    expect(elements(footer).some((e) => e.name === 'w:instrText' || e.name === 'w:fldSimple')).toBe(true);
  });

  it('a document without a cover keeps one header and footer for every page', async () => {
    const { bytes } = await render({
      kind: 'response',
      meta: { ...META },
      tree: { type: 'root', children: [para('No cover here.')] },
    });
    const sectPr = child(xmlParts(bytes).get('word/document.xml')!, 'w:sectPr')!;
    expect(child(sectPr, 'w:titlePg')).toBeUndefined();
    expect(
      elements(sectPr)
        .filter((e) => e.name === 'w:headerReference')
        .map((e) => attr(e, 'w:type')),
    ).toEqual(['default']);
  });
});

describe('right-to-left text', () => {
  it('Arabic-script and Hebrew words are runs marked w:rtl with their complex-script language; the English around them is not', async () => {
    const document = (await parts('The word اردو means Urdu and שלום עולם means peace.')).get('word/document.xml')!;
    const runs = elements(document).filter((e) => e.name === 'w:r');
    const run = (text: string) => runs.find((r) => wordText(r) === text);
    for (const [text, bidi] of [
      ['اردو', 'ar-SA'],
      ['שלום עולם', 'he-IL'],
    ] as const) {
      expect(child(run(text)!, 'w:rtl'), text).toBeDefined();
      expect(attr(child(run(text)!, 'w:lang')!, 'w:bidi')).toBe(bidi);
    }
    const english = runs.filter((r) => wordText(r).includes('means'));
    expect(english.length).toBeGreaterThan(0);
    for (const r of english) expect(child(r, 'w:rtl')).toBeUndefined();
  });
});
