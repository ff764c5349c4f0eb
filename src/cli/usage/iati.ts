// `accord iati validate <file>`; the work is in ../commands/iati.ts, loaded when it runs.
import type { Command } from 'commander';

export function defineIati(program: Command): void {
  const iati = program.command('iati').description('IATI activity files (the International Aid Transparency Initiative standard, version 2.0x)');
  iati
    .command('validate')
    .description(
      'check an IATI activity file: well-formed XML, the IATI 2.03 schema, then version, codelists and the IATI rules (docs/IATI.md). ' +
        'Prints one problem a line (stage, rule, path, line, severity, message, tab-separated) and exits with 1 when any is an error. ' +
        'The schema is read from ../shared/data/iati-reference/schema, or the folder IATI_SCHEMA_DIR names',
    )
    .argument('<file>', 'an iati-activities XML file')
    .option('--today <date>', 'the day future dates are compared with (YYYY-MM-DD; default today)')
    .action(async (file: string, options: { today?: string }) => {
      const { validateIatiCommand } = await import('../commands/iati.ts');
      await validateIatiCommand(file, options);
    });
}
