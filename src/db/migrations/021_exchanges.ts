// Exchanges between UN bodies and regional organizations and mechanisms (docs/EXCHANGES.md):
// meetings, consultations, joint activities, secondments, communications, memoranda of
// understanding and dialogues that the 2004 resolution on regional arrangements welcomes (OP6)
// and asks the Secretary-General to strengthen (OP10). Recurring fora (the annual tripartite
// meetings of the UN, the OSCE and the Council of Europe) are exchange series: their kinds are
// not the event kinds of the programme's training courses and workshops, so event_series does
// not fit them.
//
// `exchange_series` and `exchange` carry their own confidentiality, audience and row_version,
// like the programme's records (018); their parts (parties, follow-up actions) carry none and
// are read only joined to the exchange. Links and documents are cooperation_link and
// cooperation_document rows of kind 'exchange'. Dates are text, YYYY[-MM[-DD]] as precise as a
// source states them.
// Frozen: never import application code here.
import { type Kysely, SqliteAdapter } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

/** The columns every top-level record has after its own (as 018's). */
function recordColumns(t: any) {
  return t
    .addColumn('note', 'text') // what a reader must know of the sources: a partial date, a disagreement
    .addColumn('sources', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('row_version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('confidentiality', 'text', (c: any) => c.notNull().defaultTo('public'))
    .addColumn('audience', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('origin', 'text', (c: any) => c.notNull().defaultTo('user'))
    .addColumn('corrections', 'text', (c: any) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull());
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const s = db.schema;
  const serial = (name: string) => s.createTable(name).addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await recordColumns(
    s
      .createTable('exchange_series')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text'),
  ).execute();

  await recordColumns(
    s
      .createTable('exchange')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull()) // EXCHANGE_KINDS
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('series_id', 'text', (c) => c.references('exchange_series.id'))
      .addColumn('series_number', 'integer') // the tenth meeting of its series: 10
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('city', 'text')
      .addColumn('country_iso3', 'text')
      .addColumn('topic', 'text')
      .addColumn('description', 'text')
      .addColumn('outcomes', 'text'),
  ).execute();
  await s.createIndex('exchange_start').on('exchange').columns(['start_date', 'id']).execute();
  await s.createIndex('exchange_series_order').on('exchange').columns(['series_id', 'series_number']).execute();

  // Who took part: a UN body (EXCHANGE_UN_BODIES, with its name) or a regional organization or
  // mechanism of the registry (its id or code).
  await serial('exchange_party')
    .addColumn('exchange_id', 'text', (c) => c.notNull().references('exchange.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull()) // un | regional
    .addColumn('un_body', 'text')
    .addColumn('name', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('mechanism_code', 'text')
    .execute();
  await s.createIndex('exchange_party_exchange').on('exchange_party').columns(['exchange_id', 'id']).execute();
  await s.createIndex('exchange_party_organization').on('exchange_party').columns(['organization_id', 'exchange_id']).execute();

  await serial('exchange_action')
    .addColumn('exchange_id', 'text', (c) => c.notNull().references('exchange.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // EVENT_ACTION_STATUSES: open | done | dropped
    .addColumn('done_on', 'text')
    .execute();
  await s.createIndex('exchange_action_exchange').on('exchange_action').columns(['exchange_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['exchange_action', 'exchange_party', 'exchange', 'exchange_series']) await db.schema.dropTable(table).execute();
}
