// All SQL of accounts: users and their roles, sessions, API tokens and the sign-in throttle.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database, UserAccountTable } from '../../db/schema.ts';

export type UserRow = Selectable<UserAccountTable>;
export type TokenRow = Selectable<ApiTokenTable>;
export interface RoleRow {
  role: string;
  scope_kind: string;
  scope_id: string;
}

// ---- users -------------------------------------------------------------------------------

export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUserRows(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('user_account').selectAll().orderBy('email').execute();
}

export async function insertUser(db: Kysely<Database>, row: Insertable<UserAccountTable>): Promise<void> {
  await db.insertInto('user_account').values(row).execute();
}

export type UserChanges = Partial<Pick<UserRow, 'email' | 'display_name' | 'lang' | 'password_hash' | 'status' | 'totp_secret' | 'totp_last_step' | 'password_changed_at'>>;

/** Applies the changes only if the row is still at `version`; false when it is not (someone else
 *  changed it first). Raises the version. */
export async function updateUserAtVersion(db: Kysely<Database>, id: string, version: number, changes: UserChanges): Promise<boolean> {
  const result = await db
    .updateTable('user_account')
    .set((eb) => ({ ...changes, row_version: eb('row_version', '+', 1) }))
    .where('id', '=', id)
    .where('row_version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records the step of an accepted one-time code, only if no later one was accepted meanwhile
 *  (two servers given the same code at once: one wins). Not a change of the account: no version. */
export async function claimTotpStep(db: Kysely<Database>, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('user_account')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function rolesOf(db: Kysely<Database>, userId: string): Promise<RoleRow[]> {
  return db.selectFrom('user_role').select(['role', 'scope_kind', 'scope_id']).where('user_id', '=', userId).orderBy('role').orderBy('scope_kind').orderBy('scope_id').execute();
}

export function allRoles(db: Kysely<Database>): Promise<(RoleRow & { user_id: string })[]> {
  return db.selectFrom('user_role').select(['user_id', 'role', 'scope_kind', 'scope_id']).execute();
}

export async function replaceRoles(db: Kysely<Database>, userId: string, roles: RoleRow[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length)
    await db
      .insertInto('user_role')
      .values(roles.map((r) => ({ user_id: userId, ...r })))
      .execute();
}

// ---- sessions ----------------------------------------------------------------------------

export async function insertSession(db: Kysely<Database>, row: { token_hash: string; user_id: string; created_at: string; expires_at: string }): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ ...row, last_seen_at: row.created_at })
    .execute();
}

/** What a request's principal is made of: the account (no secrets) and its roles. */
export interface Holder {
  user: Pick<UserRow, 'id' | 'email' | 'display_name' | 'lang' | 'status'>;
  roles: RoleRow[];
}

const HOLDER_COLUMNS = ['u.id', 'u.email', 'u.display_name', 'u.lang', 'u.status', 'r.role', 'r.scope_kind', 'r.scope_id'] as const;

/** The account and its roles from the rows of a join with user_role (one row per role, or a
 *  single row with null role columns when it has none), in the order rolesOf gives. */
function holderOf(rows: { id: string; email: string; display_name: string; lang: string; status: string; role: string | null; scope_kind: string | null; scope_id: string | null }[]): Holder {
  const { id, email, display_name, lang, status } = rows[0]!;
  const roles = rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, scope_kind: r.scope_kind ?? '', scope_id: r.scope_id ?? '' }]));
  return { user: { id, email, display_name, lang, status }, roles };
}

