// All SQL of report drafts: the draft (settings, owner, version), its rewritten sections and its
// frozen versions. Who may read which draft is decided by the policy (./policy.ts), not here.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ReportDraftSectionTable, ReportDraftTable, ReportDraftVersionTable } from '../../../db/schema.ts';

export type DraftRow = Selectable<ReportDraftTable>;
export type DraftSectionRow = Selectable<ReportDraftSectionTable>;
export type DraftVersionRow = Selectable<ReportDraftVersionTable>;
export type DraftVersionSummaryRow = Pick<DraftVersionRow, 'number' | 'note' | 'saved_by' | 'saved_at'>;

type Db = Kysely<Database>;

export async function findDraft(db: Db, id: string): Promise<DraftRow | undefined> {
  return db.selectFrom('report_draft').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every draft, or those of one owner; the latest changed first. */
export async function listDrafts(db: Db, owner: string | null): Promise<DraftRow[]> {
  let query = db.selectFrom('report_draft').selectAll();
  if (owner !== null) query = query.where('owner', '=', owner);
  return query.orderBy('updated_at', 'desc').orderBy('id').execute();
}

export async function insertDraft(db: Db, row: Insertable<ReportDraftTable>): Promise<void> {
  await db.insertInto('report_draft').values(row).execute();
}

/** Changes the draft's settings (or only its version and time) when the version read is still the stored one. */
export async function updateDraftIfVersion(db: Db, id: string, version: number, set: Partial<Omit<Insertable<ReportDraftTable>, 'id' | 'owner' | 'created_at'>>): Promise<boolean> {
  const result = await db
    .updateTable('report_draft')
    .set({ ...set, row_version: version + 1 })
    .where('id', '=', id)
    .where('row_version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('report_draft_version').where('draft_id', '=', id).execute();
  await db.deleteFrom('report_draft_section').where('draft_id', '=', id).execute();
  await db.deleteFrom('report_draft').where('id', '=', id).execute();
}

export async function sectionsOf(db: Db, draftId: string): Promise<DraftSectionRow[]> {
  return db.selectFrom('report_draft_section').selectAll().where('draft_id', '=', draftId).orderBy('section').execute();
}

export async function saveSection(db: Db, row: DraftSectionRow): Promise<void> {
  const { draft_id: _d, section: _s, ...set } = row;
  await db
    .insertInto('report_draft_section')
    .values(row)
    .onConflict((oc) => oc.columns(['draft_id', 'section']).doUpdateSet(set))
    .execute();
}

export async function deleteSection(db: Db, draftId: string, section: string): Promise<boolean> {
  const result = await db.deleteFrom('report_draft_section').where('draft_id', '=', draftId).where('section', '=', section).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function versionsOf(db: Db, draftId: string): Promise<DraftVersionSummaryRow[]> {
  return db.selectFrom('report_draft_version').select(['number', 'note', 'saved_by', 'saved_at']).where('draft_id', '=', draftId).orderBy('number').execute();
}

export async function findVersion(db: Db, draftId: string, number: number): Promise<DraftVersionRow | undefined> {
  return db.selectFrom('report_draft_version').selectAll().where('draft_id', '=', draftId).where('number', '=', number).executeTakeFirst();
}

/** The next version's number: one more than the last (two savers at once: the second insert fails and runs again). */
export async function nextVersionNumber(db: Db, draftId: string): Promise<number> {
  const row = await db
    .selectFrom('report_draft_version')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('draft_id', '=', draftId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertVersion(db: Db, row: DraftVersionRow): Promise<void> {
  await db.insertInto('report_draft_version').values(row).execute();
}
