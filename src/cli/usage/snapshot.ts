// `accord snapshot build <folder>`; the work is in ../commands/snapshot.ts, loaded when it runs.
import type { Command } from 'commander';
import { SNAPSHOT_FILE } from '../../snapshot/format.ts';

export function defineSnapshot(program: Command): void {
  program
    .command('snapshot')
    .description('the snapshot of imported treaty data shipped in data/snapshot')
    .command('build')
    .description('import every dataset of a folder (as import all --skip-invalid) into a scratch database and write the snapshot')
    .argument('<folder>', 'e.g. ../shared/data')
    .option('--out <file>', 'where to write it', SNAPSHOT_FILE)
    .action(async (folder: string, options: { out: string }) => {
      const { buildSnapshotCommand } = await import('../commands/snapshot.ts');
      await buildSnapshotCommand(folder, options);
    });
}
