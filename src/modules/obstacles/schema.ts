// Obstacles to ratification and strategies to overcome them (docs/OBSTACLES.md): the bodies the
// write path takes and the views the read API gives.
import { z } from '@hono/zod-openapi';
import { today } from '../../shared/dates.ts';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../../shared/source-address.ts';
import { OBSTACLE_CATEGORIES, OBSTACLE_EVIDENCE_KINDS, OBSTACLE_STATUSES, STRATEGY_KINDS, STRATEGY_STATUSES } from '../../shared/vocabularies.ts';
import { confidentialityFields, editableFields, expectedVersion, iso3Code, partialDate, text, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { STRATEGY_LINK_TARGETS } from './fields.ts';

const notFuture = partialDate.refine((d) => d <= today(), 'must not be in the future');
const instrumentCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,49}$/, 'must be an instrument code of the registry, e.g. ICCPR');

export const evidenceInputSchema = z
  .object({
    kind: z.enum(OBSTACLE_EVIDENCE_KINDS),
    title: text(500).openapi({ description: "The document's title." }),
    url: z.string().max(1000).refine(isSourceAddress, SOURCE_ADDRESS_RULE).openapi({ description: 'A web address or a UN document symbol (A/HRC/19/4/Add.1).' }),
    date: partialDate.optional(),
    recommendation: z.string().trim().min(1).max(200).optional().openapi({ description: 'The recommendation (its id) whose response this is.' }),
    event: z.string().trim().min(1).max(100).optional().openapi({ description: 'The workshop or meeting (its event id) whose conclusions these are.' }),
    note: text(4000).optional().openapi({ description: "What the document says of the obstacle: the State's stated reason, in its words." }),
  })
  .strict()
  .openapi('ObstacleEvidenceInput');

const instrumentsField = z.array(instrumentCode).min(1, 'must name at least one instrument').max(30, 'at most 30 instruments');
const evidenceField = z.array(evidenceInputSchema).max(100, 'at most 100 pieces of evidence');

export const obstacleCreateSchema = z
  .object({
    state: iso3Code,
    instruments: instrumentsField.openapi({ description: 'The instrument it stands in the way of, or a group of instruments.' }),
    category: z.enum(OBSTACLE_CATEGORIES),
    description: text(4000),
    evidence: evidenceField.optional(),
    identified: notFuture.openapi({ description: 'When it was identified, as precisely as known.' }),
    identifiedBy: text(300).openapi({ description: 'Who identified it: a workshop, a UPR review, an OHCHR desk, the Government…' }),
    status: z.enum(OBSTACLE_STATUSES).optional().openapi({ description: 'Default `stands`.' }),
    statusDate: notFuture.optional().openapi({ description: 'When it was resolved or withdrawn: required for those.' }),
    ...writeFields,
    ...confidentialityFields,
  })
  .strict()
  .openapi('ObstacleCreate', { description: 'A new obstacle: public unless `confidentiality` and `audience` say otherwise.' });

export const obstacleUpdateSchema = z
  .object({
    instruments: instrumentsField.optional(),
    category: z.enum(OBSTACLE_CATEGORIES).optional(),
    description: text(4000).optional(),
    evidence: evidenceField.optional(),
    identified: notFuture.optional(),
    identifiedBy: text(300).optional(),
    status: z.enum(OBSTACLE_STATUSES).optional(),
    statusDate: notFuture.nullable().optional(),
    ...writeFields,
    ...confidentialityFields,
    expectedVersion,
  })
  .strict()
  .openapi('ObstacleUpdate');

export type ObstacleCreateBody = z.infer<typeof obstacleCreateSchema>;
export type ObstacleUpdateBody = z.infer<typeof obstacleUpdateSchema>;
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

const strategyLinkInput = z
  .object({
    kind: z.enum(STRATEGY_LINK_TARGETS),
    ref: z.string().trim().min(1, 'must not be empty').max(200),
    note: text(1000).optional(),
  })
  .strict()
  .openapi('StrategyLinkInput');

export const strategyCreateSchema = z
  .object({
    kind: z.enum(STRATEGY_KINDS),
    description: text(4000),
    status: z.enum(STRATEGY_STATUSES),
    outcome: text(4000).optional(),
    start: partialDate.optional(),
    end: partialDate.optional(),
    links: z.array(strategyLinkInput).max(100, 'at most 100 links').optional().openapi({ description: 'The requests, projects and events that carry it.' }),
    ...writeFields,
    ...confidentialityFields,
  })
  .strict()
  .openapi('StrategyCreate', { description: "A strategy for an obstacle: shown with the obstacle's confidentiality unless the body says otherwise." });

