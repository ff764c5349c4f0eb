import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../sources/schema.ts';
import { MEMBERSHIP_EVENTS, PRECISIONS } from '../../shared/vocabularies.ts';

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
    event: z.enum(MEMBERSHIP_EVENTS),
    date: z.string().nullable(),
    precision: z.enum(PRECISIONS).nullable(),
    note: z.string().nullable(),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
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
