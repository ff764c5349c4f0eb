// Events of the technical-cooperation programme (docs/COOPERATION.md, "Events"): the write bodies
// (zod: validation and the OpenAPI document) and the read views. Dates are partial, YYYY[-MM[-DD]],
// as precise as a source states them; an end before the start is refused naming `end`.
import { z } from '@hono/zod-openapi';
import { firstDay, lastDay } from '../../shared/dates.ts';
import { EVENT_ACTION_STATUSES, EVENT_KINDS, EVENT_ORGANIZER_ROLES, PARTICIPANT_GENDERS, PARTICIPANT_INSTITUTIONS } from '../../shared/vocabularies.ts';
import { confidentialityFields, editableFields, iso3Code, partialDate, text, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { backLinkSchema, documentSchema, documentsField, linkSchema, linksField } from '../cooperation/schema.ts';

const recordId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be lowercase letters, digits and hyphens (at most 100)');
const m49 = z.string().regex(/^\d{3}$/, 'must be a UN M49 code of three digits, e.g. 142');
const orNull = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** An end before the start is a mistake, whatever the precision: the end's last possible day
 *  must not come before the start's first. */
export function endBeforeStart(start: string | null | undefined, end: string | null | undefined): boolean {
  return !!start && !!end && lastDay(end) < firstDay(start);
}
const END_RULE = { message: 'must not be before the start', path: ['end'] };

export const seriesCreateSchema = z
  .strictObject({
    id: recordId.optional().openapi({ description: 'Made from a random UUID when not given.' }),
    kind: z.enum(EVENT_KINDS),
    title: text(500),
    description: orNull(text(10_000)),
    note: orNull(text(4000)),
    ...writeFields,
    ...confidentialityFields,
  })
  .openapi('EventSeriesCreate');

export const seriesUpdateSchema = z
  .strictObject({ kind: z.enum(EVENT_KINDS).optional(), title: text(500).optional(), description: orNull(text(10_000)), note: orNull(text(4000)), ...writeFields, ...confidentialityFields })
  .openapi('EventSeriesUpdate');

export const organizerInput = z.strictObject({
  role: z.enum(EVENT_ORGANIZER_ROLES),
  name: text(300),
  organizationId: orNull(z.string().max(100)),
  stateIso3: orNull(iso3Code),
});

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: text(500),
  seriesId: orNull(recordId),
  seriesNumber: orNull(z.number().int().min(1).max(10_000)),
  start: partialDate,
  end: orNull(partialDate),
  city: orNull(text(200)),
  country: orNull(iso3Code),
  region: orNull(m49),
  agenda: orNull(text(20_000)),
  conclusions: orNull(text(20_000)),
  note: orNull(text(4000)),
};

export const eventCreateSchema = z
  .strictObject({
    id: recordId.optional().openapi({ description: 'Made from a random UUID when not given.' }),
    ...eventFields,
    organizers: z.array(organizerInput).max(50).optional(),
    links: linksField,
    documents: documentsField,
    ...writeFields,
    ...confidentialityFields,
  })
  .refine((b) => !endBeforeStart(b.start, b.end), END_RULE)
  .openapi('EventCreate');
export type EventCreateBody = z.infer<typeof eventCreateSchema>;

export const eventUpdateSchema = z
  .strictObject({ ...z.object(eventFields).partial().shape, links: linksField, documents: documentsField, ...writeFields, ...confidentialityFields })
  .openapi('EventUpdate');
export type EventUpdateBody = z.infer<typeof eventUpdateSchema>;

export const organizersBody = z.strictObject({ organizers: z.array(organizerInput).max(50), ...writeFields }).openapi('EventOrganizers');

const count = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000);
export const participationBody = z
  .strictObject({
    counts: z
      .array(
        z.strictObject({
          country: orNull(iso3Code),
          institution: orNull(z.enum(PARTICIPANT_INSTITUTIONS)),
          gender: orNull(z.enum(PARTICIPANT_GENDERS)),
          headcount: count,
        }),
      )
      .max(2000),
    ...writeFields,
  })
  .openapi('EventParticipation');
