// The body of the DOCX (WordprocessingML written by hand): runs, paragraphs, headings, quotes,
// tables and figures, and the footnotes and images they gather on the way. docx.ts wraps them
// in the first page and the package.
import { xmlText } from '../../../shared/xml.ts';
import { type Block, isRtl, paragraphNumbers, type ReportDocument, type Run } from './model.ts';
import type { Labels } from './labels.ts';

/** Twips (1/20 pt): the left edge of the UN text column and the tab after a paragraph number. */
export const TEXT_LEFT = 1267;
export const TEXT_RIGHT = 1267;
const NUMBER_TAB = 1742;
/** The width between the page margins (A4 less 2 cm each side), in twips. */
export const PAGE_TEXT_WIDTH = 9638;
const EMU_PER_CM = 360000;

export interface Image {
  /** Part name under word/media/. */
  name: string;
  data: string | Uint8Array;
  rid: string;
}

/** What the body writes as it goes: the footnotes (their XML, numbered 1… in order) and the images. */
export class BodyContext {
  readonly footnotes: string[] = [];
  readonly images: Image[] = [];
  private drawings = 0;
  tables = 0;
  figures = 0;

  constructor(
    readonly doc: ReportDocument,
    readonly labels: Labels,
    readonly pngs: ReadonlyMap<string, Uint8Array>,
  ) {}

  get rtl(): boolean {
    return isRtl(this.doc.lang);
  }

  nextDrawing(): number {
    this.drawings += 1;
    return this.drawings;
  }
}

/** `<w:lang>` for a run in another language: Arabic and the like go in w:bidi, Chinese in w:eastAsia. */
function langTag(lang: string): string {
  const v = xmlText(lang);
  if (isRtl(lang)) return `<w:lang w:bidi="${v}"/>`;
  if (/^zh(-|$)/i.test(lang)) return `<w:lang w:eastAsia="${v}"/>`;
  return `<w:lang w:val="${v}"/>`;
}

/** Run properties in the schema's order. `rtlDefault`: the paragraph's direction, which a run without `dir` or `lang` takes. */
function runProps(run: Run, rtlDefault: boolean, extra = ''): string {
  const rtl = run.dir ? run.dir === 'rtl' : run.lang ? isRtl(run.lang) : rtlDefault;
  const parts = [extra, run.bold ? '<w:b/><w:bCs/>' : '', run.italic ? '<w:i/><w:iCs/>' : '', rtl ? '<w:rtl/>' : '', run.lang ? langTag(run.lang) : ''].join('');
  return parts ? `<w:rPr>${parts}</w:rPr>` : '';
}

/** Text as runs' content: line feeds become breaks, tabs tabs; what XML cannot hold is dropped. */
function textContent(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((piece) => (piece ? `<w:t xml:space="preserve">${xmlText(piece)}</w:t>` : ''))
        .join('<w:tab/>'),
    )
    .join('<w:br/>');
}

/** Runs, with each footnote's mark after its run and the note itself kept for footnotes.xml.
 *  A footnote inside a footnote is not a thing Word has: its text is kept in brackets. */
export function runsXml(ctx: BodyContext, runs: readonly Run[], rtl: boolean, inFootnote = false): string {
  return runs
    .map((run) => {
      let xml = `<w:r>${runProps(run, rtl)}${textContent(run.text)}</w:r>`;
      if (run.footnote && inFootnote) xml += runsXml(ctx, [{ text: ' [' }, ...run.footnote, { text: ']' }], rtl, true);
      else if (run.footnote) xml += footnoteMark(ctx, run.footnote, rtl);
      return xml;
    })
    .join('');
}

