// How the API shows projects: a summary in lists, everything about one project in its own
// answer. Amounts are exact decimal strings with their currency; sums are per currency (a sum
// across currencies needs exchange rates: GET /api/v1/project-totals).
import { z } from '@hono/zod-openapi';
import { RECORD_ORIGINS } from '../../shared/vocabularies.ts';
import { backLinkSchema, documentSchema, linkSchema } from '../cooperation/schema.ts';
import { accessFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';

const money = z.object({ currency: z.string(), amount: z.string() });
const agreementRef = z.object({ id: z.string(), title: z.string() }).nullable().openapi({ description: 'The funding agreement, when the reader may see it.' });

export const projectSummarySchema = z
  .object({
    id: z.string(),
    iatiIdentifier: z.string().nullable(),
    title: z.string(),
    status: z.string(),
    region: z.object({ code: z.string(), name: z.string() }).nullable(),
    countries: z.array(z.object({ iso3: z.string(), name: z.string(), percentage: z.string().nullable() })),
    plannedStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    fundingSources: z.array(z.string()).openapi({ description: 'Where its budget and transactions say the money comes from.' }),
    budgetByCurrency: z.array(money),
    disbursedToDate: z.array(money).openapi({ description: 'Disbursements and expenditure dated up to today, per currency.' }),
    version: z.number().int(),
    ...accessFields,
  })
  .openapi('ProjectSummary');

export const projectSchema = projectSummarySchema
  .extend({
    objectives: z.string().nullable(),
    defaultCurrency: z.string().nullable(),
    organizations: z.array(z.object({ role: z.string(), name: z.string(), ref: z.string().nullable(), type: z.string().nullable(), organizationId: z.string().nullable() })),
    budget: z.array(
      z.object({
        periodStart: z.string(),
        periodEnd: z.string(),
        amount: z.string(),
        currency: z.string(),
        valueDate: z.string(),
        status: z.string(),
        fundingSource: z.string(),
        agreement: agreementRef,
      }),
    ),
    budgetByYear: z.array(money.extend({ year: z.string() })).openapi({ description: "The budget per year of its periods' starts and currency." }),
    transactions: z.array(
      z.object({
        type: z.string(),
        date: z.string(),
        amount: z.string(),
        currency: z.string(),
        valueDate: z.string(),
        fundingSource: z.string(),
        agreement: agreementRef,
        provider: z.string().nullable(),
        receiver: z.string().nullable(),
        description: z.string().nullable(),
      }),
    ),
    results: z.array(
      z.object({
        type: z.string(),
        title: z.string(),
        description: z.string().nullable(),
        indicators: z.array(
          z.object({
            title: z.string(),
            measure: z.string(),
            ascending: z.boolean(),
            baselineYear: z.number().int().nullable(),
            baselineValue: z.string().nullable(),
            targetValue: z.string().nullable(),
            actualValue: z.string().nullable(),
            actualDate: z.string().nullable(),
          }),
        ),
      }),
    ),
    links: z.array(linkSchema).openapi({ description: 'What the project answers: requests, recommendations, instruments to ratify, resolution paragraphs.' }),
    linkedFrom: z.array(backLinkSchema),
    documents: z.array(documentSchema),
    sources: z.array(sourceSchema).openapi({ description: 'What the project rests on, each with its kind (official, secondary, tertiary).' }),
    verified: z.boolean(),
    origin: z.enum(RECORD_ORIGINS),
  })
  .openapi('Project');

export type ProjectSummaryView = z.infer<typeof projectSummarySchema>;
export type ProjectView = z.infer<typeof projectSchema>;
