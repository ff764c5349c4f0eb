// Acts on a procedure that the UN Treaty Collection narrates only in its end notes (an opt-out
// made upon ratification and withdrawn years later no longer appears among the declarations),
// transcribed in data/reference/procedure-acts.csv with the sentence quoted.
import { join } from 'node:path';
import { z } from 'zod';
import { readCsv, REFERENCE_DIR } from '../../reference/read-files.ts';
import { isValidPartialDate } from '../../shared/dates.ts';
import { PROCEDURE_EFFECTS, type ProcedureEffect } from '../../shared/vocabularies.ts';
import { PROCEDURE_IDS } from './catalogue.ts';

export interface ProcedureNoteAct {
  iso3: string;
  procedure: string;
  effect: ProcedureEffect;
  /** Null: made with the State's consent to be bound (the note says so). */
  date: string | null;
  sourceIds: string[];
  quote: string;
  row: number;
}

const noteActRow = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code'),
  procedure: z.enum(PROCEDURE_IDS as [string, ...string[]]),
  effect: z.enum(PROCEDURE_EFFECTS),
  date: z.union([z.literal(''), z.string().refine(isValidPartialDate, 'must be YYYY, YYYY-MM or YYYY-MM-DD and a real date')]),
  source: z.string().min(1),
  quote: z.string().min(1, 'quote the sentence the act is read from'),
});

let cached: ProcedureNoteAct[] | null = null;

export function readProcedureNoteActs(dir: string = REFERENCE_DIR): ProcedureNoteAct[] {
  if (cached && dir === REFERENCE_DIR) return cached;
  const acts = readCsv(join(dir, 'procedure-acts.csv'), noteActRow).map((r, i) => ({
    iso3: r.iso3, procedure: r.procedure, effect: r.effect, date: r.date === '' ? null : r.date,
    sourceIds: r.source.split(';').map((s) => s.trim()), quote: r.quote, row: i + 2,
  }));
  if (dir === REFERENCE_DIR) cached = acts;
  return acts;
}
