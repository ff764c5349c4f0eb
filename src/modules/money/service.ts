// Exchange rates as the API shows them, each with its source and kind of source.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { loadSourcesOf, type SourceView } from '../sources/repository.ts';
import { type ExchangeRateRow, findExchangeRate, listExchangeRates } from './repository.ts';
import type { ExchangeRateView } from './schema.ts';

export function rateView(row: ExchangeRateRow, sources: Map<string, SourceView>): ExchangeRateView {
  const source = sources.get(row.source_id);
  return {
    id: Number(row.id),
    currency: row.currency,
    base: row.base,
    rate: row.rate,
    asOf: row.as_of,
    source: source ? { id: row.source_id, ...source } : null,
    enteredBy: row.entered_by,
    enteredAt: row.entered_at,
  };
}

export async function rateViews(db: Kysely<Database>, rows: ExchangeRateRow[]): Promise<ExchangeRateView[]> {
  const sources = await loadSourcesOf(
    db,
    rows.map((r) => r.source_id),
  );
  return rows.map((r) => rateView(r, sources));
}

export async function exchangeRateViews(db: Kysely<Database>, filter: { currency?: string; base?: string }): Promise<ExchangeRateView[]> {
  return rateViews(db, await listExchangeRates(db, filter));
}

export async function exchangeRateView(db: Kysely<Database>, id: number): Promise<ExchangeRateView> {
  const row = await findExchangeRate(db, id);
  if (!row) throw new NotFoundError('exchange rate', String(id));
  return (await rateViews(db, [row]))[0]!;
}