export const strategyUpdateSchema = z
  .object({
    kind: z.enum(STRATEGY_KINDS).optional(),
    description: text(4000).optional(),
    status: z.enum(STRATEGY_STATUSES).optional(),
    outcome: text(4000).nullable().optional(),
    start: partialDate.nullable().optional(),
    end: partialDate.nullable().optional(),
    links: z.array(strategyLinkInput).max(100, 'at most 100 links').optional(),
    ...writeFields,
    ...confidentialityFields,
    expectedVersion,
  })
  .strict()
  .openapi('StrategyUpdate');

export type StrategyCreateBody = z.infer<typeof strategyCreateSchema>;
export type StrategyUpdateBody = z.infer<typeof strategyUpdateSchema>;
export type StrategyLinkInput = z.infer<typeof strategyLinkInput>;

const namedInstrument = z.object({ code: z.string(), name: z.string() }).openapi('NamedInstrument');

export const evidenceSchema = z
  .object({
    kind: z.enum(OBSTACLE_EVIDENCE_KINDS),
    title: z.string(),
    url: z.string(),
    date: z.string().nullable(),
    recommendation: z.string().nullable(),
    event: z.string().nullable().openapi({ description: 'Left out (null) when the reader may not see the event.' }),
    note: z.string().nullable(),
  })
  .openapi('ObstacleEvidence');

export const strategySchema = z
  .object({
    id: z.string(),
    obstacle: z.string(),
    kind: z.enum(STRATEGY_KINDS),
    description: z.string(),
    status: z.enum(STRATEGY_STATUSES),
    outcome: z.string().nullable(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    links: z.array(z.object({ kind: z.enum(STRATEGY_LINK_TARGETS), ref: z.string(), note: z.string().nullable() })).openapi({ description: 'Those the reader may see.' }),
    sources: z.array(sourceSchema),
    ...editableFields,
  })
  .openapi('Strategy');

export const obstacleSummarySchema = z
  .object({
    id: z.string(),
    state: z.string(),
    stateName: z.string(),
    instruments: z.array(namedInstrument),
    category: z.enum(OBSTACLE_CATEGORIES),
    description: z.string(),
    identified: z.string(),
    identifiedBy: z.string(),
    status: z.enum(OBSTACLE_STATUSES),
    statusDate: z.string().nullable(),
    confidentiality: z.string(),
  })
  .openapi('ObstacleSummary');

export const ratificationSchema = z
  .object({
    instrument: z.string(),
    party: z.boolean().openapi({ description: 'Whether the State is party today, as the treaty record shows (party, or party on a day not known).' }),
    since: z.string().nullable().openapi({ description: 'The day (or month, or year) of its consent, when the record states it.' }),
    precededBy: z.array(z.string()).openapi({
      description: 'The strategies (ids) certainly begun on or before that day. Computed from the treaty record at every request, never stored.',
    }),
  })
  .openapi('ObstacleRatification');

export const obstacleSchema = obstacleSummarySchema
  .extend({
    evidence: z.array(evidenceSchema),
    strategies: z.array(strategySchema),
    ratification: z.array(ratificationSchema).openapi({ description: 'Per instrument of the obstacle: whether the State has since become party, and the strategies that preceded it.' }),
    sources: z.array(sourceSchema),
    ...editableFields,
  })
  .openapi('Obstacle');

export type ObstacleSummary = z.infer<typeof obstacleSummarySchema>;
export type ObstacleView = z.infer<typeof obstacleSchema>;
export type StrategyView = z.infer<typeof strategySchema>;

export const obstacleListQuery = {
  state: iso3Code.optional(),
  instrument: z.string().max(50).optional().openapi({ description: 'An instrument code: the obstacles standing in its way (alone or in a group).' }),
  category: z.enum(OBSTACLE_CATEGORIES).optional(),
  status: z.enum(OBSTACLE_STATUSES).optional(),
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be an M49 code of three digits')
    .optional()
    .openapi({ description: 'An M49 region, subregion or intermediate region: the obstacles of its States.' }),
};
