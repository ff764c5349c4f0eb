// Builds the snapshot of resolution readings from <folder>/resolutions: every .txt but the
// variants (a second extraction of a text the folder holds already), read by the importer's parser.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { resolutionFiles } from '../../importers/resolutions/import.ts';
import { parseResolution } from '../../modules/resolutions/parse/index.ts';
import { RESOLUTION_SNAPSHOT_FORMAT, type ResolutionSnapshot } from './format.ts';

export function buildResolutionSnapshot(dataFolder: string): ResolutionSnapshot {
  const folder = join(dataFolder, 'resolutions');
  const readings = resolutionFiles(folder)
    .map((file) => relative(folder, file).split('\\').join('/'))
    .filter((path) => !path.startsWith('variants/'))
    .map((path) => {
      const text = readFileSync(join(folder, path), 'utf8');
      const fileName = basename(path);
      return { path, fileName, sha256: createHash('sha256').update(text).digest('hex'), lang: 'en', doc: parseResolution(text, fileName) };
    });
  return { format: RESOLUTION_SNAPSHOT_FORMAT, readings };
}
