// Requests for assistance from States (OP5, OP11): the bodies the write path takes and the
// views the read API gives. docs/COOPERATION.md, "Requests", says how the workflow runs.
import { z } from '@hono/zod-openapi';
import { isValidDay, today } from '../../shared/dates.ts';
import { REQUEST_STATUSES } from '../../shared/vocabularies.ts';
import { backLinkSchema, documentSchema, documentsField, linkSchema, linksField } from '../cooperation/schema.ts';
import { confidentialityFields, editableFields, expectedVersion, iso3Code, partialDate, text, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';

const DAY_RULE = 'must be a day, YYYY-MM-DD';
const day = z.string().refine(isValidDay, DAY_RULE);
const pastOrToday = day.refine((d) => d <= today(), 'must not be in the future');

export const requestCreateSchema = z
  .object({
    state: iso3Code.openapi({ description: 'The requesting State.' }),
    authority: text(300).openapi({ description: 'Who asked: a ministry, a parliament, a national institution…' }),
    received: partialDate.refine((d) => d <= today(), 'must not be in the future').openapi({ description: 'When OHCHR received it, as precisely as known.' }),
    subject: text(4000),
    due: day.optional().openapi({ description: 'The day an answer is owed: after it, an open request is overdue.' }),
    links: linksField,
    documents: documentsField,
    ...writeFields,
    ...confidentialityFields,
  })
  .strict()
  .openapi('AssistanceRequestCreate', {
    description: 'A new request: restricted to OHCHR and the requesting State unless `confidentiality` and `audience` say otherwise.',
  });

export const requestUpdateSchema = z
  .object({
    authority: text(300).optional(),
    received: partialDate.refine((d) => d <= today(), 'must not be in the future').optional(),
    subject: text(4000).optional(),
    due: day.nullable().optional(),
    links: linksField,
    documents: documentsField,
    ...writeFields,
    ...confidentialityFields,
    expectedVersion,
  })
  .strict()
  .openapi('AssistanceRequestUpdate');

export const requestStepSchema = z
  .object({
    status: z.enum(REQUEST_STATUSES),
    date: pastOrToday.openapi({ description: 'The day the request moved.' }),
    reason: text(2000).optional().openapi({ description: 'Why: required when the request is declined.' }),
  })
  .strict()
  .openapi('AssistanceRequestStep');

export type RequestCreateBody = z.infer<typeof requestCreateSchema>;
export type RequestUpdateBody = z.infer<typeof requestUpdateSchema>;
export type RequestStepBody = z.infer<typeof requestStepSchema>;

const stepSchema = z
  .object({
    status: z.enum(REQUEST_STATUSES),
    date: z.string(),
    reason: z.string().nullable(),
    recordedBy: z.string().nullable().openapi({ description: 'Who recorded the step: shown to OHCHR only.' }),
    recordedAt: z.string(),
  })
  .openapi('AssistanceRequestStepView');

export const requestSummarySchema = z
  .object({
    id: z.string(),
    state: z.string(),
    stateName: z.string(),
    authority: z.string(),
    received: z.string(),
    subject: z.string(),
    status: z.enum(REQUEST_STATUSES),
    statusDate: z.string(),
    due: z.string().nullable(),
    overdue: z.boolean().openapi({ description: 'Due before today and not yet declined, answered or closed.' }),
    confidentiality: z.string(),
  })
  .openapi('AssistanceRequestSummary');

export const requestSchema = requestSummarySchema
  .extend({
    steps: z.array(stepSchema),
    next: z.array(z.enum(REQUEST_STATUSES)).openapi({ description: 'The statuses the workflow allows next.' }),
    links: z.array(linkSchema),
    linkedFrom: z.array(backLinkSchema).openapi({ description: 'The projects and events that answer this request (those the reader may see).' }),
    documents: z.array(documentSchema),
    sources: z.array(sourceSchema),
    ...editableFields,
  })
  .openapi('AssistanceRequest');

export type RequestSummary = z.infer<typeof requestSummarySchema>;
export type RequestView = z.infer<typeof requestSchema>;

export const requestListQuery = {
  state: iso3Code.optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional().openapi({ description: '`true`: only the overdue; `false`: only those not overdue.' }),
  receivedFrom: partialDate.optional(),
  receivedTo: partialDate.optional(),
};
