// The shapes of the files in data/reference (see data/reference/README.md).
import { z } from 'zod';
import { isValidPartialDate } from '../shared/dates.ts';
import { SOURCE_KINDS } from '../shared/source-kinds.ts';
import {
  ACCEPTANCE_NEEDS,
  EVENT_KINDS,
  EXCHANGE_KINDS,
  EXCHANGE_SIDES,
  EXCHANGE_UN_BODIES,
  COOPERATION_LINK_TARGETS,
  EVENT_ORGANIZER_ROLES,
  INSTRUMENT_KINDS,
  MECHANISM_KINDS,
  MEMBERSHIP_EVENTS,
  OBSTACLE_CATEGORIES,
  OBSTACLE_EVIDENCE_KINDS,
  OBSTACLE_STATUSES,
  ORGANIZATION_KINDS,
  PRESENCE_KINDS,
  PROCEDURE_EFFECTS,
  REGIONAL_GROUPS,
  SYSTEMS,
  UN_STATUSES,
} from '../shared/vocabularies.ts';
import { isSourceAddress, isWebAddress, SOURCE_ADDRESS_RULE, WEB_ADDRESS_RULE } from '../shared/source-address.ts';
import { PROCEDURE_IDS, REGIONAL_PROCEDURE_IDS } from '../modules/procedures/catalogue.ts';

const partialDate = z.string().refine(isValidPartialDate, 'must be YYYY, YYYY-MM or YYYY-MM-DD and a real date');
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code');
const sourceIds = z.array(z.string().min(1)).min(1, 'at least one source id (or "unverified")');

export const localizedText = z
  .object({ en: z.string().min(1) })
  .extend({ ar: z.string().optional(), es: z.string().optional(), fr: z.string().optional(), ru: z.string().optional(), zh: z.string().optional() })
  .strict();
export type LocalizedText = z.infer<typeof localizedText>;

export const sourceFile = z.array(
  z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    /** Left out only for a document whose text states neither an address nor a symbol (the
     *  General Assembly resolution of 20 December 2004): its title must then identify it. */
    url: z.string().refine(isSourceAddress, SOURCE_ADDRESS_RULE).optional(),
    retrieved: partialDate,
    /** official, secondary or tertiary (src/shared/source-kinds.ts). */
    kind: z.enum(SOURCE_KINDS),
    /** The date its information is current to, when it states one. */
    asOf: partialDate.optional(),
    /** For a faithful copy of an official document or table: what it copies. */
    copyOf: z.string().min(1).optional(),
  }),
);

export const stateRow = z.object({
  iso3,
  un_status: z.enum(UN_STATUSES),
  un_admission: z.union([z.literal(''), partialDate]),
  regional_group: z.enum(['', ...REGIONAL_GROUPS]),
  regional_group_note: z.string(),
  sources: z.string().min(1),
});

const place = z.object({ city: z.string().min(1), iso3 }).nullable();

export const organizationFile = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase id'),
  name: localizedText,
  acronym: localizedText.optional(),
  kind: z.enum(ORGANIZATION_KINDS),
  region: z.string().nullable().optional(),
  founded: partialDate.nullable(),
  headquarters: place.optional(),
  website: z.string().refine(isWebAddress, WEB_ADDRESS_RULE).nullable().optional(),
  predecessors: z.array(z.object({ name: localizedText, acronym: localizedText.optional(), from: partialDate.nullable(), to: partialDate.nullable() })).default([]),
  sources: sourceIds,
});
export type OrganizationFile = z.infer<typeof organizationFile>;

export const membershipRow = z.object({
  iso3,
  event: z.enum(MEMBERSHIP_EVENTS),
  date: z.union([z.literal(''), partialDate]),
  source: z.string().min(1),
  note: z.string(),
});

export const instrumentFile = z.array(
  z.object({
    code: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'upper-case code'),
    title: localizedText,
    shortTitle: localizedText.nullable().optional(),
    /** The source of each name that has its own ("title.fr", "shortTitle.ar"): else the first of `sources`. */
    nameSources: z.record(z.string(), z.string()).optional(),
    kind: z.enum(INSTRUMENT_KINDS),
    binding: z.boolean(),
    system: z.enum(SYSTEMS),
    organization: z.string().nullable(),
    core: z.boolean(),
    untcRef: z.string().nullable(),
    parent: z.string().nullable(),
    adopted: partialDate.nullable(),
    adoptedPlace: z.string().nullable().optional(),
    entryIntoForce: partialDate.nullable(),
    depositary: z.string().nullable(),
    note: z.string().nullable().optional(),
    unverified: z.array(z.string()).optional(),
    sources: sourceIds,
  }),
);
export type InstrumentFile = z.infer<typeof instrumentFile>;

