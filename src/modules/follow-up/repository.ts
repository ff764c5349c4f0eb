// The follow-up of recommendations as stored (migration 014): rows are only added, each naming
// its recommendation by its text id; a mistaken one is withdrawn (migration 017), never deleted,
// and every current fact below (the latest status, the facet, the filter, and so the exports and
// bulk assignments that use it) reads the live rows only. Reads run through the asker's view
// (db/visibility.ts adds each row's confidentiality condition to every SELECT, subqueries
// included), so "the latest status" is the latest the asker may see. Bulk writes are one
// INSERT … SELECT over the recommendations a search matches: no round trip per recommendation.
import { countsWithNone } from './counts.ts';
import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, FollowUpActionTable, FollowUpEntityTable, FollowUpProjectTable, FollowUpStatusTable } from '../../db/schema.ts';
import { NO_FOLLOW_UP } from '../../shared/vocabularies.ts';
import { matching, type Query, type RecommendationFilter } from '../recommendations/repository.ts';

export type FollowUpTable = 'follow_up_status' | 'follow_up_entity' | 'follow_up_action' | 'follow_up_project';

type Rows = {
  follow_up_status: Insertable<FollowUpStatusTable>;
  follow_up_entity: Insertable<FollowUpEntityTable>;
  follow_up_action: Insertable<FollowUpActionTable>;
  follow_up_project: Insertable<FollowUpProjectTable>;
};

export async function insertFollowUp<T extends FollowUpTable>(db: Kysely<Database>, table: T, row: Rows[T]): Promise<number> {
  // One statement for the four tables: their rows differ only in the columns `row` gives.
  const stored = await db
    .insertInto(table as 'follow_up_status')
    .values(row as Rows['follow_up_status'])
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(stored.id);
}

/** The recommendation's State, or undefined when no recommendation has this id. */
export async function stateOfRecommendation(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('recommendation').select('state_iso3').where('id', '=', id).executeTakeFirst();
  return row?.state_iso3;
}

/** Every follow-up row of one recommendation the view holds, withdrawn ones too (it is a history): statuses and actions latest first, entities and projects last recorded first. */
export async function followUpRowsOf(db: Kysely<Database>, id: string) {
  const [statuses, entities, actions, projects] = await Promise.all([
    db.selectFrom('follow_up_status').selectAll().where('recommendation_id', '=', id).orderBy('holds_from', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('follow_up_entity').selectAll().where('recommendation_id', '=', id).orderBy('id', 'desc').execute(),
    db.selectFrom('follow_up_action').selectAll().where('recommendation_id', '=', id).orderBy('date', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('follow_up_project').selectAll().where('recommendation_id', '=', id).orderBy('id', 'desc').execute(),
  ]);
  return { statuses, entities, actions, projects };
}

/** A row of any of the four tables, as stored. */
export type FollowUpEntryRow = { [T in FollowUpTable]: Selectable<Database[T]> }[FollowUpTable];

/** One follow-up entry of a recommendation as the view finds it (withdrawn or not); undefined when the view holds none with this id for this recommendation. */
export async function followUpEntry(db: Kysely<Database>, table: FollowUpTable, recommendation: string, id: number) {
  return db
    .selectFrom(table as 'follow_up_status')
    .selectAll()
    .where('id', '=', id)
    .where('recommendation_id', '=', recommendation)
    .executeTakeFirst() as Promise<FollowUpEntryRow | undefined>;
}

/** What a withdrawal stores on the entry. */
export interface Withdrawal {
  withdrawn_at: string;
  withdrawn_by: string;
  withdrawn_reason: string;
}

/** Marks a live entry withdrawn; 0 when it is not there or was withdrawn meanwhile (the condition is checked by the UPDATE itself, so two withdrawals at once cannot both count). */
export async function withdrawFollowUpEntry(db: Kysely<Database>, table: FollowUpTable, recommendation: string, id: number, withdrawal: Withdrawal): Promise<number> {
  const result = await db
    .updateTable(table as 'follow_up_status')
    .set(withdrawal)
    .where('id', '=', id)
    .where('recommendation_id', '=', recommendation)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

type StatusScope = ExpressionBuilder<Database & { s: FollowUpStatusTable }, 's'>;

/** `s` is the latest status of its recommendation among the live ones the view holds (the caller keeps `s` itself live): none holds from a later date, or from the same date and was recorded after it. */
function isLatest(eb: StatusScope) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('follow_up_status as later')
        .select('later.id')
        .whereRef('later.recommendation_id', '=', 's.recommendation_id')
        .where('later.withdrawn_at', 'is', null)
        .where((w) => w.or([w('later.holds_from', '>', w.ref('s.holds_from')), w.and([w('later.holds_from', '=', w.ref('s.holds_from')), w('later.id', '>', w.ref('s.id'))])])),
    ),
  );
}