/** A session with its account and roles, in one query: every request with a cookie asks. */
export async function findSessionHolder(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<(Holder & { session: Pick<Selectable<Database['user_session']>, 'expires_at' | 'last_seen_at'> }) | undefined> {
  const rows = await db
    .selectFrom('user_session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .leftJoin('user_role as r', 'r.user_id', 's.user_id')
    .select(['s.expires_at', 's.last_seen_at', ...HOLDER_COLUMNS])
    .where('s.token_hash', '=', tokenHash)
    .orderBy('r.role')
    .orderBy('r.scope_kind')
    .orderBy('r.scope_id')
    .execute();
  if (rows.length === 0) return undefined;
  const { expires_at, last_seen_at } = rows[0]!;
  return { session: { expires_at, last_seen_at }, ...holderOf(rows) };
}

export async function touchSession(db: Kysely<Database>, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<number> {
  const result = await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of a user, but `keep` (the one that asked, after a password change). */
export async function deleteSessionsOf(db: Kysely<Database>, userId: string, keep: string | null = null): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keep !== null) query = query.where('token_hash', '!=', keep);
  return Number((await query.executeTakeFirst()).numDeletedRows);
}

export async function deleteSessionsBefore(db: Kysely<Database>, expiresBefore: string, idleBefore: string): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', expiresBefore), eb('last_seen_at', '<=', idleBefore)]))
    .execute();
}

export function countSessionsOf(db: Kysely<Database>, userId: string): Promise<number> {
  return db
    .selectFrom('user_session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

// ---- API tokens --------------------------------------------------------------------------

export async function insertToken(db: Kysely<Database>, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto('api_token').values(row).execute();
}

/** A token with its account and roles, in one query: every request with a Bearer token asks. */
export async function findTokenHolder(db: Kysely<Database>, tokenHash: string): Promise<(Holder & { token: Pick<TokenRow, 'id' | 'expires_at' | 'revoked_at' | 'last_used_at'> }) | undefined> {
  const rows = await db
    .selectFrom('api_token as t')
    .innerJoin('user_account as u', 'u.id', 't.user_id')
    .leftJoin('user_role as r', 'r.user_id', 't.user_id')
    .select(['t.id as token_id', 't.expires_at', 't.revoked_at', 't.last_used_at', ...HOLDER_COLUMNS])
    .where('t.token_hash', '=', tokenHash)
    .orderBy('r.role')
    .orderBy('r.scope_kind')
    .orderBy('r.scope_id')
    .execute();
  if (rows.length === 0) return undefined;
  const { token_id, expires_at, revoked_at, last_used_at } = rows[0]!;
  return { token: { id: token_id, expires_at, revoked_at, last_used_at }, ...holderOf(rows) };
}

export function findToken(db: Kysely<Database>, id: string): Promise<TokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export function tokensOf(db: Kysely<Database>, userId: string): Promise<TokenRow[]> {
  return db.selectFrom('api_token').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export async function touchToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeToken(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeTokensOf(db: Kysely<Database>, userId: string, at: string): Promise<number> {
  const result = await db.updateTable('api_token').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- throttle ----------------------------------------------------------------------------

export function readThrottle(db: Kysely<Database>, keys: string[]) {
  return db.selectFrom('throttle').selectAll().where('key', 'in', keys).execute();
}

/** Counts one failure atomically (servers sharing the database count together); a window that
 *  has run out, with no lock in force, starts again. Returns the count in the current window. */
export async function countFailure(db: Kysely<Database>, key: string, now: string, windowStartedBefore: string): Promise<number> {
  await db
    .deleteFrom('throttle')
    .where('key', '=', key)
    .where('window_start', '<', windowStartedBefore)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
  await db
    .insertInto('throttle')
    .values({ key, window_start: now, failures: 1, locked_until: null })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb('throttle.failures', '+', 1) })))
    .execute();
  const row = await db.selectFrom('throttle').select('failures').where('key', '=', key).executeTakeFirst();
  return row ? Number(row.failures) : 0;
}

export async function lockThrottle(db: Kysely<Database>, key: string, until: string): Promise<void> {
  await db.updateTable('throttle').set({ locked_until: until }).where('key', '=', key).execute();
}

export async function clearThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('throttle').where('key', '=', key).execute();
}
