// The shapes the API answers with, taken from the server's own schemas and services, so that
// the app and the API cannot drift apart.
export type { StateSummary, StateProfile } from '../../../src/modules/states/schema.ts';
export type { OrganizationView as Organization, MemberView as Member, MemberHistoryView as MemberHistory, MembershipEventView as MembershipEvent } from '../../../src/modules/organizations/schema.ts';
export type { InstrumentView as Instrument } from '../../../src/modules/instruments/schema.ts';
export type { MechanismView as Mechanism } from '../../../src/modules/mechanisms/schema.ts';
export type { ExchangeDetail, ExchangeItem } from '../../../src/modules/exchanges/schema.ts';
export type { EnteredActionView as EnteredAct } from '../../../src/modules/treaty-status/schema.ts';
export type { PresenceView as Presence, PresenceDetail, CoveragePeriodView as CoveragePeriod } from '../../../src/modules/presences/schema.ts';
export type { SourceEntry } from '../../../src/modules/sources/schema.ts';
export type { SourceView as Source } from '../../../src/modules/sources/repository.ts';
export type { Coverage } from '../../../src/modules/coverage/service.ts';
export type { SearchHit } from '../../../src/modules/search/service.ts';
export type { RecommendationView as Recommendation, RecommendationSearchView as RecommendationSearch } from '../../../src/modules/recommendations/schema.ts';
export type { FollowUpView as FollowUp } from '../../../src/modules/follow-up/schema.ts';
export type { Page } from '../../../src/server/http/list.ts';
export type {
  OutcomesView as RatificationOutcomes,
  OutcomeRowView as OutcomeRow,
  InstrumentLinkView as InstrumentLink,
  InstrumentLinkListView as InstrumentLinkList,
} from '../../../src/modules/recommendation-instruments/schema.ts';
// Treaty status: the server declares these answers as zod schemas only, so their types are inferred here.
import type { z } from '@hono/zod-openapi';
import type {
  collectionSchema,
  conflictSchema,
  countsSchema,
  datasetSchema,
  historySchema,
  instrumentStatusSchema,
  matrixSchema,
  stateTreatiesSchema,
  statusCountsSchema,
} from '../../../src/modules/treaty-status/schema.ts';
export type StateTreaties = z.infer<typeof stateTreatiesSchema>;
export type InstrumentStatus = z.infer<typeof instrumentStatusSchema>;
export type StatusHistory = z.infer<typeof historySchema>;
export type TreatyConflict = z.infer<typeof conflictSchema>;
export type ImportDataset = z.infer<typeof datasetSchema>;
export type TreatyStatus = StateTreaties['treaties'][number]['status'];
/** What a status row says: the status and why (uncertainty, the article or the day of statehood). */
export type StatusReason = Pick<StateTreaties['treaties'][number], 'status' | 'uncertainty' | 'because'>;
export type TreatyAction = StateTreaties['treaties'][number]['actions'][number];
export type TreatyDeclaration = StateTreaties['treaties'][number]['declarations'][number];
export type StatusCounts = z.infer<typeof statusCountsSchema>;
export type TreatyCollection = z.infer<typeof collectionSchema>;
export type TreatyMatrix = z.infer<typeof matrixSchema>;
export type TreatyCounts = z.infer<typeof countsSchema>;
export type { MembershipConflict } from '../../../src/modules/organizations/crosscheck.ts';
import type { procedureListSchema, procedureStatesSchema, stateProceduresSchema } from '../../../src/modules/procedures/schema.ts';
export type StateProcedures = z.infer<typeof stateProceduresSchema>;
export type ProcedureList = z.infer<typeof procedureListSchema>;
export type ProcedureStates = z.infer<typeof procedureStatesSchema>;
import type { exchangeSeriesDetailSchema, exchangeSeriesSchema } from '../../../src/modules/exchanges/schema.ts';
export type ExchangeSeries = z.infer<typeof exchangeSeriesSchema>;
export type ExchangeSeriesDetail = z.infer<typeof exchangeSeriesDetailSchema>;
import type { recommendationDetailSchema } from '../../../src/modules/recommendations/schema.ts';
export type RecommendationDetail = z.infer<typeof recommendationDetailSchema>;
export type NameFallbacks = {
  items: { entityKind: string; id: string; lang: string; shown: string | null; shownLang: string | null; sourceId: string | null }[];
  sources: Record<string, import('../../../src/modules/sources/repository.ts').SourceView>;
};
// Accounts and the audit trail.
import type { meSchema, newTokenSchema, newUserSchema, tokenSchema, twoFactorSecretSchema, userDetailSchema, userSchema } from '../../../src/modules/accounts/schema.ts';
export type Me = z.infer<typeof meSchema>;
export type Can = Me['can'];
export type User = z.infer<typeof userSchema>;
export type UserDetail = z.infer<typeof userDetailSchema>;
export type ApiToken = z.infer<typeof tokenSchema>;
export type NewApiToken = z.infer<typeof newTokenSchema>;
export type NewUserCreated = z.infer<typeof newUserSchema>;
export type TwoFactorSecret = z.infer<typeof twoFactorSecretSchema>;
export type { AuditView as AuditRecord } from '../../../src/modules/audit/service.ts';
export type {
  RecommendationSummaryView as RecommendationSummary,
  RelatedRecommendationsView as RelatedRecommendations,
} from '../../../src/modules/recommendations/summary-schema.ts';
// The technical-cooperation programme's dashboard and a State's cooperation history.
export type { Dashboard as CooperationDashboard } from '../../../src/modules/cooperation-dashboard/schema.ts';
export type { StateCooperation } from '../../../src/modules/state-cooperation/schema.ts';
export type { StateGapsView as StateGaps } from '../../../src/modules/obstacles/gap-schema.ts';
export type { ObstacleSummary, ObstacleView as Obstacle, StrategyView as Strategy } from '../../../src/modules/obstacles/schema.ts';
// Sync with other instances: peers and runs (administrators), records received and disagreements (everyone, through their view).
export type {
  PeerView as SyncPeer,
  RunView as SyncRun,
  SyncedRecordView as SyncedRecord,
  DisagreementView as SyncDisagreement,
} from '../../../src/modules/sync/schema.ts';
// Resolutions imported from their text, their mandates and the calendar of what is due.
import type { calendarSchema, importedSchema, mandateSchema, resolutionDetailSchema, resolutionSummarySchema } from '../../../src/modules/resolutions/schema.ts';
export type ResolutionSummary = z.infer<typeof resolutionSummarySchema>;
export type ResolutionDetail = z.infer<typeof resolutionDetailSchema>;
export type ResolutionParagraph = ResolutionDetail['paragraphs'][number];
export type ResolutionImported = z.infer<typeof importedSchema>;
export type Mandate = z.infer<typeof mandateSchema>;
export type MandateCalendar = z.infer<typeof calendarSchema>;
import type { comparisonSchema } from '../../../src/modules/resolutions/schema.ts';
export type ResolutionComparison = z.infer<typeof comparisonSchema>;
