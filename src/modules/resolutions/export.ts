// One resolution written out whole: as Akoma Ntoso 3.0 (akn/) or as the JSON the API gives.
// What `accord export resolution <id>` and GET /api/v1/resolutions/{id}/akn write.
import { writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { today } from '../../shared/dates.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { toAkomaNtoso } from './akn/index.ts';
import { findResolution, findResolutionByKey, type ResolutionRow } from './repository.ts';
import { parsedOf, resolutionDetail } from './service.ts';

/** A resolution by its id (A-RES-80-212) or its key (A/RES/80/212, local:<name>). */
export async function resolutionByIdOrKey(db: Kysely<Database>, idOrKey: string): Promise<ResolutionRow> {
  const row = (await findResolution(db, idOrKey)) ?? (await findResolutionByKey(db, idOrKey));
  if (!row) throw new NotFoundError('resolution', idOrKey);
  return row;
}

export function aknOf(row: ResolutionRow): string {
  return toAkomaNtoso(parsedOf(row), { key: row.key, lang: row.lang });
}

export async function exportResolution(db: Kysely<Database>, idOrKey: string, format: 'akn' | 'json', out: string | undefined): Promise<void> {
  const row = await resolutionByIdOrKey(db, idOrKey);
  const text = format === 'akn' ? aknOf(row) : `${JSON.stringify(await resolutionDetail(db, row.id, today()), null, 2)}\n`;
  if (out) {
    writeFileSync(out, text);
    console.error(`${row.key} written to ${out} (${format === 'akn' ? 'Akoma Ntoso 3.0' : 'JSON'})`);
  } else process.stdout.write(text);
}