export type ParticipationBody = z.infer<typeof participationBody>;

export const participantBody = z
  .strictObject({
    name: text(300),
    position: orNull(text(300)),
    country: orNull(iso3Code),
    institution: orNull(z.enum(PARTICIPANT_INSTITUTIONS)),
    gender: orNull(z.enum(PARTICIPANT_GENDERS)),
    audience: confidentialityFields.audience.openapi({ description: 'Who besides OHCHR may read this person: none unless given.' }),
  })
  .openapi('EventParticipantCreate');

export const actionCreateBody = z
  .strictObject({ description: text(2000), owner: text(300), due: orNull(partialDate), status: z.enum(EVENT_ACTION_STATUSES).optional(), doneOn: orNull(partialDate) })
  .openapi('EventActionCreate');
export const actionUpdateBody = z
  .strictObject({ description: text(2000).optional(), owner: text(300).optional(), due: orNull(partialDate), status: z.enum(EVENT_ACTION_STATUSES).optional(), doneOn: orNull(partialDate) })
  .openapi('EventActionUpdate');

// Read views.
export const eventItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    series: z.object({ id: z.string(), title: z.string() }).nullable(),
    seriesNumber: z.number().int().nullable(),
    start: z.string(),
    end: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    region: z.string().nullable(),
    ...editableFields,
  })
  .openapi('EventItem');
export type EventItem = z.infer<typeof eventItemSchema>;

const tally = (key: string) => z.array(z.object({ [key]: z.string().nullable(), headcount: z.number().int() }));
export const participationSchema = z
  .object({
    rows: z.array(z.object({ country: z.string().nullable(), institution: z.string().nullable(), gender: z.string().nullable(), headcount: z.number().int() })),
    byCountry: tally('country'),
    byInstitution: tally('institution'),
    byGender: tally('gender'),
    total: z.number().int(),
  })
  .openapi('EventParticipationCounts');
export type ParticipationView = z.infer<typeof participationSchema>;

export const actionSchema = z
  .object({ id: z.number().int(), description: z.string(), owner: z.string(), due: z.string().nullable(), status: z.enum(EVENT_ACTION_STATUSES), doneOn: z.string().nullable(), overdue: z.boolean() })
  .openapi('EventAction');

export const eventDetailSchema = eventItemSchema
  .extend({
    agenda: z.string().nullable(),
    conclusions: z.string().nullable(),
    note: z.string().nullable(),
    organizers: z.array(z.object({ role: z.enum(EVENT_ORGANIZER_ROLES), name: z.string(), organizationId: z.string().nullable(), stateIso3: z.string().nullable() })),
    participation: participationSchema,
    actions: z.array(actionSchema),
    documents: z.array(documentSchema),
    links: z.array(linkSchema).openapi({ description: 'What the event answers or serves: recommendations, instruments, resolution paragraphs, requests, projects.' }),
    linkedFrom: z.array(backLinkSchema),
    sources: z.array(sourceSchema),
  })
  .openapi('Event');
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const seriesSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string().nullable(),
    note: z.string().nullable(),
    eventCount: z.number().int(),
    sources: z.array(sourceSchema),
    ...editableFields,
  })
  .openapi('EventSeries');
export const seriesDetailSchema = seriesSchema.extend({ events: z.array(eventItemSchema) }).openapi('EventSeriesDetail');

export const participantSchema = z
  .object({
    id: z.number().int(),
    name: z.string().nullable(),
    position: z.string().nullable(),
    country: z.string().nullable(),
    institution: z.string().nullable(),
    gender: z.string().nullable(),
    erasedAt: z.string().nullable(),
    audience: z.array(z.string()),
  })
  .openapi('EventParticipant');

export const feedCreatedSchema = z
  .object({ url: z.string().openapi({ description: 'The secret address of your calendar: shown once, never again.' }), createdAt: z.string() })
  .openapi('CalendarFeedCreated');
