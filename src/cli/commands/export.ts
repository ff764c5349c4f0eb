// `accord export <entity>`: streamed to standard output or to --out <file> (../export.ts).
import { today } from '../../shared/dates.ts';
import { exportEntity } from '../export.ts';
import type { ExportEntity, ExportOptions } from '../usage/export.ts';
import { withRegistry } from '../with-db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { exportResolution } from '../../modules/resolutions/export.ts';

export function runExport(entity: ExportEntity | 'resolution', id: string | undefined, options: ExportOptions): Promise<void> {
  if (entity === 'resolution') {
    if (!id)
      throw new ValidationError('Name the resolution to export', [
        { parameter: 'id', reason: 'give its id (A-RES-80-212) or key (A/RES/80/212), as GET /api/v1/resolutions and the web app list them' },
      ]);
    const format = options.format ?? 'akn';
    if (format === 'csv') throw new ValidationError('A resolution is exported as akn or json', [{ parameter: 'format', reason: 'must be akn or json' }]);
    return withRegistry((db) => exportResolution(db.db, id, format, options.out));
  }
  if (id) throw new ValidationError(`export ${entity} takes no id`, [{ parameter: 'id', reason: `unexpected "${id}"` }]);
  const format = options.format ?? 'csv';
  if (format === 'akn') throw new ValidationError('Only a resolution is exported as Akoma Ntoso', [{ parameter: 'format', reason: 'must be csv or json' }]);
  return withRegistry((db) => exportEntity(db.db, entity, format, { lang: options.lang, asOf: options.asOf ?? today(), organization: options.organization, out: options.out }));
}
