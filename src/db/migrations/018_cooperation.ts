// The technical-cooperation programme (docs/COOPERATION.md): States' requests for assistance and
// their workflow, projects with their countries, organizations, funding, budgets, transactions
// and results, funding agreements, events (training courses, workshops, expert meetings…) with
// their series, participation counts, participants, organizers and follow-up actions, the links
// from any of these to what they answer, their documents, the exchange rates an administrator
// enters, and the secret calendar addresses of users.
//
// Top-level records (request, project, funding agreement, event series, event) carry their own
// confidentiality, audience and row_version, like the registry's records, and are read through
// the asker's view (src/db/visibility.ts). Their parts (a project's budget lines, an event's
// counts…) carry none: they are read only with their record, joined to it, so the view of the
// record decides for them. Participants are the exception: personal data, each row restricted
// on its own (its audience copied from the event's when entered), so that seeing an event never
// shows who attended it; erasing one blanks the person and keeps the row's country, institution
// kind and gender for the counts.
//
// Amounts are exact decimals kept as text ('1250000.00'): neither SQLite's REAL nor a float in
// JavaScript may round a budget. Dates are text, YYYY[-MM[-DD]] as precise as known.
// Frozen: never import application code here.
import { type CreateTableBuilder, type Kysely, SqliteAdapter } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

