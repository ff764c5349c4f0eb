// `accord import iati <file>`: the file read once, then imported as the API imports an upload
// (src/modules/iati-import): validated whole, every activity a project, one transaction.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ValidationError } from '../../shared/errors.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { importIatiFile } from '../../modules/iati-import/import.ts';
import type { ImportOptions } from '../kinds.ts';

/** Imports the file and says what it did, in one line. */
export async function importIatiPath(db: Kysely<Database>, path: string, options: ImportOptions): Promise<string> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new ValidationError(`no file ${path}`);
  const report = await importIatiFile(db, readFileSync(path), {
    fileName: basename(path),
    sourceUrl: options.sourceUrl,
    sourceKind: options.sourceKind,
    sourceTitle: options.sourceTitle,
    retrieved: options.retrieved,
    fundingSource: options.fundingSource,
    context: options.context ?? systemContext('importer'),
  });
  return `${report.file}: ${report.activities} activities: ${report.created} projects created, ${report.updated} updated, ${report.unchanged} unchanged`;
}
