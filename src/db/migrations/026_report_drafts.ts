// Drafts of the report on regional arrangements (docs/REPORT.md, "Drafting"; issue 17).
//
// A draft keeps the settings a report is generated from (session, date, period, regions,
// language, symbol, agenda item) and its owner: the report itself is generated anew each time.
// A section a drafter rewrote is kept as plain text (report_draft_section) with the fingerprint
// of the generated section it was written over, so that a change of the data beneath it can be
// told. A version (report_draft_version) is a frozen copy: the whole document as it was (JSON of
// ReportDocument) and each section's text and fingerprint, never regenerated. Drafts are not
// records of the registry: no confidentiality column, not in the change feed; who may read one
// is decided by its owner (src/modules/report/drafts/policy.ts). Frozen: never import
// application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('report_draft')
    .addColumn('id', 'text', (c) => c.primaryKey()) // rd-k3v9q2m8xa
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('session', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull()) // JSON array of M49 codes; [] for every region
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text')
    .addColumn('agenda_item', 'text')
    .addColumn('owner', 'text', (c) => c.notNull()) // the actor who made it: user:<id> or system:cli
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('report_draft_owner').on('report_draft').columns(['owner', 'id']).execute();

  await s
    .createTable('report_draft_section')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('report_draft.id').onDelete('cascade'))
    .addColumn('section', 'text', (c) => c.notNull()) // REPORT_SECTIONS
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('based_on', 'text', (c) => c.notNull()) // the fingerprint of the generated section it was written over
    .addColumn('written_by', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_draft_section_key', ['draft_id', 'section'])
    .execute();

  await s
    .createTable('report_draft_version')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('report_draft.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull()) // 1, 2, … per draft
    .addColumn('note', 'text')
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull()) // JSON: the draft's settings then
    .addColumn('document', 'text', (c) => c.notNull()) // JSON: the ReportDocument as it was
    .addColumn('sections', 'text', (c) => c.notNull()) // JSON: [{ id, label, heading, text, fingerprint, rewritten }]
    .addPrimaryKeyConstraint('report_draft_version_key', ['draft_id', 'number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_draft_version', 'report_draft_section', 'report_draft']) await db.schema.dropTable(table).execute();
}
