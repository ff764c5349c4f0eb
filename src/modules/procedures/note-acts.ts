// Acts on a procedure that the UN Treaty Collection narrates only in its end notes (an opt-out
// made upon ratification and withdrawn years later no longer appears among the declarations),
// transcribed in data/reference/procedure-acts.csv with the sentence quoted; the seed writes
// them into the database, where the procedures are read from.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ProcedureEffect } from '../../shared/vocabularies.ts';
import { readRules } from '../rules/repository.ts';

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

export function readProcedureNoteActs(db: Kysely<Database>): Promise<ProcedureNoteAct[]> {
  return readRules<ProcedureNoteAct>(db, 'procedure-act');
}
