import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Lang } from '../../shared/text.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources } from '../sources/repository.ts';
import { provenance } from '../sources/service.ts';
import { coveredStates, listPresences } from './repository.ts';
import type { PresenceView } from './schema.ts';

export async function listPresenceViews(db: Kysely<Database>, lang: Lang): Promise<PresenceView[]> {
  const [rows, names, sources, covers] = await Promise.all([listPresences(db), namesOf(db, 'presence', lang), loadSources(db), coveredStates(db)]);
  return rows.map((row) => ({
    id: row.id,
    name: names.get(row.id)?.name ?? row.id,
    nameLang: names.get(row.id)?.lang ?? 'en',
    kind: row.kind,
    seat: { city: row.seat_city, iso3: row.seat_iso3 },
    opened: row.opened,
    closed: row.closed,
    covers: covers.get(row.id) ?? [],
    mandate: row.mandate,
    ...provenance(row, sources),
  }));
}
