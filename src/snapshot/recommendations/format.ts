// Accord's snapshot of imported recommendations (data/snapshot/recommendations.jsonl.gz):
// gzipped JSON Lines, manifest first, then the sources, the datasets and one line per stored
// row of `recommendation`, exactly as the importer (`accord import upr-info`) stored them from
// ../shared/data, ids included. Only what the importer derives from the source is written: the
// full-text form of the text and the tags are the database's indexes of it, rebuilt on loading
// by the importer's own rules (searchTextOf, tagsOf). A file of its own beside the treaty
// snapshot, loaded by the same path (prepareDatabase) and by the same rules.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { projectPath } from '../../shared/project-path.ts';
import type { DatasetRecord, SourceRecord } from '../format.ts';

export const RECOMMENDATION_SNAPSHOT_FILE = projectPath('data', 'snapshot', 'recommendations.jsonl.gz');
export const RECOMMENDATION_SNAPSHOT_FORMAT = 1;

export interface RecommendationManifest {
  type: 'manifest';
  format: number;
  datasets: number;
  recommendations: number;
}

/** One stored row of `recommendation`, its columns named as the API names them. */
export interface RecommendationRecord {
  type: 'recommendation';
  dataset: string;
  id: string;
  row: number;
  kind: string;
  mechanism: string;
  state: string;
  stateGroup: string | null;
  stateOrgs: string[];
  recommender: string | null;
  recommenderName: string | null;
  recommenderGroup: string | null;
  recommenderOrgs: string[];
  cycle: number | null;
  session: number | null;
  date: string | null;
  sortDate: string;
  documentSymbol: string | null;
  text: string;
  textLang: string;
  response: string | null;
  responseAsWritten: string | null;
  actionCategory: number | null;
  themes: string[];
  groupKey: string;
}

export type RecommendationSnapshotRecord = RecommendationManifest | SourceRecord | DatasetRecord | RecommendationRecord;

/** Deterministic for the same records. */
export function encodeRecommendationSnapshot(records: RecommendationSnapshotRecord[]): Buffer {
  return gzipSync(Buffer.from(`${records.map((r) => JSON.stringify(r)).join('\n')}\n`), { level: 9 });
}

/** The file's identity: its bytes, so that an unchanged file is known without unpacking it (tens of MB of JSON). */
export function recommendationSnapshotHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function decodeRecommendationSnapshot(bytes: Buffer): RecommendationSnapshotRecord[] {
  const text = gunzipSync(bytes).toString('utf8');
  const records = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecommendationSnapshotRecord);
  const manifest = records[0];
  if (manifest?.type !== 'manifest' || manifest.format !== RECOMMENDATION_SNAPSHOT_FORMAT || !('recommendations' in manifest)) {
    throw new Error(`not an Accord snapshot of recommendations of format ${RECOMMENDATION_SNAPSHOT_FORMAT}`);
  }
  return records;
}
