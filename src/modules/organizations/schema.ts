import { z } from '@hono/zod-openapi';
import { allNamesField, confidentialityFields, editableFields, iso3Code, localizedNames, namesCorrection, partialDate, text, webAddress, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { MEMBERSHIP_EVENTS, ORGANIZATION_KINDS, PRECISIONS } from '../../shared/vocabularies.ts';

export const organizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameLang: z.string(),
    acronym: z.string().nullable(),
    kind: z.string(),
    region: z.string().nullable(),
    founded: z.string().nullable(),
    headquarters: z.object({ city: z.string().nullable(), iso3: z.string().nullable() }),
    website: z.string().nullable(),
    predecessors: z.array(z.object({ name: z.string(), acronym: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable() })),
    memberCount: z.number().int().openapi({ description: 'Members (suspended included) at asOf, counting only sourced facts.' }),
    unverifiedMembers: z.number().int(),
    asOf: z.string(),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
    ...editableFields,
    ...allNamesField,
  })
  .openapi('Organization');

export const memberSchema = z
  .object({
    iso2: z.string(),
    iso3: z.string(),
    name: z.string(),
    status: z.enum(['member', 'suspended']),
    since: z.string().nullable(),
    sincePrecision: z.enum(PRECISIONS).nullable(),
    uncertain: z.boolean(),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
  })
  .openapi('Member');

export const membershipEventSchema = z
  .object({
    seq: z.number().int().openapi({ description: "The event's place among the State's events in the organization: with them, what names it." }),
    event: z.enum(MEMBERSHIP_EVENTS),
    date: z.string().nullable(),
    precision: z.enum(PRECISIONS).nullable(),
    note: z.string().nullable(),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
    ...editableFields,
  })
  .openapi('MembershipEvent');

export const memberHistorySchema = z
  .object({
    iso2: z.string(),
    iso3: z.string(),
    name: z.string(),
    events: z.array(membershipEventSchema).openapi({ description: 'Every membership event of the State, in the order they happened (undated first).' }),
  })
  .openapi('MemberHistory');

export type OrganizationView = z.infer<typeof organizationSchema>;
export type MemberView = z.infer<typeof memberSchema>;
export type MemberHistoryView = z.infer<typeof memberHistorySchema>;
export type MembershipEventView = z.infer<typeof membershipEventSchema>;

export const membershipConflictSchema = z
  .object({
    organization: z.string(),
    iso3: z.string(),
    kind: z.enum(['list-member', 'list-not-member']).openapi({ description: '`list-member`: the year-level list says member, the registry does not; `list-not-member`: the reverse.' }),
    fromYear: z.string(),
    toYear: z.string(),
    list: z.object({ status: z.string(), name: z.string(), dataset: z.string(), file: z.string(), row: z.number().int(), column: z.string(), sourceIds: z.array(z.string()) }),
    registry: z.object({ status: z.enum(['member', 'none']), events: z.array(z.object({ event: z.string(), date: z.string().nullable(), sourceIds: z.array(z.string()) })) }),
    followed: z.literal('registry').openapi({ description: "The registry's dated events decide; the list is listed, never merged." }),
  })
  .openapi('MembershipConflict');

// Write bodies (the HTTP routes take these; the use cases validate with them too).

/** The fields of an organization a user may set, each optional on an update. */
const organizationFields = {
  kind: z.enum(ORGANIZATION_KINDS),
  region: text(100).nullable(),
  founded: partialDate.nullable(),
  hqCity: text(200).nullable(),
  hqIso3: iso3Code.nullable(),
  website: webAddress.nullable(),
};

export const organizationCreateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'must be lower-case letters, digits and hyphens, starting with a letter (at most 50)'),
    name: localizedNames,
    acronym: localizedNames.optional(),
    ...organizationFields,
    ...confidentialityFields,
    ...writeFields,
  })
  .partial({ region: true, founded: true, hqCity: true, hqIso3: true, website: true })
  .strict()
  .openapi('OrganizationCreate');

export const organizationUpdateSchema = z
  .object({
    name: namesCorrection.optional(),
    acronym: namesCorrection.optional(),
    ...z.object(organizationFields).partial().shape,
    ...confidentialityFields,
    ...writeFields,
  })
  .strict()
  .openapi('OrganizationUpdate', { description: 'The fields to correct (others are left as they are), and the source the correction rests on.' });

export type OrganizationCreateBody = z.infer<typeof organizationCreateSchema>;
export type OrganizationUpdateBody = z.infer<typeof organizationUpdateSchema>;

const membershipEventFields = {
  event: z.enum(MEMBERSHIP_EVENTS),
  date: partialDate.nullable().openapi({ description: 'YYYY, YYYY-MM or YYYY-MM-DD; null when no source dates it.' }),
  note: text(1000).nullable(),
};

export const membershipEventCreateSchema = z
  .object({ iso3: iso3Code, ...membershipEventFields, ...confidentialityFields, ...writeFields })
  .partial({ note: true })
  .strict()
  .openapi('MembershipEventCreate', { description: 'A State joined, left, was suspended from or readmitted to the organization (a suspension ends by readmission).' });

export const membershipEventUpdateSchema = z
  .object({ ...z.object(membershipEventFields).partial().shape, ...confidentialityFields, ...writeFields })
  .strict()
  .openapi('MembershipEventUpdate');

export type MembershipEventCreateBody = z.infer<typeof membershipEventCreateSchema>;
export type MembershipEventUpdateBody = z.infer<typeof membershipEventUpdateSchema>;
