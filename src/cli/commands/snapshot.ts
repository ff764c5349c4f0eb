// `accord snapshot build <folder>`: the treaty snapshot, then the snapshots of recommendations and
// of resolution readings (`accord snapshot resolutions <folder>`: that one alone);
// `accord snapshot iati-codelists <folder>`: the IATI codelists.
import { buildResolutionSnapshot } from '../../snapshot/resolutions/build.ts';
import { encodeResolutionSnapshot } from '../../snapshot/resolutions/format.ts';
import { buildCodelistSnapshot, writeCodelistSnapshot } from '../../modules/iati/codelist-snapshot.ts';
import { buildSnapshot, writeSnapshot } from '../../snapshot/build.ts';
import type { ManifestRecord } from '../../snapshot/format.ts';
import { buildRecommendationSnapshot } from '../../snapshot/recommendations/build.ts';
import type { RecommendationManifest } from '../../snapshot/recommendations/format.ts';
import { formatProblems } from '../../shared/errors.ts';

export async function buildSnapshotCommand(folder: string, options: { out: string; recommendationsOut: string; resolutionsOut: string }): Promise<void> {
  const built = await buildSnapshot(folder);
  writeSnapshot(built.bytes, options.out);
  const manifest = built.records[0] as ManifestRecord;
  console.log(
    `wrote ${options.out} (${(built.bytes.length / 1024).toFixed(0)} KB): ${manifest.datasets} datasets, ${manifest.actions} treaty actions, ${manifest.snapshots} status rows, ${manifest.memberships} membership spans, ${manifest.names} official names`,
  );
  const rejected = built.report.treaty.flatMap((t) => t.report.problems);
  if (rejected.length) console.log(`${rejected.length} row(s) left out, as import all --skip-invalid leaves them:\n${formatProblems(rejected)}`);

  const recommendations = await buildRecommendationSnapshot(folder);
  writeSnapshot(recommendations.bytes, options.recommendationsOut);
  const counts = recommendations.records[0] as RecommendationManifest;
  console.log(`wrote ${options.recommendationsOut} (${(recommendations.bytes.length / 1024).toFixed(0)} KB): ${counts.datasets} datasets, ${counts.recommendations} recommendations and pledges`);
  for (const { folder: from, report } of recommendations.reports) {
    // As `accord import upr-info <folder>` does: a file it refuses stores nothing, and says why.
    for (const f of report.files.filter((f) => f.status !== 'imported')) console.log(`${from}/${f.file}: ${f.status}${f.note ? ` (${f.note})` : ''}`);
  }

  buildResolutionSnapshotCommand(folder, { out: options.resolutionsOut });
}

export function buildResolutionSnapshotCommand(folder: string, options: { out: string }): void {
  const resolutions = buildResolutionSnapshot(folder);
  const bytes = encodeResolutionSnapshot(resolutions);
  writeSnapshot(bytes, options.out);
  console.log(`wrote ${options.out} (${(bytes.length / 1024).toFixed(0)} KB): ${resolutions.readings.length} resolution readings`);
}

export function buildIatiCodelistsCommand(folder: string, options: { out: string }): void {
  const text = buildCodelistSnapshot(folder);
  writeCodelistSnapshot(text, options.out);
  const { codelists } = JSON.parse(text) as { codelists: Record<string, { items: unknown[] }> };
  const items = Object.values(codelists).reduce((sum, c) => sum + c.items.length, 0);
  console.log(`wrote ${options.out} (${(text.length / 1024).toFixed(0)} KB): ${Object.keys(codelists).length} IATI codelists, ${items} codes`);
}
