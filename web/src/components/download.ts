// Exports build the file in the browser from the rows shown, so what is exported is what is seen.
import { toCsv } from '../../../src/shared/csv.ts';

export type ExportRow = Record<string, string | number | boolean | null>;

function save(content: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(fileName: string, columns: string[], rows: ExportRow[]): void {
  // The byte-order mark lets spreadsheet programs read Arabic, Chinese and Russian as UTF-8.
  save(`\uFEFF${toCsv(columns, rows)}`, 'text/csv;charset=utf-8', `${fileName}.csv`);
}

export function downloadJson(fileName: string, rows: ExportRow[], about: Record<string, string>): void {
  save(`${JSON.stringify({ ...about, items: rows }, null, 2)}\n`, 'application/json', `${fileName}.json`);
}

/** A spreadsheet built elsewhere (by exceljs, loaded only when asked for). */
export function downloadXlsx(fileName: string, content: ArrayBuffer): void {
  save(content, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${fileName}.xlsx`);
}
