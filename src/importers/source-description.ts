// What Accord knows of a dataset's source beyond its files: what kind of source it is, the
// date it speaks for and the day it was read (never the day it was imported). For the shared
// datasets this is written once in data/mappings/<folder>/source.json, found from the path
// imported; for any other folder it comes from the command line, and what nobody stated stays
// unknown (an empty `retrieved`, a null `asOf`) rather than being replaced by today.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../shared/errors.ts';
import { isValidPartialDate } from '../shared/dates.ts';
import { projectPath } from '../shared/project-path.ts';
import { SOURCE_KINDS, type SourceKind } from '../shared/source-kinds.ts';
import type { WriteContext } from '../modules/audit/context.ts';
import { readUtf8 } from './read-utf8.ts';

export const MAPPINGS_DIR = projectPath('data', 'mappings');

const partialDate = z.string().refine(isValidPartialDate, 'a date YYYY[-MM[-DD]]');

export const sourceDescription = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    copyOf: z.string().min(1).optional(),
    /** The date the dataset speaks for. */
    asOf: partialDate.optional(),
    /** The day its facts were read from their origin. */
    retrieved: partialDate.optional(),
    note: z.string().optional(),
  })
  .strict();

export interface SourceDescription {
  kind: SourceKind;
  copyOf: string | null;
  asOf: string | null;
  retrieved: string;
}

/** The source.json of the folder the path is in (or of its parent folder), if Accord ships one. */
export function findSourceDescription(path: string): SourceDescription | null {
  const start = resolve(path);
  for (const folder of [start, dirname(start), dirname(dirname(start))]) {
    const file = join(MAPPINGS_DIR, basename(folder), 'source.json');
    if (!existsSync(file)) continue;
    const parsed = sourceDescription.safeParse(JSON.parse(readUtf8(file, 'source.json', 'a source description')));
    if (!parsed.success)
      throw new ValidationError(
        `${file} is not a valid source description`,
        parsed.error.issues.map((i) => ({ file, field: i.path.join('.'), reason: i.message })),
      );
    return { kind: parsed.data.kind, copyOf: parsed.data.copyOf ?? null, asOf: parsed.data.asOf ?? null, retrieved: parsed.data.retrieved ?? '' };
  }
  return null;
}

/** What a command line may state about the source of what it imports. */
export interface SourceOptions {
  asOf?: string;
  retrieved?: string;
  /** Who imports and why (default: the system actor `importer`). */
  context?: WriteContext;
}

/** The description shipped for the folder, else what the command line says, else the importer's default kind with dates unknown. */
export function describeSource(path: string, options: SourceOptions, defaultKind: SourceKind, copyOf: string | null = null): SourceDescription {
  const shipped = findSourceDescription(path);
  return {
    kind: shipped?.kind ?? defaultKind,
    copyOf: shipped?.copyOf ?? copyOf,
    asOf: options.asOf ?? shipped?.asOf ?? null,
    retrieved: options.retrieved ?? shipped?.retrieved ?? '',
  };
}

/** The source record of an import: who and where (given by the importer), kind and dates (described). */
export function sourceRecord(path: string, options: SourceOptions, defaultKind: SourceKind, base: { id: string; title: string; url: string }, copyOf: string | null = null) {
  const described = describeSource(path, options, defaultKind, copyOf);
  return { ...base, kind: described.kind, copyOf: described.copyOf, asOf: described.asOf, retrieved: described.retrieved };
}
