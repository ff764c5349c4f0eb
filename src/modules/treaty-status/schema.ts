// Response shapes of the treaty-status endpoints (validation and OpenAPI in one place).
import { z } from '@hono/zod-openapi';
import { accessFields, confidentialityFields, partialDate, text, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { SOURCE_KINDS } from '../../shared/source-kinds.ts';
import {
  ENTERED_ACTION_KINDS,
  COLLECTION_PRECISIONS,
  CONFLICT_KINDS,
  COUNT_GROUPINGS,
  PARTICIPANT_KINDS,
  PRECISIONS,
  TREATY_STATUSES,
  UNCERTAINTIES,
  type TreatyStatus,
} from '../../shared/vocabularies.ts';

export const treatyStatusEnum = z.enum(TREATY_STATUSES).openapi({
  description:
    'party: bound at the date, by an act known to the day and resting on an official or secondary source; ' +
    'uncertain: party by an act whose day is not known (a year, or no date) and the date falls in its possible span, or resting on tertiary sources or none; ' +
    'signatory; withdrawn (a denunciation has taken effect); noAction: a source that speaks for the State lists no act by that date; ' +
    'noData: no source Accord holds speaks for this State under this instrument; notEligible: the final clauses did not let the State join at that date (see `because.article`); ' +
    'notYetState: the State did not exist yet.',
});

const count = z.number().int();
export const statusCountsSchema = z
  .object({
    ...(Object.fromEntries(TREATY_STATUSES.map((s) => [s, count])) as Record<TreatyStatus, typeof count>),
    partyOnSecondary: count.openapi({ description: 'Of `party`, how many rest on secondary sources only.' }),
  })
  .openapi('TreatyStatusCounts', { description: 'States by status, adding up to every State of the registry; party counts only certain facts on official or secondary sources.' });

const supportEnum = z.enum([...SOURCE_KINDS, 'none']).openapi({ description: 'The strongest kind of source the act rests on; `none`: no source.' });

const actionFields = {
  kind: z.string().openapi({ example: 'ratification' }),
  date: z.string().nullable().openapi({ description: 'Deposit or notification: YYYY-MM-DD, or YYYY when the source gives only the year.' }),
  precision: z.enum(PRECISIONS).nullable(),
  effective: z.string().nullable().openapi({ description: "When it takes effect: as the source states it, else by the instrument's rule (day-precise dates only)." }),
  effectiveRule: z
    .object({ article: z.string(), sourceIds: z.array(z.string()) })
    .nullable()
    .openapi({ description: "The instrument's article (or the State's succession, from the registry) `effective` follows, with its sources, when the source of the act states no such date." }),
  bounds: z.object({ from: z.string().nullable(), certainFrom: z.string().nullable() }).nullable().openapi({
    description:
      'For an act without a date: the first day it can have happened (adoption, existence of the State, eligibility) and the day it is certain (the earliest date a source stating it speaks for; null: never).',
  }),
  note: z.string().nullable().openapi({ description: 'What the source says of the act beyond its date, quoted (e.g. an end note of the depositary).' }),
  support: supportEnum,
  collection: z.string().openapi({ description: '`reference`, `untc-html`, `untc`, `untc-years` or an import dataset id.' }),
  sourceIds: z.array(z.string()),
  procedure: z.string().nullable().openapi({ description: 'For a declaration: the clause it accepts or withdraws (an id of /procedures, e.g. `echr-art46`), where the instrument has several.' }),
};
export const actionSchema = z.object(actionFields).openapi('TreatyAction');
export const declarationSchema = z.object({ ...actionFields, inForce: z.boolean() }).openapi('TreatyDeclaration');

const pairFields = {
  status: treatyStatusEnum,
  uncertainty: z.enum(UNCERTAINTIES).nullable().openapi({ description: 'Why a status is `uncertain`: the day is not known (span), or its only sources are tertiary, or it has none.' }),
  support: supportEnum.nullable(),
  because: z
    .object({ article: z.string().nullable(), since: z.string().nullable(), sourceIds: z.array(z.string()) })
    .nullable()
    .openapi({ description: 'notEligible: the article of the final clauses (or `adoption`); notYetState: the day the State came to exist.' }),
  actions: z.array(actionSchema),
  declarations: z.array(declarationSchema),
};
const sources = z.record(z.string(), sourceSchema).openapi({ description: 'Every source cited, by id.' });

export const collectionSchema = z
  .object({ id: z.string(), precision: z.enum(COLLECTION_PRECISIONS), asOf: z.string().nullable().openapi({ description: 'The date the collection speaks for.' }) })
  .openapi('TreatyCollection', { description: 'A source of treaty facts and how current it is.' });
const collections = z.array(collectionSchema).openapi({ description: 'The collections that speak of these instruments, and the date each speaks for.' });

export const instrumentStatusSchema = z
  .object({
    instrument: z.string(),
    asOf: z.string(),
    hasData: z.boolean().openapi({ description: "False when Accord holds no source on this instrument's participants: every State is then `noData`." }),
    counts: statusCountsSchema,
    collections,
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
    statehood: z
      .object({ since: z.string(), basis: z.string(), sourceIds: z.array(z.string()) })
      .nullable()
      .openapi({ description: 'When the State came to exist as it is now (independence, succession…), from the registry; null when not recorded.' }),
    treaties: z.array(
      z.object({
        instrument: z.string(),
        untcRef: z.string().nullable(),
        ...pairFields,
        reservations: z
          .array(
            z.object({
              kind: z.string().openapi({ description: "`declarations-and-reservations`, or `declarations-under-article` (e.g. accepting a committee's competence)." }),
              date: z.string().nullable().openapi({ description: 'The date printed above the text; null: made upon ratification, accession or succession unless the text says otherwise.' }),
              text: z.string(),
              section: z.string().nullable().openapi({ description: 'The section of the source it is printed in.' }),
              collection: z.string(),
              sourceIds: z.array(z.string()),
              file: z.string().nullable(),
              row: z.number().int().nullable(),
            }),
          )
          .openapi({ description: 'Declaration and reservation texts on record.' }),
      }),
    ),
    conflicts: z.number().int().openapi({ description: 'Disagreements between sources about this State (see /data-quality/conflicts?iso3=).' }),
    collections,
    sources,
  })
  .openapi('StateTreaties');

export const matrixSchema = z
  .object({
    asOf: z.string(),
    instruments: z.array(z.string()),
    states: z.array(z.object({ iso3: z.string(), iso2: z.string(), statuses: z.array(treatyStatusEnum).openapi({ description: 'One per instrument, in the order of `instruments`.' }) })),
    counts: z.record(z.string(), statusCountsSchema),
    noData: z.array(z.string()).openapi({ description: 'Instruments on whose participants Accord holds no source.' }),
    collections,
  })
  .openapi('TreatyMatrix');

export const countsSchema = z
  .object({
    asOf: z.string(),
    by: z.enum(COUNT_GROUPINGS),
    instruments: z.array(z.string()),
    groups: z.array(
      z.object({
        group: z.string().openapi({ description: "M49 region code, UN regional group or organization id; 'none' for States outside every region or group." }),
        states: z.number().int(),
        counts: z.record(z.string(), statusCountsSchema),
      }),
    ),
    collections,
  })
  .openapi('TreatyStatusByGroup');

export const historySchema = z
  .object({ instrument: z.string(), points: z.array(z.object({ asOf: z.string(), counts: statusCountsSchema })), collections: collections.optional() })
  .openapi('TreatyStatusHistory');

export const conflictSchema = z
  .object({
    instrument: z.string(),
    participant: z.string(),
    participantKind: z.enum(PARTICIPANT_KINDS),
    kind: z.enum(CONFLICT_KINDS),
    followed: z.string().nullable().openapi({ description: 'The collection the computed status follows.' }),
    sides: z.array(
      z.object({
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
      }),
    ),
  })
  .openapi('TreatyConflict');

export const datasetSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: 'reference (shipped with Accord), or the importer: untc-html, untc, untc-declarations, untc-years, csv.' }),
    label: z.string().openapi({ description: 'The file.' }),
    importedAt: z.string(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    asOf: z.string().nullable().openapi({ description: 'The date the dataset speaks for, when known.' }),
    collection: z.string(),
    precision: z.enum(COLLECTION_PRECISIONS).nullable(),
    collectionAsOf: z.string().nullable().openapi({ description: "The date the dataset's collection speaks for." }),
    source: sourceSchema.extend({ id: z.string() }),
  })
  .openapi('ImportDataset');

