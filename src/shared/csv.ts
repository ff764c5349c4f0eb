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

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
