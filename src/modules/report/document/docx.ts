// The report as a DOCX in UN document style, WordprocessingML written by hand and zipped with the
// project's ZipWriter. Pure: the same document gives the same bytes (every ZIP entry is dated 1980).
// The first page follows the UN masthead: "United Nations" and the symbol over a heavy rule, the
// organ's name beside the distribution block, then the session, agenda item, title and summary.
// The UN emblem is not reproduced: the name stands in its place.
import { xmlText } from '../../../shared/xml.ts';
import { ZipWriter } from '../../../shared/zip-stream.ts';
import { BodyContext, blocksXml, PAGE_TEXT_WIDTH, paragraph, summaryBox } from './docx-body.ts';
import { contentTypesXml, coreXml, DOC_NS, documentRelsXml, footerXml, footnotesXml, headerXml, packageRelsXml, settingsXml, stylesXml } from './docx-parts.ts';
import { LABELS, longDate } from './labels.ts';
import { checkReportDocument, type ReportDocument } from './model.ts';

export interface DocxOptions {
  /** PNG renderings of figures, keyed by their SVG text: shown by readers that do not read SVG
   *  (Word before 2016). Without one, the SVG is the picture itself (LibreOffice and Word 2016+ show it). */
  pngs?: ReadonlyMap<string, Uint8Array>;
}

/** The symbol as the document shows it: the one given, or the placeholder (never an invented symbol). */
export function symbolText(doc: ReportDocument): string {
  return doc.symbol ?? LABELS[doc.lang].symbolPlaceholder;
}

function run(text: string, props = '', ltr = false): string {
  const rPr = props || ltr ? `<w:rPr>${props}${ltr ? '<w:rtl w:val="0"/>' : ''}</w:rPr>` : '';
  return `<w:r>${rPr}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

function cell(width: number, content: string, bottomRule: boolean): string {
  const rule = bottomRule ? '<w:tcBorders><w:bottom w:val="single" w:sz="18" w:space="0" w:color="auto"/></w:tcBorders>' : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${rule}<w:vAlign w:val="bottom"/></w:tcPr>${content}</w:tc>`;
}

/** The masthead: a borderless table of two rows, mirrored for a right-to-left document. */
function masthead(doc: ReportDocument): string {
  const l = LABELS[doc.lang];
  const rtl = doc.lang === 'ar';
  const left = 5669;
  const right = PAGE_TEXT_WIDTH - left;
  const p = (content: string, jc?: 'right') => paragraph({ rtl, jc, spacingAfter: 0 }, content);
  const rtlProp = rtl ? '<w:rtl/>' : '';
  const row1 =
    '<w:tr>' +
    cell(left, p(run(l.unitedNations, `<w:sz w:val="28"/><w:szCs w:val="30"/>${rtlProp}`)), true) +
    cell(right, p(run(symbolText(doc), '<w:b/><w:sz w:val="40"/>', true), 'right'), true) +
    '</w:tr>';
  // The distribution block is set flush with the column's left edge in every language, as the UN sets it.
  const line = (text: string, rtlRun: boolean) => paragraph({ rtl: false, spacingAfter: 0 }, run(text, rtlRun ? '<w:rtl/>' : '', !rtlRun));
  // An Arabic date is a right-to-left paragraph (its digits stay in place), aligned to its trailing edge: the left.
  const date = rtl ? paragraph({ rtl: true, jc: 'right', spacingAfter: 0 }, run(longDate(doc.date, doc.lang), '<w:rtl/>')) : line(longDate(doc.date, doc.lang), false);
  const distribution = [line(`${l.distr} ${doc.distribution}`, false), date, line('', false), line(`${l.original} ${l.languageName}`, false)].join('');
  const row2 =
    '<w:tr>' +
    cell(left, paragraph({ rtl, spacingAfter: 120 }, run(l.generalAssembly, `<w:b/><w:bCs/><w:sz w:val="56"/><w:szCs w:val="56"/>${rtlProp}`)), true) +
    cell(right, `${distribution}${p('')}`, true) +
    '</w:tr>';
  return (
    `<w:tbl><w:tblPr>${rtl ? '<w:bidiVisual/>' : ''}<w:tblW w:w="${PAGE_TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid><w:gridCol w:w="${left}"/><w:gridCol w:w="${right}"/></w:tblGrid>${row1}${row2}</w:tbl>`
  );
}

/** Session, agenda item (or its placeholder), title, subtitle. */
function titleBlock(doc: ReportDocument): string {
  const l = LABELS[doc.lang];
  const rtl = doc.lang === 'ar';
  const r = (text: string) => run(text, rtl ? '<w:rtl/>' : '');
  return (
    paragraph({ rtl, spacingAfter: 0 }, '') +
    paragraph({ rtl, spacingAfter: 0 }, r(l.session(doc.session))) +
    paragraph({ rtl, spacingAfter: 0 }, r(doc.agendaItem ?? l.agendaPlaceholder)) +
    paragraph({ style: 'Title', rtl }, r(doc.title)) +
    paragraph({ style: 'Subtitle', rtl }, r(doc.subtitle))
  );
}

/** A4 (21 × 29.7 cm), 2 cm margins; the first page without the running header; page numbers below. */
function sectionXml(rtl: boolean): string {
  return (
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>' +
    '<w:footerReference w:type="first" r:id="rIdFooter"/>' +
    '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1701" w:left="1134" w:header="851" w:footer="851" w:gutter="0"/>' +
    `<w:titlePg/>${rtl ? '<w:bidi/><w:rtlGutter/>' : ''}</w:sectPr>`
  );
}

/** The document part: masthead, title block, summary, blocks; and what they gathered (footnotes, images). */
export function documentXml(doc: ReportDocument, options: DocxOptions = {}): { xml: string; ctx: BodyContext } {
  checkReportDocument(doc);
  const ctx = new BodyContext(doc, LABELS[doc.lang], options.pngs ?? new Map());
  const summary = doc.summary ? summaryBox(ctx, doc.summary) : '';
  const body = blocksXml(ctx);
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${DOC_NS}><w:body>` +
    `${masthead(doc)}${titleBlock(doc)}${summary}${body}${paragraph({ rtl: ctx.rtl }, '')}${sectionXml(ctx.rtl)}</w:body></w:document>`;
  return { xml, ctx };
}

/** The report as a .docx file. */
export function toDocx(doc: ReportDocument, options: DocxOptions = {}): Uint8Array {
  const { xml, ctx } = documentXml(doc, options);
  const zip = new ZipWriter();
  const parts: Buffer[] = [
    zip.entrySync('[Content_Types].xml', contentTypesXml()),
    zip.entrySync('_rels/.rels', packageRelsXml()),
    zip.entrySync('docProps/core.xml', coreXml(doc.title, doc.lang, doc.date)),
    zip.entrySync('word/document.xml', xml),
    zip.entrySync('word/_rels/document.xml.rels', documentRelsXml(ctx.images)),
    zip.entrySync('word/styles.xml', stylesXml(doc.lang)),
    zip.entrySync('word/settings.xml', settingsXml(doc.lang)),
    zip.entrySync('word/footnotes.xml', footnotesXml(ctx.footnotes)),
    zip.entrySync('word/header1.xml', headerXml(symbolText(doc), ctx.rtl)),
    zip.entrySync('word/footer1.xml', footerXml(ctx.rtl)),
  ];
  for (const image of ctx.images) parts.push(zip.entrySync(`word/media/${image.name}`, image.data));
  parts.push(zip.finish());
  return new Uint8Array(Buffer.concat(parts));
}
