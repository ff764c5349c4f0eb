// Brings a database up to date: migrations, the reference data (skipped when unchanged), then
// the shipped snapshots of imported treaty data and official names, and of UPR recommendations
// and of resolution readings (data/snapshot), so that a first start shows real treaty status,
// recommendations, resolutions and their mandates. What `accord db seed` does, and what `accord serve`
// does before it listens.
import type { Db } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemContext } from '../modules/audit/context.ts';
import { loadReferenceData } from './load.ts';
import { loadSnapshot } from '../snapshot/load.ts';
import { loadRecommendationSnapshot } from '../snapshot/recommendations/load.ts';
import { loadResolutionSnapshot } from '../snapshot/resolutions/load.ts';
import { seedReferenceData } from './seed.ts';

export async function prepareDatabase(db: Db, log: (line: string) => void, options: { force?: boolean; snapshot?: boolean; reason?: string | null } = {}): Promise<void> {
  const applied = await migrateToLatest(db.db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const data = loadReferenceData();
  const outcome = await seedReferenceData(db.db, data, { force: options.force, context: systemContext('seed', options.reason ?? null) });
  const counts =
    `${data.states.length} States, ${data.organizations.length} organizations, ` + `${data.instruments.length} instruments, ${data.mechanisms.length} mechanisms, ${data.presences.length} presences`;
  log(outcome === 'loaded' ? `reference data loaded into ${db.label}: ${counts}` : `reference data already up to date in ${db.label}: ${counts}`);
  if (options.snapshot === false) return;
  const snapshot = await loadSnapshot(db.db, undefined, systemContext('snapshot', options.reason ?? null));
  if (snapshot.outcome === 'loaded') log(`treaty data and official names loaded from the shipped snapshot: ${snapshot.datasets} datasets, ${snapshot.names} names`);
  if (snapshot.outcome === 'absent') log('no shipped snapshot (data/snapshot): treaty status will show no data until `accord import all <folder>`');
  if (snapshot.kept.length) log(`kept what was imported here rather than the snapshot's copy: ${snapshot.kept.join(', ')}`);
  const recommendations = await loadRecommendationSnapshot(db.db, undefined, systemContext('snapshot', options.reason ?? null));
  if (recommendations.outcome === 'loaded' && recommendations.datasets > 0)
    log(`UPR recommendations loaded from the shipped snapshot: ${recommendations.recommendations} in ${recommendations.datasets} datasets`);
  if (recommendations.outcome === 'absent') log('no shipped snapshot of recommendations (data/snapshot): the recommendations page will be empty until `accord import upr-info <folder>`');
  if (recommendations.kept.length) log(`kept the recommendations imported here rather than the snapshot's copy: ${recommendations.kept.join(', ')}`);
  const resolutions = await loadResolutionSnapshot(db.db, undefined, systemContext('snapshot', options.reason ?? null));
  if (resolutions.outcome === 'loaded' && resolutions.stored > 0) log(`resolutions read from the shipped snapshot: ${resolutions.stored}, with their mandates`);
  if (resolutions.outcome === 'absent') log('no shipped snapshot of resolutions (data/snapshot): the resolutions page will be empty until `accord import resolution <folder>`');
  if (resolutions.kept.length) log(`kept the resolutions imported here rather than the snapshot's reading: ${resolutions.kept.length}`);
}
