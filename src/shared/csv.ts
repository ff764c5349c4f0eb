// Writes CSV as RFC 4180: fields with a comma, quote or line break are quoted.
// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.

/** A text a spreadsheet would run as a formula, prefixed with an apostrophe (CSV and XLSX alike). */
export function defuseFormula(text: string): string {
  // Only a plain number may start with "-" or "+" ("-2+3+cmd|..." is a formula), and "=" after
  // leading spaces is still a formula.
  return /^\s*[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = defuseFormula(typeof value === 'object' ? JSON.stringify(value) : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, line break included: what a streamed export writes row by row. */
export function csvLine(columns: string[], row: Record<string, unknown>): string {
  return `${columns.map((c) => cell(row[c])).join(',')}\r\n`;
}

/** The header line (the column names, quoted like any cell). */
export function csvHeader(columns: string[]): string {
  return `${columns.map(cell).join(',')}\r\n`;
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return csvHeader(columns) + rows.map((row) => csvLine(columns, row)).join('');
}
