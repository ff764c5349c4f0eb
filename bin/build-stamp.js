// Is dist/ built from the current sources? The build (scripts/build.js) writes, into
// dist/source-stamp.txt, one line per file of src/ and per tsconfig (path, size, modification
// time) as they were when it started; bin/accord.js compares that with the files now. Any
// file added, removed, edited or touched since makes the build stale. Reading the sizes and
// times of ~130 files takes a few ms; hashing their contents would take several times that.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const DIST_DIR = join(PROJECT_DIR, 'dist');
export const STAMP_FILE = join(DIST_DIR, 'source-stamp.txt');

/** What the compiled output depends on: every file of src/ and the two tsconfig files. */
function sourceFiles() {
  const src = join(PROJECT_DIR, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
  files.push(join(PROJECT_DIR, 'tsconfig.json'), join(PROJECT_DIR, 'tsconfig.build.json'));
  return files.map((file) => relative(PROJECT_DIR, file)).sort();
}

/** One line per source file: path, size and modification time. */
export function sourceStamp() {
  return sourceFiles()
    .map((file) => {
      const stat = statSync(join(PROJECT_DIR, file));
      return `${file}\t${stat.size}\t${stat.mtimeMs}\n`;
    })
    .join('');
}

/** True when dist/ exists and was built from the sources as they are now. */
export function isBuildFresh() {
  try {
    return readFileSync(STAMP_FILE, 'utf8') === sourceStamp();
  } catch {
    return false; // no build yet, or a file vanished while being read
  }
}
