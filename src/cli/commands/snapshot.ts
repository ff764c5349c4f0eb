// `accord snapshot build <folder>`.
import { buildSnapshot, writeSnapshot } from '../../snapshot/build.ts';
import type { ManifestRecord } from '../../snapshot/format.ts';
import { formatProblems } from '../../shared/errors.ts';

export async function buildSnapshotCommand(folder: string, options: { out: string }): Promise<void> {
  const built = await buildSnapshot(folder);
  writeSnapshot(built.bytes, options.out);
  const manifest = built.records[0] as ManifestRecord;
  console.log(
    `wrote ${options.out} (${(built.bytes.length / 1024).toFixed(0)} KB): ${manifest.datasets} datasets, ${manifest.actions} treaty actions, ${manifest.snapshots} status rows, ${manifest.memberships} membership spans, ${manifest.names} official names`,
  );
  const rejected = built.report.treaty.flatMap((t) => t.report.problems);
  if (rejected.length) console.log(`${rejected.length} row(s) left out, as import all --skip-invalid leaves them:\n${formatProblems(rejected)}`);
}
