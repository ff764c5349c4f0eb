// The names the recommendation recogniser reads instruments by: the registry's English titles
// (data/reference/instruments.json) with the reviewed variants of
// data/reference/instrument-mentions.csv. Every instrument a row names, and every `{CODE}` in a
// pattern, must be an instrument of the registry.
import { join } from 'node:path';
import { z } from 'zod';
import type { InstrumentPatternSource } from '../modules/recommendations/instrument-names.ts';
import { ValidationError } from '../shared/errors.ts';
import { readCsv, readJson, REFERENCE_DIR } from './read-files.ts';
import { instrumentFile } from './schemas.ts';

export const INSTRUMENT_MENTIONS_FILE = 'instrument-mentions.csv';

const mentionRow = z.object({
  instrument: z.string().min(1),
  pattern: z.string().min(1),
  note: z.string().min(1),
});

export function readInstrumentPatternSources(dir: string = REFERENCE_DIR): InstrumentPatternSource[] {
  const instruments = readJson(join(dir, 'instruments.json'), instrumentFile);
  const rows = readCsv(join(dir, INSTRUMENT_MENTIONS_FILE), mentionRow);
  const codes = new Set(instruments.map((i) => i.code));
  const unknown = rows.flatMap((r, i) => [r.instrument, ...[...r.pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!)].filter((c) => !codes.has(c)).map((c) => ({ row: i + 2, code: c })));
  if (unknown.length > 0) {
    const file = `data/reference/${INSTRUMENT_MENTIONS_FILE}`;
    throw new ValidationError(
      `${file} names instruments the registry does not hold`,
      unknown.map((u) => ({ file, row: u.row, field: 'instrument', reason: `unknown instrument "${u.code}"` })),
    );
  }
  return instruments.map((i) => ({
    code: i.code,
    title: i.title.en,
    shortTitle: i.shortTitle?.en ?? null,
    parent: i.parent,
    variants: rows.filter((r) => r.instrument === i.code).map((r) => r.pattern),
  }));
}
