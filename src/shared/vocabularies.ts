// The closed lists of values the registry speaks in, each written once. The API's zod enums
// (z.enum(LIST)), the checks of data/reference, the services, the importers and the web app all
// take them from here; docs/GLOSSARY.md names each concept. The order of a list is the order the
// API documents it in (and, unless a page says otherwise, the order pages show it in).
// Source kinds have their own file, with the rules that go with them (source-kinds.ts).

/** The UN regional groups used for elections. */
export const REGIONAL_GROUPS = ['AG', 'APG', 'EEG', 'GRULAC', 'WEOG'] as const;
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number];

/** A State's standing at the UN. */
export const UN_STATUSES = ['member', 'observer', 'non-member'] as const;
export type UnStatus = (typeof UN_STATUSES)[number];

/** How exactly a date is known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (shared/dates.ts reads it). */
export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** The UN system or a regional one: of an instrument, a mechanism or a procedure. */
export const SYSTEMS = ['un', 'regional'] as const;
export type System = (typeof SYSTEMS)[number];

/** What happens to a State's membership of an organization, dated. */
export const MEMBERSHIP_EVENTS = ['joined', 'left', 'suspended', 'readmitted'] as const;
export type MembershipEventKind = (typeof MEMBERSHIP_EVENTS)[number];

/** The kinds of OHCHR field presence: a regional office, a regional centre, or a regional
 *  representative (the General Assembly's resolution of 20 December 2004 on regional arrangements,
 *  OP7, welcomes "the placement by the Office of the High Commissioner of regional
 *  representatives in subregions and in regional commissions"). */
export const PRESENCE_KINDS = ['regional-office', 'regional-centre', 'regional-representative'] as const;
export type PresenceKind = (typeof PRESENCE_KINDS)[number];