function footnoteMark(ctx: BodyContext, note: readonly Run[], rtl: boolean): string {
  const id = ctx.footnotes.length + 1;
  ctx.footnotes.push(''); // reserve the number before the note's own runs are written
  const body = runsXml(ctx, note, rtl, true);
  ctx.footnotes[id - 1] =
    `<w:footnote w:id="${id}"><w:p>${pPr({ style: 'FootnoteText', rtl })}` +
    `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>` +
    `<w:r><w:t xml:space="preserve"> </w:t></w:r>${body}</w:p></w:footnote>`;
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>${rtl ? '<w:rtl/>' : ''}</w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

interface ParagraphOptions {
  style?: string;
  keepNext?: boolean;
  tabs?: number[];
  rtl: boolean;
  ind?: { left?: number; right?: number; hanging?: number };
  jc?: 'left' | 'center' | 'right' | 'both';
  spacingAfter?: number;
}

/** Paragraph properties in the schema's order. */
export function pPr(o: ParagraphOptions): string {
  const ind = o.ind
    ? `<w:ind${o.ind.left !== undefined ? ` w:left="${o.ind.left}"` : ''}${o.ind.right !== undefined ? ` w:right="${o.ind.right}"` : ''}${o.ind.hanging !== undefined ? ` w:hanging="${o.ind.hanging}"` : ''}/>`
    : '';
  return (
    '<w:pPr>' +
    (o.style ? `<w:pStyle w:val="${o.style}"/>` : '') +
    (o.keepNext ? '<w:keepNext/>' : '') +
    (o.tabs ? `<w:tabs>${o.tabs.map((t) => `<w:tab w:val="left" w:pos="${t}"/>`).join('')}</w:tabs>` : '') +
    (o.rtl ? '<w:bidi/>' : '') +
    (o.spacingAfter !== undefined ? `<w:spacing w:after="${o.spacingAfter}"/>` : '') +
    ind +
    (o.jc ? `<w:jc w:val="${o.jc}"/>` : '') +
    '</w:pPr>'
  );
}

export function paragraph(o: ParagraphOptions, content: string): string {
  return `<w:p>${pPr(o)}${content}</w:p>`;
}

function heading(ctx: BodyContext, b: Extract<Block, { kind: 'heading' }>): string {
  const label = b.label ? `${textContent(b.label)}<w:tab/>` : '';
  const rtl = ctx.rtl;
  return paragraph({ style: `Heading${b.level}`, rtl }, `<w:r>${rtl ? '<w:rPr><w:rtl/></w:rPr>' : ''}${label}${textContent(b.text)}</w:r>`);
}

function numberedParagraph(ctx: BodyContext, runs: readonly Run[], number: number | undefined): string {
  const rtl = ctx.rtl;
  // UN layout: the number at the column's edge, the text from the tab after it, the next lines back at the edge.
  const mark = number === undefined ? '' : `<w:r>${rtl ? '<w:rPr><w:rtl/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlText(ctx.labels.paragraphNumber(number))}</w:t><w:tab/></w:r>`;
  return paragraph({ style: 'SingleTxt', rtl, tabs: number === undefined ? undefined : [NUMBER_TAB] }, mark + runsXml(ctx, runs, rtl));
}

function quote(ctx: BodyContext, b: Extract<Block, { kind: 'quote' }>): string {
  const rtl = b.lang ? isRtl(b.lang) : ctx.rtl;
  const runs = b.lang ? b.runs.map((r) => ({ ...r, lang: r.lang ?? b.lang })) : b.runs;
  return paragraph({ style: 'Quote', rtl }, runsXml(ctx, runs, rtl));
}

/** "Table 1" above the bold caption, both kept with what follows. */
function caption(ctx: BodyContext, label: string, text: string): string {
  const rtl = ctx.rtl;
  const r = rtl ? '<w:rPr><w:rtl/></w:rPr>' : '';
  return (
    paragraph({ style: 'CaptionLabel', rtl, keepNext: true }, `<w:r>${r}${textContent(label)}</w:r>`) + paragraph({ style: 'CaptionTitle', rtl, keepNext: true }, `<w:r>${r}${textContent(text)}</w:r>`)
  );
}

function cell(ctx: BodyContext, text: string, width: number, numeric: boolean, header: boolean): string {
  const rtl = ctx.rtl;
  const border = header ? '<w:tcBorders><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tcBorders>' : '';
  const run = `<w:r>${runProps({ text, italic: header }, rtl)}${textContent(text)}</w:r>`;
  // jc "right" is the trailing edge in either direction: numbers line up at the end of the cell.
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${border}</w:tcPr>${paragraph({ style: 'TableText', rtl, jc: numeric ? 'right' : undefined }, run)}</w:tc>`;
}

/** Column widths (twips) that add up to `total`, each after its longest text (capped, since long
 *  text wraps) and at least its header's longest word: a column of figures stays narrow, one of
 *  sentences or addresses gets the room. */
export function columnWidths(b: Extract<Block, { kind: 'table' }>, total: number): number[] {
  const weights = b.columns.map((header, i) => {
    const longestWord = Math.max(...header.split(/\s+/).map((w) => w.length));
    const longestCell = Math.max(0, ...b.rows.map((r) => (r[i] ?? '').length));
    return Math.max(4, longestWord, Math.min(longestCell, 60));
  });
  const sum = weights.reduce((a, w) => a + w, 0);
  return weights.map((w) => Math.floor((total * w) / sum));
}

function table(ctx: BodyContext, b: Extract<Block, { kind: 'table' }>): string {
  ctx.tables += 1;
  const rtl = ctx.rtl;
  const total = PAGE_TEXT_WIDTH - TEXT_LEFT - TEXT_RIGHT;
  const widths = columnWidths(b, total);
  const numeric = new Set(b.numericColumns ?? []);
  const row = (cells: readonly string[], header: boolean) =>
    `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}${b.columns.map((_, i) => cell(ctx, cells[i] ?? '', widths[i]!, numeric.has(i), header)).join('')}</w:tr>`;
  const line = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
  const tbl =
    `<w:tbl><w:tblPr>${rtl ? '<w:bidiVisual/>' : ''}<w:tblW w:w="${widths.reduce((a, w) => a + w, 0)}" w:type="dxa"/><w:tblInd w:w="${TEXT_LEFT}" w:type="dxa"/>` +
    `<w:tblBorders><w:top ${line}/><w:bottom ${line}/></w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    row(b.columns, true) +
    b.rows.map((r) => row(r, false)).join('') +
    '</w:tbl>';
  const note = b.note ? paragraph({ style: 'TableNote', rtl }, runsXml(ctx, b.note, rtl)) : paragraph({ style: 'TableNote', rtl }, '');
  return caption(ctx, `${ctx.labels.table} ${ctx.tables}`, b.caption) + tbl + note;
}

