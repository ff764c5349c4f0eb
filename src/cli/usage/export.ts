// `accord export <entity>`: the entities and options; the work is in ../commands/export.ts,
// loaded when the command runs.
import type { Command } from 'commander';
import type { Lang } from '../../shared/text.ts';
import { choice, parseDate, parseLang } from '../parse.ts';

import { EXPORT_ENTITIES, type ExportEntity } from '../../shared/vocabularies.ts';

export type { ExportEntity };
export interface ExportOptions {
  format: 'csv' | 'json';
  lang: Lang;
  asOf?: string;
  organization?: string;
  out?: string;
}

export function defineExport(program: Command): void {
  program
    .command('export')
    .description(`export what the API shows; entities: ${EXPORT_ENTITIES.join(', ')}`)
    .argument('<entity>', 'what to export', choice(EXPORT_ENTITIES, 'entity'))
    .option('--format <format>', 'csv or json', choice(['csv', 'json'] as const, 'format'), 'csv')
    .option('--lang <lang>', 'language of names', parseLang, 'en')
    .option('--as-of <date>', 'date for memberships and coverage (default today)', parseDate)
    .option('--organization <id>', 'the organization, for members')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (entity: ExportEntity, options: ExportOptions) => {
      const { runExport } = await import('../commands/export.ts');
      await runExport(entity, options);
    });
}
