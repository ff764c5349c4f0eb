// All SQL of requests for assistance.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AssistanceRequestStepTable, AssistanceRequestTable, Database } from '../../db/schema.ts';
import type { RequestStatus } from '../../shared/vocabularies.ts';

export type RequestRow = Selectable<AssistanceRequestTable>;

export async function findRequest(db: Kysely<Database>, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('assistance_request').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface RequestFilter {
  state?: string;
  status?: RequestStatus;
  receivedFrom?: string;
  receivedTo?: string;
}

/** The requests the reader may see, filtered; overdue is decided by the caller from `due`. */
export async function listRequests(db: Kysely<Database>, filter: RequestFilter): Promise<RequestRow[]> {
  let query = db.selectFrom('assistance_request').selectAll();
  if (filter.state) query = query.where('state_iso3', '=', filter.state);
  if (filter.status) query = query.where('status', '=', filter.status);
  // Partial dates compare as text: '2004' <= '2004-03-02' and '2004-03' <= '2004-03-31', so a
  // bound of a year or month takes in the whole year or month.
  if (filter.receivedFrom) query = query.where('received', '>=', filter.receivedFrom);
  if (filter.receivedTo) query = query.where('received', '<=', `${filter.receivedTo}\uffff`);
  return query.orderBy('received', 'desc').orderBy('id').execute();
}

export async function insertRequest(db: Kysely<Database>, row: Insertable<AssistanceRequestTable>): Promise<void> {
  await db.insertInto('assistance_request').values(row).execute();
}

/** Writes the columns if the request is still at `expected`; false when another write came first. */
export async function updateRequestIfVersion(db: Kysely<Database>, id: string, expected: number, set: Record<string, unknown>): Promise<boolean> {
  const result = await db
    .updateTable('assistance_request')
    .set({ ...set, updated_at: new Date().toISOString() } as never)
    .set((eb) => ({ row_version: eb('row_version', '+', 1) }))
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRequestIfVersion(db: Kysely<Database>, id: string, expected: number): Promise<boolean> {
  const result = await db.deleteFrom('assistance_request').where('id', '=', id).where('row_version', '=', expected).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function stepsOf(db: Kysely<Database>, id: string): Promise<Selectable<AssistanceRequestStepTable>[]> {
  return db.selectFrom('assistance_request_step').selectAll().where('request_id', '=', id).orderBy('id').execute();
}

export async function insertStep(db: Kysely<Database>, row: Insertable<AssistanceRequestStepTable>): Promise<void> {
  await db.insertInto('assistance_request_step').values(row).execute();
}
