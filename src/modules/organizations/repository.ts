import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, MembershipEventTable, OrganizationTable } from '../../db/schema.ts';
import type { MembershipEventKind } from '../../shared/vocabularies.ts';
import type { MembershipSnapshotInput } from './facts.ts';
import type { MembershipEvent } from './membership.ts';

export async function listOrganizations(db: Kysely<Database>) {
  return db.selectFrom('organization').selectAll().orderBy('id').execute();
}

export async function findOrganization(db: Kysely<Database>, id: string) {
  return db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Membership events grouped by organization, then by State. */
export async function membershipEvents(db: Kysely<Database>, filter: { organizationId?: string; iso3?: string } = {}): Promise<Map<string, Map<string, MembershipEvent[]>>> {
  let query = db.selectFrom('membership_event').selectAll();
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  if (filter.iso3) query = query.where('iso3', '=', filter.iso3);
  const rows = await query.orderBy('organization_id').orderBy('iso3').orderBy('seq').execute();
  const byOrg = new Map<string, Map<string, MembershipEvent[]>>();
  for (const row of rows) {
    const byState = byOrg.get(row.organization_id) ?? new Map<string, MembershipEvent[]>();
    const events = byState.get(row.iso3) ?? [];
    events.push({
      seq: row.seq,
      event: row.event as MembershipEventKind,
      date: row.date,
      sourceIds: JSON.parse(row.sources) as string[],
      note: row.note,
      record: { version: row.row_version, origin: row.origin, corrections: row.corrections, sources: row.sources, confidentiality: row.confidentiality, audience: row.audience },
    });
    byState.set(row.iso3, events);
    byOrg.set(row.organization_id, byState);
  }
  return byOrg;
}

export async function insertMembershipSnapshots(db: Kysely<Database>, datasetId: string, _sourceId: string, rows: MembershipSnapshotInput[]): Promise<void> {
  const values = rows.map((m, seq) => ({
    dataset_id: datasetId,
    seq,
    organization_id: m.organizationId,
    iso3: m.iso3,
    participant_name: m.participantName,
    status: m.status,
    from_year: m.fromYear,
    to_year: m.toYear,
    file: m.file,
    row: m.row,
    column: m.column,
  }));
  for (let i = 0; i < values.length; i += 200)
    await db
      .insertInto('membership_snapshot')
      .values(values.slice(i, i + 200))
      .execute();
}

export async function deleteDatasetMemberships(db: Kysely<Database>, datasetId: string): Promise<void> {
  await db.deleteFrom('membership_snapshot').where('dataset_id', '=', datasetId).execute();
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type MembershipEventRow = Selectable<MembershipEventTable>;

export async function insertOrganization(db: Kysely<Database>, row: Insertable<OrganizationTable>): Promise<void> {
  await db.insertInto('organization').values(row).execute();
}

/** Writes the changes and raises the version, only if the record is still at `expected`: false
 *  when it is not (or is gone). One statement, so two writers naming the same version cannot
 *  both succeed: PostgreSQL re-checks the condition on the row the first one committed. */
export async function updateOrganizationIfVersion(db: Kysely<Database>, id: string, expected: number, changes: Updateable<OrganizationTable>): Promise<boolean> {
  const result = await db
    .updateTable('organization')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface MembershipEventKey {
  organizationId: string;
  iso3: string;
  seq: number;
}

export async function findMembershipEvent(db: Kysely<Database>, key: MembershipEventKey): Promise<MembershipEventRow | undefined> {
  return db.selectFrom('membership_event').selectAll().where('organization_id', '=', key.organizationId).where('iso3', '=', key.iso3).where('seq', '=', key.seq).executeTakeFirst();
}

/** The next free position among a State's events in an organization, from `from` on. */
export async function nextEventSeq(db: Kysely<Database>, organizationId: string, iso3: string, from: number): Promise<number> {
  const row = await db
    .selectFrom('membership_event')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('organization_id', '=', organizationId)
    .where('iso3', '=', iso3)
    .where('seq', '>=', from)
    .executeTakeFirst();
  return row?.last == null ? from : Number(row.last) + 1;
}

export async function insertMembershipEvent(db: Kysely<Database>, row: Insertable<MembershipEventTable>): Promise<void> {
  await db.insertInto('membership_event').values(row).execute();
}

/** As updateOrganizationIfVersion, for one membership event. */
export async function updateMembershipEventIfVersion(db: Kysely<Database>, key: MembershipEventKey, expected: number, changes: Updateable<MembershipEventTable>): Promise<boolean> {
  const result = await db
    .updateTable('membership_event')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('organization_id', '=', key.organizationId)
    .where('iso3', '=', key.iso3)
    .where('seq', '=', key.seq)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMembershipEventIfVersion(db: Kysely<Database>, key: MembershipEventKey, expected: number): Promise<boolean> {
  const result = await db
    .deleteFrom('membership_event')
    .where('organization_id', '=', key.organizationId)
    .where('iso3', '=', key.iso3)
    .where('seq', '=', key.seq)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** What year-level lists (COW IGO) say of memberships, with each list's source, by
 *  organization, State and first year. */
export async function membershipSnapshots(db: Kysely<Database>, filter: { organization?: string; iso3?: string } = {}) {
  let query = db
    .selectFrom('membership_snapshot as m')
    .innerJoin('import_dataset as d', 'd.id', 'm.dataset_id')
    .select(['m.dataset_id', 'm.organization_id', 'm.iso3', 'm.participant_name', 'm.status', 'm.from_year', 'm.to_year', 'm.file', 'm.row', 'm.column', 'd.source_id']);
  if (filter.organization) query = query.where('m.organization_id', '=', filter.organization);
  if (filter.iso3) query = query.where('m.iso3', '=', filter.iso3);
  return query.orderBy('m.organization_id').orderBy('m.iso3').orderBy('m.from_year').execute();
}
