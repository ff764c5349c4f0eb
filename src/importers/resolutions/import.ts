// `accord import resolution <file|folder>`: each plain-text file (.txt) of a folder and its
// sub-folders, in name order, imported through the use case resolutions.import, one file at a
// time: a file that is refused (not text, no paragraph recognised) is reported with why, and the
// others are stored. Each file's report says how many paragraphs, mandates and doubts it gave.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, type Problem, ValidationError } from '../../shared/errors.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { importResolution } from '../../modules/resolutions/write.ts';
import type { DatasetImportOptions, DatasetImportReport } from '../dataset-import.ts';

/** The .txt files under a folder (sub-folders included), or the one file given. */
export function resolutionFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return resolutionFiles(full);
      return entry.isFile() && entry.name.toLowerCase().endsWith('.txt') ? [full] : [];
    });
}

/** UTF-8, as pdftotext writes it; anything else is refused rather than read wrong. */
function readText(file: string): string {
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) throw new ValidationError(`${basename(file)} is not UTF-8 text`, [{ field: 'text', reason: 'the file holds bytes that are not UTF-8: save it as UTF-8 plain text' }]);
  return text.replace(/^\uFEFF/, '');
}

export async function importResolutions(db: Kysely<Database>, path: string, options: DatasetImportOptions & { lang?: string }) {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new ValidationError(`No file or folder "${path}"`, [{ field: 'path', reason: 'not found' }]);
  }
  const files = stat.isDirectory() ? resolutionFiles(path) : [path];
  if (files.length === 0) throw new ValidationError(`No .txt file in ${path}`, [{ field: 'path', reason: 'the folder holds no plain-text file' }]);
  const context = options.context ?? systemContext('importer');
  const report: DatasetImportReport & { notes: { file: string; note: string }[] } = { files: [], problems: [], unmatchedNames: [], notes: [] };
  for (const [i, file] of files.entries()) {
    const name = stat.isDirectory() ? relative(path, file) : basename(file);
    try {
      const result = await importResolution(db, { fileName: basename(file), text: readText(file), lang: options.lang ?? 'en' }, context);
      report.files.push({ file: name, dataset: result.key, status: result.status === 'unchanged' ? 'unchanged' : 'imported', accepted: result.preambular + result.operative, rejected: 0 });
      report.notes.push({
        file: name,
        note: `${result.key}: ${result.status}; ${result.preambular} preambular, ${result.operative} operative paragraphs, ${result.mandates} mandates, ${result.doubts.length} doubts`,
      });
      // What the parser was unsure about, and where: each on a line of its own.
      for (const d of result.doubts) report.notes.push({ file: name, note: `unsure (${d.where}): ${d.why}` });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const details = error.details;
      report.files.push({ file: name, dataset: '', status: 'rejected', accepted: 0, rejected: 1 });
      const problems: Problem[] = details.length ? details : [{ reason: error.message }];
      report.problems.push(...problems.map((p) => ({ ...p, file: name })));
    }
    options.onProgress?.(i + 1, files.length, name);
  }
  return report;
}
