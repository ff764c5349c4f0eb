// Storing one imported file of recommendations as a dataset, through the write pipeline, in one
// transaction: its source, then its rows a batch at a time as the importer reads them (an
// import of any size holds one batch in memory), replacing whatever the dataset held. A row
// another dataset already holds (the same recommendation read from another file) is stored
// once: it is counted as such, never stored again. One audit record names the dataset and its
// counts; the topic `recommendations` changes.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { UseCase } from '../audit/pipeline.ts';
import { storedDatasets, upsertDataset } from '../datasets/repository.ts';
import { saveSource } from '../sources/repository.ts';
import type { DatasetInput } from '../datasets/write.ts';
import type { Linker } from '../recommendation-instruments/links.ts';
import { storeLinksOf } from '../recommendation-instruments/store.ts';
import { deleteRecommendationsOf, heldElsewhere, insertRecommendations, type RecommendationInput } from './repository.ts';

/** A dataset as every import describes it; how many rows it holds is known only once they are stored. */
export type RecommendationDataset = Omit<DatasetInput, 'accepted'>;

export interface RecommendationImport {
  dataset: RecommendationDataset;
  /** The rows, a batch at a time, read as they are stored. */
  batches: AsyncIterable<RecommendationInput[]>;
  /** Reads the instruments each text asks about, stored with the row (none when not given). */
  linker?: Linker;
  /** Called after each batch with the rows stored so far. */
  onStored?: (rows: number) => void;
}

export interface RecommendationImported {
  stored: number;
  /** Rows another dataset already holds: stored once, there. */
  alreadyStored: { id: string; dataset: string }[];
  replaced: number;
}

export const importRecommendationsUseCase: UseCase<RecommendationImport, RecommendationImported> = {
  name: 'recommendations.import',
  topics: ['recommendations', 'sources'],
  async run(trx, { dataset, batches, linker, onStored }) {
    const before = (await storedDatasets(trx)).get(dataset.id);
    await saveSource(trx, dataset.source);
    const replaced = await deleteRecommendationsOf(trx, dataset.id);
    const result: RecommendationImported = { stored: 0, alreadyStored: [], replaced };
    for await (const batch of batches) await storeBatch(trx, dataset.id, batch, result, linker, onStored);
    await upsertDataset(trx, {
      id: dataset.id,
      kind: dataset.kind,
      label: dataset.label,
      contentHash: dataset.contentHash,
      sourceId: dataset.source.id,
      asOf: dataset.asOf ?? dataset.source.asOf,
      accepted: result.stored,
      rejected: dataset.rejected,
    });
    const once = result.alreadyStored.length ? `; ${result.alreadyStored.length} already stored from another dataset, kept once` : '';
    return {
      result,
      audit: [
        {
          action: 'import',
          entityKind: 'dataset',
          entityId: dataset.id,
          before: before ? { contentHash: before.contentHash, accepted: before.accepted } : null,
          after: { kind: dataset.kind, contentHash: dataset.contentHash, source: dataset.source.id, stored: result.stored, rejected: dataset.rejected, alreadyStored: result.alreadyStored.length },
          summary: `${dataset.label}: ${result.stored} recommendations stored (${replaced} replaced)${once}; ${dataset.rejected} rows rejected`,
        },
      ],
    };
  },
};

async function storeBatch(trx: Transaction<Database>, datasetId: string, batch: RecommendationInput[], result: RecommendationImported, linker?: Linker, onStored?: (rows: number) => void) {
  const elsewhere = await heldElsewhere(
    trx,
    batch.map((r) => r.row.id),
    datasetId,
  );
  const fresh = batch.filter((r) => !elsewhere.has(r.row.id));
  for (const [id, dataset] of elsewhere) result.alreadyStored.push({ id, dataset });
  const seqs = await insertRecommendations(trx, fresh);
  if (linker)
    await storeLinksOf(
      trx,
      fresh.map((r) => ({ seq: seqs.get(r.row.id)!, text: r.row.text })),
      linker,
    );
  result.stored += fresh.length;
  onStored?.(result.stored);
}
