// Reading a CSV file a record at a time, whatever its size, in the encoding it was saved in.
// UTF-8 is the default and is checked byte for byte: a file in another encoding is refused
// with a message that says how to import it, never read as mojibake. Mac OS Roman (the
// encoding of CSV files saved by Excel for the classic Mac OS, with CR line ends) is read when
// asked for; a file that is valid UTF-8 with accented letters is then refused, because reading
// it as Mac OS Roman would garble every one of them. Line ends may be LF, CRLF or CR.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ValidationError } from '../shared/errors.ts';
import type { CsvEncoding } from '../shared/vocabularies.ts';
import { checkFile } from './read-utf8.ts';

/** Large files are what this reader is for; this only stops a wrong path (a disk image). */
const MAX_CSV_BYTES = 4 * 1024 * 1024 * 1024;

export interface CsvRow {
  /** The record's number in the file, the header being 1. */
  row: number;
  cells: string[];
}

async function* decoded(path: string, file: string, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  // Beside Mac OS Roman, the bytes are also read as UTF-8: a file that is valid UTF-8 with letters beyond ASCII is not Mac OS Roman.
  const asUtf8 = encoding === 'macintosh' ? new TextDecoder('utf-8', { fatal: true }) : null;
  let utf8 = true;
  let beyondAscii = false;
  let line = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    if (asUtf8) {
      if (!beyondAscii) beyondAscii = chunk.some((byte) => byte >= 0x80);
      if (utf8) utf8 = decodesAs(asUtf8, chunk);
    }
    try {
      const text = decoder.decode(chunk, { stream: true });
      line += countLineEnds(text);
      yield text;
    } catch {
      throw notUtf8(file, line, chunk);
    }
  }
  if (asUtf8 && utf8 && beyondAscii && decodesAs(asUtf8, undefined)) {
    throw new ValidationError(`${file} is UTF-8 text: reading it as Mac OS Roman would garble its accented letters (é would become √©); import it without --encoding`, [
      { file, reason: 'the file is UTF-8, not Mac OS Roman' },
    ]);
  }
  yield decoder.decode();
}

function decodesAs(decoder: TextDecoder, chunk: Buffer | undefined): boolean {
  try {
    decoder.decode(chunk, { stream: chunk !== undefined });
    return true;
  } catch {
    return false;
  }
}

function countLineEnds(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n += 1;
  }
  return n;
}

function notUtf8(file: string, line: number, chunk: Buffer): ValidationError {
  // CR line ends without LF are the mark of the classic Mac OS, whose CSV files are Mac OS Roman.
  const classicMac = chunk.includes(0x0d) && !chunk.includes(0x0a);
  const hint = classicMac
    ? 'it has the CR line ends of the classic Mac OS: if it was saved there (Excel for Mac), import it again with --encoding macintosh'
    : 'save it as UTF-8 and import it again (or, if it was saved by Excel on the classic Mac OS, use --encoding macintosh)';
  return new ValidationError(`${file} is not UTF-8 text: ${hint}`, [{ file, row: line, reason: 'invalid UTF-8 byte sequence' }]);
}

/** The records of a CSV file, header first, one at a time. */
export async function* readCsvRows(path: string, file: string, encoding: CsvEncoding = 'utf-8'): AsyncGenerator<CsvRow> {
  checkFile(path, file, 'a CSV table', MAX_CSV_BYTES);
  const text = Readable.from(decoded(path, file, encoding));
  const parser = parse({ bom: true, relax_quotes: false, skip_empty_lines: true });
  // pipe() does not pass errors on: a file refused while decoding ends the records with its error.
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`${file} is not a well-formed CSV table after row ${row}: ${reason}`, [{ file, row: row + 1, reason }]);
  }
}