/** A figure's printed width: as asked, 12.5 cm (the text column) by default, never past 16 cm. */
export function figureWidthCm(asked: number | undefined): number {
  return Math.min(asked ?? 12.5, 16);
}

/** The SVG's width and height ratio, from width/height or the viewBox; 3:5 when it gives neither. */
export function svgAspect(svg: string): number {
  const open = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const w = Number.parseFloat(/\swidth="([\d.]+)/.exec(open)?.[1] ?? '');
  const h = Number.parseFloat(/\sheight="([\d.]+)/.exec(open)?.[1] ?? '');
  if (w > 0 && h > 0) return h / w;
  const box = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(open);
  if (box && Number(box[1]) > 0 && Number(box[2]) > 0) return Number(box[2]) / Number(box[1]);
  return 0.6;
}

/** Roman numerals for figure numbers, as UN reports number figures (I, II, III…). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** A figure: the SVG as the picture (Word 2016+ reads it from asvg:svgBlip; LibreOffice from the blip),
 *  and, when the caller gives a PNG of it, the PNG as the blip older readers show instead. */
function figure(ctx: BodyContext, b: Extract<Block, { kind: 'figure' }>): string {
  ctx.figures += 1;
  const n = ctx.figures;
  const widthCm = figureWidthCm(b.widthCm);
  const cx = Math.round(widthCm * EMU_PER_CM);
  const cy = Math.round(cx * svgAspect(b.svg));
  const svgRid = `rIdFigureSvg${n}`;
  ctx.images.push({ name: `figure${n}.svg`, data: b.svg, rid: svgRid });
  const png = ctx.pngs.get(b.svg);
  let blipRid = svgRid;
  if (png) {
    blipRid = `rIdFigurePng${n}`;
    ctx.images.push({ name: `figure${n}.png`, data: png, rid: blipRid });
  }
  const id = ctx.nextDrawing();
  const alt = xmlText(b.alt);
  const drawing =
    `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${id}" name="Figure ${n}" descr="${alt}"/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:nvPicPr><pic:cNvPr id="${id}" name="figure${n}" descr="${alt}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${blipRid}"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip r:embed="${svgRid}"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
  // The picture's paragraph is left to right even in Arabic (centred, it looks the same): LibreOffice
  // draws an SVG's text inside a right-to-left paragraph with every string reversed, digits too.
  return caption(ctx, `${ctx.labels.figure} ${roman(n)}`, b.caption) + paragraph({ style: 'Figure', rtl: false, jc: 'center' }, `<w:r>${drawing}</w:r>`);
}

/** The summary box: one framed cell across the text column. */
export function summaryBox(ctx: BodyContext, runs: readonly Run[]): string {
  const rtl = ctx.rtl;
  const width = PAGE_TEXT_WIDTH - TEXT_LEFT - TEXT_RIGHT;
  const line = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
  const inner =
    paragraph({ style: 'SummaryTitle', rtl, jc: 'center' }, `<w:r>${rtl ? '<w:rPr><w:rtl/></w:rPr>' : ''}${textContent(ctx.labels.summary)}</w:r>`) +
    paragraph({ style: 'SummaryText', rtl }, runsXml(ctx, runs, rtl));
  return (
    `<w:tbl><w:tblPr>${rtl ? '<w:bidiVisual/>' : ''}<w:tblW w:w="${width}" w:type="dxa"/><w:tblInd w:w="${TEXT_LEFT}" w:type="dxa"/>` +
    `<w:tblBorders><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${width}"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${inner}</w:tc></w:tr></w:tbl>` +
    paragraph({ rtl }, '')
  );
}

function blockXml(ctx: BodyContext, b: Block, number: number | undefined): string {
  switch (b.kind) {
    case 'heading':
      return heading(ctx, b);
    case 'paragraph':
      return numberedParagraph(ctx, b.runs, number);
    case 'quote':
      return quote(ctx, b);
    case 'table':
      return table(ctx, b);
    case 'figure':
      return figure(ctx, b);
  }
}

/** Every block, paragraphs numbered 1, 2, 3… through the report. */
export function blocksXml(ctx: BodyContext): string {
  const numbers = paragraphNumbers(ctx.doc.blocks);
  return ctx.doc.blocks.map((b, i) => blockXml(ctx, b, numbers.get(i))).join('');
}
