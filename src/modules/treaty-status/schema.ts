// Response shapes of the treaty-status endpoints (validation and OpenAPI in one place).
import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../../server/http/query.ts';
import { TREATY_STATUSES } from './status.ts';

export const treatyStatusEnum = z.enum(TREATY_STATUSES).openapi({
  description: '`yearOnly`: party by a fact known only to the year (or month), and the date falls inside it.',
});

export const statusCountsSchema = z
  .object({ party: z.number().int(), signatory: z.number().int(), withdrawn: z.number().int(), none: z.number().int(), yearOnly: z.number().int() })
  .openapi('TreatyStatusCounts', { description: 'States by status; party counts only those certain at the date, yearOnly the others.' });

const actionFields = {
  kind: z.string().openapi({ example: 'ratification' }),
  date: z.string().nullable().openapi({ description: 'Deposit or notification: YYYY-MM-DD, or YYYY when the source gives only the year.' }),
  precision: z.enum(['day', 'month', 'year']).nullable(),
  effective: z.string().nullable().openapi({ description: "When it takes effect: as the source states it, else by the instrument's rule (day-precise dates only)." }),
  effectiveRule: z.object({ article: z.string(), sourceIds: z.array(z.string()) }).nullable().openapi({ description: "The instrument's article `effective` follows, with its sources, when the source of the act states no such date." }),
  collection: z.string().openapi({ description: '`reference`, `untc`, `untc-years` or an import dataset id.' }),
  sourceIds: z.array(z.string()),
};
export const actionSchema = z.object(actionFields).openapi('TreatyAction');
export const declarationSchema = z.object({ ...actionFields, inForce: z.boolean() }).openapi('TreatyDeclaration');

const pairFields = { status: treatyStatusEnum, actions: z.array(actionSchema), declarations: z.array(declarationSchema) };
const sources = z.record(z.string(), sourceSchema).openapi({ description: 'Every source cited, by id.' });

export const instrumentStatusSchema = z
  .object({
    instrument: z.string(),
    asOf: z.string(),
    counts: statusCountsSchema,
    states: z.array(z.object({ iso2: z.string(), iso3: z.string(), ...pairFields })),
    organizations: z.array(z.object({ id: z.string(), ...pairFields })).openapi({ description: 'Participants that are not States, such as the European Union.' }),
    sources,
  })
  .openapi('InstrumentStatus');

export const stateTreatiesSchema = z
  .object({
    iso3: z.string(),
    iso2: z.string(),
    asOf: z.string(),
    treaties: z.array(z.object({
      instrument: z.string(),
      untcRef: z.string().nullable(),
      ...pairFields,
      reservations: z.array(z.object({ text: z.string(), collection: z.string(), sourceIds: z.array(z.string()), file: z.string().nullable(), row: z.number().int().nullable() }))
        .openapi({ description: 'Declaration and reservation texts on record (undated in the sources).' }),
    })),
    conflicts: z.number().int().openapi({ description: 'Disagreements between sources about this State (see /data-quality/conflicts?iso3=).' }),
    sources,
  })
  .openapi('StateTreaties');

export const matrixSchema = z
  .object({
    asOf: z.string(),
    instruments: z.array(z.string()),
    states: z.array(z.object({ iso3: z.string(), iso2: z.string(), statuses: z.array(treatyStatusEnum).openapi({ description: 'One per instrument, in the order of `instruments`.' }) })),
    counts: z.record(z.string(), statusCountsSchema),
  })
  .openapi('TreatyMatrix');

export const countsSchema = z
  .object({
    asOf: z.string(),
    by: z.enum(['region', 'group', 'organization']),
    instruments: z.array(z.string()),
    groups: z.array(z.object({ group: z.string().openapi({ description: "M49 region code, UN regional group or organization id; 'none' for States outside every region or group." }), states: z.number().int(), counts: z.record(z.string(), statusCountsSchema) })),
  })
  .openapi('TreatyStatusByGroup');

export const historySchema = z
  .object({ instrument: z.string(), points: z.array(z.object({ asOf: z.string(), counts: statusCountsSchema })) })
  .openapi('TreatyStatusHistory');

export const conflictSchema = z
  .object({
    instrument: z.string(),
    participant: z.string(),
    participantKind: z.enum(['state', 'organization']),
    kind: z.enum(['date-differs', 'missing', 'year-differs', 'party-differs', 'signature-differs', 'status-differs', 'contradictory']),
    followed: z.string().nullable().openapi({ description: 'The collection the computed status follows.' }),
    sides: z.array(z.object({
      collection: z.string(),
      kind: z.string().nullable(),
      date: z.string().nullable(),
      status: z.string().nullable(),
      asOf: z.string().nullable(),
      note: z.string().nullable().openapi({ description: 'What a side says when it has no act ("no ratification by 2015-03-09"), or what a contradictory row holds.' }),
      dataset: z.string().nullable(),
      file: z.string().nullable(),
      row: z.number().int().nullable(),
      sourceIds: z.array(z.string()),
    })),
  })
  .openapi('TreatyConflict');

export const datasetSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: 'The importer: untc, untc-declarations, untc-years, csv.' }),
    label: z.string().openapi({ description: 'The file imported.' }),
    importedAt: z.string(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    collection: z.string(),
    precision: z.enum(['day', 'year']).nullable(),
    lastDate: z.string().nullable().openapi({ description: "The latest date the dataset's collection speaks of." }),
    source: z.object({ id: z.string(), title: z.string(), url: z.string(), retrieved: z.string() }),
  })
  .openapi('ImportDataset');
