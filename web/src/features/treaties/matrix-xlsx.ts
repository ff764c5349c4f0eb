// The matrix as an Excel workbook. This module and exceljs (about 250 KB gzipped, more than the
// whole app) are fetched only when the reader asks for the file: the page imports it with import().
import ExcelJS from 'exceljs';
import { defuseFormula } from '../../../../src/shared/csv.ts';

export interface MatrixWorkbook {
  sheetName: string;
  header: string[];
  /** One per State: its name, its code, then one status text per instrument. */
  rows: string[][];
  sourcesSheetName: string;
  /** Label and value: where the data come from, the date, the filters, the status words. */
  about: [string, string][];
  rightToLeft: boolean;
}

/** Excel refuses sheet names longer than 31 characters or holding any of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

export async function matrixWorkbook(book: MatrixWorkbook): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Accord';
  // Header row and State column stay in view while scrolling, as on the page.
  const matrix = workbook.addWorksheet(sheetName(book.sheetName), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1, rightToLeft: book.rightToLeft }] });
  // exceljs writes strings as text, but a reader's copy-paste or a later tool may not: defused as in CSV.
  matrix.addRow(book.header.map(defuseFormula)).font = { bold: true };
  for (const row of book.rows) matrix.addRow(row.map(defuseFormula));
  matrix.getColumn(1).width = 36;
  for (let n = 2; n <= book.header.length; n++) matrix.getColumn(n).width = Math.max(10, (book.header[n - 1]?.length ?? 0) + 2);

  const sources = workbook.addWorksheet(sheetName(book.sourcesSheetName), { views: [{ rightToLeft: book.rightToLeft }] });
  for (const line of book.about) sources.addRow(line.map(defuseFormula));
  sources.getColumn(1).font = { bold: true };
  sources.getColumn(1).width = 30;
  sources.getColumn(2).width = 100;
  return workbook.xlsx.writeBuffer();
}
