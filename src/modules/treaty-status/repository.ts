import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { TreatyAction } from './party.ts';

/** instrument code → iso3 → actions, for the given instruments (and one State, if given). */
export async function actionsByInstrument(db: Kysely<Database>, codes: string[], iso3?: string): Promise<Map<string, Map<string, TreatyAction[]>>> {
  const result = new Map<string, Map<string, TreatyAction[]>>();
  if (codes.length === 0) return result;
  let query = db
    .selectFrom('treaty_action')
    .select(['instrument_code', 'iso3', 'kind', 'date', 'effective', 'sources'])
    .where('instrument_code', 'in', codes);
  if (iso3) query = query.where('iso3', '=', iso3);
  const rows = await query.orderBy('instrument_code').orderBy('iso3').orderBy('seq').execute();
  for (const row of rows) {
    const byState = result.get(row.instrument_code) ?? new Map<string, TreatyAction[]>();
    const list = byState.get(row.iso3) ?? [];
    list.push({ kind: row.kind, date: row.date, effective: row.effective, sourceIds: JSON.parse(row.sources) as string[] });
    byState.set(row.iso3, list);
    result.set(row.instrument_code, byState);
  }
  return result;
}
