import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../sources/schema.ts';
import { COVERAGE_BASES, MEMBERSHIP_STATUSES, PRECISIONS, REGIONAL_GROUPS, UN_STATUSES } from '../../shared/vocabularies.ts';
import { membershipEventSchema } from '../organizations/schema.ts';

const regionRef = z
  .object({
    code: z.string(),
    name: z.string(),
    nameLang: z.string().openapi({ description: 'Language the name is in: English unless UN M49 names were imported (`accord import m49-names`).' }),
  })
  .nullable();

export const stateSummarySchema = z
  .object({
    iso2: z.string(),
    iso3: z.string(),
    m49: z.string(),
    name: z.string(),
    nameLang: z.string().openapi({ description: 'Language the name is in (English when the requested one is missing).' }),
    unStatus: z.enum(UN_STATUSES),
    unAdmission: z.string().nullable(),
    regionalGroup: z
      .string()
      .nullable()
      .openapi({ description: `UN regional group as used for elections: ${REGIONAL_GROUPS.join(' ')}.` }),
    region: regionRef,
    subregion: regionRef,
    intermediateRegion: regionRef,
    verified: z.boolean(),
    sources: z.array(sourceSchema),
  })
  .openapi('StateSummary');

export const membershipSchema = z
  .object({
    organization: z.object({ id: z.string(), name: z.string(), acronym: z.string().nullable() }),
    status: z.enum(MEMBERSHIP_STATUSES),
    since: z.string().nullable(),
    sincePrecision: z.enum(PRECISIONS).nullable(),
    uncertain: z.boolean(),
    verified: z.boolean(),
    events: z.array(membershipEventSchema),
  })
  .openapi('Membership');

export const coveringMechanismSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    basis: z.enum(COVERAGE_BASES),
    individualComplaints: z.boolean(),
    verified: z.boolean(),
    sources: z.array(sourceSchema).openapi({ description: 'Sources of the membership events or treaty actions in effect at asOf.' }),
  })
  .openapi('CoveringMechanism');

export const stateProfileSchema = stateSummarySchema
  .extend({
    asOf: z.string(),
    names: z.record(z.string(), z.string()),
    unofficialNames: z
      .array(z.string())
      .openapi({ description: 'Languages in which no official (UNTERM) name is held: the name shown comes from another source and is not official (see /data-quality/name-fallbacks).' }),
    regionalGroupNote: z.string().nullable(),
    memberships: z.array(membershipSchema),
    mechanisms: z.array(coveringMechanismSchema),
    presences: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: z.string(),
          seat: z.string().nullable(),
          opened: z.string().nullable(),
          from: z.string().nullable().openapi({ description: 'When the presence began to cover the State (null: not known).' }),
          until: z.string().nullable(),
          uncertain: z.boolean().openapi({ description: 'True when asOf falls inside the span of a start known only to the year or month, or the start is not known.' }),
        }),
      )
      .openapi({ description: 'The OHCHR presences covering the State at asOf, by their coverage periods.' }),
  })
  .openapi('StateProfile');

export type StateSummary = z.infer<typeof stateSummarySchema>;
export type StateProfile = z.infer<typeof stateProfileSchema>;
export type MembershipView = z.infer<typeof membershipSchema>;
