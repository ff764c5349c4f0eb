// `accord import <kind> <path>`: the kinds, options and help; the work is in
// ../commands/import.ts, loaded when the command runs.
import type { Command } from 'commander';
import { IMPORT_KIND_NAMES, IMPORT_KINDS } from '../../importers/kinds.ts';
import type { ImportCommandOptions } from '../import-report.ts';
import { CSV_ENCODINGS, type CsvEncoding } from '../../shared/vocabularies.ts';
import { choice, parsePartialDate } from '../parse.ts';

export type ImportOptions = ImportCommandOptions & { mapping?: string; encoding?: CsvEncoding; sourceTitle?: string; sourceUrl?: string; sourceKind?: string; fundingSource?: string };

export function defineImport(program: Command): void {
  program
    .command('import')
    .description(`import official names and treaty data; kinds: ${IMPORT_KIND_NAMES.join(', ')}`)
    .argument('<kind>', 'what the file holds', choice(IMPORT_KIND_NAMES, 'kind'))
    .argument('<path>', 'the file (unterm-names) or folder (m49-names, untc, untc-years)')
    .option('--skip-invalid', 'untc, untc-years: store the valid rows and report the rejected ones (default: any rejected row changes nothing)')
    .option('--report <file>', 'untc, untc-years, csv: write the rejected rows (file, row, column, reason) to this CSV file')
    .option('--mapping <file>', 'csv: the column mapping (JSON; see data/mappings/)')
    .option('--source-title <text>', 'recommendations: what the file was read from (e.g. the concluding observations it copies); iati: default "imported from IATI file <name>"')
    .option('--source-url <address>', 'recommendations, iati: where (an http(s) address or a UN document symbol)')
    .option('--source-kind <kind>', 'recommendations: official, secondary or tertiary; iati: default official (the publisher reports its own activities)')
    .option('--funding-source <source>', 'iati: where the money of the budgets and transactions comes from: regular-budget or voluntary-contributions')
    .option('--encoding <name>', 'upr-info, one file: the encoding it was saved in if not UTF-8 (macintosh: Mac OS Roman)', choice(CSV_ENCODINGS, 'encoding'))
    .option('--allow-fewer', 'store a file even when it holds less than half the rows of the dataset it replaces')
    .option('--as-of <date>', 'the date the data speak for, when data/mappings/<folder>/source.json does not say', parsePartialDate)
    .option('--retrieved <date>', 'the day the data were read from their origin, likewise', parsePartialDate)
    .option('--reason <text>', 'why, for the audit trail (accord audit)')
    .addHelpText('after', ['', ...IMPORT_KINDS.flatMap((k) => [`${k.name} (${k.takes}): ${k.help[0]}`, ...k.help.slice(1)])].join('\n'))
    .addHelpText(
      'after',
      ['', 'A file that holds no rows, or far fewer than the dataset it would replace, is refused; the', 'command exits with 1 whenever something it was asked to store was not stored.'].join('\n'),
    )
    .action(async (kind: string, path: string, options: ImportOptions) => {
      const { runImport } = await import('../commands/import.ts');
      await runImport(kind, path, options);
    });
}
