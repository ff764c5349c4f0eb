// All SQL of resolutions, what they cite, their mandates and what answers them. Resolutions are
// public documents: every reader sees them; what answers a mandate from the programme is read
// through the reader's view elsewhere (cooperation/parts.ts).
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MandateAnswerTable, MandateTable, ResolutionCitationTable, ResolutionTable } from '../../db/schema.ts';

export type ResolutionRow = Selectable<ResolutionTable>;
export type MandateRow = Selectable<MandateTable>;
export type MandateAnswerRow = Omit<Selectable<MandateAnswerTable>, 'id' | 'mandate_id'>;
export type CitationRow = Omit<Selectable<ResolutionCitationTable>, 'resolution_id'>;

/** The columns a list shows: not the text nor what was read from it. */
const SUMMARY = ['id', 'key', 'symbol', 'body', 'session', 'title', 'adopted_on', 'meeting', 'lang', 'file_name', 'origin', 'doubts', 'row_version', 'updated_at'] as const;
export type ResolutionSummaryRow = Pick<ResolutionRow, (typeof SUMMARY)[number]>;

export async function findResolution(db: Kysely<Database>, id: string): Promise<ResolutionRow | undefined> {
  return db.selectFrom('resolution').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Several resolutions in one query (the mandates of a list read their paragraphs from them). */
export async function findResolutions(db: Kysely<Database>, ids: readonly string[]): Promise<ResolutionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('resolution').selectAll().where('id', 'in', ids).execute();
}

export async function findResolutionByKey(db: Kysely<Database>, key: string): Promise<ResolutionRow | undefined> {
  return db.selectFrom('resolution').selectAll().where('key', '=', key).executeTakeFirst();
}

export interface ResolutionFilter {
  body?: string;
  session?: number;
}

/** Every resolution matching the filter, newest adopted first (undated last), then by id. */
export async function listResolutions(db: Kysely<Database>, filter: ResolutionFilter): Promise<ResolutionSummaryRow[]> {
  let query = db.selectFrom('resolution').select(SUMMARY);
  if (filter.body) query = query.where('body', '=', filter.body);
  if (filter.session !== undefined) query = query.where('session', '=', filter.session);
  return query.orderBy('adopted_on', 'desc').orderBy('id').execute();
}

export async function insertResolution(db: Kysely<Database>, row: Insertable<ResolutionTable>): Promise<void> {
  await db.insertInto('resolution').values(row).execute();
}

/** Replaces the text and what was read from it, when the version read is still the stored one. */
export async function replaceResolutionIfVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  row: Omit<Insertable<ResolutionTable>, 'id' | 'key' | 'created_by' | 'created_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('resolution')
    .set({ ...row, row_version: version + 1 })
    .where('id', '=', id)
    .where('row_version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function citationsOf(db: Kysely<Database>, id: string): Promise<CitationRow[]> {
  return db.selectFrom('resolution_citation').select(['position', 'kind', 'ref', 'cited_body', 'cited_date']).where('resolution_id', '=', id).orderBy('position').execute();
}

export async function replaceCitations(db: Kysely<Database>, id: string, rows: readonly CitationRow[]): Promise<void> {
  await db.deleteFrom('resolution_citation').where('resolution_id', '=', id).execute();
  if (rows.length)
    await db
      .insertInto('resolution_citation')
      .values(rows.map((r) => ({ ...r, resolution_id: id })))
      .execute();
}

/** Every resolution citation of the store: what families are read from. */
export async function allResolutionCitations(db: Kysely<Database>) {
  return db.selectFrom('resolution_citation').select(['resolution_id', 'ref', 'cited_body', 'cited_date']).where('kind', '=', 'resolution').orderBy('resolution_id').orderBy('position').execute();
}

export async function mandatesOfResolution(db: Kysely<Database>, id: string): Promise<MandateRow[]> {
  return db.selectFrom('mandate').selectAll().where('resolution_id', '=', id).orderBy('position').execute();
}

export async function findMandate(db: Kysely<Database>, id: string): Promise<MandateRow | undefined> {
  return db.selectFrom('mandate').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface MandateFilter {
  status?: string;
  dueBody?: string;
  dueSession?: number;
  resolution?: string;
}

/** Mandates with their resolution's key and title, by due body, session, date, then resolution and paragraph. */
export async function listMandates(db: Kysely<Database>, filter: MandateFilter) {
  let query = db
    .selectFrom('mandate')
    .innerJoin('resolution', 'resolution.id', 'mandate.resolution_id')
    .selectAll('mandate')
    .select(['resolution.key as resolution_key', 'resolution.title as resolution_title', 'resolution.adopted_on as resolution_adopted_on']);
  if (filter.status) query = query.where('mandate.status', '=', filter.status);
  if (filter.dueBody) query = query.where('mandate.due_body', '=', filter.dueBody);
  if (filter.dueSession !== undefined) query = query.where('mandate.due_session', '=', filter.dueSession);
  if (filter.resolution) query = query.where('mandate.resolution_id', '=', filter.resolution);
  return query
    .orderBy('mandate.due_body')
    .orderBy('mandate.due_session')
    .orderBy('mandate.due_date')
    .orderBy('resolution.adopted_on')
    .orderBy('mandate.resolution_id')
    .orderBy('mandate.position')
    .execute();
}

export async function insertMandates(db: Kysely<Database>, rows: readonly Insertable<MandateTable>[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('mandate')
      .values([...rows])
      .execute();
}

/** What the text says of a mandate, after a new reading of its paragraph; its status stays. */
export async function rereadMandate(db: Kysely<Database>, id: string, row: Pick<MandateRow, 'position' | 'verb' | 'addressee' | 'deadline' | 'due_body' | 'due_session' | 'due_date'>): Promise<void> {
  await db.updateTable('mandate').set(row).where('id', '=', id).execute();
}

export async function updateMandateIfVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  row: Partial<Pick<MandateRow, 'status' | 'status_note' | 'status_date' | 'due_body' | 'due_session' | 'due_date' | 'updated_by' | 'updated_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('mandate')
    .set({ ...row, row_version: version + 1 })
    .where('id', '=', id)
    .where('row_version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function answersOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, MandateAnswerRow[]>> {
  const result = new Map<string, MandateAnswerRow[]>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('mandate_answer').select(['mandate_id', 'kind', 'ref', 'note']).where('mandate_id', 'in', ids).orderBy('id').execute();
  for (const { mandate_id, ...row } of rows) result.set(mandate_id, [...(result.get(mandate_id) ?? []), row]);
  return result;
}

export async function replaceAnswers(db: Kysely<Database>, id: string, rows: readonly MandateAnswerRow[]): Promise<void> {
  await db.deleteFrom('mandate_answer').where('mandate_id', '=', id).execute();
  if (rows.length)
    await db
      .insertInto('mandate_answer')
      .values(rows.map((r) => ({ ...r, mandate_id: id })))
      .execute();
}
