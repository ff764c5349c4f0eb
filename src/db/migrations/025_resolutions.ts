// Resolutions imported from their text, and the mandates their operative paragraphs give
// (docs/RESOLUTIONS.md, issue 16).
//
// A resolution is kept as imported: the text as given (so that a better parser can read it
// again), the name of the file and its SHA-256, and what the parser read from it (`parsed`,
// JSON of ParsedResolution, with the parser's doubts). A reading shipped in the snapshot
// (origin `reference`, data/snapshot/resolutions.json.gz) has no text: its file is in ../shared. Its key is its UN symbol when the text
// prints one, else `local:<name>`: never an invented symbol. `id` is the key as a path segment.
// What it cites (other resolutions, document symbols) is a row each, so that families are found
// by query. A mandate is an operative paragraph that asks something of someone: its addressee,
// what it is due at (a session of a body, or a date), and a status an editor moves; what answers
// it is either a record of the programme linking to its paragraph (cooperation_link, to_kind
// 'resolution-paragraph') or a row of `mandate_answer` (a report by its symbol, a registry
// instrument, organization or mechanism). Frozen: never import application code here.
import { type Kysely, SqliteAdapter } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const s = db.schema;

  await s
    .createTable('resolution')
    .addColumn('id', 'text', (c) => c.primaryKey()) // A-RES-80-212, S-RES-1445-2002, local-ga-59-…
    .addColumn('key', 'text', (c) => c.notNull().unique()) // A/RES/80/212 or local:ga-59-…
    .addColumn('symbol', 'text') // only as printed in the text
    .addColumn('body', 'text') // General Assembly, Security Council…
    .addColumn('session', 'integer')
    .addColumn('title', 'text')
    .addColumn('adopted_on', 'text') // YYYY-MM-DD when the text states it
    .addColumn('meeting', 'text')
    .addColumn('lang', 'text', (c) => c.notNull()) // the language of the text as imported
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull()) // empty for a reading shipped in the snapshot
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('import')) // import | reference (the shipped snapshot)
    .addColumn('parsed', 'text', (c) => c.notNull())
    .addColumn('doubts', 'integer', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('resolution_order').on('resolution').columns(['adopted_on', 'id']).execute();

  await s
    .createTable('resolution_citation')
    .addColumn('resolution_id', 'text', (c) => c.notNull().references('resolution.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // resolution | document
    .addColumn('ref', 'text', (c) => c.notNull()) // "32/127", "1325 (2000)" or "A/59/323"
    .addColumn('cited_body', 'text') // the body named before "resolution", when named
    .addColumn('cited_date', 'text')
    .addPrimaryKeyConstraint('resolution_citation_key', ['resolution_id', 'position'])
    .execute();
  await s.createIndex('resolution_citation_ref').on('resolution_citation').columns(['ref', 'resolution_id']).execute();

  await s
    .createTable('mandate')
    .addColumn('id', 'text', (c) => c.primaryKey()) // <resolution id>.<paragraph anchor>
    .addColumn('resolution_id', 'text', (c) => c.notNull().references('resolution.id').onDelete('cascade'))
    .addColumn('anchor', 'text', (c) => c.notNull()) // op13
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('verb', 'text', (c) => c.notNull())
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text') // as the text words it: "sixty-first session"
    .addColumn('due_body', 'text') // whose session: General Assembly, Commission on Human Rights…
    .addColumn('due_session', 'integer')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // MANDATE_STATUSES
    .addColumn('status_note', 'text')
    .addColumn('status_date', 'text')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('mandate_resolution').on('mandate').columns(['resolution_id', 'position']).execute();
  await s.createIndex('mandate_due').on('mandate').columns(['due_body', 'due_session', 'id']).execute();

  await s
    .createTable('mandate_answer')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('mandate_id', 'text', (c) => c.notNull().references('mandate.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // MANDATE_ANSWER_KINDS
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await s.createIndex('mandate_answer_mandate').on('mandate_answer').columns(['mandate_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['mandate_answer', 'mandate', 'resolution_citation', 'resolution']) await db.schema.dropTable(table).execute();
}
