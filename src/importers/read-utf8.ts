// Reading a user's file for an importer: refused (never stored as mojibake) when it is not
// UTF-8, and refused when far too large to be the table the importer expects.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ValidationError, type Problem } from '../shared/errors.ts';

/** The tables importers read are small (the largest shared one is under 1 MB); anything this
 *  large is the wrong file, refused before it is read into memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What the path is when it is not a regular file ("a directory", "a named pipe (FIFO)"…),
 *  else null. Only stat is used: opening a named pipe would wait for a writer forever. */
export function notRegularFile(path: string): string | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 'nothing (a broken link)';
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The problem of a path that is not a regular file, naming it and saying what it is. */
export function notRegularFileProblem(file: string, kind: string): Problem {
  return { file, reason: `is ${kind}, not a file: it was not read` };
}

/** Refuses a missing file, anything that is not a regular file, or one far larger than `what` can be. */
export function checkFile(path: string, file: string, what: string, maxBytes = MAX_FILE_BYTES): void {
  if (!existsSync(path)) throw new ValidationError(`${file}: no such file (${path})`, [{ file, reason: 'not found' }]);
  const kind = notRegularFile(path);
  if (kind) throw new ValidationError(`${file} is ${kind}, not ${what}`, [notRegularFileProblem(file, kind)]);
  const size = statSync(path).size;
  if (size > maxBytes) {
    throw new ValidationError(`${file} is ${(size / 1048576).toFixed(0)} MB; ${what} is far smaller (limit ${maxBytes / 1048576} MB)`, [{ file, reason: 'file too large' }]);
  }
}

/** The text of `path`; `file` is the name used in messages, `what` says what was expected. */
export function readUtf8(path: string, file: string, what: string): string {
  checkFile(path, file, what);
  const bytes = readFileSync(path);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ValidationError(`${file} is not UTF-8 text: save it as UTF-8 and import it again`, [{ file, row: firstNonUtf8Line(bytes), reason: 'invalid UTF-8 byte sequence' }]);
  }
}

/** Number (from 1) of the first line that is not valid UTF-8. */
function firstNonUtf8Line(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; ; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    try {
      decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
  }
}
