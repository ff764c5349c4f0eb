// `accord snapshot build <folder>` and `accord snapshot iati-codelists <folder>`; the work is in
// ../commands/snapshot.ts, loaded when it runs.
import type { Command } from 'commander';
import { SNAPSHOT_FILE } from '../../snapshot/format.ts';
import { projectPath } from '../../shared/project-path.ts';
import { RECOMMENDATION_SNAPSHOT_FILE } from '../../snapshot/recommendations/format.ts';
import { RESOLUTION_SNAPSHOT_FILE } from '../../snapshot/resolutions/format.ts';

export function defineSnapshot(program: Command): void {
  const snapshot = program.command('snapshot').description('the snapshots shipped in data/snapshot: imported treaty data, UPR recommendations, resolution readings, IATI codelists');
  snapshot
    .command('build')
    .description('import every dataset of a folder (as import all --skip-invalid, then import upr-info on each folder of UPR Info exports) into a scratch database and write the snapshots')
    .argument('<folder>', 'e.g. ../shared/data')
    .option('--out <file>', 'where to write the treaty snapshot', SNAPSHOT_FILE)
    .option('--recommendations-out <file>', 'where to write the snapshot of recommendations', RECOMMENDATION_SNAPSHOT_FILE)
    .option('--resolutions-out <file>', 'where to write the snapshot of resolution readings', RESOLUTION_SNAPSHOT_FILE)
    .action(async (folder: string, options: { out: string; recommendationsOut: string; resolutionsOut: string }) => {
      const { buildSnapshotCommand } = await import('../commands/snapshot.ts');
      await buildSnapshotCommand(folder, options);
    });
  snapshot
    .command('resolutions')
    .description('read every resolution text of <folder>/resolutions (variants left out) into the snapshot of readings; after a change to the parser, only this one needs rebuilding')
    .argument('<folder>', 'e.g. ../shared/data')
    .option('--out <file>', 'where to write it', RESOLUTION_SNAPSHOT_FILE)
    .action(async (folder: string, options: { out: string }) => {
      const { buildResolutionSnapshotCommand } = await import('../commands/snapshot.ts');
      buildResolutionSnapshotCommand(folder, options);
    });
  snapshot
    .command('iati-codelists')
    .description('read the IATI codelists of <folder>/iati-reference (codelists/, codelists-embedded/) into the compact snapshot IATI validation uses')
    .argument('<folder>', 'e.g. ../shared/data')
    .option('--out <file>', 'where to write it', projectPath('data', 'snapshot', 'iati-codelists.json'))
    .action(async (folder: string, options: { out: string }) => {
      const { buildIatiCodelistsCommand } = await import('../commands/snapshot.ts');
      buildIatiCodelistsCommand(folder, options);
    });
}
