// Answer areas as Word content controls (w:sdt): a named box under each
// question of the form, and the sign-off fields of an endorsement sheet. The
// placeholder text is shown greyed until the reader writes; Word and
// LibreOffice then replace it, and import reads what was written (an
// untouched area still holds its placeholder, which import knows).
import type { AnswerArea } from '../../core/document.js';
import type { RenderContext } from './context.js';
import { xml } from '../../ooxml/xml.js';
import { LANGUAGE, STYLE } from './styles.js';
import { paragraph, textRun, val, type ParagraphProps, type Xml } from './wml.js';

/** A block-level content control holding one paragraph of placeholder text. */
export function answerControl(area: AnswerArea, placeholder: string, props: ParagraphProps, ctx: RenderContext): Xml {
  const label = ctx.clean(area.label);
  const kind = area.date
    ? // A date picker that writes the date as the sheet asks for it.
      xml`<w:date>${val('w:dateFormat', 'yyyy-MM-dd')}${val('w:lid', LANGUAGE)}${val('w:storeMappedDataAs', 'dateTime')}${val('w:calendar', 'gregorian')}</w:date>`
    : xml`<w:richText/>`;
  return xml`<w:sdt><w:sdtPr>${val('w:alias', label)}${val('w:tag', label)}${val('w:id', ctx.nextControlId())}<w:showingPlcHdr/>${kind}</w:sdtPr><w:sdtContent>${paragraph(props, textRun(ctx.clean(placeholder), { style: STYLE.placeholder }))}</w:sdtContent></w:sdt>`;
}
