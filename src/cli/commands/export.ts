// `accord export <entity>`: streamed to standard output or to --out <file> (../export.ts).
import { today } from '../../shared/dates.ts';
import { exportEntity } from '../export.ts';
import type { ExportEntity, ExportOptions } from '../usage/export.ts';
import { withRegistry } from '../with-db.ts';

export function runExport(entity: ExportEntity, options: ExportOptions): Promise<void> {
  return withRegistry((db) => exportEntity(db.db, entity, options.format, { lang: options.lang, asOf: options.asOf ?? today(), organization: options.organization, out: options.out }));
}
