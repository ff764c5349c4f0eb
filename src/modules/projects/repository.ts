// Projects and their parts. Parts carry no confidentiality of their own: every read of a part
// joins its project (inner join), so the asker's view of the project (db/visibility.ts) decides
// for them too. Writes replace a project's list of parts whole.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, ProjectBudgetTable, ProjectCountryTable, ProjectIndicatorTable, ProjectOrganizationTable, ProjectResultTable, ProjectTable, ProjectTransactionTable } from '../../db/schema.ts';

export type ProjectRow = Selectable<ProjectTable>;
export type CountryRow = Selectable<ProjectCountryTable>;
export type OrganizationRow = Selectable<ProjectOrganizationTable>;
export type BudgetRow = Selectable<ProjectBudgetTable>;
export type TransactionRow = Selectable<ProjectTransactionTable>;
export type ResultRow = Selectable<ProjectResultTable>;
export type IndicatorRow = Selectable<ProjectIndicatorTable>;

/** A result as written: its row and its indicators' rows (ids drawn on insert). */
export interface ResultWrite {
  result: Omit<Insertable<ProjectResultTable>, 'project_id'>;
  indicators: Omit<Insertable<ProjectIndicatorTable>, 'result_id'>[];
}

/** The lists of parts a write replaces; a list left out is kept. */
export interface PartsWrite {
  countries?: Omit<Insertable<ProjectCountryTable>, 'project_id'>[];
  organizations?: Omit<Insertable<ProjectOrganizationTable>, 'project_id'>[];
  budget?: Omit<Insertable<ProjectBudgetTable>, 'project_id'>[];
  transactions?: Omit<Insertable<ProjectTransactionTable>, 'project_id'>[];
  results?: ResultWrite[];
}

export interface PartsRows {
  countries: CountryRow[];
  organizations: OrganizationRow[];
  budget: BudgetRow[];
  transactions: TransactionRow[];
  results: ResultRow[];
  indicators: IndicatorRow[];
}

export async function listProjectRows(db: Kysely<Database>): Promise<ProjectRow[]> {
  return db.selectFrom('project').selectAll().orderBy('id').execute();
}

