// A State's cooperation history: the programme's records about it, each read through the
// asker's view (db/visibility.ts), and the links from those records to recommendations.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

export function projectsIn(db: Kysely<Database>, iso3: string) {
  return db
    .selectFrom('project as p')
    .innerJoin('project_country as pc', 'pc.project_id', 'p.id')
    .select(['p.id', 'p.title', 'p.status', 'p.planned_start', 'p.planned_end', 'p.actual_start', 'p.actual_end', 'pc.percentage', 'p.confidentiality'])
    .where('pc.iso3', '=', iso3)
    .orderBy(sql`coalesce(p.actual_start, p.planned_start)`)
    .orderBy('p.id')
    .execute();
}

/** Events held in the State, or with participants counted from it (their headcount from it). */
export function eventsOf(db: Kysely<Database>, iso3: string) {
  return db
    .selectFrom('event as e')
    .select((eb) => [
      'e.id',
      'e.title',
      'e.kind',
      'e.start_date',
      'e.end_date',
      'e.city',
      'e.country_iso3',
      'e.confidentiality',
      eb
        .selectFrom('event_participation as c')
        .select((c) => c.fn.sum<number>('c.headcount').as('n'))
        .whereRef('c.event_id', '=', 'e.id')
        .where('c.country_iso3', '=', iso3)
        .as('headcount'),
    ])
    .where((eb) => eb.or([eb('e.country_iso3', '=', iso3), eb.exists(eb.selectFrom('event_participation as c').select('c.id').whereRef('c.event_id', '=', 'e.id').where('c.country_iso3', '=', iso3))]))
    .orderBy('e.start_date')
    .orderBy('e.id')
    .execute();
}

/** Every period in which a presence covered the State, with its presence. */
export function coverageOf(db: Kysely<Database>, iso3: string) {
  return db
    .selectFrom('presence_coverage as pc')
    .innerJoin('presence as p', 'p.id', 'pc.presence_id')
    .select(['p.id', 'p.kind', 'pc.seq', 'pc.from_date', 'pc.until_date'])
    .where('pc.iso3', '=', iso3)
    .orderBy(sql`coalesce(pc.from_date, '')`)
    .orderBy('p.id')
    .orderBy('pc.seq')
    .execute();
}

/** The recommendations the given records link to, with the records that link. */
export async function recommendationsLinkedFrom(db: Kysely<Database>, records: { kind: string; ids: string[] }[]) {
  const wanted = records.filter((r) => r.ids.length > 0);
  if (wanted.length === 0) return [];
  return db
    .selectFrom('cooperation_link as l')
    .innerJoin('recommendation as r', 'r.id', 'l.to_ref')
    .select(['l.from_kind', 'l.from_id', 'r.id', 'r.state_iso3', 'r.date', 'r.text', 'r.text_lang', 'r.mechanism'])
    .where('l.to_kind', '=', 'recommendation')
    .where((eb) => eb.or(wanted.map((r) => eb.and([eb('l.from_kind', '=', r.kind), eb('l.from_id', 'in', r.ids)]))))
    .orderBy('r.id')
    .orderBy('l.from_kind')
    .orderBy('l.from_id')
    .execute();
}
