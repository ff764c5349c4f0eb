// The seed's writes of shipped obstacles (data/reference/cooperation-obstacles.json), in the
// seed's transaction, as the shipped exchanges are written: a shipped obstacle is upserted with
// users' corrections kept and a new version; a user's obstacle of the same id is left alone.
// Its instruments and evidence are rewritten from the file (a correction of them belongs in the
// data file). A shipped obstacle no longer in the file is deleted only when nobody corrected it
// or added a strategy to it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { upsertShipped } from '../../cooperation/seed/repository.ts';

export interface ShippedObstacle {
  row: {
    id: string;
    state_iso3: string;
    category: string;
    description: string;
    identified: string;
    identified_by: string;
    status: string;
    status_date: string | null;
    sources: string;
  };
  instruments: string[];
  evidence: { kind: string; title: string; url: string; date: string | null; note: string | null }[];
}

export async function writeShippedObstacles(trx: Kysely<Database>, obstacles: ShippedObstacle[]): Promise<void> {
  for (const o of obstacles) {
    if (!(await upsertShipped(trx, 'obstacle', o.row))) continue;
    await trx.deleteFrom('obstacle_instrument').where('obstacle_id', '=', o.row.id).execute();
    await trx
      .insertInto('obstacle_instrument')
      .values(o.instruments.map((code) => ({ obstacle_id: o.row.id, instrument_code: code })))
      .execute();
    await trx.deleteFrom('obstacle_evidence').where('obstacle_id', '=', o.row.id).execute();
    await trx
      .insertInto('obstacle_evidence')
      .values(o.evidence.map((e) => ({ ...e, obstacle_id: o.row.id, recommendation_id: null, event_id: null })))
      .execute();
  }
  let gone = trx
    .selectFrom('obstacle as o')
    .select('o.id')
    .where('o.origin', '=', 'reference')
    .where('o.corrections', '=', '{}')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('strategy as s').select('s.id').whereRef('s.obstacle_id', '=', 'o.id'))));
  const shipped = obstacles.map((o) => o.row.id);
  if (shipped.length) gone = gone.where('o.id', 'not in', shipped);
  const ids = (await gone.execute()).map((r) => r.id);
  if (ids.length) await trx.deleteFrom('obstacle').where('id', 'in', ids).execute();
}
