// The seed's writes of shipped exchanges and series (data/reference/cooperation-exchanges.json),
// in the seed's transaction, as the shipped events are written (cooperation/seed/repository.ts): a
// shipped record is upserted with users' corrections kept (the new shipped value goes under the
// correction) and a new version; a user's record of the same id is left alone. Shipped parties
// are rewritten (a correction of them belongs in the data file); shipped documents and links are
// added when missing, never removed; follow-up actions users entered are never touched. A
// shipped exchange no longer in the file is deleted only when nobody corrected or added to it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { addMissingShippedParts, deleteShippedParts, type ShippedParts, upsertShipped } from '../../cooperation/seed/repository.ts';

export interface ShippedExchangeSeries {
  id: string;
  title: string;
  description: string | null;
  note: string | null;
  sources: string;
}

export interface ShippedExchange {
  row: {
    id: string;
    kind: string;
    title: string;
    series_id: string | null;
    series_number: number | null;
    start_date: string;
    end_date: string | null;
    city: string | null;
    country_iso3: string | null;
    topic: string | null;
    description: string | null;
    outcomes: string | null;
    note: string | null;
    sources: string;
  };
  parties: { side: string; un_body: string | null; name: string | null; organization_id: string | null; mechanism_code: string | null }[];
  documents: ShippedParts['documents'];
  links: ShippedParts['links'];
}

export async function writeShippedExchanges(trx: Kysely<Database>, series: ShippedExchangeSeries[], exchanges: ShippedExchange[]): Promise<void> {
  for (const s of series) await upsertShipped(trx, 'exchange_series', s);
  for (const e of exchanges) {
    if (!(await upsertShipped(trx, 'exchange', e.row))) continue;
    await trx.deleteFrom('exchange_party').where('exchange_id', '=', e.row.id).execute();
    await trx
      .insertInto('exchange_party')
      .values(e.parties.map((p) => ({ ...p, exchange_id: e.row.id })))
      .execute();
    await addMissingShippedParts(trx, 'exchange', e.row.id, e);
  }
  let gone = trx
    .selectFrom('exchange as e')
    .select('e.id')
    .where('e.origin', '=', 'reference')
    .where('e.corrections', '=', '{}')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('exchange_action as a').select('a.id').whereRef('a.exchange_id', '=', 'e.id'))));
  const shipped = exchanges.map((e) => e.row.id);
  if (shipped.length) gone = gone.where('e.id', 'not in', shipped);
  const ids = (await gone.execute()).map((r) => r.id);
  if (ids.length) {
    await deleteShippedParts(trx, 'exchange', ids);
    await trx.deleteFrom('exchange').where('id', 'in', ids).execute();
  }
}
