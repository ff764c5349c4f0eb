// Exchange rates: stored as an administrator entered them, read for lists and for totals.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ExchangeRateTable } from '../../db/schema.ts';

export type ExchangeRateRow = Selectable<ExchangeRateTable>;

export async function insertExchangeRate(db: Kysely<Database>, row: Insertable<ExchangeRateTable>): Promise<number> {
  const inserted = await db.insertInto('exchange_rate').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function findExchangeRate(db: Kysely<Database>, id: number): Promise<ExchangeRateRow | undefined> {
  return db.selectFrom('exchange_rate').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRateOfDay(db: Kysely<Database>, key: { currency: string; base: string; asOf: string }): Promise<ExchangeRateRow | undefined> {
  return db.selectFrom('exchange_rate').selectAll().where('currency', '=', key.currency).where('base', '=', key.base).where('as_of', '=', key.asOf).executeTakeFirst();
}

export async function listExchangeRates(db: Kysely<Database>, filter: { currency?: string; base?: string; upTo?: string } = {}): Promise<ExchangeRateRow[]> {
  let query = db.selectFrom('exchange_rate').selectAll();
  if (filter.currency) query = query.where('currency', '=', filter.currency);
  if (filter.base) query = query.where('base', '=', filter.base);
  if (filter.upTo) query = query.where('as_of', '<=', filter.upTo);
  return query.orderBy('currency').orderBy('base').orderBy('as_of').orderBy('id').execute();
}

export async function deleteExchangeRate(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('exchange_rate').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
