// `accord import <kind> <path>`: the kinds, options and help; the work is in
// ../commands/import.ts, loaded when the command runs.
import type { Command } from 'commander';
import type { ImportCommandOptions } from '../import-report.ts';
import { choice, parsePartialDate } from '../parse.ts';

export const IMPORT_KINDS = ['unterm-names', 'm49-names', 'untc', 'untc-html', 'untc-years', 'cow-igo', 'csv', 'all'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportOptions = ImportCommandOptions & { mapping?: string };

export function defineImport(program: Command): void {
  program
    .command('import')
    .description(`import official names and treaty data; kinds: ${IMPORT_KINDS.join(', ')}`)
    .argument('<kind>', 'what the file holds', choice(IMPORT_KINDS, 'kind'))
    .argument('<path>', 'the file (unterm-names) or folder (m49-names, untc, untc-years)')
    .option('--skip-invalid', 'untc, untc-years: store the valid rows and report the rejected ones (default: any rejected row changes nothing)')
    .option('--report <file>', 'untc, untc-years, csv: write the rejected rows (file, row, column, reason) to this CSV file')
    .option('--mapping <file>', 'csv: the column mapping (JSON; see data/mappings/)')
    .option('--allow-fewer', 'store a file even when it holds less than half the rows of the dataset it replaces')
    .option('--as-of <date>', 'the date the data speak for, when data/mappings/<folder>/source.json does not say', parsePartialDate)
    .option('--retrieved <date>', 'the day the data were read from their origin, likewise', parsePartialDate)
    .addHelpText('after', [
      '',
      'unterm-names: a CSV with ISO3166-1-Alpha-3 and "UNTERM <Language> Short|Formal" columns,',
      'such as country-codes.csv of the datahub country-codes dataset.',
      'm49-names: a folder with the UNSD M49 tables UNSD-{ar,cn,en,es,fr,ru}.csv (region, sub-region',
      'and intermediate region names), such as unsd-m49-6lang of the same dataset.',
      'untc: UN Treaty Collection chapter IV status tables (4-N.csv) and declaration texts (4-N.txt),',
      'a folder such as ../shared/data/untc-chapter4-zmjones-2015, or one file.',
      'untc-html: the UN Treaty Collection\'s own status pages saved as HTML (a folder such as',
      '../shared/data/untc-chapter4-html-2026, its html/ folder, or one page): dated acts, denunciations',
      'from the end notes, and declarations with their dates; each page states the date it speaks for.',
      'cow-igo: the Correlates of War IGO memberships by year (a folder such as ../shared/data/cow-igo-v3),',
      'a cross-check of the registry\'s memberships: each disagreement is listed, nothing is merged.',
      'untc-years: year-level status tables hr_status_<treaty>.csv of the 18 core treaties,',
      'a folder such as ../shared/data/untc-core-ratification-wpdl, or one file.',
      'csv: any table of treaty facts through a column mapping, e.g.',
      '  accord import csv ../shared/data/regional-hr-transcribed/achr_ratifications_cidh_2003.csv \\',
      '    --mapping data/mappings/regional-hr-transcribed/achr_ratifications_cidh_2003.mapping.json',
      'all: every dataset recognised in a folder such as ../shared/data (treaty tables, official',
      'names); says what it skipped and why.',
    ].join('\n'))
    .addHelpText('after', [
      '',
      'A file that holds no rows, or far fewer than the dataset it would replace, is refused; the',
      'command exits with 1 whenever something it was asked to store was not stored.',
    ].join('\n'))
    .action(async (kind: ImportKind, path: string, options: ImportOptions) => {
      const { runImport } = await import('../commands/import.ts');
      await runImport(kind, path, options);
    });
}
