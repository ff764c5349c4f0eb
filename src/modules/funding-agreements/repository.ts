// Funding agreements: stored, read through the asker's view, written only at the version read.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, FundingAgreementTable } from '../../db/schema.ts';

export type AgreementRow = Selectable<FundingAgreementTable>;

export async function listAgreements(db: Kysely<Database>): Promise<AgreementRow[]> {
  return db.selectFrom('funding_agreement').selectAll().orderBy('id').execute();
}

export async function findAgreement(db: Kysely<Database>, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('funding_agreement').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Id → title of those of `ids` the reader sees. */
export async function agreementTitles(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('funding_agreement')
    .select(['id', 'title'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function insertAgreement(db: Kysely<Database>, row: Insertable<FundingAgreementTable>): Promise<void> {
  await db.insertInto('funding_agreement').values(row).execute();
}

export async function updateAgreementIfVersion(db: Kysely<Database>, id: string, expected: number, changes: Updateable<FundingAgreementTable>): Promise<boolean> {
  const result = await db
    .updateTable('funding_agreement')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAgreementIfVersion(db: Kysely<Database>, id: string, expected: number): Promise<boolean> {
  const result = await db.deleteFrom('funding_agreement').where('id', '=', id).where('row_version', '=', expected).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
