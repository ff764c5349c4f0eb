// The follow-up API's shapes (zod: validation and the OpenAPI document): what each write adds
// to a recommendation's follow-up, and the follow-up as a reader sees it.
import { z } from '@hono/zod-openapi';
import { isValidPartialDate, today } from '../../shared/dates.ts';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../../shared/source-address.ts';
import { FOLLOW_UP_STATUSES } from '../../shared/vocabularies.ts';
import { accessFields, confidentialityFields, iso3Code, PARTIAL_DATE_RULE, text, webAddress } from '../edits/schema.ts';

/** A date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD), never in the future: no day is invented. */
const knownDate = z
  .string()
  .refine(isValidPartialDate, PARTIAL_DATE_RULE)
  .refine((date) => date <= today(), 'must not be in the future')
  .openapi({ example: '2024-06' });

export const statusBody = z
  .strictObject({
    status: z.enum(FOLLOW_UP_STATUSES),
    holdsFrom: knownDate.openapi({ description: 'The date the status holds from, as precise as known.' }),
    note: text(2000).optional(),
    ...confidentialityFields,
  })
  .openapi('FollowUpStatusInput');

export const entityBody = z
  .strictObject({
    name: text(300).openapi({ description: 'The national entity responsible, as it names itself.', example: 'Ministry of Justice' }),
    state: iso3Code.optional().openapi({ description: 'The State the entity is of; when given, the State the recommendation is addressed to.' }),
    ...confidentialityFields,
  })
  .openapi('FollowUpEntityInput');

export const actionBody = z
  .strictObject({
    date: knownDate,
    description: text(2000),
    evidenceUrl: z
      .string()
      .max(1000)
      .refine(isSourceAddress, SOURCE_ADDRESS_RULE)
      .optional()
      .openapi({ description: 'A web address (http or https) or a UN document symbol.', example: 'A/HRC/WG.6/35/KEN/1' }),
    evidenceText: text(4000).optional(),
    ...confidentialityFields,
  })
  .openapi('FollowUpActionInput');

export const projectBody = z
  .strictObject({
    title: text(500),
    url: webAddress.openapi({ example: 'https://open.undp.org/projects/00012345' }),
    projectId: text(100).optional().openapi({ description: "The project's own identifier (e.g. an IATI identifier), when it has one." }),
    ...confidentialityFields,
  })
  .openapi('FollowUpProjectInput');

export type StatusBody = z.infer<typeof statusBody>;
export type EntityBody = z.infer<typeof entityBody>;
export type ActionBody = z.infer<typeof actionBody>;
export type ProjectBody = z.infer<typeof projectBody>;

/** An entry withdrawn as recorded by mistake: kept in the history, out of every current fact. */
export const withdrawnSchema = z
  .object({
    at: z.string().openapi({ description: 'When it was withdrawn (ISO timestamp).' }),
    by: z.string().nullable().openapi({ description: 'user:<id> or system:<name>; null for readers who are not signed in.' }),
    reason: z.string(),
  })
  .openapi('FollowUpWithdrawn');

const recorded = {
  id: z.number().int(),
  recordedBy: z.string().nullable().openapi({ description: 'user:<id> or system:<name>; null for readers who are not signed in.' }),
  recordedByName: z.string().nullable().openapi({ description: "The account's display name, for signed-in readers (null for a system actor or an erased account)." }),
  recordedAt: z.string(),
  ...accessFields,
  withdrawn: withdrawnSchema.nullable().openapi({ description: 'Null for a live entry; a withdrawn one stays listed but counts in no current fact (latest status, facet, filter, exports).' }),
};

export const statusEntrySchema = z.object({ status: z.enum(FOLLOW_UP_STATUSES), holdsFrom: z.string(), note: z.string().nullable(), ...recorded }).openapi('FollowUpStatus');
export const entityEntrySchema = z.object({ name: z.string(), state: z.string().nullable(), ...recorded }).openapi('FollowUpEntity');
export const actionEntrySchema = z
  .object({ date: z.string(), description: z.string(), evidenceUrl: z.string().nullable(), evidenceText: z.string().nullable(), ...recorded })
  .openapi('FollowUpAction');
export const projectEntrySchema = z.object({ title: z.string(), url: z.string(), projectId: z.string().nullable(), ...recorded }).openapi('FollowUpProject');

export const followUpSchema = z
  .object({
    recommendation: z.string(),
    state: z.string().openapi({ description: 'The State the recommendation is addressed to.' }),
    status: statusEntrySchema.nullable().openapi({ description: 'The latest live status (by the date it holds from, then as recorded) the reader may see; null: no follow-up recorded.' }),
    statuses: z.array(statusEntrySchema).openapi({ description: 'Every status the reader may see, latest first, withdrawn ones included (marked).' }),
    entity: entityEntrySchema.nullable().openapi({ description: 'The live responsible entity recorded last that the reader may see; null: none recorded.' }),
    entities: z.array(entityEntrySchema).openapi({ description: 'Every entity recorded, last first.' }),
    actions: z.array(actionEntrySchema).openapi({ description: 'Latest first.' }),
    projects: z.array(projectEntrySchema),
    canWrite: z.boolean().openapi({ description: 'Whether the asker may add to this follow-up.' }),
  })
  .openapi('FollowUp');

export type FollowUpView = z.infer<typeof followUpSchema>;

/** What a write answers: the entry added. */
export const addedSchema = z.object({ id: z.number().int(), recommendation: z.string() }).openapi('FollowUpAdded');

/** The four parts of a follow-up, as the API's addresses name them. */
export const FOLLOW_UP_PART_NAMES = ['statuses', 'entities', 'actions', 'projects'] as const;
export type FollowUpPartName = (typeof FOLLOW_UP_PART_NAMES)[number];

/** Why an entry is withdrawn: required, so that the history says it. */
export const withdrawalBody = z
  .strictObject({ reason: text(500).openapi({ description: 'Why the entry is withdrawn (what was wrong with it).', example: 'Recorded for the wrong recommendation' }) })
  .openapi('FollowUpWithdrawalInput');

/** What a withdrawal answers: the entry as the asker now sees it, withdrawn. */
export const withdrawnEntrySchema = z
  .object({
    recommendation: z.string(),
    part: z.enum(FOLLOW_UP_PART_NAMES),
    entry: z.union([statusEntrySchema, entityEntrySchema, actionEntrySchema, projectEntrySchema]),
  })
  .openapi('FollowUpWithdrawnEntry');

/** What a bulk assignment gives every recommendation a search matches (the search itself is `filter`, the route's). */
export const bulkFields = z
  .strictObject({
    status: statusBody.pick({ status: true, holdsFrom: true, note: true }).strict().optional(),
    entity: entityBody.pick({ name: true, state: true }).strict().optional(),
    ...confidentialityFields,
    dryRun: z.boolean().optional().openapi({ description: "Count what would be assigned, and what is out of the asker's reach, and write nothing." }),
  })
  .openapi('FollowUpBulkInput');

export const bulkResultSchema = z
  .object({
    matched: z.number().int().openapi({ description: 'Recommendations the search matches.' }),
    applied: z.number().int().openapi({ description: 'Recommendations given the status or entity (0 for a dry run).' }),
    dryRun: z.boolean(),
    outOfScope: z
      .object({ count: z.number().int(), example: z.string(), states: z.array(z.string()) })
      .nullable()
      .openapi({ description: 'Of a dry run: matching recommendations the asker may not write for (an assignment would be refused).' }),
  })
  .openapi('FollowUpBulkResult');