const coverage = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('membership'), organization: z.string() }),
  z.object({
    basis: z.literal('party'),
    instrument: z.string(),
    // Party to any of these also counts (the European Social Charter of 1961 or its 1996 revision).
    instrumentsAny: z.array(z.string()).optional(),
    // A declaration some mechanisms also need: for their jurisdiction at all (ACHR art. 62),
    // or only for individual complaints (African Court Protocol art. 34(6)).
    acceptance: z.string().optional(),
    acceptanceFor: z.enum(ACCEPTANCE_NEEDS).optional(),
  }),
  z.object({ basis: z.literal('un-membership') }),
]);

export const mechanismFile = z.array(
  z.object({
    code: z.string().regex(/^[A-Z][A-Z0-9-]*$/, 'upper-case code'),
    name: localizedText,
    acronym: localizedText.nullable().optional(),
    /** The source of each name that has its own ("name.fr", "acronym.ar"): else the first of `sources`. */
    nameSources: z.record(z.string(), z.string()).optional(),
    kind: z.enum(MECHANISM_KINDS),
    system: z.enum(SYSTEMS),
    organization: z.string().nullable(),
    seat: place,
    establishingInstrument: z.string().nullable(),
    established: partialDate.nullable(),
    individualComplaints: z.boolean(),
    individualComplaintsNote: z.string().nullable().optional(),
    coverage,
    note: z.string().nullable().optional(),
    unverified: z.array(z.string()).optional(),
    sources: sourceIds,
  }),
);
export type MechanismFile = z.infer<typeof mechanismFile>;

export const presenceFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase id'),
    name: localizedText,
    kind: z.enum(PRESENCE_KINDS),
    seat: place,
    opened: partialDate.nullable(),
    closed: partialDate.nullable(),
    covers: z.array(iso3),
    mandate: z.string().nullable().optional(),
    unverified: z.array(z.string()).optional(),
    sources: sourceIds,
  }),
);
export type PresenceFile = z.infer<typeof presenceFile>;

export const treatyActionRow = z.object({
  iso3,
  kind: z.enum(['signature', 'ratification', 'accession', 'succession', 'denunciation', 'declaration-accept', 'declaration-withdraw']),
  date: z.union([z.literal(''), partialDate]),
  effective: z.union([z.literal(''), partialDate]),
  source: z.string().min(1),
  note: z.string(),
  /** For a declaration: the procedure it accepts or withdraws (an id of modules/procedures). */
  procedure: z.union([z.literal(''), z.enum(REGIONAL_PROCEDURE_IDS as [string, ...string[]])]).optional(),
});

/** statehood.csv: when a State came to exist as it is now. */
export const statehoodRow = z.object({
  iso3,
  since: partialDate,
  basis: z.enum(['independence', 'succession', 'unification', 'existing', 'other']),
  source: z.string().min(1),
  note: z.string(),
});

/** eligibility.csv: who may join an instrument, by its final clauses. */
export const eligibilityRow = z
  .object({
    instrument: z.string().trim().min(1),
    rule: z.enum(['members', 'parent']),
    organization: z.string(),
    parent: z.string(),
    article: z.string().trim().min(1),
    source: z.string().min(1),
    note: z.string(),
  })
  .refine(
    (r) => (r.rule === 'members' ? r.organization !== '' && r.parent === '' : r.parent !== '' && r.organization === ''),
    'members needs an organization, parent an instrument (and not the other)',
  );

/** effect-rules.csv: when an act takes effect under an instrument's own rule. */
export const effectRuleRow = z.object({
  instrument: z.string().trim().min(1),
  kind: z.enum(['consent', 'denunciation', 'declaration-withdraw']),
  rule: z.enum(['on-deposit', 'days-after', 'months-after', 'first-of-month-after-months', 'years-after']),
  amount: z.coerce.number().int().min(0).max(1000),
  article: z.string().trim().min(1),
  source: z.string().min(1),
  note: z.string(),
});

/** participant-aliases.csv: a name under which a source lists a participant of a treaty. */
export const participantAliasRow = z.object({
  name: z.string().trim().min(1),
  participant: z.string().trim().min(1),
  kind: z.enum(['state', 'organization']),
  source: z.string().min(1),
  note: z.string(),
});

/** procedure-acts.csv: an act on a procedure that only the UNTC's end notes narrate. */
export const procedureActRow = z.object({
  iso3,
  procedure: z.enum(PROCEDURE_IDS as [string, ...string[]]),
  effect: z.enum(PROCEDURE_EFFECTS),
  date: z.union([z.literal(''), partialDate]),
  source: z.string().min(1),
  quote: z.string().min(1, 'quote the sentence the act is read from'),
});

/** cooperation-events.json: shipped event series and events of the technical-cooperation
 *  programme (docs/COOPERATION.md), each with its sources; dates only as precise as a source states them. */
