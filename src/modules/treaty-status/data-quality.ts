// What the data-quality page shows: every disagreement between sources, with each side's
// provenance and the collection the status follows, and every dataset with the date its
// collection speaks for.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadSources } from '../sources/repository.ts';
import { collectionOf } from './actions.ts';
import { treatyModel } from './model.ts';
import { loadPairContext, pagesOf, pairKey, resolvePairs } from './pair-pages.ts';
import { countEnteredActs, readDatasets, readPairsInStoredOrder } from './repository.ts';
import type { Conflict } from './resolve.ts';
import { citedSources } from './views.ts';

export interface ConflictFilter {
  instrument?: string;
  iso3?: string;
  kind?: string;
}

/** Every disagreement between sources, with each side's provenance. */
export async function listConflicts(db: Kysely<Database>, filter: ConflictFilter = {}) {
  const [model, allSources] = await Promise.all([treatyModel(db), loadSources(db)]);
  const items = model.conflicts
    .filter((c) => (!filter.instrument || c.instrument === filter.instrument) && (!filter.iso3 || c.participant === filter.iso3) && (!filter.kind || c.kind === filter.kind))
    .map(conflictView);
  return {
    items,
    sources: citedSources(
      allSources,
      items.flatMap((c) => c.sides.flatMap((s) => s.sourceIds)),
    ),
  };
}

export type ConflictView = ReturnType<typeof conflictView>;

/** Every disagreement, page by page (pages of participants with about `pageRows` facts), in
 *  the model's order: participants as the stored acts first name them, then those known only
 *  from snapshots. For the export, which must not hold every act at once as the model does. */
export async function* conflictPages(db: Kysely<Database>, pageRows: number): AsyncGenerator<ConflictView[]> {
  const [ctx, pairs] = await Promise.all([loadPairContext(db), readPairsInStoredOrder(db)]);
  for (const page of pagesOf(pairs, (p) => p.facts, pageRows)) {
    const resolved = await resolvePairs(db, ctx, page);
    yield page.flatMap((p) => (resolved.get(pairKey(p.instrument, p.participant))?.conflicts ?? []).map(conflictView));
  }
}

/** Every dataset, shipped or imported, with its collection's precision and the date it speaks for. */
export async function listDatasets(db: Kysely<Database>) {
  const [model, rows, allSources, entered] = await Promise.all([treatyModel(db), readDatasets(db), loadSources(db), countEnteredActs(db)]);
  // Datasets of entered acts are counted as the reader sees them, and left out when the reader
  // sees none of their acts: the dataset's own count would say that hidden acts exist.
  const visible = rows.flatMap((d) => (d.kind !== 'edit' ? [d] : (entered.get(d.id) ?? 0) > 0 ? [{ ...d, accepted: entered.get(d.id) ?? 0 }] : []));
  return visible.map((d) => {
    const id = collectionOf(d.kind, d.id);
    const collection = model.collections.get(id);
    const source = allSources.get(d.source_id);
    return {
      id: d.id,
      kind: d.kind,
      label: d.label,
      importedAt: d.imported_at,
      accepted: d.accepted,
      rejected: d.rejected,
      asOf: d.as_of,
      collection: id,
      precision: collection?.precision ?? null,
      collectionAsOf: collection?.asOf ?? null,
      source: {
        id: d.source_id,
        title: source?.title ?? d.source_id,
        url: source?.url ?? '',
        retrieved: source?.retrieved ?? '',
        kind: source?.kind ?? null,
        asOf: source?.asOf ?? null,
        copyOf: source?.copyOf ?? null,
      },
    };
  });
}

export function conflictView(c: Conflict) {
  return {
    instrument: c.instrument,
    participant: c.participant,
    participantKind: c.participantKind,
    kind: c.kind,
    followed: c.followed,
    sides: c.sides.map((s) => {
      const origin = s.action?.origin ?? s.snapshot?.origin ?? null;
      return {
        collection: s.collection,
        kind: s.action?.kind ?? null,
        date: s.action?.date ?? null,
        status: s.snapshot?.status ?? null,
        asOf: s.snapshot?.asOf ?? null,
        note: s.snapshot?.note ?? s.action?.note ?? s.absence,
        dataset: origin?.dataset ?? null,
        file: origin?.file ?? null,
        row: origin?.row ?? null,
        sourceIds: origin?.sourceIds ?? [],
      };
    }),
  };
}
