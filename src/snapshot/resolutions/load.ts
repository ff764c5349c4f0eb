// Loads the shipped readings of resolutions (data/snapshot/resolutions.json.gz) through the use
// case resolutions.load-snapshot, once per file: an unchanged file is not read twice (its hash
// is kept in meta). A resolution a user imported is kept as it is.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { systemContext, type WriteContext } from '../../modules/audit/context.ts';
import { runUseCase } from '../../modules/audit/pipeline.ts';
import { readMeta, writeMeta } from '../../modules/meta/repository.ts';
import { loadShippedReadingsUseCase } from '../../modules/resolutions/write.ts';
import { decodeResolutionSnapshot, RESOLUTION_SNAPSHOT_FILE } from './format.ts';

const SNAPSHOT_HASH = 'resolution_snapshot_hash';

export interface ResolutionSnapshotLoad {
  outcome: 'absent' | 'unchanged' | 'loaded';
  stored: number;
  kept: string[];
}

export async function loadResolutionSnapshot(db: Kysely<Database>, file: string = RESOLUTION_SNAPSHOT_FILE, context: WriteContext = systemContext('snapshot')): Promise<ResolutionSnapshotLoad> {
  if (!existsSync(file)) return { outcome: 'absent', stored: 0, kept: [] };
  const bytes = readFileSync(file);
  const hash = createHash('sha256').update(bytes).digest('hex');
  if ((await readMeta(db, SNAPSHOT_HASH)) === hash) return { outcome: 'unchanged', stored: 0, kept: [] };
  const { readings } = decodeResolutionSnapshot(bytes);
  const result = await runUseCase(db, loadShippedReadingsUseCase, readings, context);
  await writeMeta(db, SNAPSHOT_HASH, hash);
  return { outcome: 'loaded', ...result };
}
