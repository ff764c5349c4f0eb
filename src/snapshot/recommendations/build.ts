// The snapshot of recommendations, built by `accord snapshot build <folder>` beside the treaty
// snapshot: a scratch database is filled as a fresh install is (reference data, then what
// `import all --skip-invalid` stores, official names included, since the UPR importer matches
// States by every name the registry holds), then every folder of UPR Info exports in the folder
// is imported exactly as `accord import upr-info <that folder>` imports it, and what was stored
// is written in the snapshot's format.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Kysely } from 'kysely';
import { openDb } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { importAll } from '../../importers/all.ts';
import type { RecommendationImportReport } from '../../importers/recommendation-files.ts';
import { importUprInfo } from '../../importers/upr-info/import.ts';
import { REQUIRED_COLUMNS } from '../../importers/upr-info/rows.ts';
import { loadReferenceData } from '../../reference/load.ts';
import { seedReferenceData } from '../../reference/seed.ts';
import { encodeRecommendationSnapshot, RECOMMENDATION_SNAPSHOT_FORMAT, type RecommendationRecord, type RecommendationSnapshotRecord } from './format.ts';
import { readImportedRecommendations } from './repository.ts';

const list = (text: string) => JSON.parse(text) as string[];

/** Every recommendation the importer stored, with its dataset and source, in a stable order. */
export async function recommendationSnapshotRecords(db: Kysely<Database>): Promise<RecommendationSnapshotRecord[]> {
  const { datasets, sources, rows } = await readImportedRecommendations(db);
  return [
    { type: 'manifest', format: RECOMMENDATION_SNAPSHOT_FORMAT, datasets: datasets.length, recommendations: rows.length },
    ...sources.map((s): RecommendationSnapshotRecord => ({ type: 'source', id: s.id, title: s.title, url: s.url, retrieved: s.retrieved, kind: s.kind, asOf: s.as_of, copyOf: s.copy_of })),
    ...datasets.map(
      (d): RecommendationSnapshotRecord => ({
        type: 'dataset',
        id: d.id,
        kind: d.kind,
        label: d.label,
        contentHash: d.content_hash,
        sourceId: d.source_id,
        accepted: d.accepted,
        rejected: d.rejected,
        asOf: d.as_of,
      }),
    ),
    ...rows.map(
      (r): RecommendationRecord => ({
        type: 'recommendation',
        dataset: r.dataset_id,
        id: r.id,
        row: r.source_row,
        kind: r.kind,
        mechanism: r.mechanism,
        state: r.state_iso3,
        stateGroup: r.state_group,
        stateOrgs: list(r.state_orgs),
        recommender: r.recommender_iso3,
        recommenderName: r.recommender_name,
        recommenderGroup: r.recommender_group,
        recommenderOrgs: list(r.recommender_orgs),
        cycle: r.cycle === null ? null : Number(r.cycle),
        session: r.session === null ? null : Number(r.session),
        date: r.date,
        sortDate: r.sort_date,
        documentSymbol: r.document_symbol,
        text: r.text,
        textLang: r.text_lang,
        response: r.response,
        responseAsWritten: r.response_source,
        actionCategory: r.action_category === null ? null : Number(r.action_category),
        themes: list(r.themes_source),
        groupKey: r.group_key,
      }),
    ),
  ];
}

/** Does this CSV begin with the header of a UPR Info export? Only its first bytes are read. */
function isUprInfoExport(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const read = readSync(fd, head, 0, head.length, 0);
    const header = head
      .subarray(0, read)
      .toString('latin1')
      .split(/\r\n|\r|\n/)[0]!
      .split(',')
      .map((c) => c.trim().replace(/^"|"$/g, ''));
    return REQUIRED_COLUMNS.every((c) => header.includes(c));
  } finally {
    closeSync(fd);
  }
}

/** The sub-folders of a folder that hold UPR Info exports (at any depth), sorted. */
export function uprInfoFolders(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isDirectory())
    .filter((path) =>
      readdirSync(path, { recursive: true, encoding: 'utf8' })
        .filter((entry) => entry.toLowerCase().endsWith('.csv'))
        .some((entry) => statSync(join(path, entry)).isFile() && isUprInfoExport(join(path, entry))),
    );
}

export interface BuiltRecommendationSnapshot {
  bytes: Buffer;
  records: RecommendationSnapshotRecord[];
  /** Each UPR Info folder imported (relative to the folder built from), with the importer's report. */
  reports: { folder: string; report: RecommendationImportReport }[];
}

export async function buildRecommendationSnapshot(folder: string): Promise<BuiltRecommendationSnapshot> {
  const scratch = openDb('sqlite::memory:');
  try {
    await migrateToLatest(scratch.db);
    await seedReferenceData(scratch.db, loadReferenceData());
    await importAll(scratch.db, folder, { skipInvalid: true });
    const reports: BuiltRecommendationSnapshot['reports'] = [];
    for (const path of uprInfoFolders(folder)) reports.push({ folder: relative(folder, path), report: await importUprInfo(scratch.db, path) });
    const records = await recommendationSnapshotRecords(scratch.db);
    return { bytes: encodeRecommendationSnapshot(records), records, reports };
  } finally {
    await scratch.destroy();
  }
}
