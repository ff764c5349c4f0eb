// The seed's writes of shipped exchanges and series (data/reference/cooperation-exchanges.json),
// in the seed's transaction, as the shipped events are written (events/seed/repository.ts): a
// shipped record is upserted with users' corrections kept (the new shipped value goes under the
// correction) and a new version; a user's record of the same id is left alone. Shipped parties
// are rewritten (a correction of them belongs in the data file); shipped documents and links are
// added when missing, never removed; follow-up actions users entered are never touched. A
// shipped exchange no longer in the file is deleted only when nobody corrected or added to it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { mergeSeeded } from '../../edits/corrections.ts';

async function upsert(trx: Kysely<Database>, table: 'exchange_series' | 'exchange', row: { id: string; sources: string }): Promise<boolean> {
  const stored = await trx.selectFrom(table).selectAll().where('id', '=', row.id).executeTakeFirst();
  const at = new Date().toISOString();
  if (!stored) {
    // biome-ignore lint/suspicious/noExplicitAny: one insert for two tables of the same shape
    await (trx.insertInto(table) as any).values({ ...row, corrections: '{}', origin: 'reference', created_by: 'system:seed', created_at: at, updated_at: at }).execute();
    return true;
  }
  if (stored.origin !== 'reference') return false;
  const merged = mergeSeeded(row, stored as unknown as { origin: string; corrections: string; sources: string } & Record<string, unknown>);
  const { id, ...set } = merged;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  await (trx.updateTable(table) as any)
    .set({ ...set, updated_at: at, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .execute();
  return true;
}

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
  documents: { title: string; url: string }[];
  links: { to_kind: string; to_ref: string; note: string | null }[];
}

async function addMissingParts(trx: Kysely<Database>, e: ShippedExchange): Promise<void> {
  const held = new Set((await trx.selectFrom('cooperation_document').select('url').where('owner_kind', '=', 'exchange').where('owner_id', '=', e.row.id).execute()).map((d) => d.url));
  const missing = e.documents.filter((d) => !held.has(d.url));
  if (missing.length)
    await trx
      .insertInto('cooperation_document')
      .values(missing.map((d) => ({ owner_kind: 'exchange', owner_id: e.row.id, title: d.title, url: d.url })))
      .execute();
  const linked = new Set(
    (await trx.selectFrom('cooperation_link').select(['to_kind', 'to_ref']).where('from_kind', '=', 'exchange').where('from_id', '=', e.row.id).execute()).map((l) => `${l.to_kind} ${l.to_ref}`),
  );
  const newLinks = e.links.filter((l) => !linked.has(`${l.to_kind} ${l.to_ref}`));
  if (newLinks.length)
    await trx
      .insertInto('cooperation_link')
      .values(newLinks.map((l) => ({ ...l, from_kind: 'exchange', from_id: e.row.id })))
      .execute();
}

export async function writeShippedExchanges(trx: Kysely<Database>, series: ShippedExchangeSeries[], exchanges: ShippedExchange[]): Promise<void> {
  for (const s of series) await upsert(trx, 'exchange_series', s);
  for (const e of exchanges) {
    if (!(await upsert(trx, 'exchange', e.row))) continue;
    await trx.deleteFrom('exchange_party').where('exchange_id', '=', e.row.id).execute();
    await trx
      .insertInto('exchange_party')
      .values(e.parties.map((p) => ({ ...p, exchange_id: e.row.id })))
      .execute();
    await addMissingParts(trx, e);
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
    await trx.deleteFrom('cooperation_document').where('owner_kind', '=', 'exchange').where('owner_id', 'in', ids).execute();
    await trx.deleteFrom('cooperation_link').where('from_kind', '=', 'exchange').where('from_id', 'in', ids).execute();
    await trx.deleteFrom('exchange').where('id', 'in', ids).execute();
  }
}