/** A State's membership of an organization at a date (a suspended member still belongs). */
export const MEMBERSHIP_STATUSES = ['member', 'suspended', 'former', 'none'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A mechanism's coverage rule: what brings a State under it. */
export const COVERAGE_RULES = ['membership', 'party', 'un-membership'] as const;
export type CoverageRule = (typeof COVERAGE_RULES)[number];

/** For a party rule, what a mechanism's acceptance declaration is needed for. */
export const ACCEPTANCE_NEEDS = ['jurisdiction', 'individual-complaints'] as const;
export type AcceptanceNeed = (typeof ACCEPTANCE_NEEDS)[number];

/** Why a State is covered by a regional mechanism at a date. */
export const COVERAGE_BASES = ['membership', 'party', 'party-and-acceptance'] as const;
export type CoverageBasis = (typeof COVERAGE_BASES)[number];

/** What treaty statuses are counted by: M49 region, UN regional group or organization. */
export const COUNT_GROUPINGS = ['region', 'group', 'organization'] as const;
export type CountBy = (typeof COUNT_GROUPINGS)[number];

/** Who takes a treaty action: a State, or an organization such as the European Union. */
export const PARTICIPANT_KINDS = ['state', 'organization'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** Treaty status at a date, from the strongest tie to the instrument to none: the order of
 *  counts, legends and filters (docs/TREATY-STATUS.md). */
export const TREATY_STATUSES = ['party', 'uncertain', 'signatory', 'withdrawn', 'noAction', 'noData', 'notEligible', 'notYetState'] as const;
export type TreatyStatus = (typeof TREATY_STATUSES)[number];

/** Why a treaty status is `uncertain`: the day is not known, or the act rests on tertiary sources or none. */
export const UNCERTAINTIES = ['span', 'tertiary', 'unsourced'] as const;
export type Uncertainty = (typeof UNCERTAINTIES)[number];

/** Treaty actions by which a State becomes bound; `ratification-or-accession` is a year-level list's. */
export const CONSENT_KINDS = ['ratification', 'accession', 'succession', 'acceptance', 'approval', 'formal-confirmation', 'ratification-or-accession'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** Treaty actions that sign an instrument (or succeed to a predecessor's signature). */
export const SIGNATURE_KINDS = ['signature', 'succession-to-signature'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

/** Declarations accepting or withdrawing a procedure (an optional clause): the only acts that name one. */
export const PROCEDURE_DECLARATION_KINDS = ['declaration-accept', 'declaration-withdraw'] as const;

export function isProcedureDeclaration(kind: string): boolean {
  return (PROCEDURE_DECLARATION_KINDS as readonly string[]).includes(kind);
}

/** A participant's status as a list states it, without the acts behind it (a status snapshot). */
export const LISTED_STATUSES = ['party', 'signatory', 'withdrawn', 'none'] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];

/** How exactly a collection of treaty actions dates them: to the day, or (a year-level list) to the year. */
export const COLLECTION_PRECISIONS = ['day', 'year'] as const;
export type CollectionPrecision = (typeof COLLECTION_PRECISIONS)[number];

/** What two treaty sources disagree about (a day, a year, an act one of them lacks, …). */
export const CONFLICT_KINDS = ['date-differs', 'year-differs', 'missing', 'party-differs', 'signature-differs', 'status-differs', 'contradictory'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** A State's standing under a procedure at a date (docs/GLOSSARY.md, "procedure status"). */
export const PROCEDURE_STATUSES = ['accepted', 'notAccepted', 'optedOut', 'withdrawn', 'notParty', 'notInForce', 'noData', 'superseded'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

/** What a State's act does to a procedure. */
export const PROCEDURE_EFFECTS = ['accept', 'opt-out', 'withdraw-acceptance', 'withdraw-opt-out'] as const;
export type ProcedureEffect = (typeof PROCEDURE_EFFECTS)[number];

/** What `accord export` and GET /api/v1/exports/{entity}.{format} can write. */
export const EXPORT_ENTITIES = ['states', 'organizations', 'members', 'instruments', 'mechanisms', 'presences', 'coverage', 'treaty-actions', 'treaty-matrix', 'treaty-conflicts'] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Who a record may be shown to: everyone; signed-in users; its audience (named organizations
 *  and States) and OHCHR (its editors and the administrators). */
export const CONFIDENTIALITY_LEVELS = ['public', 'internal', 'restricted'] as const;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

/** Roles of an account (docs/SECURITY.md). organization-editor and state-editor are scoped to
 *  one organization or State each; a user may hold several roles. */
export const ROLES = ['admin', 'ohchr-editor', 'organization-editor', 'state-editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_STATUSES = ['active', 'deactivated', 'erased'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Who brought a registry record in: the seed (from data/reference) or a user, through a use
 *  case. The seed never changes nor deletes a user's record, nor a field a user corrected. */
export const RECORD_ORIGINS = ['reference', 'user'] as const;
export type RecordOrigin = (typeof RECORD_ORIGINS)[number];

/** Every kind of treaty action (docs/GLOSSARY.md, "treaty action"): signatures, acts of consent,
 *  denunciation, declarations accepting or withdrawing a procedure, and the texts of declarations
 *  and reservations (those made under an article apart). */
export const TREATY_ACTION_KINDS = [...SIGNATURE_KINDS, ...CONSENT_KINDS, 'denunciation', ...PROCEDURE_DECLARATION_KINDS, 'declarations-and-reservations', 'declarations-under-article'] as const;
export type TreatyActionKind = (typeof TREATY_ACTION_KINDS)[number];

/** The kinds an editor may enter: a year-level list's "ratification or accession" is not an act anyone deposits. */
export const ENTERED_ACTION_KINDS = TREATY_ACTION_KINDS.filter((k) => k !== 'ratification-or-accession');

/** What an organization is. */
export const ORGANIZATION_KINDS = ['regional', 'subregional', 'interregional'] as const;

/** What an instrument is. */
export const INSTRUMENT_KINDS = ['convention', 'covenant', 'protocol', 'amendment', 'charter', 'declaration', 'agreement'] as const;

/** What a mechanism is. */
export const MECHANISM_KINDS = ['treaty-body', 'charter-based', 'court', 'commission', 'committee', 'special-procedures', 'review'] as const;

/** What a mechanism addressed to a State: a recommendation (UPR, treaty body, special procedure,
 *  regional commission), a decision (a court's or a commission's on a case), or a State's own
 *  voluntary pledge made in its review. */
export const RECOMMENDATION_KINDS = ['recommendation', 'voluntary-pledge', 'decision'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** The State's response to a recommendation, as the UPR names them; a row whose source gives none has none (not "pending"). */
export const RECOMMENDATION_RESPONSES = ['supported', 'noted', 'partially-supported', 'pending'] as const;
export type RecommendationResponse = (typeof RECOMMENDATION_RESPONSES)[number];

/** Where the follow-up of a recommendation stands, as an editor records it from a date on
 *  (docs/RECOMMENDATIONS.md, "Follow-up"). A recommendation with no entry has no follow-up
 *  recorded, which is not `not-started`: the API says `none` for it. */
export const FOLLOW_UP_STATUSES = ['not-started', 'in-progress', 'partially-implemented', 'implemented', 'not-accepted'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The value of the `followUp` filter and facet for recommendations with no status recorded (that the reader may see). */
export const NO_FOLLOW_UP = 'none';

/** The encodings a CSV file may be read in: UTF-8, or Mac OS Roman (`macintosh`, the WHATWG name) when asked for. */
export const CSV_ENCODINGS = ['utf-8', 'macintosh'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

// The technical-cooperation programme (docs/COOPERATION.md).

/** Where a State's request for assistance stands: its workflow, in order. `declined` needs a
 *  reason; `answered` means a project or an event answers it (linked); `closed` ends it. */
export const REQUEST_STATUSES = ['received', 'under-assessment', 'accepted', 'declined', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The moves the workflow allows: from each status, the statuses a request may go to next. */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  received: ['under-assessment', 'declined', 'closed'],
  'under-assessment': ['accepted', 'declined', 'closed'],
  accepted: ['answered', 'closed'],
  declined: ['closed'],
  answered: ['closed'],
  closed: [],
};

/** A project's stage, as IATI's ActivityStatus codelist names them (codes 1 to 6, in this order). */
export const PROJECT_STATUSES = ['pipeline', 'implementation', 'finalisation', 'closed', 'cancelled', 'suspended'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** What an organization does in a project: IATI's OrganisationRole (funding 1, accountable 2,
 *  extending 3, implementing 4); a `partner` is written to IATI as implementing. */
export const PROJECT_ORGANIZATION_ROLES = ['funding', 'accountable', 'extending', 'implementing', 'partner'] as const;
export type ProjectOrganizationRole = (typeof PROJECT_ORGANIZATION_ROLES)[number];

/** Where the money of a budget line or a transaction comes from (OP10: the regular budget; OP8(f): funding agreements). */
export const FUNDING_SOURCES = ['regular-budget', 'voluntary-contributions', 'donor-agreement'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** IATI's BudgetStatus: 1 indicative, 2 committed. */
export const BUDGET_STATUSES = ['indicative', 'committed'] as const;

/** The IATI TransactionType codes 1 to 4 this programme records. */
export const TRANSACTION_TYPES = ['incoming-funds', 'commitment', 'disbursement', 'expenditure'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** IATI's ResultType: 1 output, 2 outcome, 3 impact. */
export const RESULT_TYPES = ['output', 'outcome', 'impact'] as const;

/** IATI's IndicatorMeasure codes 1, 2 and 5. */
export const INDICATOR_MEASURES = ['unit', 'percentage', 'qualitative'] as const;

/** The kinds of event the resolution names (OP2, OP3, OP5, OP11). */
export const EVENT_KINDS = [
  'regional-training-course',
  'subregional-training-course',
  'workshop',
  'high-level-governmental-expert-meeting',
  'regional-nhri-conference',
  'national-training-course',
  'seminar',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_ORGANIZER_ROLES = ['organizer', 'co-organizer', 'host'] as const;

/** Who a participant came for: counts are kept by these. */
export const PARTICIPANT_INSTITUTIONS = ['government', 'parliament', 'judiciary', 'nhri', 'civil-society', 'regional-organization', 'united-nations', 'academia', 'other'] as const;

/** As the participant gave it; `not-recorded` when the count is not broken down by gender. */
export const PARTICIPANT_GENDERS = ['women', 'men', 'other', 'not-recorded'] as const;

export const EVENT_ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

/** What kind of exchange between UN bodies and regional organizations or mechanisms (docs/EXCHANGES.md). */
export const EXCHANGE_KINDS = ['meeting', 'consultation', 'joint-activity', 'secondment', 'communication', 'memorandum-of-understanding', 'dialogue', 'other'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

/** The UN side of an exchange: which kind of UN body (its name is given beside). */
export const EXCHANGE_UN_BODIES = ['ohchr', 'treaty-body', 'special-procedure', 'human-rights-council', 'secretary-general', 'un-regional-office', 'other-un-entity'] as const;
export type ExchangeUnBody = (typeof EXCHANGE_UN_BODIES)[number];

export const EXCHANGE_SIDES = ['un', 'regional'] as const;

/** The records of the programme: what a link or a document belongs to. */
export const COOPERATION_RECORD_KINDS = ['request', 'project', 'event', 'exchange'] as const;
export type CooperationRecordKind = (typeof COOPERATION_RECORD_KINDS)[number];

/** What a request, project or event may answer or serve: a recommendation (its text id), an
 *  instrument to ratify (its code), a paragraph of a resolution, or another record of the programme. */
export const COOPERATION_LINK_TARGETS = ['recommendation', 'instrument', 'resolution-paragraph', 'request', 'project', 'event', 'exchange'] as const;
export type CooperationLinkTarget = (typeof COOPERATION_LINK_TARGETS)[number];

/** Where a mandate stands: `open` until someone acts, `in-progress` once work has begun,
 *  `answered` when what it asks was done (something must answer it), `superseded` when a later
 *  resolution replaced what it asks. Overdue is not a status: it is read from the due session. */
export const MANDATE_STATUSES = ['open', 'in-progress', 'answered', 'superseded'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/** What may answer a mandate besides a programme record linking to its paragraph: a report or
 *  other document (its UN symbol or web address), or a development in the registry. */
export const MANDATE_ANSWER_KINDS = ['report', 'document', 'instrument', 'organization', 'mechanism'] as const;
export type MandateAnswerKind = (typeof MANDATE_ANSWER_KINDS)[number];

/** Why a State has not become party to an instrument, as a source states it (docs/OBSTACLES.md
 *  defines each). `other` for what none of these fits: the description then says what it is. */
export const OBSTACLE_CATEGORIES = [
  'constitutional-or-legal-incompatibility',
  'legislative-backlog',
  'reporting-burden-and-capacity',
  'resources',
  'federal-structure',
  'reservations-sought',
  'political-objection',
  'religious-or-cultural-objection',
  'awareness',
  'competing-priorities',
  'other',
] as const;
export type ObstacleCategory = (typeof OBSTACLE_CATEGORIES)[number];

/** Whether an obstacle still stands; `resolved` and `withdrawn` carry the date they came to. */
export const OBSTACLE_STATUSES = ['stands', 'resolved', 'withdrawn'] as const;
export type ObstacleStatus = (typeof OBSTACLE_STATUSES)[number];

/** What an obstacle's evidence is: each is a document (title and web address or UN symbol). */
export const OBSTACLE_EVIDENCE_KINDS = ['upr-response', 'workshop-conclusions', 'meeting-conclusions', 'government-statement', 'treaty-body-document', 'other'] as const;

/** What is done about an obstacle. */
export const STRATEGY_KINDS = ['technical-assistance', 'model-legislation', 'compatibility-study', 'awareness', 'peer-exchange', 'reporting-support', 'other'] as const;

export const STRATEGY_STATUSES = ['planned', 'ongoing', 'completed', 'abandoned'] as const;
