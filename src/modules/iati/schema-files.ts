// Where the IATI 2.03 XML schemas are read from at run time. They are not copied into the repo:
// the shared data folder beside the project holds them byte for byte as the IATI Secretariat
// publishes them (../shared/data/iati-reference/PROVENANCE.md), and IATI_SCHEMA_DIR points
// elsewhere (a server without ../shared, a newer schema release).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FilesUnavailableError } from '../../shared/errors.ts';
import { projectPath } from '../../shared/project-path.ts';

export const SCHEMA_DIR_VARIABLE = 'IATI_SCHEMA_DIR';
/** The activity schema first (xmllint compiles it), then what it includes and imports by file name. */
export const SCHEMA_FILES = ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'] as const;

export interface SchemaFile {
  fileName: string;
  contents: string;
}

export function iatiSchemaDir(): string {
  return process.env[SCHEMA_DIR_VARIABLE] || projectPath('..', 'shared', 'data', 'iati-reference', 'schema');
}

const loaded = new Map<string, SchemaFile[]>();

/** The three schema files of the folder, read once per process and folder. */
export function loadIatiSchema(dir = iatiSchemaDir()): SchemaFile[] {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const missing = SCHEMA_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    throw new FilesUnavailableError(
      `The IATI 2.03 schema is not where Accord looked: ${dir} lacks ${missing.join(', ')}. ` +
        `Set ${SCHEMA_DIR_VARIABLE} to a folder holding ${SCHEMA_FILES.join(', ')} (the IATI-Schemas release 2.03), ` +
        'or place the shared data folder beside the project (../shared/data/iati-reference/schema).',
    );
  }
  const files = SCHEMA_FILES.map((fileName) => ({ fileName, contents: readFileSync(join(dir, fileName), 'utf8') }));
  loaded.set(dir, files);
  return files;
}
