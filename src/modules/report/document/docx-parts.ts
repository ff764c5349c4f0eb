// The fixed parts of the DOCX package: styles (UN layout: Times New Roman 10 pt, the text column
// indented 2.23 cm each side), settings, the header and footer, content types and relationships.
import { xmlText } from '../../../shared/xml.ts';
import { TEXT_LEFT, TEXT_RIGHT } from './docx-body.ts';
import type { Image } from './docx-body.ts';

export const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const DOC_NS = `${W_NS} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main"`;
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Word's language tags for the document's language (w:val, w:eastAsia, w:bidi). */
const WORD_LANG: Record<string, string> = { ar: 'ar-SA', en: 'en-GB', es: 'es-ES', fr: 'fr-FR', ru: 'ru-RU', zh: 'zh-CN' };

function style(id: string, name: string, pPr: string, rPr: string, type = 'paragraph', basedOn = 'Normal'): string {
  const based = id === 'Normal' || type !== 'paragraph' ? '' : `<w:basedOn w:val="${basedOn}"/>`;
  return `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${based}<w:qFormat/>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`;
}

const column = `<w:ind w:left="${TEXT_LEFT}" w:right="${TEXT_RIGHT}"/>`;

export function stylesXml(lang: string): string {
  // Latin text in an Arabic or Chinese document (symbols, names) is not Arabic or Chinese: the Western
  // language stays English, so that it breaks between words; the document's language is its bidi or East Asian one.
  const tag = lang === 'ar' || lang === 'zh' ? 'en-GB' : (WORD_LANG[lang] ?? 'en-GB');

  return (
    `${DECL}<w:styles ${W_NS}><w:docDefaults><w:rPrDefault><w:rPr>` +
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Noto Sans CJK SC" w:cs="Noto Naskh Arabic"/>' +
    `<w:sz w:val="20"/><w:szCs w:val="22"/><w:lang w:val="${tag}" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    style('Normal', 'Normal', '<w:widowControl/>', '') +
    style('SingleTxt', 'UN body text', `<w:spacing w:after="120"/>${column}<w:jc w:val="both"/>`, '') +
    style(
      'Heading1',
      'heading 1',
      `<w:keepNext/><w:keepLines/><w:tabs><w:tab w:val="left" w:pos="${TEXT_LEFT}"/></w:tabs><w:spacing w:before="360" w:after="240"/><w:ind w:left="${TEXT_LEFT}" w:right="${TEXT_RIGHT}" w:hanging="${TEXT_LEFT - 567}"/><w:outlineLvl w:val="0"/>`,
      '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="26"/>',
    ) +
    style(
      'Heading2',
      'heading 2',
      `<w:keepNext/><w:keepLines/><w:tabs><w:tab w:val="left" w:pos="${TEXT_LEFT}"/></w:tabs><w:spacing w:before="240" w:after="120"/><w:ind w:left="${TEXT_LEFT}" w:right="${TEXT_RIGHT}" w:hanging="${TEXT_LEFT - 567}"/><w:outlineLvl w:val="1"/>`,
      '<w:b/><w:bCs/>',
    ) +
    style(
      'Heading3',
      'heading 3',
      `<w:keepNext/><w:keepLines/><w:tabs><w:tab w:val="left" w:pos="${TEXT_LEFT}"/></w:tabs><w:spacing w:before="240" w:after="120"/><w:ind w:left="${TEXT_LEFT}" w:right="${TEXT_RIGHT}" w:hanging="${TEXT_LEFT - 567}"/><w:outlineLvl w:val="2"/>`,
      '<w:i/><w:iCs/>',
    ) +
    style('Quote', 'Quote', `<w:spacing w:after="120"/><w:ind w:left="${TEXT_LEFT + 567}" w:right="${TEXT_RIGHT + 567}"/><w:jc w:val="both"/>`, '') +
    style('CaptionLabel', 'UN table or figure number', `<w:keepNext/><w:spacing w:before="240"/>${column}`, '') +
    style('CaptionTitle', 'UN table or figure title', `<w:keepNext/><w:spacing w:after="120"/>${column}`, '<w:b/><w:bCs/>') +
    style('TableText', 'UN table text', '<w:spacing w:before="40" w:after="40"/>', '<w:sz w:val="17"/><w:szCs w:val="18"/>') +
    style('TableNote', 'UN table note', `<w:spacing w:before="60" w:after="240"/>${column}`, '<w:sz w:val="17"/><w:szCs w:val="18"/>') +
    style('Figure', 'UN figure', '<w:keepNext/><w:spacing w:after="240"/>', '') +
    style('SummaryTitle', 'UN summary title', '<w:spacing w:before="120" w:after="120"/>', '<w:b/><w:bCs/>') +
    style('SummaryText', 'UN summary text', '<w:spacing w:after="120"/><w:ind w:left="283" w:right="283"/><w:jc w:val="both"/>', '') +
    style('Title', 'Title', `<w:keepNext/><w:spacing w:before="480" w:after="240"/>${column}`, '<w:b/><w:bCs/><w:sz w:val="34"/><w:szCs w:val="36"/>') +
    style('Subtitle', 'Subtitle', `<w:keepNext/><w:spacing w:after="360"/>${column}`, '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="26"/>') +
    style('FootnoteText', 'footnote text', `<w:ind w:left="${TEXT_LEFT}" w:right="${TEXT_RIGHT}" w:hanging="227"/>`, '<w:sz w:val="17"/><w:szCs w:val="18"/>') +
    style('FootnoteReference', 'footnote reference', '', '<w:vertAlign w:val="superscript"/>', 'character') +
    style('Header', 'header', '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>', '<w:b/><w:bCs/><w:sz w:val="17"/><w:szCs w:val="18"/>') +
    style('Footer', 'footer', '', '<w:sz w:val="17"/><w:szCs w:val="18"/>') +
    '</w:styles>'
  );
}

/** Footnotes numbered 1, 2… in order, a rule above them; and the document's language for spelling. */
export function settingsXml(lang: string): string {
  return (
    `${DECL}<w:settings ${W_NS}><w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/>` +
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' +
    `<w:themeFontLang w:val="${WORD_LANG[lang] ?? 'en-GB'}" w:bidi="ar-SA" w:eastAsia="zh-CN"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
  );
}