/** The columns every top-level record has after its own. */
function recordColumns(t: any, defaultLevel: 'public' | 'restricted') {
  return t
    .addColumn('sources', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('row_version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('confidentiality', 'text', (c: any) => c.notNull().defaultTo(defaultLevel))
    .addColumn('audience', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('origin', 'text', (c: any) => c.notNull().defaultTo('user'))
    .addColumn('corrections', 'text', (c: any) => c.notNull().defaultTo('{}')) // as the registry's: a correction of a shipped record keeps the shipped value
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull());
}

function serialId(t: CreateTableBuilder<any, any>, postgres: boolean): CreateTableBuilder<any, any> {
  return t.addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()));
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const s = db.schema;

  await recordColumns(
    s
      .createTable('assistance_request')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state_iso3', 'text', (c) => c.notNull())
      .addColumn('authority', 'text', (c) => c.notNull()) // who asked: a ministry, a parliament, a national institution
      .addColumn('received', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // REQUEST_STATUSES: the latest step's
      .addColumn('status_date', 'text', (c) => c.notNull())
      .addColumn('due', 'text'), // the day an answer is owed; overdue after it while open
    'restricted',
  ).execute();
  await s.createIndex('assistance_request_state').on('assistance_request').columns(['state_iso3', 'received']).execute();
  await s.createIndex('assistance_request_status').on('assistance_request').columns(['status', 'due']).execute();

  // Each move of a request through its workflow, in order; the request row keeps the latest.
  await serialId(s.createTable('assistance_request_step'), postgres)
    .addColumn('request_id', 'text', (c) => c.notNull().references('assistance_request.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('assistance_request_step_request').on('assistance_request_step').columns(['request_id', 'id']).execute();

  await recordColumns(
    s
      .createTable('funding_agreement')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('reference', 'text') // the agreement's own number, when it has one
      .addColumn('donor_name', 'text', (c) => c.notNull())
      .addColumn('donor_ref', 'text') // an IATI organisation identifier
      .addColumn('donor_type', 'text') // IATI OrganisationType code
      .addColumn('signed', 'text')
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('amount', 'text')
      .addColumn('currency', 'text'),
    'public',
  ).execute();

  await recordColumns(
    s
      .createTable('project')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('iati_identifier', 'text', (c) => c.unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('objectives', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // PROJECT_STATUSES (IATI ActivityStatus)
      .addColumn('region_code', 'text') // UN M49, for a regional project
      .addColumn('planned_start', 'text')
      .addColumn('planned_end', 'text')
      .addColumn('actual_start', 'text')
      .addColumn('actual_end', 'text')
      .addColumn('default_currency', 'text')
      .addColumn('sdg_tags', 'text', (c) => c.notNull().defaultTo('[]')), // JSON: SDG goals ('16') and targets ('16.3') it serves
    'public',
  ).execute();

  await s
    .createTable('project_country')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('iso3', 'text', (c) => c.notNull())
    .addColumn('percentage', 'text') // exact decimal, as IATI gives it
    .addPrimaryKeyConstraint('project_country_key', ['project_id', 'iso3'])
    .execute();
  await s.createIndex('project_country_state').on('project_country').columns(['iso3', 'project_id']).execute();

  await serialId(s.createTable('project_organization'), postgres)
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull()) // PROJECT_ORGANIZATION_ROLES
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ref', 'text') // IATI organisation identifier
    .addColumn('type', 'text') // IATI OrganisationType code
    .addColumn('organization_id', 'text') // the registry's organization, when it is one
    .execute();
  await s.createIndex('project_organization_project').on('project_organization').columns(['project_id', 'id']).execute();

  // Budget lines and transactions name where the money comes from: FUNDING_SOURCES, and the
  // agreement for 'donor-agreement'.
  await serialId(s.createTable('project_budget'), postgres)
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // indicative | committed (IATI BudgetStatus)
    .addColumn('funding_source', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.references('funding_agreement.id'))
    .execute();
  await s.createIndex('project_budget_project').on('project_budget').columns(['project_id', 'period_start']).execute();

  await serialId(s.createTable('project_transaction'), postgres)
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull()) // TRANSACTION_TYPES (IATI TransactionType)
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text', (c) => c.notNull())
    .addColumn('funding_source', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.references('funding_agreement.id'))
    .addColumn('provider', 'text')
    .addColumn('receiver', 'text')
    .addColumn('description', 'text')
    .execute();
  await s.createIndex('project_transaction_project').on('project_transaction').columns(['project_id', 'date']).execute();

  await serialId(s.createTable('project_result'), postgres)
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull()) // output | outcome | impact (IATI ResultType)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await s.createIndex('project_result_project').on('project_result').columns(['project_id', 'id']).execute();

  await serialId(s.createTable('project_indicator'), postgres)
    .addColumn('result_id', postgres ? 'bigint' : 'integer', (c) => c.notNull().references('project_result.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull()) // unit | percentage | qualitative (IATI IndicatorMeasure 1, 2, 5)
    .addColumn('ascending', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_value', 'text')
    .addColumn('target_value', 'text')
    .addColumn('actual_value', 'text')
    .addColumn('actual_date', 'text')
    .execute();
  await s.createIndex('project_indicator_result').on('project_indicator').columns(['result_id', 'id']).execute();

  await recordColumns(
    s
      .createTable('event_series')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull()) // EVENT_KINDS
      .addColumn('description', 'text'),
    'public',
  ).execute();

  await recordColumns(
    s
      .createTable('event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull()) // EVENT_KINDS
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('series_id', 'text', (c) => c.references('event_series.id'))
      .addColumn('series_number', 'integer') // the eleventh workshop of its series: 11
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('city', 'text')
      .addColumn('country_iso3', 'text')
      .addColumn('region_code', 'text') // UN M49 of the region it serves, for a regional event
      .addColumn('agenda', 'text')
      .addColumn('conclusions', 'text'),
    'public',
  ).execute();
  await s.createIndex('event_start').on('event').columns(['start_date', 'id']).execute();
  await s.createIndex('event_series_order').on('event').columns(['series_id', 'series_number']).execute();

  await serialId(s.createTable('event_organizer'), postgres)
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull()) // organizer | host | co-organizer
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text')
    .addColumn('state_iso3', 'text') // a host Government
    .execute();
  await s.createIndex('event_organizer_event').on('event_organizer').columns(['event_id', 'id']).execute();

  // How many took part, by country, institution and gender: what survives any erasure.
  await serialId(s.createTable('event_participation'), postgres)
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('country_iso3', 'text')
    .addColumn('institution', 'text') // PARTICIPANT_INSTITUTIONS
    .addColumn('gender', 'text') // PARTICIPANT_GENDERS
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .execute();
  await s.createIndex('event_participation_event').on('event_participation').columns(['event_id', 'id']).execute();
  await s.createIndex('event_participation_country').on('event_participation').columns(['country_iso3', 'event_id']).execute();

  await serialId(s.createTable('event_participant'), postgres)
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('name', 'text') // null once erased
    .addColumn('position', 'text') // null once erased
    .addColumn('country_iso3', 'text')
    .addColumn('institution', 'text')
    .addColumn('gender', 'text')
    .addColumn('erased_at', 'text')
    .addColumn('confidentiality', 'text', (c) => c.notNull().defaultTo('restricted'))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('event_participant_event').on('event_participant').columns(['event_id', 'id']).execute();

  await serialId(s.createTable('event_action'), postgres)
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // EVENT_ACTION_STATUSES
    .addColumn('done_on', 'text')
    .execute();
  await s.createIndex('event_action_event').on('event_action').columns(['event_id', 'id']).execute();
  await s.createIndex('event_action_due').on('event_action').columns(['status', 'due']).execute();

  // What a request, project or event answers or serves: a recommendation (its text id), an
  // instrument to ratify, a paragraph of a resolution ('local:ga-59-regional-arrangements-2004-12-20#op5'), or another record
  // of the programme (a request answered by a project or an event).
  await serialId(s.createTable('cooperation_link'), postgres)
    .addColumn('from_kind', 'text', (c) => c.notNull()) // request | project | event
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_kind', 'text', (c) => c.notNull()) // COOPERATION_LINK_TARGETS
    .addColumn('to_ref', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await s.createIndex('cooperation_link_from').on('cooperation_link').columns(['from_kind', 'from_id', 'to_kind', 'to_ref']).unique().execute();
  await s.createIndex('cooperation_link_to').on('cooperation_link').columns(['to_kind', 'to_ref']).execute();

  await serialId(s.createTable('cooperation_document'), postgres)
    .addColumn('owner_kind', 'text', (c) => c.notNull()) // request | project | event
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull()) // a web address or a UN document symbol
    .addColumn('category', 'text') // IATI DocumentCategory code
    .addColumn('lang', 'text')
    .addColumn('date', 'text')
    .execute();
  await s.createIndex('cooperation_document_owner').on('cooperation_document').columns(['owner_kind', 'owner_id', 'id']).execute();

  // One currency in another, as an administrator read it somewhere on a day: never fetched.
  await serialId(s.createTable('exchange_rate'), postgres)
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('base', 'text', (c) => c.notNull()) // 1 currency = rate base
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('exchange_rate_pair').on('exchange_rate').columns(['currency', 'base', 'as_of']).unique().execute();

  // A user's secret address of the calendar of restricted events: only its hash is kept.
  await s
    .createTable('calendar_feed')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await s.createIndex('calendar_feed_user').on('calendar_feed').columns(['user_id']).execute();
}

const DROP_ORDER = [
  'calendar_feed',
  'exchange_rate',
  'cooperation_document',
  'cooperation_link',
  'event_action',
  'event_participant',
  'event_participation',
  'event_organizer',
  'event',
  'event_series',
  'project_indicator',
  'project_result',
  'project_transaction',
  'project_budget',
  'project_organization',
  'project_country',
  'project',
  'funding_agreement',
  'assistance_request_step',
  'assistance_request',
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of DROP_ORDER) await db.schema.dropTable(table).execute();
}
