// Exchanges between UN bodies and regional organizations and mechanisms (docs/EXCHANGES.md): the
// write bodies (zod: validation and the OpenAPI document) and the read views. Dates are partial,
// YYYY[-MM[-DD]], as precise as a source states them; an end before the start is refused naming
// `end`. Parties, follow-up actions, links and documents are given whole in a create or an
// update: what a body gives replaces what the exchange had; a body that leaves them out keeps them.
import { z } from '@hono/zod-openapi';
import { EVENT_ACTION_STATUSES, EXCHANGE_KINDS, EXCHANGE_SIDES, EXCHANGE_UN_BODIES } from '../../shared/vocabularies.ts';
import { confidentialityFields, editableFields, iso3Code, partialDate, text, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { backLinkSchema, documentSchema, documentsField, linkSchema, linksField } from '../cooperation/schema.ts';
import { endBeforeStart } from '../events/schema.ts';

const recordId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be lowercase letters, digits and hyphens (at most 100)');
const orNull = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const END_RULE = { message: 'must not be before the start', path: ['end'] };

/** One party: a UN body (its kind, and its name when the kind alone does not say it), or a
 *  regional organization or mechanism of the registry (exactly one of the two ids). */
export const partyInput = z
  .strictObject({
    side: z.enum(EXCHANGE_SIDES),
    unBody: orNull(z.enum(EXCHANGE_UN_BODIES)),
    name: orNull(text(300)),
    organizationId: orNull(z.string().max(100)),
    mechanism: orNull(z.string().max(100).openapi({ description: "A mechanism's code (GET /api/v1/mechanisms), e.g. IACHR." })),
  })
  .superRefine((p, ctx) => {
    if (p.side === 'un') {
      if (!p.unBody) ctx.addIssue({ code: 'custom', path: ['unBody'], message: 'a UN party names its body' });
      if (p.organizationId || p.mechanism)
        ctx.addIssue({ code: 'custom', path: [p.organizationId ? 'organizationId' : 'mechanism'], message: 'a UN party names no regional organization or mechanism' });
    } else {
      if (!p.organizationId === !p.mechanism) ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'a regional party names exactly one organization or mechanism of the registry' });
      if (p.unBody) ctx.addIssue({ code: 'custom', path: ['unBody'], message: 'a regional party names no UN body' });
    }
  })
  .openapi('ExchangePartyInput');
export type PartyInput = z.infer<typeof partyInput>;

export const actionInput = z
  .strictObject({ description: text(2000), owner: text(300), due: orNull(partialDate), status: z.enum(EVENT_ACTION_STATUSES).optional(), doneOn: orNull(partialDate) })
  .openapi('ExchangeActionInput');
export type ActionInput = z.infer<typeof actionInput>;

const exchangeFields = {
  kind: z.enum(EXCHANGE_KINDS),
  title: text(500),
  seriesId: orNull(recordId),
  seriesNumber: orNull(z.number().int().min(1).max(10_000)),
  start: partialDate,
  end: orNull(partialDate),
  city: orNull(text(200)),
  country: orNull(iso3Code),
  topic: orNull(text(500)),
  description: orNull(text(20_000)),
  outcomes: orNull(text(20_000)),
  note: orNull(text(4000)),
};

const partsFields = {
  parties: z.array(partyInput).min(2, 'at least a UN party and a regional party').max(50).optional(),
  actions: z.array(actionInput).max(200).optional(),
  links: linksField,
  documents: documentsField,
};

export const exchangeCreateSchema = z
  .strictObject({
    id: recordId.optional().openapi({ description: 'Made from a random UUID when not given.' }),
    ...exchangeFields,
    ...partsFields,
    parties: z.array(partyInput).min(2, 'at least a UN party and a regional party').max(50),
    ...writeFields,
    ...confidentialityFields,
  })
  .refine((b) => !endBeforeStart(b.start, b.end), END_RULE)
  .openapi('ExchangeCreate');
export type ExchangeCreateBody = z.infer<typeof exchangeCreateSchema>;

export const exchangeUpdateSchema = z.strictObject({ ...z.object(exchangeFields).partial().shape, ...partsFields, ...writeFields, ...confidentialityFields }).openapi('ExchangeUpdate');
export type ExchangeUpdateBody = z.infer<typeof exchangeUpdateSchema>;

export const seriesCreateSchema = z
  .strictObject({
    id: recordId.optional().openapi({ description: 'Made from a random UUID when not given.' }),
    title: text(500),
    description: orNull(text(10_000)),
    note: orNull(text(4000)),
    ...writeFields,
    ...confidentialityFields,
  })
  .openapi('ExchangeSeriesCreate');

export const seriesUpdateSchema = z
  .strictObject({ title: text(500).optional(), description: orNull(text(10_000)), note: orNull(text(4000)), ...writeFields, ...confidentialityFields })
  .openapi('ExchangeSeriesUpdate');

// Read views.
export const partySchema = z
  .object({
    side: z.enum(EXCHANGE_SIDES),
    unBody: z.enum(EXCHANGE_UN_BODIES).nullable(),
    name: z.string().nullable().openapi({ description: 'As entered; for a regional party without one, its name in the registry in the language asked.' }),
    organizationId: z.string().nullable(),
    mechanism: z.string().nullable(),
  })
  .openapi('ExchangeParty');

export const exchangeItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EXCHANGE_KINDS),
    title: z.string(),
    series: z.object({ id: z.string(), title: z.string() }).nullable(),
    seriesNumber: z.number().int().nullable(),
    start: z.string(),
    end: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    topic: z.string().nullable(),
    parties: z.array(partySchema),
    ...editableFields,
  })
  .openapi('ExchangeItem');
export type ExchangeItem = z.infer<typeof exchangeItemSchema>;

export const exchangeActionSchema = z
  .object({ description: z.string(), owner: z.string(), due: z.string().nullable(), status: z.enum(EVENT_ACTION_STATUSES), doneOn: z.string().nullable(), overdue: z.boolean() })
  .openapi('ExchangeAction');

export const exchangeDetailSchema = exchangeItemSchema
  .extend({
    description: z.string().nullable(),
    outcomes: z.string().nullable(),
    note: z.string().nullable(),
    actions: z.array(exchangeActionSchema),
    documents: z.array(documentSchema),
    links: z.array(linkSchema).openapi({ description: 'What the exchange answers or serves: resolution paragraphs, recommendations, events, projects.' }),
    linkedFrom: z.array(backLinkSchema),
    sources: z.array(sourceSchema),
  })
  .openapi('Exchange');
export type ExchangeDetail = z.infer<typeof exchangeDetailSchema>;

export const exchangeSeriesSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    note: z.string().nullable(),
    exchangeCount: z.number().int(),
    sources: z.array(sourceSchema),
    ...editableFields,
  })
  .openapi('ExchangeSeries');
export const exchangeSeriesDetailSchema = exchangeSeriesSchema.extend({ exchanges: z.array(exchangeItemSchema) }).openapi('ExchangeSeriesDetail');
