// Accord's snapshot of resolution readings (data/snapshot/resolutions.json.gz): what the parser
// reads from each text of ../shared/data/resolutions (the variants of one text left out), with the
// file's name, path and SHA-256, so that a first start shows resolutions and their mandates. Not
// the texts: a reading names its file, whose text an import (`accord import resolution`) adds.
// Gzipped JSON, written the same way each time, so that a rebuild that reads the same is the same.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ParsedResolution } from '../../modules/resolutions/parse/types.ts';
import { projectPath } from '../../shared/project-path.ts';

export const RESOLUTION_SNAPSHOT_FILE = projectPath('data', 'snapshot', 'resolutions.json.gz');
export const RESOLUTION_SNAPSHOT_FORMAT = 1;

export interface ShippedReading {
  /** The file under ../shared/data/resolutions: "corpus/A-RES-78-235.txt". */
  path: string;
  fileName: string;
  sha256: string;
  lang: string;
  doc: ParsedResolution;
}

export interface ResolutionSnapshot {
  format: number;
  readings: ShippedReading[];
}

export function encodeResolutionSnapshot(snapshot: ResolutionSnapshot): Buffer {
  return gzipSync(`${JSON.stringify(snapshot)}\n`, { level: 9 });
}

export function decodeResolutionSnapshot(bytes: Buffer): ResolutionSnapshot {
  const snapshot = JSON.parse(gunzipSync(bytes).toString('utf8')) as ResolutionSnapshot;
  if (snapshot.format !== RESOLUTION_SNAPSHOT_FORMAT)
    throw new Error(`the snapshot of resolutions is in format ${snapshot.format}, this version reads ${RESOLUTION_SNAPSHOT_FORMAT}: rebuild it with \`accord snapshot build ../shared/data\``);
  return snapshot;
}
