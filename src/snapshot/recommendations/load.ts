// Loads the shipped snapshot of recommendations (data/snapshot/recommendations.jsonl.gz) by the
// rules of the treaty snapshot (../load.ts): in one transaction, a dataset written only when the
// database lacks it or holds exactly what an earlier snapshot put there (a user's own import is
// kept), a dataset an older snapshot wrote and this one no longer ships removed, and an unchanged
// file not read twice. Each dataset is stored by the importer's own write (the use case
// `recommendations.import`), so a row another dataset already holds is stored once, as on an
// import; one audit record of `snapshot.load` names what was written.
import { existsSync, readFileSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { tagsOf } from '../../importers/recommendation-files.ts';
import { systemContext, type WriteContext } from '../../modules/audit/context.ts';
import { runUseCase, summaryList, type UseCase } from '../../modules/audit/pipeline.ts';
import { deleteDatasetRow, storedDatasets } from '../../modules/datasets/repository.ts';
import { readMeta, writeMeta } from '../../modules/meta/repository.ts';
import { deleteRecommendationsOf, type RecommendationInput, type RecommendationRow, refreshPlannerStatistics } from '../../modules/recommendations/repository.ts';
import { searchTextOf } from '../../modules/recommendations/search-text.ts';
import { importRecommendationsUseCase } from '../../modules/recommendations/write.ts';
import { referenceLinker } from '../../modules/recommendation-instruments/reference-linker.ts';
import type { SourceRecord as StoredSource } from '../../modules/sources/repository.ts';
import { ValidationError } from '../../shared/errors.ts';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../../shared/source-address.ts';
import type { SourceKind } from '../../shared/source-kinds.ts';
import type { DatasetRecord, SourceRecord } from '../format.ts';
import { decodeRecommendationSnapshot, RECOMMENDATION_SNAPSHOT_FILE, recommendationSnapshotHash, type RecommendationRecord, type RecommendationSnapshotRecord } from './format.ts';

const SNAPSHOT_HASH = 'recommendation_snapshot_hash';
/** What the last snapshot of recommendations loaded wrote: dataset id → content hash. */
const SNAPSHOT_WROTE = 'recommendation_snapshot_wrote';
/** Rows handed to the importer's write at a time, as an import hands them. */
const BATCH = 1000;

export interface RecommendationSnapshotLoad {
  outcome: 'absent' | 'unchanged' | 'loaded';
  /** Datasets written or removed. */
  datasets: number;
  /** Rows stored. */
  recommendations: number;
  /** Datasets a user imported, left as they are. */
  kept: string[];
}

export async function loadRecommendationSnapshot(
  db: Kysely<Database>,
  file: string = RECOMMENDATION_SNAPSHOT_FILE,
  context: WriteContext = systemContext('snapshot'),
): Promise<RecommendationSnapshotLoad> {
  if (!existsSync(file)) return { outcome: 'absent', datasets: 0, recommendations: 0, kept: [] };
  const bytes = readFileSync(file);
  const hash = recommendationSnapshotHash(bytes);
  if ((await readMeta(db, SNAPSHOT_HASH)) === hash) return { outcome: 'unchanged', datasets: 0, recommendations: 0, kept: [] };
  const loaded = await runUseCase(db, loadUseCase, { records: decodeRecommendationSnapshot(bytes), hash, file }, context);
  await refreshPlannerStatistics(db);
  return loaded;
}

interface LoadInput {
  records: RecommendationSnapshotRecord[];
  hash: string;
  file: string;
}

const loadUseCase: UseCase<LoadInput, RecommendationSnapshotLoad> = {
  name: 'snapshot.load',
  topics: ['recommendations', 'sources'],
  async run(trx, { records, hash, file }, context) {
    const of = <T extends RecommendationSnapshotRecord['type']>(type: T) => records.filter((r): r is Extract<RecommendationSnapshotRecord, { type: T }> => r.type === type);
    const sources = new Map(of('source').map((s) => [s.id, source(s)]));
    const rows = groupBy(of('recommendation'), (r) => r.dataset);
    const result: RecommendationSnapshotLoad = { outcome: 'loaded', datasets: 0, recommendations: 0, kept: [] };
    const written: string[] = [];
    // Maps, not objects: dataset ids come from a snapshot file and must never meet inherited members.
    const wrote = new Map(Object.entries(JSON.parse((await readMeta(trx, SNAPSHOT_WROTE)) ?? '{}') as Record<string, string>));
    const now = new Map<string, string>();
    const stored = new Map([...(await storedDatasets(trx)).values()].map((d) => [d.id, d.contentHash]));
    for (const d of of('dataset')) {
      now.set(d.id, d.contentHash);
      const current = stored.get(d.id);
      if (current === d.contentHash) continue;
      if (current !== undefined && current !== wrote.get(d.id)) {
        result.kept.push(d.id); // imported by a user: theirs stays
        now.delete(d.id);
        continue;
      }
      const count = await storeDataset(trx, d, sources, rows.get(d.id) ?? [], context);
      result.datasets++;
      result.recommendations += count;
      written.push(`${d.id} (${count})`);
    }
    // A dataset an older snapshot wrote and this one no longer ships goes, unless a user replaced it.
    for (const [id, contentHash] of wrote) {
      if (now.has(id) || stored.get(id) !== contentHash) continue;
      await deleteRecommendationsOf(trx, id);
      await deleteDatasetRow(trx, id);
      result.datasets++;
      written.push(`${id} removed`);
    }
    await writeMeta(trx, SNAPSHOT_WROTE, JSON.stringify(Object.fromEntries(now)));
    await writeMeta(trx, SNAPSHOT_HASH, hash);
    const audit =
      written.length === 0
        ? []
        : [
            {
              action: 'load' as const,
              entityKind: 'snapshot',
              entityId: hash.slice(0, 16),
              after: { file, hash, datasets: result.datasets, recommendations: result.recommendations, written, kept: result.kept },
              summary: `snapshot of recommendations ${hash.slice(0, 12)}: ${summaryList(written)}${result.kept.length ? `; kept what was imported here: ${summaryList(result.kept)}` : ''}`,
            },
          ];
    return { result, audit };
  },
};

/** One dataset, through the importer's write (its own audit entry is folded into the snapshot's one). */
async function storeDataset(trx: Transaction<Database>, d: DatasetRecord, sources: Map<string, StoredSource>, rows: RecommendationRecord[], context: WriteContext): Promise<number> {
  const dataset = { id: d.id, kind: d.kind, label: d.label, contentHash: d.contentHash, source: sources.get(d.sourceId)!, asOf: d.asOf, rejected: d.rejected };
  // The links to instruments are read from the texts as any import reads them.
  const { result } = await importRecommendationsUseCase.run(trx, { dataset, batches: batchesOf(rows, d.sourceId), linker: referenceLinker() }, context);
  return result.stored;
}

async function* batchesOf(records: RecommendationRecord[], sourceId: string): AsyncGenerator<RecommendationInput[]> {
  for (let i = 0; i < records.length; i += BATCH) {
    yield records.slice(i, i + BATCH).map((r) => {
      const row = rowOf(r, sourceId);
      return { row, tags: tagsOf(row) };
    });
  }
}

function rowOf(r: RecommendationRecord, sourceId: string): RecommendationRow {
  return {
    id: r.id,
    dataset_id: r.dataset,
    source_row: r.row,
    kind: r.kind,
    mechanism: r.mechanism,
    state_iso3: r.state,
    state_group: r.stateGroup,
    state_orgs: JSON.stringify(r.stateOrgs),
    recommender_iso3: r.recommender,
    recommender_name: r.recommenderName,
    recommender_group: r.recommenderGroup,
    recommender_orgs: JSON.stringify(r.recommenderOrgs),
    cycle: r.cycle,
    session: r.session,
    date: r.date,
    sort_date: r.sortDate,
    document_symbol: r.documentSymbol,
    text: r.text,
    text_lang: r.textLang,
    response: r.response,
    response_source: r.responseAsWritten,
    action_category: r.actionCategory,
    themes_source: JSON.stringify(r.themes),
    group_key: r.groupKey,
    source_id: sourceId,
    search_text: searchTextOf(r.text),
  };
}

function source(record: SourceRecord): StoredSource {
  // A snapshot can be built from any folder: its addresses follow the rule of every other entry.
  if (!isSourceAddress(record.url)) {
    throw new ValidationError(`The snapshot's source ${record.id} has the address "${record.url.slice(0, 100)}"`, [{ field: 'url', reason: SOURCE_ADDRESS_RULE }]);
  }
  return { id: record.id, title: record.title, url: record.url, retrieved: record.retrieved, kind: (record.kind ?? 'secondary') as SourceKind, asOf: record.asOf, copyOf: record.copyOf };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const group = out.get(key(item));
    if (group) group.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
