// The shape of a column mapping (`accord import csv <file> --mapping <mapping.json>`): which
// instrument the table is about, where it comes from, which column names the participant, and
// which columns hold which kind of treaty action or a status snapshot. A new table shape needs
// a new mapping file, not new code. Mappings for ../shared/data/regional-hr-transcribed ship in
// data/mappings/.
import { z } from 'zod';
import { isValidPartialDate } from '../../shared/dates.ts';
import { SOURCE_KINDS } from '../../shared/source-kinds.ts';
import { LISTED_STATUSES } from '../../shared/vocabularies.ts';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../../shared/source-address.ts';

const column = z.string().min(1);

export const EVENT_KINDS = [
  'signature',
  'ratification',
  'accession',
  'ratification-or-accession',
  'succession',
  'acceptance',
  'approval',
  'denunciation',
  'declaration-accept',
  'declaration-withdraw',
] as const;

export const columnMapping = z
  .object({
    /** Short, stable name: the dataset is `csv:<name>`. */
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    instrument: z.string().min(1),
    source: z
      .object({
        title: z.string().min(1),
        url: z.string().refine(isSourceAddress, SOURCE_ADDRESS_RULE),
        retrieved: z.string().refine(isValidPartialDate, 'a date YYYY[-MM[-DD]]'),
        kind: z.enum(SOURCE_KINDS),
        /** For a faithful copy of an official document: what it copies. */
        copyOf: z.string().min(1).optional(),
        /** The date the table speaks for, when it states one (else the snapshot's `asOf`). */
        asOf: z.string().refine(isValidPartialDate, 'a date YYYY[-MM[-DD]]').optional(),
      })
      .strict(),
    participant: z.union([z.object({ iso2: column }).strict(), z.object({ iso3: column }).strict(), z.object({ name: column }).strict()]),
    /** Extra column holding the participant's name as printed (kept with each fact). */
    participantName: column.optional(),
    events: z.array(z.object({ kind: z.enum(EVENT_KINDS), date: column, effective: column.optional() }).strict()).default([]),
    /** A status list: every row is in `status`, or a column's values map to party / signatory / withdrawn / none. */
    snapshot: z.union([z.object({ status: z.enum(LISTED_STATUSES) }).strict(), z.object({ column, values: z.record(z.string(), z.enum(LISTED_STATUSES)) }).strict()]).optional(),
    /** The date the list describes, when the source states it. */
    asOf: z.string().refine(isValidPartialDate, 'a date YYYY[-MM[-DD]]').nullable().default(null),
  })
  .strict()
  .refine((m) => m.events.length > 0 || m.snapshot, 'give at least one event column or a snapshot');

export type ColumnMapping = z.infer<typeof columnMapping>;
