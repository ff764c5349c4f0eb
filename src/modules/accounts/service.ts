// What the API and the CLI show of accounts: never a hash or a secret.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { grantOf, grantText } from './grants.ts';
import { allRoles, countSessionsOf, findUserById, listUserRows, rolesOf, tokensOf, type RoleRow, type TokenRow, type UserRow } from './repository.ts';

export interface UserView {
  id: string;
  email: string | null;
  displayName: string | null;
  lang: string;
  status: string;
  roles: string[];
  twoFactor: boolean;
  createdAt: string;
  passwordChangedAt: string | null;
  version: number;
}

export interface TokenView {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

function userView(row: UserRow, roles: RoleRow[]): UserView {
  const erased = row.status === 'erased';
  return {
    id: row.id,
    email: erased ? null : row.email,
    displayName: erased ? null : row.display_name,
    lang: row.lang,
    status: row.status,
    roles: roles.map((r) => grantText(grantOf(r))),
    twoFactor: row.totp_secret !== null,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
    version: row.row_version,
  };
}

export function tokenView(row: TokenRow, now = Date.now()): TokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    active: row.revoked_at === null && Date.parse(row.expires_at) > now,
  };
}

export async function listUsers(db: Kysely<Database>): Promise<UserView[]> {
  const roles = await allRoles(db);
  return (await listUserRows(db)).map((row) =>
    userView(
      row,
      roles.filter((r) => r.user_id === row.id),
    ),
  );
}

export async function getUser(db: Kysely<Database>, id: string): Promise<UserView & { sessions: number }> {
  const row = await findUserById(db, id);
  if (!row) throw new NotFoundError('user', id);
  return { ...userView(row, await rolesOf(db, id)), sessions: await countSessionsOf(db, id) };
}

export async function listTokens(db: Kysely<Database>, userId: string): Promise<TokenView[]> {
  return (await tokensOf(db, userId)).map((row) => tokenView(row));
}
