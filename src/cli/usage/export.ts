// `accord export <entity>`: the entities and options; the work is in ../commands/export.ts,
// loaded when the command runs.
import type { Command } from 'commander';
import type { Lang } from '../../shared/text.ts';
import { choice, parseDate, parseLang } from '../parse.ts';

import { EXPORT_ENTITIES, type ExportEntity } from '../../shared/vocabularies.ts';

export type { ExportEntity };
export interface ExportOptions {
  format: 'csv' | 'json' | 'akn';
  lang: Lang;
  asOf?: string;
  organization?: string;
  out?: string;
}

export function defineExport(program: Command): void {
  program
    .command('export')
    .description(`export what the API shows; entities: ${EXPORT_ENTITIES.join(', ')}; and one resolution (resolution <id> --format akn|json)`)
    .argument('<entity>', 'what to export', choice([...EXPORT_ENTITIES, 'resolution'] as const, 'entity'))
    .argument('[id]', 'resolution: its id (A-RES-80-212) or key (A/RES/80/212, local:<name>)')
    .option('--format <format>', 'csv or json; for a resolution akn (Akoma Ntoso 3.0) or json', choice(['csv', 'json', 'akn'] as const, 'format'))
    .option('--lang <lang>', 'language of names', parseLang, 'en')
    .option('--as-of <date>', 'date for memberships and coverage (default today)', parseDate)
    .option('--organization <id>', 'the organization, for members')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (entity: ExportEntity | 'resolution', id: string | undefined, options: ExportOptions) => {
      const { runExport } = await import('../commands/export.ts');
      await runExport(entity, id, options);
    });
}
