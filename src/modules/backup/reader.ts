// Reads a backup file as a stream of checked items, a line at a time: a backup is untrusted
// input and may be far larger than memory. Every line is checked for size, UTF-8 and JSON
// before it is parsed, the header before anything else is read, and the checksum and the end
// of the file before the end line is handed on; each refusal names the file and the line.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ValidationError } from '../../shared/errors.ts';
import { endLineSchema, FORMAT, FORMAT_VERSION, headerSchema, MAX_LINE_BYTES, tableLineSchema, type Header } from './format.ts';
import { shown } from './values.ts';

export type BackupItem =
  | { kind: 'table'; line: number; table: string; columns: string[] }
  | { kind: 'row'; line: number; values: unknown[]; bytes: number }
  /** Handed on only once the checksum matched and nothing follows it. */
  | { kind: 'end'; line: number; tables: number; rows: number; sha256: string };

export interface BackupFile {
  path: string;
  header: Header;
  /** Every item after the header, in file order; throws on the first problem. */
  items: AsyncGenerator<BackupItem>;
  close(): void;
}

/** A refusal naming the file, and the line when there is one. */
export function backupFileError(path: string, line: number | null, reason: string): ValidationError {
  return new ValidationError(`${path}${line === null ? '' : `, line ${line}`}: ${reason}`);
}

interface RawLine {
  line: number;
  bytes: Buffer;
}

/** Splits a byte stream at newlines; a line longer than `maxBytes` is refused before it is held whole. */
async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number, fail: (line: number, reason: string) => Error): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let pending = 0;
  let line = 0;
  const tooLong = () => fail(line + 1, `longer than a backup line may be (${maxBytes} bytes)`);
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(10, start); end >= 0; end = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, end);
      if (pending + piece.length > maxBytes) throw tooLong();
      line++;
      yield { line, bytes: parts.length ? Buffer.concat([...parts, piece]) : piece };
      parts = [];
      pending = 0;
      start = end + 1;
    }
    if (start < chunk.length) {
      pending += chunk.length - start;
      if (pending > maxBytes) throw tooLong();
      parts.push(chunk.subarray(start));
    }
  }
  if (pending > 0) throw fail(line + 1, 'the file ends in the middle of this line: it is truncated');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseLine(path: string, raw: RawLine): unknown {
  let text: string;
  try {
    text = utf8.decode(raw.bytes);
  } catch {
    throw backupFileError(path, raw.line, 'not UTF-8 text');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw backupFileError(path, raw.line, 'not a line of JSON: the file is damaged');
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseHeader(path: string, first: IteratorResult<RawLine>): Header {
  if (first.done) throw backupFileError(path, null, 'the file is empty: not an Accord backup');
  const value = parseLine(path, first.value);
  if (!isObject(value) || value.format !== FORMAT) throw backupFileError(path, 1, `not an Accord backup header (a backup starts with {"format":"${FORMAT}",…})`);
  if (value.version !== FORMAT_VERSION) {
    throw backupFileError(path, 1, `the backup is of format version ${shown(value.version)}; this Accord reads version ${FORMAT_VERSION}: restore it with the Accord that wrote it`);
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw backupFileError(path, 1, `the header is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(header)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** What a compression error means for the person restoring. */
function zlibReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'Z_BUF_ERROR') return 'the compressed data stop short: the file is truncated';
  return `the compressed data are damaged (${error.message})`;
}

async function* items(path: string, lines: AsyncGenerator<RawLine>, headerBytes: Buffer): AsyncGenerator<BackupItem> {
  const hash = createHash('sha256').update(headerBytes).update('\n');
  let end: Extract<BackupItem, { kind: 'end' }> | undefined;
  let last = 1;
  for await (const raw of lines) {
    last = raw.line;
    if (end) throw backupFileError(path, raw.line, 'a line after the end line: the file is damaged');
    const value = parseLine(path, raw);
    if (Array.isArray(value)) {
      yield { kind: 'row', line: raw.line, values: value, bytes: raw.bytes.length };
    } else if (isObject(value) && 'table' in value) {
      const parsed = tableLineSchema.safeParse(value);
      if (!parsed.success) throw backupFileError(path, raw.line, 'a malformed table line: expected {"table": name, "columns": [names]}');
      yield { kind: 'table', line: raw.line, table: parsed.data.table, columns: parsed.data.columns };
    } else if (isObject(value) && 'end' in value) {
      const parsed = endLineSchema.safeParse(value);
      if (!parsed.success) throw backupFileError(path, raw.line, 'a malformed end line');
      const sha256 = hash.digest('hex');
      if (sha256 !== parsed.data.end.sha256) throw backupFileError(path, raw.line, 'the checksum does not match the lines before it: the file was changed or damaged');
      end = { kind: 'end', line: raw.line, ...parsed.data.end };
      continue;
    } else {
      throw backupFileError(path, raw.line, 'neither a table line, a row nor the end line');
    }
    hash.update(raw.bytes).update('\n');
  }
  if (!end) throw backupFileError(path, null, `the file ends after line ${last} without its end line: it is truncated`);
  yield end;
}

/** Turns decompression errors into refusals naming the file. */
async function* explained<T>(path: string, source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw backupFileError(path, null, zlibReason(error as NodeJS.ErrnoException));
    throw error;
  }
}

async function checkIsGzip(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw backupFileError(path, null, error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw backupFileError(path, null, 'not a file');
  const file = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead < 2 || buffer[0] !== 0x1f || buffer[1] !== 0x8b) throw backupFileError(path, null, 'not an Accord backup: it is not gzip-compressed (`accord backup` writes one)');
  } finally {
    await file.close();
  }
}

/** Opens a backup and reads its header; the rest is read as `items` is iterated. */
export async function openBackup(path: string, options: { maxLineBytes?: number } = {}): Promise<BackupFile> {
  await checkIsGzip(path);
  // The callback form hands back the last stream, which fails when any of them fails.
  const gunzip = pipeline(createReadStream(path), createGunzip(), () => {});
  const close = () => gunzip.destroy();
  const lines = explained(
    path,
    splitLines(gunzip, options.maxLineBytes ?? MAX_LINE_BYTES, (line, reason) => backupFileError(path, line, reason)),
  );
  try {
    const first = await lines.next();
    const header = parseHeader(path, first);
    return { path, header, items: items(path, lines, (first.value as RawLine).bytes), close };
  } catch (error) {
    close();
    throw error;
  }
}
