// OHCHR field presences become records of the registry that editors keep (issue 14, OP7 and
// OP8(a)): a presence gets the columns every editable record has (version, origin, corrections,
// confidentiality and audience: migrations 010 and 011), and the States it covers become dated
// coverage periods, each with its own sources, instead of an undated list. A shipped
// `presence_state` row becomes a period from the presence's opening date to its closing date,
// with the presence's sources; a presence with no known opening gives a period whose start is
// unknown (null), never an invented date. Periods are numbered per presence in the order of the
// States' codes, as the seed numbers them (reference/repository.ts), so a correction made
// after this migration stays with its State when the seed next runs.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

const EDITABLE_COLUMNS = ['row_version', 'confidentiality', 'audience', 'origin', 'corrections'] as const;

async function addEditableColumns(db: Kysely<any>, table: string): Promise<void> {
  await db.schema
    .alterTable(table)
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable(table)
    .addColumn('confidentiality', 'text', (c) => c.notNull().defaultTo('public'))
    .execute();
  await db.schema
    .alterTable(table)
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable(table)
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('reference'))
    .execute();
  await db.schema
    .alterTable(table)
    .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await addEditableColumns(db, 'presence');

  await db.schema
    .createTable('presence_coverage')
    .addColumn('presence_id', 'text', (c) => c.notNull().references('presence.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('iso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('from_date', 'text') // YYYY[-MM[-DD]]; null: the start is not known
    .addColumn('until_date', 'text') // the day the coverage ended (as precise as known); null: not ended, or no end known
    .addColumn('note', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('confidentiality', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('reference'))
    .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('presence_coverage_pk', ['presence_id', 'seq'])
    .execute();
  await db.schema.createIndex('presence_coverage_iso3').on('presence_coverage').column('iso3').execute();

  const rows = await db
    .selectFrom('presence_state')
    .innerJoin('presence', 'presence.id', 'presence_state.presence_id')
    .select(['presence_state.presence_id', 'presence_state.iso3', 'presence.opened', 'presence.closed', 'presence.sources'])
    .orderBy('presence_state.presence_id')
    .orderBy('presence_state.iso3')
    .execute();
  const seqs = new Map<string, number>();
  const periods = rows.map((r: { presence_id: string; iso3: string; opened: string | null; closed: string | null; sources: string }) => {
    const seq = (seqs.get(r.presence_id) ?? 0) + 1;
    seqs.set(r.presence_id, seq);
    return { presence_id: r.presence_id, seq, iso3: r.iso3, from_date: r.opened, until_date: r.closed, note: null, sources: r.sources };
  });
  for (let i = 0; i < periods.length; i += 200)
    await db
      .insertInto('presence_coverage')
      .values(periods.slice(i, i + 200))
      .execute();
  await db.schema.dropTable('presence_state').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('presence_state')
    .addColumn('presence_id', 'text', (c) => c.notNull().references('presence.id'))
    .addColumn('iso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addPrimaryKeyConstraint('presence_state_pk', ['presence_id', 'iso3'])
    .execute();
  // The undated list keeps every State a shipped period names; what users entered goes with the periods.
  const rows = await db.selectFrom('presence_coverage').select(['presence_id', 'iso3']).distinct().where('origin', '=', 'reference').execute();
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('presence_state')
      .values(rows.slice(i, i + 200))
      .execute();
  await db.schema.dropTable('presence_coverage').execute();
  await db.deleteFrom('presence').where('origin', '<>', 'reference').execute();
  for (const column of [...EDITABLE_COLUMNS].reverse()) await db.schema.alterTable('presence').dropColumn(column).execute();
}
