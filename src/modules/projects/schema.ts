// The write bodies of projects (the HTTP routes take these; the use cases validate with them
// too). A project's parts (countries, organizations, budget lines, transactions, results with
// their indicators) come with it: a create gives them, an update replaces each list it names and
// leaves the others. What zod cannot check (a State or region the registry holds, an end before
// its start, a budget period over a year, an agreement that exists) is checked by rules.ts.
import { z } from '@hono/zod-openapi';
import { isValidDay } from '../../shared/dates.ts';
import { BUDGET_STATUSES, FUNDING_SOURCES, INDICATOR_MEASURES, PROJECT_ORGANIZATION_ROLES, PROJECT_STATUSES, RESULT_TYPES, TRANSACTION_TYPES } from '../../shared/vocabularies.ts';
import { confidentialityFields, iso3Code, partialDate, text, writeFields } from '../edits/schema.ts';
import { documentsField, linksField } from '../cooperation/schema.ts';
import { amountText, currencyCode, percentageText } from '../money/schema.ts';

export const day = z.string().refine(isValidDay, 'must be a day, YYYY-MM-DD').openapi({ example: '2025-01-01' });

/** Ids of records of the programme: lower-case letters, digits and hyphens. */
export const recordId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lower-case letters, digits and hyphens (at most 80)');

const agreementFields = {
  fundingSource: z.enum(FUNDING_SOURCES),
  agreementId: recordId.nullable().optional().openapi({ description: 'The funding agreement: required for `donor-agreement`, refused otherwise.' }),
};

export const countryInput = z.object({ iso3: iso3Code, percentage: percentageText.nullable().optional() }).strict();

export const organizationInput = z
  .object({
    role: z.enum(PROJECT_ORGANIZATION_ROLES),
    name: text(300),
    ref: text(100).nullable().optional().openapi({ description: 'An IATI organisation identifier, e.g. XM-DAC-41104.' }),
    type: z
      .string()
      .regex(/^\d{1,3}$/, 'must be an IATI OrganisationType code, e.g. 40')
      .nullable()
      .optional(),
    organizationId: z.string().max(100).nullable().optional().openapi({ description: "The registry's organization, when it is one (e.g. au)." }),
  })
  .strict();

export const budgetInput = z
  .object({
    periodStart: day,
    periodEnd: day,
    amount: amountText,
    currency: currencyCode,
    valueDate: day.optional().openapi({ description: 'The day whose rate converts the amount (IATI value-date); the start of the period when not given.' }),
    status: z.enum(BUDGET_STATUSES).optional(),
    ...agreementFields,
  })
  .strict();

export const transactionInput = z
  .object({
    type: z.enum(TRANSACTION_TYPES),
    date: day,
    amount: amountText,
    currency: currencyCode,
    valueDate: day.optional(),
    ...agreementFields,
    provider: text(300).nullable().optional(),
    receiver: text(300).nullable().optional(),
    description: text(1000).nullable().optional(),
  })
  .strict();

const indicatorValue = text(200).nullable().optional();

export const indicatorInput = z
  .object({
    title: text(500),
    measure: z.enum(INDICATOR_MEASURES),
    ascending: z.boolean().optional(),
    baselineYear: z.number().int().min(1900).max(2200).nullable().optional(),
    baselineValue: indicatorValue,
    targetValue: indicatorValue,
    actualValue: indicatorValue,
    actualDate: day.nullable().optional(),
  })
  .strict();

export const resultInput = z
  .object({
    type: z.enum(RESULT_TYPES),
    title: text(500),
    description: text(2000).nullable().optional(),
    indicators: z.array(indicatorInput).max(50).optional(),
  })
  .strict();

/** The lists of parts a body may give; each replaces the stored list on an update. */
export const partsFields = {
  countries: z.array(countryInput).max(250),
  organizations: z.array(organizationInput).max(100),
  budget: z.array(budgetInput).max(500),
  transactions: z.array(transactionInput).max(1000),
  results: z.array(resultInput).max(100),
};

const projectFields = {
  title: text(500),
  objectives: text(5000).nullable(),
  status: z.enum(PROJECT_STATUSES),
  regionCode: z
    .string()
    .regex(/^\d{3}$/, 'must be a UN M49 code of three digits, e.g. 142')
    .nullable()
    .openapi({ description: 'The UN M49 region, sub-region or intermediate region of a regional project.' }),
  plannedStart: partialDate.nullable(),
  plannedEnd: partialDate.nullable(),
  actualStart: partialDate.nullable(),
  actualEnd: partialDate.nullable(),
  defaultCurrency: currencyCode.nullable(),
  iatiIdentifier: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/:-]{2,149}$/, "must be an IATI activity identifier: the reporting organisation's identifier, a hyphen and the activity's own (letters, digits . _ / : -)")
    .nullable(),
};

export const projectCreateSchema = z
  .object({
    id: recordId.optional().openapi({ description: 'The id to give the project (drawn when not given).' }),
    ...projectFields,
    ...z.object(partsFields).partial().shape,
    links: linksField,
    documents: documentsField,
    ...confidentialityFields,
    ...writeFields,
  })
  .partial({ objectives: true, regionCode: true, plannedStart: true, plannedEnd: true, actualStart: true, actualEnd: true, defaultCurrency: true, iatiIdentifier: true })
  .strict()
  .openapi('ProjectCreate', { description: 'A technical-cooperation project with its parts, and the source it rests on.' });

export const projectUpdateSchema = z
  .object({ ...z.object(projectFields).partial().shape, ...z.object(partsFields).partial().shape, links: linksField, documents: documentsField, ...confidentialityFields, ...writeFields })
  .strict()
  .openapi('ProjectUpdate', { description: 'The fields to change, and each list of parts to replace (others are left as they are), with the source the change rests on.' });

export type ProjectCreateBody = z.infer<typeof projectCreateSchema>;
export type ProjectUpdateBody = z.infer<typeof projectUpdateSchema>;
export type PartsInput = Partial<z.infer<z.ZodObject<typeof partsFields>>>;
