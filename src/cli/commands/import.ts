// `accord import <kind> <path>`: runs the importer of that kind and prints what it did.
import { importCowIgo } from '../../importers/cow-igo/import.ts';
import { importCsvWithMapping } from '../../importers/csv-mapping/import.ts';
import { importM49Names } from '../../importers/m49-names/import.ts';
import { importUntcHtml } from '../../importers/untc-html/import.ts';
import { importUntcYears } from '../../importers/untc-years/import.ts';
import { importUntc } from '../../importers/untc/import.ts';
import { importUntermNames } from '../../importers/unterm-names/import.ts';
import { ValidationError } from '../../shared/errors.ts';
import { importAllCommand, importDatasetCommand } from '../import-report.ts';
import type { ImportKind, ImportOptions } from '../usage/import.ts';
import { withRegistry } from '../with-db.ts';

export function runImport(kind: ImportKind, path: string, options: ImportOptions): Promise<void> {
  return withRegistry(async (db) => {
    if (kind === 'all') {
      await importAllCommand(db.db, path, options);
      return;
    }
    if (kind === 'csv') {
      if (!options.mapping) throw new ValidationError('import csv needs --mapping <file>: the column mapping of the table (see data/mappings/)');
      const mapping = options.mapping;
      await importDatasetCommand((o) => importCsvWithMapping(db.db, path, mapping, o), options);
      return;
    }
    if (kind === 'untc' || kind === 'untc-years' || kind === 'untc-html' || kind === 'cow-igo') {
      const importer = { untc: importUntc, 'untc-years': importUntcYears, 'untc-html': importUntcHtml, 'cow-igo': importCowIgo }[kind];
      await importDatasetCommand((o) => importer(db.db, path, o), options);
      return;
    }
    if (kind === 'm49-names') {
      const report = await importM49Names(db.db, path, options);
      const perLang = Object.entries(report.names).map(([lang, n]) => `${lang} ${n}`).join(', ');
      const skipped = report.skipped.map((s) => `${s.code} ${s.name}`).join(', ');
      console.log(`imported names of ${report.regions} regions (${perLang}); ${report.skipped.length} codes not in the registry skipped${skipped ? `: ${skipped}` : ''}`);
      return;
    }
    const report = await importUntermNames(db.db, path, options);
    console.log(`imported ${report.names} names for ${report.imported} States; ${report.skipped.length} rows without UNTERM names skipped`);
  });
}
