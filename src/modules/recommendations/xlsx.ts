// An XLSX workbook (Office Open XML, SpreadsheetML) written as a stream: a ZIP of a few XML parts
// (src/shared/zip-stream.ts) whose sheets are written row by row as the rows arrive. Strings are inline
// (t="inlineStr"), so no table of shared strings is held in memory, and the workbook's own parts,
// which list the sheets, come last: a ZIP's order of entries is free, its central directory says
// where each is. Memory holds one page of rows, whatever the number of rows.
//
// Excel's limits, and what is done at them:
// - 1,048,576 rows a sheet: the rows go on in a second sheet ("<name> 2"), headed again, and so on;
// - 32,767 characters a cell: a longer text is cut to 32,766 and ends with "…" (each row's link
//   leads to the whole text; the CSV and JSON Lines exports keep it whole);
// - an entry of the ZIP stays below 4 GiB: a sheet also ends once its XML passes BYTES_PER_SHEET;
// - XML 1.0 cannot hold most control characters (U+0000–U+001F but tab, line feed and carriage
//   return; U+FFFE, U+FFFF; lone surrogates): they are left out. A carriage return is written as
//   &#13;, which XML readers keep (a literal one they turn into a line feed), and an "_x0041_" of the
//   text as "_x005F_x0041_", since Excel reads _xHHHH_ as an escaped character.
import { ZipWriter } from '../../shared/zip-stream.ts';
import { escapeXml, NOT_XML } from '../../shared/xml.ts';

export type XlsxColumnType = 'text' | 'number' | 'link';
export interface XlsxColumn {
  name: string;
  type: XlsxColumnType;
}

export interface XlsxLimits {
  /** Rows a sheet holds, its heading row included. */
  rowsPerSheet: number;
  /** The size of a sheet's XML after which the next row goes on a new sheet. */
  bytesPerSheet: number;
  /** From which offset the ZIP's central directory uses ZIP64 fields (tests lower it). */
  zip64From?: number;
}

/** A row's XML is at most ~25 columns × 32,767 characters × 6 bytes (&amp; for an ampersand) ≈ 5 MB, so a sheet ends far below 4 GiB. */
export const EXCEL_LIMITS: XlsxLimits = { rowsPerSheet: 1_048_576, bytesPerSheet: 4_000_000_000 };
export const MAX_CELL_CHARACTERS = 32_767;
const MAX_SHEET_NAME = 31;
/** HYPERLINK() takes an address of at most 255 characters; a longer one is written as text. */
const MAX_LINK = 255;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The text a cell holds: characters XML allows, at most 32,767 of them (UTF-16 units, as Excel counts). */
export function cellText(value: string): string {
  const text = value.replace(NOT_XML, '');
  if (text.length <= MAX_CELL_CHARACTERS) return text;
  let cut = MAX_CELL_CHARACTERS - 1;
  if (/[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut -= 1; // never half of a surrogate pair
  return `${text.slice(0, cut)}…`;
}

/** Text as a cell's string: Excel's own escape _xHHHH_ is escaped, so that the text reads as written. */
function stringXml(text: string): string {
  return escapeXml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function inlineString(ref: string, value: string, style = ''): string {
  const text = cellText(value);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${stringXml(text)}</t></is></c>`;
}

function cellXml(column: XlsxColumn, ref: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (column.type === 'number' && typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  const text = String(value);
  if (column.type === 'link' && text.length <= MAX_LINK && /^https?:\/\/[^\s"]+$/.test(text)) {
    // A formula, so the address can be followed in the spreadsheet; its value is cached, so readers that compute nothing see the address.
    return `<c r="${ref}" t="str"><f>${escapeXml(`HYPERLINK("${text}")`)}</f><v>${escapeXml(text)}</v></c>`;
  }
  return inlineString(ref, text);
}

function rowXml(columns: readonly XlsxColumn[], row: number, values: readonly unknown[]): string {
  return `<row r="${row}">${columns.map((c, i) => cellXml(c, `${columnName(i)}${row}`, values[i])).join('')}</row>`;
}

function sheetStart(columns: readonly XlsxColumn[], rightToLeft: boolean): string {
  const view = `<sheetViews><sheetView workbookViewId="0"${rightToLeft ? ' rightToLeft="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`;
  const heading = `<row r="1">${columns.map((c, i) => inlineString(`${columnName(i)}1`, c.name, ' s="1"')).join('')}</row>`;
  return `${XML_HEAD}<worksheet xmlns="${NS}">${view}<sheetData>${heading}`;
}
const SHEET_END = '</sheetData></worksheet>';

function sheetNames(name: string, count: number): string[] {
  const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, MAX_SHEET_NAME - 6);
  return Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base} ${i + 1}`));
}

function workbookParts(sheets: string[]): [string, string][] {
  const n = sheets.length;
  const sheetList = sheets.map((s, i) => `<sheet name="${escapeXml(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const sheetRels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const sheetTypes = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return [
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheetList}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetRels}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`],
    [
      'xl/styles.xml',
      // Style 1: the heading row, in bold. Two fills are required (none and gray125), whatever one uses.
      `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetTypes}</Types>`,
    ],
  ];
}

export interface XlsxOptions {
  sheetName: string;
  rightToLeft?: boolean;
  limits?: XlsxLimits;
}

/** The workbook's bytes, a page of rows at a time: the next page is read only when the last bytes were taken. */
export async function* xlsxWorkbook(columns: readonly XlsxColumn[], pages: AsyncIterable<readonly (readonly unknown[])[]>, options: XlsxOptions): AsyncGenerator<Buffer> {
  const limits = options.limits ?? EXCEL_LIMITS;
  const zip = new ZipWriter(limits.zip64From);
  const start = sheetStart(columns, options.rightToLeft ?? false);
  let sheets = 0;
  let row = 0; // the last row written in the open sheet (1: the heading)
  let bytes = 0;
  let pending: string[] = [];
  const openSheet = () => {
    sheets += 1;
    row = 1;
    bytes = Buffer.byteLength(start) + SHEET_END.length;
    pending = [start];
    return zip.begin(`xl/worksheets/sheet${sheets}.xml`);
  };
  const flush = async () => {
    const piece = await zip.add(Buffer.from(pending.join(''), 'utf8'));
    pending = [];
    return piece;
  };
  let opened = false;
  for await (const page of pages) {
    const out: Buffer[] = opened ? [] : [openSheet()];
    opened = true;
    for (const values of page) {
      let xml = rowXml(columns, row + 1, values);
      let size = Buffer.byteLength(xml);
      if (row + 1 > limits.rowsPerSheet || (row > 1 && bytes + size > limits.bytesPerSheet)) {
        pending.push(SHEET_END);
        out.push(await flush(), zip.end(), openSheet());
        xml = rowXml(columns, row + 1, values);
        size = Buffer.byteLength(xml);
      }
      pending.push(xml);
      row += 1;
      bytes += size;
    }
    out.push(await flush());
    yield Buffer.concat(out);
  }
  // No page at all: a sheet with its heading only, still a workbook.
  const tail: Buffer[] = opened ? [] : [openSheet()];
  pending.push(SHEET_END);
  tail.push(await flush(), zip.end());
  for (const [name, xml] of workbookParts(sheetNames(options.sheetName, sheets))) tail.push(await zip.entry(name, xml));
  tail.push(zip.finish());
  yield Buffer.concat(tail);
}
