// `accord db migrate` and `accord db seed`.
import { migrateToLatest } from '../../db/migrate.ts';
import { prepareDatabase } from '../../reference/prepare.ts';
import type { SeedOptions } from '../usage/db.ts';
import { withDb } from '../with-db.ts';

export function migrate(): Promise<void> {
  return withDb(async (db) => {
    const applied = await migrateToLatest(db.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : `${db.label} is up to date`);
  });
}

export function seed(options: SeedOptions): Promise<void> {
  return withDb((db) => prepareDatabase(db, console.log, { ...options, reason: options.reason ?? null }));
}
