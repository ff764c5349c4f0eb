// `accord export <entity>`: to standard output or to --out <file>.
import { writeFileSync } from 'node:fs';
import { today } from '../../shared/dates.ts';
import { exportEntity } from '../export.ts';
import type { ExportEntity, ExportOptions } from '../usage/export.ts';
import { withRegistry } from '../with-db.ts';

export function runExport(entity: ExportEntity, options: ExportOptions): Promise<void> {
  return withRegistry(async (db) => {
    const text = await exportEntity(db.db, entity, options.format, { lang: options.lang, asOf: options.asOf ?? today(), organization: options.organization });
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
  });
}
