// What the snapshot is made of, read from a database the importers filled: the imported
// datasets (never the shipped reference ones), the official names, the sources they cite, and
// the actions, snapshots and membership snapshots of those datasets, each in a stable order.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { OFFICIAL_NAME_PRIORITY } from '../modules/names/service.ts';

export async function readImportedData(db: Kysely<Database>) {
  const datasets = await db.selectFrom('import_dataset').selectAll().where('kind', '!=', 'reference').orderBy('id').execute();
  const ids = datasets.map((d) => d.id);
  const names = await db
    .selectFrom('entity_name')
    .selectAll()
    .where('priority', '=', OFFICIAL_NAME_PRIORITY)
    .orderBy('entity_kind')
    .orderBy('entity_id')
    .orderBy('lang')
    .orderBy('kind')
    .orderBy('value')
    .execute();
  const sourceIds = [...new Set([...datasets.map((d) => d.source_id), ...names.map((n) => n.source_id!)])];
  const [sources, actions, snapshots, memberships] =
    ids.length === 0
      ? [[], [], [], []]
      : await Promise.all([
          db.selectFrom('source').selectAll().where('id', 'in', sourceIds).orderBy('id').execute(),
          db.selectFrom('treaty_action').selectAll().where('dataset_id', 'in', ids).orderBy('dataset_id').orderBy('seq').execute(),
          db.selectFrom('treaty_snapshot').selectAll().where('dataset_id', 'in', ids).orderBy('dataset_id').orderBy('seq').execute(),
          db.selectFrom('membership_snapshot').selectAll().where('dataset_id', 'in', ids).orderBy('dataset_id').orderBy('seq').execute(),
        ]);
  return { datasets, names, sources, actions, snapshots, memberships };
}
