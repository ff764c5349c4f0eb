// Writing an export page by page, in the bytes the whole document would have had: CSV is a
// header and one line per row; JSON is what `JSON.stringify(document, null, 2)` gives, an
// array (or an object holding one) opened before the first page and closed after the last.
import { csvHeader, csvLine } from '../../shared/csv.ts';

const pad = (depth: number) => '  '.repeat(depth);

/** A value as `JSON.stringify(…, null, 2)` writes it `depth` levels deep. JSON escapes line
 *  breaks inside strings, so every line break in the text is one of its own, safe to indent. */
export function indentedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad(depth)}`);
}

export async function* csvChunks<T>(columns: string[], pages: AsyncIterable<T[]>, flatten: (item: T) => Record<string, unknown>): AsyncGenerator<string> {
  yield csvHeader(columns);
  for await (const page of pages) {
    if (page.length > 0) yield page.map((item) => csvLine(columns, flatten(item))).join('');
  }
}

/** A JSON array `depth` levels deep, without a line break after it (the caller closes the document). */
export async function* jsonArrayChunks(pages: AsyncIterable<unknown[]>, depth = 0): AsyncGenerator<string> {
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    const items = page.map((item) => pad(depth + 1) + indentedJson(item, depth + 1));
    yield (first ? '[\n' : ',\n') + items.join(',\n');
    first = false;
  }
  yield first ? '[]' : `\n${pad(depth)}]`;
}