/** footnotes.xml: the separator and continuation separator Word expects (ids -1 and 0), then the notes. */
export function footnotesXml(notes: readonly string[]): string {
  return (
    `${DECL}<w:footnotes ${W_NS}>` +
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>' +
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
    `${notes.join('')}</w:footnotes>`
  );
}

/** The header of the pages after the first: the symbol (or its placeholder), over a rule. */
export function headerXml(symbolText: string, rtl: boolean): string {
  return `${DECL}<w:hdr ${W_NS}><w:p><w:pPr><w:pStyle w:val="Header"/>${rtl ? '<w:bidi/>' : ''}</w:pPr><w:r><w:rPr><w:rtl w:val="0"/></w:rPr><w:t xml:space="preserve">${xmlText(symbolText)}</w:t></w:r></w:p></w:hdr>`;
}

/** The footer: the page number, centred. */
export function footerXml(rtl: boolean): string {
  return (
    `${DECL}<w:ftr ${W_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/>${rtl ? '<w:bidi/>' : ''}<w:jc w:val="center"/></w:pPr>` +
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
    '</w:p></w:ftr>'
  );
}

export function contentTypesXml(): string {
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return (
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="svg" ContentType="image/svg+xml"/><Default Extension="png" ContentType="image/png"/>' +
    `<Override PartName="/word/document.xml" ContentType="${main}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${main}.styles+xml"/>` +
    `<Override PartName="/word/settings.xml" ContentType="${main}.settings+xml"/>` +
    `<Override PartName="/word/footnotes.xml" ContentType="${main}.footnotes+xml"/>` +
    `<Override PartName="/word/header1.xml" ContentType="${main}.header+xml"/>` +
    `<Override PartName="/word/footer1.xml" ContentType="${main}.footer+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>'
  );
}

export function packageRelsXml(): string {
  return (
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>'
  );
}

export function documentRelsXml(images: readonly Image[]): string {
  return (
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
    `<Relationship Id="rIdFootnotes" Type="${REL}/footnotes" Target="footnotes.xml"/>` +
    `<Relationship Id="rIdHeader" Type="${REL}/header" Target="header1.xml"/>` +
    `<Relationship Id="rIdFooter" Type="${REL}/footer" Target="footer1.xml"/>` +
    images.map((i) => `<Relationship Id="${i.rid}" Type="${REL}/image" Target="media/${i.name}"/>`).join('') +
    '</Relationships>'
  );
}

/** Title, language and date: what a file manager or a repository shows of the document. */
export function coreXml(title: string, lang: string, date: string): string {
  return (
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(title)}</dc:title><dc:language>${xmlText(WORD_LANG[lang] ?? lang)}</dc:language><dc:creator>Accord</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${xmlText(date)}T00:00:00Z</dcterms:created></cp:coreProperties>`
  );
}
