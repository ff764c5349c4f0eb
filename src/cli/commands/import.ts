// `accord import <kind> <path>`: runs the importer of that kind (src/importers/kinds.ts) and
// prints what it did.
import { importKind } from '../../importers/kinds.ts';
import { ValidationError } from '../../shared/errors.ts';
import { runImportKind } from '../import-report.ts';
import type { ImportOptions } from '../usage/import.ts';
import { withRegistry } from '../with-db.ts';

export function runImport(kindName: string, path: string, options: ImportOptions): Promise<void> {
  const kind = importKind(kindName);
  if (!kind) throw new ValidationError(`No import kind "${kindName}"`);
  return withRegistry((db) => runImportKind(db.db, kind, path, options));
}
