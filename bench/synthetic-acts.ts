// What the benchmarks use to see how time grows with the data: every imported act copied
// nine times, each copy in its own synthetic dataset, written straight to the tables (as a
// fixture, not a user's write) and marked as a change of treaty data so that caches follow.
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import { replaceTopicVersions } from '../src/modules/meta/repository.ts';

/** Nine more copies of every imported act; returns the number of acts afterwards. */
export async function multiplyImportedActs(db: Db['db']): Promise<number> {
  const datasets = await db.selectFrom('import_dataset').selectAll().where('kind', '!=', 'reference').execute();
  const events = await db.selectFrom('treaty_action').selectAll().where('dataset_id', 'not like', 'reference:%').execute();
  await db.transaction().execute(async (trx) => {
    for (let copy = 1; copy <= 9; copy++) {
      for (const d of datasets) {
        await trx
          .insertInto('import_dataset')
          .values({ ...d, id: `synthetic-${copy}:${d.id}`, kind: 'csv' })
          .execute();
      }
      const rows = events.map((e) => ({ ...e, dataset_id: `synthetic-${copy}:${e.dataset_id}` }));
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .insertInto('treaty_action')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    }
    await replaceTopicVersions(trx, ['treaty-data']);
  });
  return Number((await sql<{ n: number }>`select count(*) as n from treaty_action`.execute(db)).rows[0]!.n);
}
