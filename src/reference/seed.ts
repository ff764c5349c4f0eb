// Writes the reference data into the database, as the use case `reference.seed` of the write
// path: one transaction, one audit record (the reference hash before and after, and the
// registry's counts), new versions for every topic. Seeding the same data twice changes
// nothing and records nothing.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { systemContext, type WriteContext } from '../modules/audit/context.ts';
import { runUseCase, type UseCase } from '../modules/audit/pipeline.ts';
import { readMeta, writeMeta } from '../modules/meta/repository.ts';
import { TOPICS } from '../shared/topics.ts';
import type { ReferenceData } from './load.ts';
import { registryCounts, writeReferenceData } from './repository.ts';

const REFERENCE_HASH = 'reference_hash';

/** Fingerprint of the reference data: equal data, equal hash. */
export function referenceHash(data: ReferenceData): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

interface SeedInput {
  data: ReferenceData;
  force: boolean;
}

export const seedReferenceUseCase: UseCase<SeedInput, 'loaded' | 'unchanged'> = {
  name: 'reference.seed',
  topics: TOPICS,
  async run(trx, { data, force }) {
    const hash = referenceHash(data);
    const previous = (await readMeta(trx, REFERENCE_HASH)) ?? null;
    if (!force && previous === hash) return { result: 'unchanged', audit: [] };
    const before = await registryCounts(trx);
    await writeReferenceData(trx, data);
    await writeMeta(trx, REFERENCE_HASH, hash);
    const after = await registryCounts(trx);
    const changed = Object.keys(after)
      .filter((k) => after[k] !== before[k])
      .map((k) => `${k} ${before[k]} → ${after[k]}`);
    return {
      result: 'loaded',
      audit: [
        {
          action: 'seed',
          entityKind: 'reference-data',
          entityId: hash.slice(0, 16),
          before: { hash: previous, counts: before },
          after: { hash, counts: after },
          summary: `reference data ${hash.slice(0, 12)} loaded${previous === hash ? ' again (forced)' : ''}${changed.length ? `: ${changed.join(', ')}` : ''}`,
        },
      ],
    };
  },
};

/**
 * Loads the reference data unless the same data were the last ones loaded (so that `serve`
 * does not rewrite the tables, nor invalidate every ETag, at each start). `force` reloads anyway.
 */
export async function seedReferenceData(db: Kysely<Database>, data: ReferenceData, options: { force?: boolean; context?: WriteContext } = {}): Promise<'loaded' | 'unchanged'> {
  return runUseCase(db, seedReferenceUseCase, { data, force: options.force ?? false }, options.context ?? systemContext('seed'));
}