/** The search's `followUp` filter: recommendations whose latest status (as the view sees them) is one of `values`; `none`: those with no status at all. */
export function withFollowUp(q: Query, values: readonly string[]): Query {
  const statuses = values.filter((v) => v !== NO_FOLLOW_UP);
  const none = values.includes(NO_FOLLOW_UP);
  return q.where((eb) => {
    const hasStatus = (only: readonly string[] | null) => {
      let sub = eb.selectFrom('follow_up_status as s').select('s.id').whereRef('s.recommendation_id', '=', 'recommendation.id').where('s.withdrawn_at', 'is', null);
      if (only) sub = sub.where('s.status', 'in', only).where((w) => isLatest(w as unknown as StatusScope));
      return eb.exists(sub);
    };
    const alternatives = [...(statuses.length ? [hasStatus(statuses)] : []), ...(none ? [eb.not(hasStatus(null))] : [])];
    return eb.or(alternatives);
  });
}

/** How many matching recommendations have each latest status, and how many have none (`none`), the followUp filter itself left out. */
export async function followUpCounts(db: Kysely<Database>, f: RecommendationFilter): Promise<{ value: string; count: number }[]> {
  const base = matching(db, { ...f, followUp: [] });
  const [latest, total] = await Promise.all([
    db
      .selectFrom('follow_up_status as s')
      .select(['s.status as value', (eb) => eb.fn.countAll().as('count')])
      .where('s.recommendation_id', 'in', base.select('id'))
      .where('s.withdrawn_at', 'is', null)
      .where((eb) => isLatest(eb as unknown as StatusScope))
      .groupBy('s.status')
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return countsWithNone(
    latest.map((r) => ({ value: String(r.value), count: Number(r.count) })),
    Number(total.n),
  );
}

/** Every recommendation's latest status the view holds, by the recommendation's seq: what the facet index counts the followUp facet from. */
export async function latestStatusesBySeq(db: Kysely<Database>): Promise<{ seq: number; status: string }[]> {
  // The statuses drive (a subquery per status, by the unique id): as a join, SQLite could walk every recommendation first.
  const rows = await db
    .selectFrom('follow_up_status as s')
    .select((eb) => ['s.status', eb.selectFrom('recommendation as r').select('r.seq').whereRef('r.id', '=', 's.recommendation_id').as('seq')])
    .where('s.withdrawn_at', 'is', null)
    .where((eb) => isLatest(eb as unknown as StatusScope))
    .execute();
  return rows.filter((r) => r.seq !== null).map((r) => ({ seq: Number(r.seq), status: r.status }));
}

/** Per State addressed, how many recommendations match and one of their ids: what a bulk write checks the writer's rights against. */
export async function statesOfMatching(db: Kysely<Database>, f: RecommendationFilter): Promise<{ state: string; count: number; example: string }[]> {
  const rows = await matching(db, f)
    .select(['state_iso3', (eb) => eb.fn.countAll().as('count'), (eb) => eb.fn.min('id').as('example')])
    .groupBy('state_iso3')
    .orderBy('state_iso3')
    .execute();
  return rows.map((r) => ({ state: r.state_iso3, count: Number(r.count), example: String(r.example) }));
}

/** The ids of every matching recommendation, in a stable order: what the audit record of a bulk write lists. */
export async function idsOfMatching(db: Kysely<Database>, f: RecommendationFilter): Promise<string[]> {
  const rows = await matching(db, f).select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** What every row a bulk write adds shares. */
export interface Stamp {
  recorded_by: string;
  recorded_at: string;
  confidentiality: string;
  audience: string;
}

const value = (v: string | null) => (v === null ? sql<string | null>`cast(null as text)` : sql<string>`cast(${v} as text)`);

/** One status for every matching recommendation, in one statement; the number of rows added. */
export async function insertStatusForMatching(db: Kysely<Database>, f: RecommendationFilter, entry: { status: string; holds_from: string; note: string | null }, stamp: Stamp): Promise<number> {
  const result = await db
    .insertInto('follow_up_status')
    .columns(['recommendation_id', 'status', 'holds_from', 'note', 'recorded_by', 'recorded_at', 'confidentiality', 'audience'])
    .expression(
      matching(db, f).select([
        'id',
        value(entry.status).as('status'),
        value(entry.holds_from).as('holds_from'),
        value(entry.note).as('note'),
        value(stamp.recorded_by).as('recorded_by'),
        value(stamp.recorded_at).as('recorded_at'),
        value(stamp.confidentiality).as('confidentiality'),
        value(stamp.audience).as('audience'),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** One responsible entity for every matching recommendation, in one statement. */
export async function insertEntityForMatching(db: Kysely<Database>, f: RecommendationFilter, entry: { name: string; state_iso3: string | null }, stamp: Stamp): Promise<number> {
  const result = await db
    .insertInto('follow_up_entity')
    .columns(['recommendation_id', 'name', 'state_iso3', 'recorded_by', 'recorded_at', 'confidentiality', 'audience'])
    .expression(
      matching(db, f).select([
        'id',
        value(entry.name).as('name'),
        value(entry.state_iso3).as('state_iso3'),
        value(stamp.recorded_by).as('recorded_by'),
        value(stamp.recorded_at).as('recorded_at'),
        value(stamp.confidentiality).as('confidentiality'),
        value(stamp.audience).as('audience'),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
