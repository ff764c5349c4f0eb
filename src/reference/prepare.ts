// Brings a database up to date: migrations, then the reference data (skipped when unchanged).
// What `accord db seed` does, and what `accord serve` does before it listens.
import type { Db } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadReferenceData } from './load.ts';
import { seedReferenceData } from './seed.ts';

export async function prepareDatabase(db: Db, log: (line: string) => void, options: { force?: boolean } = {}): Promise<void> {
  const applied = await migrateToLatest(db.db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const data = loadReferenceData();
  const outcome = await seedReferenceData(db.db, data, options);
  const counts = `${data.states.length} States, ${data.organizations.length} organizations, ` +
    `${data.instruments.length} instruments, ${data.mechanisms.length} mechanisms, ${data.presences.length} presences`;
  log(outcome === 'loaded' ? `reference data loaded into ${db.label}: ${counts}` : `reference data already up to date in ${db.label}: ${counts}`);
}