// Treaty actions entered by editors: write bodies (the HTTP routes take these; the use cases
// validate with them too) and the act as stored, with its version.

const actionEditFields = {
  kind: z.enum(ENTERED_ACTION_KINDS),
  date: partialDate.nullable().openapi({ description: 'Deposit or notification: YYYY-MM-DD, or YYYY(-MM) when the source gives no more; null when it gives no date.' }),
  effective: partialDate.nullable().openapi({ description: "When it took effect, when the source says (else the instrument's rule gives it)." }),
  text: text(20000).nullable().openapi({ description: 'The text of a declaration or reservation.' }),
  note: text(2000).nullable().openapi({ description: 'What the source says of the act beyond its date, quoted.' }),
  procedure: z.string().max(50).nullable().openapi({ description: 'For a declaration: the clause it accepts or withdraws (an id of /procedures).' }),
};

export const treatyActionCreateSchema = z
  .object({
    instrument: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,49}$/, 'must be an instrument code, e.g. ICCPR'),
    participant: z.string().regex(/^([A-Z]{3}|[a-z][a-z0-9-]{0,49})$/, 'must be a State (ISO alpha-3, e.g. FRA) or an organization id (e.g. eu)'),
    ...actionEditFields,
    ...confidentialityFields,
    ...writeFields,
  })
  .partial({ effective: true, text: true, note: true, procedure: true })
  .strict()
  .openapi('TreatyActionCreate', {
    description: 'An act the sources Accord imports lack or date otherwise: it joins the collection `edit`, which the status follows for that participant, any disagreement listed.',
  });

export const treatyActionUpdateSchema = z
  .object({ ...z.object(actionEditFields).partial().shape, ...confidentialityFields, ...writeFields })
  .strict()
  .openapi('TreatyActionUpdate');

export type TreatyActionCreateBody = z.infer<typeof treatyActionCreateSchema>;
export type TreatyActionUpdateBody = z.infer<typeof treatyActionUpdateSchema>;

export const enteredActionSchema = z
  .object({
    id: z.string().openapi({ description: 'edit:<instrument>/<n>', example: 'edit:ICCPR/1' }),
    instrument: z.string(),
    participant: z.string(),
    participantKind: z.enum(PARTICIPANT_KINDS),
    kind: z.string(),
    date: z.string().nullable(),
    effective: z.string().nullable(),
    text: z.string().nullable(),
    note: z.string().nullable(),
    procedure: z.string().nullable(),
    sources: z.array(sourceSchema),
    ...accessFields,
    version: z.number().int(),
  })
  .openapi('EnteredTreatyAction');

export type EnteredActionView = z.infer<typeof enteredActionSchema>;
