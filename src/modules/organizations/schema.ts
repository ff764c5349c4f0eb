import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../../server/http/query.ts';

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
    sincePrecision: z.enum(['day', 'month', 'year']).nullable(),
    uncertain: z.boolean(),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
  })
  .openapi('Member');

export type OrganizationView = z.infer<typeof organizationSchema>;
export type MemberView = z.infer<typeof memberSchema>;
