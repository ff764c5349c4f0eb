// Exports written page by page must be the bytes the whole document would have had.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvChunks, jsonArrayChunks } from '../../src/modules/exports/serialise.ts';
import { toCsv } from '../../src/shared/csv.ts';

async function* pages<T>(...list: T[][]): AsyncGenerator<T[]> {
  for (const page of list) yield page;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

const ROWS = [
  { code: 'A', name: 'comma, and "quotes"', note: 'line\nbreak\r\nand CRLF', n: 1, empty: null },
  { code: 'B', name: 'مصر', note: '=1+1', n: -2.5, empty: null, nested: { list: [1, 'two', { three: [] }], text: 'a\nb' } },
  { code: 'C', name: '', note: '\u2028 \t tab', n: 0, empty: null, nested: {} },
];

test('a JSON array written page by page is JSON.stringify of the whole, at any depth', async () => {
  for (const split of [[ROWS], [ROWS.slice(0, 1), [], ROWS.slice(1)], [[], ROWS.slice(0, 2), ROWS.slice(2), []]]) {
    assert.equal(await text(jsonArrayChunks(pages(...split))), JSON.stringify(ROWS, null, 2));
    const inside = `{\n  "items": ${await text(jsonArrayChunks(pages(...split), 1))}\n}`;
    assert.equal(inside, JSON.stringify({ items: ROWS }, null, 2));
  }
});

test('an empty JSON array is [] however many empty pages it had', async () => {
  assert.equal(await text(jsonArrayChunks(pages())), '[]');
  assert.equal(await text(jsonArrayChunks(pages([], []), 1)), '[]');
});

test('CSV written page by page is toCsv of the whole: header, quoting, order', async () => {
  const columns = ['code', 'name', 'note', 'n', 'empty'];
  const expected = toCsv(columns, ROWS);
  assert.equal(await text(csvChunks(columns, pages<Record<string, unknown>>(ROWS.slice(0, 2), [], ROWS.slice(2)), (r) => r)), expected);
  assert.ok(expected.startsWith('code,name,note,n,empty\r\nA,"comma, and ""quotes""","line\nbreak\r\nand CRLF",1,\r\nB,مصر,\'=1+1,-2.5,\r\n'), expected);
  assert.equal(await text(csvChunks(columns, pages<Record<string, unknown>>(), (r) => r)), 'code,name,note,n,empty\r\n');
});