const eventId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase id');
export const cooperationEventsFile = z
  .object({
    series: z.array(
      z
        .object({
          id: eventId,
          kind: z.enum(EVENT_KINDS),
          title: z.string().min(1),
          description: z.string().min(1).optional(),
          note: z.string().min(1).optional(),
          sources: sourceIds,
        })
        .strict(),
    ),
    events: z.array(
      z
        .object({
          id: eventId,
          series: eventId.optional(),
          number: z.number().int().positive().optional(),
          kind: z.enum(EVENT_KINDS),
          title: z.string().min(1),
          start: partialDate,
          end: partialDate.nullable().optional(),
          city: z.string().min(1).optional(),
          country: iso3.optional(),
          region: z
            .string()
            .regex(/^\d{3}$/, 'an M49 code of three digits')
            .optional(),
          organizers: z.array(z.object({ role: z.enum(EVENT_ORGANIZER_ROLES), name: z.string().min(1), state: iso3.optional(), organization: z.string().optional() }).strict()).optional(),
          agenda: z.string().min(1).optional(),
          conclusions: z.string().min(1).optional(),
          documents: z.array(z.object({ title: z.string().min(1), url: z.string().refine(isSourceAddress, SOURCE_ADDRESS_RULE) }).strict()).optional(),
          /** What it answers or serves (cooperation_link): here, paragraphs of resolutions. */
          links: z.array(z.object({ kind: z.enum(COOPERATION_LINK_TARGETS), ref: z.string().min(1), note: z.string().min(1).optional() }).strict()).optional(),
          note: z.string().min(1).optional(),
          sources: sourceIds,
        })
        .strict(),
    ),
  })
  .strict();
export type CooperationEventsFile = z.infer<typeof cooperationEventsFile>;

/** cooperation-exchanges.json: shipped exchanges between UN bodies and regional organizations
 *  and mechanisms (docs/EXCHANGES.md) and their series, each with its sources; dates only as
 *  precise as a source states them. */
export const cooperationExchangesFile = z
  .object({
    series: z.array(
      z
        .object({
          id: eventId,
          title: z.string().min(1),
          description: z.string().min(1).optional(),
          note: z.string().min(1).optional(),
          sources: sourceIds,
        })
        .strict(),
    ),
    exchanges: z.array(
      z
        .object({
          id: eventId,
          series: eventId.optional(),
          number: z.number().int().positive().optional(),
          kind: z.enum(EXCHANGE_KINDS),
          title: z.string().min(1),
          start: partialDate,
          end: partialDate.nullable().optional(),
          city: z.string().min(1).optional(),
          country: iso3.optional(),
          topic: z.string().min(1).optional(),
          description: z.string().min(1).optional(),
          outcomes: z.string().min(1).optional(),
          parties: z
            .array(
              z
                .object({
                  side: z.enum(EXCHANGE_SIDES),
                  unBody: z.enum(EXCHANGE_UN_BODIES).optional(),
                  name: z.string().min(1).optional(),
                  organization: z.string().min(1).optional(),
                  mechanism: z.string().min(1).optional(),
                })
                .strict(),
            )
            .min(2),
          documents: z.array(z.object({ title: z.string().min(1), url: z.string().refine(isSourceAddress, SOURCE_ADDRESS_RULE) }).strict()).optional(),
          links: z.array(z.object({ kind: z.enum(COOPERATION_LINK_TARGETS), ref: z.string().min(1), note: z.string().min(1).optional() }).strict()).optional(),
          note: z.string().min(1).optional(),
          sources: sourceIds,
        })
        .strict(),
    ),
  })
  .strict();
export type CooperationExchangesFile = z.infer<typeof cooperationExchangesFile>;

/** cooperation-obstacles.json: shipped obstacles to ratification (docs/OBSTACLES.md), each as a
 *  State stated it in a document cited as its evidence, with the sources the text was read in. */
export const cooperationObstaclesFile = z
  .object({
    obstacles: z.array(
      z
        .object({
          id: eventId,
          state: iso3,
          instruments: z.array(z.string().min(1)).min(1),
          category: z.enum(OBSTACLE_CATEGORIES),
          description: z.string().min(1),
          identified: partialDate,
          identifiedBy: z.string().min(1),
          status: z.enum(OBSTACLE_STATUSES).default('stands'),
          statusDate: partialDate.optional(),
          evidence: z
            .array(
              z
                .object({
                  kind: z.enum(OBSTACLE_EVIDENCE_KINDS),
                  title: z.string().min(1),
                  url: z.string().refine(isSourceAddress, SOURCE_ADDRESS_RULE),
                  date: partialDate.optional(),
                  note: z.string().min(1).optional(),
                })
                .strict(),
            )
            .min(1, 'an obstacle is shipped only with the document it rests on'),
          sources: sourceIds,
        })
        .strict(),
    ),
  })
  .strict();
export type CooperationObstaclesFile = z.infer<typeof cooperationObstaclesFile>;