export async function findProject(db: Kysely<Database>, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The project that holds this IATI identifier (any the database has: the identifier is unique whoever may see it). */
export async function projectWithIatiIdentifier(db: Kysely<Database>, identifier: string): Promise<string | undefined> {
  return (await db.selectFrom('project').select('id').where('iati_identifier', '=', identifier).executeTakeFirst())?.id;
}

export async function regionExists(db: Kysely<Database>, code: string): Promise<boolean> {
  return (await db.selectFrom('region').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function regionNamesInEnglish(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('region').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Every M49 code a State lies in (region, sub-region, intermediate region), by State. */
export async function regionsOfStates(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('state').select(['iso3', 'region_code', 'subregion_code', 'intermediate_region_code']).execute();
  return new Map(rows.map((r) => [r.iso3, [r.region_code, r.subregion_code, r.intermediate_region_code].filter((c): c is string => c !== null)]));
}

/** The parts of the projects the reader sees (of `ids` only, when given). */
export async function projectParts(db: Kysely<Database>, ids?: readonly string[]): Promise<PartsRows> {
  if (ids && ids.length === 0) return { countries: [], organizations: [], budget: [], transactions: [], results: [], indicators: [] };
  const [countries, organizations, budget, transactions, results, indicators] = await Promise.all([
    restrict(db.selectFrom('project_country as x').innerJoin('project as p', 'p.id', 'x.project_id').selectAll('x'), ids)
      .orderBy('x.project_id')
      .orderBy('x.iso3')
      .execute(),
    restrict(db.selectFrom('project_organization as x').innerJoin('project as p', 'p.id', 'x.project_id').selectAll('x'), ids)
      .orderBy('x.id')
      .execute(),
    restrict(db.selectFrom('project_budget as x').innerJoin('project as p', 'p.id', 'x.project_id').selectAll('x'), ids)
      .orderBy('x.period_start')
      .orderBy('x.id')
      .execute(),
    restrict(db.selectFrom('project_transaction as x').innerJoin('project as p', 'p.id', 'x.project_id').selectAll('x'), ids)
      .orderBy('x.date')
      .orderBy('x.id')
      .execute(),
    restrict(db.selectFrom('project_result as x').innerJoin('project as p', 'p.id', 'x.project_id').selectAll('x'), ids)
      .orderBy('x.id')
      .execute(),
    restrict(db.selectFrom('project_indicator as i').innerJoin('project_result as x', 'x.id', 'i.result_id').innerJoin('project as p', 'p.id', 'x.project_id').selectAll('i'), ids)
      .orderBy('i.id')
      .execute(),
  ]);
  return { countries, organizations, budget, transactions, results, indicators };
}

// biome-ignore lint/suspicious/noExplicitAny: the one query shape every part's select shares (joined to `project as p`)
function restrict<Q extends { where: (...args: any[]) => any }>(query: Q, ids: readonly string[] | undefined): Q {
  return ids ? (query.where('p.id', 'in', [...ids]) as Q) : query;
}

export async function insertProject(db: Kysely<Database>, row: Insertable<ProjectTable>): Promise<void> {
  await db.insertInto('project').values(row).execute();
}

/** Writes the changes and raises the version only if the project is still at `expected` (one statement: see organizations/repository.ts). */
export async function updateProjectIfVersion(db: Kysely<Database>, id: string, expected: number, changes: Updateable<ProjectTable>): Promise<boolean> {
  const result = await db
    .updateTable('project')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces each list of parts the write names. */
export async function replaceProjectParts(db: Kysely<Database>, projectId: string, parts: PartsWrite): Promise<void> {
  if (parts.countries) {
    await db.deleteFrom('project_country').where('project_id', '=', projectId).execute();
    if (parts.countries.length)
      await db
        .insertInto('project_country')
        .values(parts.countries.map((r) => ({ ...r, project_id: projectId })))
        .execute();
  }
  if (parts.organizations) {
    await db.deleteFrom('project_organization').where('project_id', '=', projectId).execute();
    if (parts.organizations.length)
      await db
        .insertInto('project_organization')
        .values(parts.organizations.map((r) => ({ ...r, project_id: projectId })))
        .execute();
  }
  if (parts.budget) {
    await db.deleteFrom('project_budget').where('project_id', '=', projectId).execute();
    if (parts.budget.length)
      await db
        .insertInto('project_budget')
        .values(parts.budget.map((r) => ({ ...r, project_id: projectId })))
        .execute();
  }
  if (parts.transactions) {
    await db.deleteFrom('project_transaction').where('project_id', '=', projectId).execute();
    if (parts.transactions.length)
      await db
        .insertInto('project_transaction')
        .values(parts.transactions.map((r) => ({ ...r, project_id: projectId })))
        .execute();
  }
  if (parts.results) {
    await deleteResults(db, projectId);
    for (const { result, indicators } of parts.results) {
      const { id } = await db
        .insertInto('project_result')
        .values({ ...result, project_id: projectId })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (indicators.length)
        await db
          .insertInto('project_indicator')
          .values(indicators.map((i) => ({ ...i, result_id: Number(id) })))
          .execute();
    }
  }
}

async function deleteResults(db: Kysely<Database>, projectId: string): Promise<void> {
  await db
    .deleteFrom('project_indicator')
    .where('result_id', 'in', (eb) => eb.selectFrom('project_result').select('id').where('project_id', '=', projectId))
    .execute();
  await db.deleteFrom('project_result').where('project_id', '=', projectId).execute();
}

/** Deletes the project and its parts if it is still at `expected`. */
export async function deleteProjectIfVersion(db: Kysely<Database>, id: string, expected: number): Promise<boolean> {
  const found = await db.selectFrom('project').select('id').where('id', '=', id).where('row_version', '=', expected).executeTakeFirst();
  if (!found) return false;
  await replaceProjectParts(db, id, { countries: [], organizations: [], budget: [], transactions: [], results: [] });
  const result = await db.deleteFrom('project').where('id', '=', id).where('row_version', '=', expected).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** How many budget lines and transactions name each of these agreements (any project's). */
export async function agreementUses(db: Kysely<Database>, agreementId: string): Promise<number> {
  const [budget, transactions] = await Promise.all([
    db
      .selectFrom('project_budget')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agreement_id', '=', agreementId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('project_transaction')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agreement_id', '=', agreementId)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(budget.n) + Number(transactions.n);
}
