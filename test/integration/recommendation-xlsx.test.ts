// GET /api/v1/recommendations/export/xlsx on each database, read by two readers that share no
// code with the writer: exceljs (the web app's XLSX library) reads the workbook, and Python's
// zipfile checks every entry's CRC-32 and sizes (and the ZIP64 records, when asked for). The rows
// must be the CSV export's, hostile strings included; a set longer than a sheet goes on in a
// second one; an empty set is a valid workbook with its heading row only.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { recommendationXlsx } from '../../src/modules/recommendations/xlsx-export.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { storeOwnRows } from '../support/recommendation-rows.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const HOSTILE = [
  { id: 'test-hostile-1', text: `<&"'> a </t></is> ]]> &amp; <script>alert(1)</script>` },
  { id: 'test-hostile-2', text: 'bell\u0007, vertical tab\u000b, escape\u001b, U+FFFE\ufffe gone; tab\tand\r\nline ends kept' },
  { id: 'test-hostile-3', text: '  spaces around, and _x0041_ as written, and =1+1 as text  ' },
  { id: 'test-hostile-4', text: `Arabic التعذيب, Chinese 酷刑, emoji 🙂, and a long tail: ${'x'.repeat(40_000)}` },
];

/** What XML 1.0 can hold (the workbook leaves the rest out). */
const xmlText = (s: string) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

/** A cell's value as text: a formula's cached result, rich text joined, Excel's _xHHHH_ escape read as the format says. */
function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Every sheet's rows after its heading, as text, with the heading of each sheet. */
async function readWorkbook(bytes: Buffer): Promise<{ sheets: string[]; headings: string[][]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const headings: string[][] = [];
  const rows: string[][] = [];
  for (const sheet of workbook.worksheets) {
    const width = sheet.getRow(1).cellCount;
    sheet.eachRow((row, n) => {
      const values = Array.from({ length: width }, (_, i) => cellString(row.getCell(i + 1).value));
      (n === 1 ? headings : rows).push(values);
    });
  }
  return { sheets: workbook.worksheets.map((s) => s.name), headings, rows };
}

/** Python's zipfile: the entries' names, each read and its CRC-32 checked (testzip), or an error. */
function pythonZipCheck(bytes: Buffer): { names: string[]; bad: string | null } {
  const dir = mkdtempSync(join(tmpdir(), 'accord-xlsx-'));
  try {
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, bytes);
    const script = 'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"names": z.namelist(), "bad": z.testzip()}))';
    return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const dialect of testDialects()) {
  describe(`recommendations as XLSX on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    const errors: string[] = [];
    const download = async (format: string, query: string) => {
      const r = await t.app.request(`/api/v1/recommendations/export/${format}?${query}`);
      assert.equal(r.status, 200, `${format}?${query}`);
      return r;
    };
    const csvRows = async (query: string) => parse(await (await download('csv', query)).text(), { bom: true, relax_column_count: false }) as string[][];

    before(async () => {
      t = await seededApp(dialect, errors);
      await importUprInfo(t.db.db, sharedDataPath('upr-info-terman', 'upr_recs_sessions_01-05.csv'));
      await storeOwnRows(
        t.db.db,
        'test:hostile',
        HOSTILE.map((h) => ({ ...h, theme: 'Hostile strings' })),
      );
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await t.db.drop();
    });

    test("the rows are the CSV's, each with the link of its page, and the ZIP checks out", async () => {
      const response = await download('xlsx', 'state=CUB&lang=fr');
      assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.match(response.headers.get('content-disposition') ?? '', /accord-recommendations\.xlsx/);
      const bytes = Buffer.from(await response.arrayBuffer());
      const [heading, ...expected] = await csvRows('state=CUB&lang=fr');
      const book = await readWorkbook(bytes);
      assert.deepEqual(book.headings, [heading]);
      assert.ok(expected.length > 100, `${expected.length} rows to Cuba`);
      assert.deepEqual(book.rows, expected);
      assert.ok(book.rows.every((r) => /\/fr\/recommendations\/upr-/.test(r[1]!)));
      const zip = pythonZipCheck(bytes);
      assert.equal(zip.bad, null, 'every entry reads back with its CRC-32');
      assert.ok(zip.names.includes('xl/worksheets/sheet1.xml') && zip.names.includes('[Content_Types].xml'));
    });

    test('hostile strings: markup is text, characters XML forbids are left out, a cell stops at 32,767 characters', async () => {
      const bytes = Buffer.from(await (await download('xlsx', 'theme=Hostile%20strings&sort=oldest')).arrayBuffer());
      const [, ...expected] = await csvRows('theme=Hostile%20strings&sort=oldest');
      const { rows } = await readWorkbook(bytes);
      assert.equal(rows.length, HOSTILE.length);
      const text = expected[0]!.indexOf(HOSTILE[0]!.text) >= 0 ? expected[0]!.indexOf(HOSTILE[0]!.text) : 18;
      for (const [i, row] of rows.entries()) {
        const csv = expected[i]!;
        const long = csv[text]!.length > 32_767;
        assert.deepEqual(
          row.map((cell, j) => (j === text && long ? '' : cell)),
          csv.map((cell, j) => (j === text && long ? '' : xmlText(cell))),
          `row ${i + 2}`,
        );
        if (long) {
          assert.equal(row[text]!.length, 32_767);
          assert.ok(row[text]!.endsWith('…') && csv[text]!.startsWith(row[text]!.slice(0, -1)));
        }
      }
      const texts = rows.map((r) => r[text]);
      assert.ok(texts.includes(HOSTILE[0]!.text), 'markup kept as text');
      assert.ok(texts.includes('bell, vertical tab, escape, U+FFFE gone; tab\tand\r\nline ends kept'));
      assert.ok(texts.includes(HOSTILE[2]!.text), 'spaces kept, _x0041_ as written');
    });

    test('an empty set is a workbook with its heading row only', async () => {
      const bytes = Buffer.from(await (await download('xlsx', 'q=zzzznothingmatches')).arrayBuffer());
      const book = await readWorkbook(bytes);
      assert.deepEqual(book.sheets, ['Recommendations']);
      assert.equal(book.headings[0]![0], 'id');
      assert.deepEqual(book.rows, []);
      assert.equal(pythonZipCheck(bytes).bad, null);
    });

    test('past the rows a sheet holds, the rows go on in the next sheet; ZIP64 records read back', async () => {
      const chunks: Buffer[] = [];
      // Sheets of 40 rows (Excel's are 1,048,576), and the central directory's ZIP64 form from the start.
      for await (const chunk of recommendationXlsx(t.db.db, { state: 'CUB', sort: 'oldest' }, 'en', 'https://accord.example', { rowsPerSheet: 40, bytesPerSheet: 4e9, zip64From: 0 }))
        chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      const [heading, ...expected] = await csvRows('state=CUB&sort=oldest');
      const book = await readWorkbook(bytes);
      assert.equal(book.sheets.length, Math.ceil(expected.length / 39));
      assert.deepEqual(book.sheets.slice(0, 2), ['Recommendations', 'Recommendations 2']);
      assert.ok(
        book.headings.every((h) => JSON.stringify(h) === JSON.stringify(heading)),
        'each sheet has the heading',
      );
      assert.deepEqual(
        book.rows.map((r) => r[0]),
        expected.map((r) => r[0]),
      );
      const zip = pythonZipCheck(bytes);
      assert.equal(zip.bad, null);
      assert.equal(zip.names.filter((n) => n.startsWith('xl/worksheets/')).length, book.sheets.length);
    });
  });
}
