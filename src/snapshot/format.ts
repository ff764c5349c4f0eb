// Accord's snapshot of imported facts (data/snapshot/treaty-data.jsonl.gz): gzipped JSON Lines,
// one record per line, each a source, a dataset, a treaty action, a treaty snapshot, a
// membership snapshot or an official name, exactly as the importers produced them from ../shared/data, with their
// provenance. The app ships it so that a first start shows real treaty status; `accord
// snapshot build <folder>` rebuilds it, and a test fails when the shipped one differs.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { projectPath } from '../shared/project-path.ts';

export const SNAPSHOT_FILE = projectPath('data', 'snapshot', 'treaty-data.jsonl.gz');
export const SNAPSHOT_FORMAT = 1;

export interface SourceRecord {
  type: 'source';
  id: string;
  title: string;
  url: string;
  retrieved: string;
  kind: string | null;
  asOf: string | null;
  copyOf: string | null;
}
export interface DatasetRecord {
  type: 'dataset';
  id: string;
  kind: string;
  label: string;
  contentHash: string;
  sourceId: string;
  accepted: number;
  rejected: number;
  asOf: string | null;
}
export interface ActionRecord {
  type: 'action';
  dataset: string;
  seq: number;
  instrument: string;
  participantKind: string;
  participant: string;
  participantName: string;
  kind: string;
  date: string | null;
  effective: string | null;
  text: string | null;
  note: string | null;
  sources: string[];
  file: string;
  row: number;
  column: string | null;
}
export interface SnapshotRowRecord {
  type: 'snapshot';
  dataset: string;
  seq: number;
  instrument: string;
  participantKind: string;
  participant: string;
  participantName: string;
  status: string;
  asOf: string | null;
  file: string;
  row: number;
  note: string | null;
}
export interface MembershipRecord {
  type: 'membership';
  dataset: string;
  seq: number;
  organization: string;
  iso3: string;
  participantName: string;
  status: string;
  fromYear: string;
  toYear: string;
  file: string;
  row: number;
  column: string;
}
export interface NameRecord {
  type: 'name';
  entityKind: string;
  entityId: string;
  lang: string;
  kind: string;
  value: string;
  sourceId: string;
}
export interface ManifestRecord {
  type: 'manifest';
  format: number;
  datasets: number;
  actions: number;
  snapshots: number;
  memberships: number;
  names: number;
}

export type SnapshotRecord = ManifestRecord | SourceRecord | DatasetRecord | ActionRecord | SnapshotRowRecord | MembershipRecord | NameRecord;

/** The text of a snapshot: one JSON object a line, manifest first. Deterministic for the same records. */
export function encodeSnapshot(records: SnapshotRecord[]): Buffer {
  return gzipSync(Buffer.from(`${records.map((r) => JSON.stringify(r)).join('\n')}\n`), { level: 9 });
}

export function decodeSnapshot(bytes: Buffer): { records: SnapshotRecord[]; hash: string } {
  const text = gunzipSync(bytes).toString('utf8');
  const records = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SnapshotRecord);
  const manifest = records[0];
  if (manifest?.type !== 'manifest' || manifest.format !== SNAPSHOT_FORMAT) throw new Error(`not an Accord snapshot of format ${SNAPSHOT_FORMAT}`);
  return { records, hash: createHash('sha256').update(text).digest('hex') };
}
