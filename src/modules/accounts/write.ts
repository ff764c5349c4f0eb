// The use cases of accounts, each run by the write pipeline, so each leaves one audit record.
// Audit records name users by id only, never by e-mail or name: an erased account leaves no
// personal data in the trail, which cannot be changed afterwards. Passwords are hashed before
// the transaction (argon2id takes tens of milliseconds; SQLite would wait on it).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, StaleVersionError, ValidationError, VersionRequiredError, type Problem } from '../../shared/errors.ts';
import { hasControlCharacters, LANGS } from '../../shared/text.ts';
import type { Grant } from '../access/principal.ts';
import type { UseCase } from '../audit/pipeline.ts';
import { grantProblems, grantText, grantOf, rowOf } from './grants.ts';
import { requireManageOwn, requireManageUsers, type AccountsActor } from './policy.ts';
import { deleteSessionsOf, findUserByEmail, findUserById, insertUser, replaceRoles, revokeTokensOf, rolesOf, allRoles, updateUserAtVersion, type UserChanges, type UserRow } from './repository.ts';
import { newTotpSecret } from './totp.ts';

const MAX_NAME = 200;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/;

export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

function profileProblems(input: { email?: string; displayName?: string; lang?: string }): Problem[] {
  const problems: Problem[] = [];
  if (input.email !== undefined && !EMAIL.test(input.email)) problems.push({ field: 'email', reason: 'must be an e-mail address' });
  if (input.displayName !== undefined && (input.displayName.trim() === '' || input.displayName.length > MAX_NAME || hasControlCharacters(input.displayName))) {
    problems.push({ field: 'displayName', reason: `must be 1-${MAX_NAME} characters, without control characters` });
  }
  if (input.lang !== undefined && !(LANGS as readonly string[]).includes(input.lang)) problems.push({ field: 'lang', reason: `must be one of ${LANGS.join(', ')}` });
  return problems;
}

async function existingUser(trx: Kysely<Database>, id: string): Promise<UserRow> {
  const row = await findUserById(trx, id);
  if (!row || row.status === 'erased') throw new NotFoundError('user', id);
  return row;
}

/** Refuses an update that names no version, or a version that is no longer the row's. */
function checkVersion(row: UserRow, expected: number | undefined): void {
  if (expected === undefined) throw new VersionRequiredError('user');
  if (expected !== row.row_version) throw new StaleVersionError('user', { id: row.id }, row.row_version);
}

async function applyAtVersion(trx: Kysely<Database>, row: UserRow, changes: UserChanges): Promise<void> {
  if (!(await updateUserAtVersion(trx, row.id, row.row_version, changes))) {
    const now = await existingUser(trx, row.id);
    throw new StaleVersionError('user', { id: row.id }, now.row_version);
  }
}

/** Administrators that would remain active: an instance is never left without one. */
async function otherActiveAdmins(trx: Kysely<Database>, userId: string): Promise<number> {
  const admins = (await allRoles(trx)).filter((r) => r.role === 'admin' && r.user_id !== userId);
  let count = 0;
  for (const admin of admins) if ((await findUserById(trx, admin.user_id))?.status === 'active') count++;
  return count;
}

// ---- create ------------------------------------------------------------------------------

export interface CreateUserInput {
  actor: AccountsActor;
  email: string;
  displayName: string;
  lang: string;
  passwordHash: string;
  grants: Grant[];
}

export const createUserUseCase: UseCase<CreateUserInput, { id: string; totpSecret: string | null }> = {
  name: 'accounts.create-user',
  topics: ['accounts'],
  async run(trx, input) {
    requireManageUsers(input.actor);
    const email = normalEmail(input.email);
    const problems = [...profileProblems({ email, displayName: input.displayName, lang: input.lang }), ...(await grantProblems(trx, input.grants))];
    if (await findUserByEmail(trx, email)) problems.push({ field: 'email', reason: 'an account with this e-mail exists' });
    if (problems.length) throw new ValidationError('The account was not created', problems);
    const id = randomUUID();
    // Administrators must sign in with a second factor: their secret is drawn now and shown once.
    const totpSecret = input.grants.some((g) => g.role === 'admin') ? newTotpSecret() : null;
    const at = new Date().toISOString();
    await insertUser(trx, {
      id,
      email,
      display_name: input.displayName.trim(),
      lang: input.lang,
      password_hash: input.passwordHash,
      status: 'active',
      totp_secret: totpSecret,
      totp_last_step: null,
      created_at: at,
      password_changed_at: at,
    });
    await replaceRoles(trx, id, input.grants.map(rowOf));
    const roles = input.grants.map(grantText);
    return {
      result: { id, totpSecret },
      audit: [
        {
          action: 'create',
          entityKind: 'user',
          entityId: id,
          after: { lang: input.lang, roles, status: 'active', twoFactor: totpSecret !== null },
          summary: `account ${id} created with roles ${roles.join(', ') || '(none)'}`,
        },
      ],
    };
  },
};

// ---- update (profile, roles, status) ------------------------------------------------------

export interface UpdateUserInput {
  actor: AccountsActor;
  id: string;
  expectedVersion: number | undefined;
  displayName?: string;
  lang?: string;
  grants?: Grant[];
  status?: 'active' | 'deactivated';
}

function sameGrants(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

export const updateUserUseCase: UseCase<UpdateUserInput, { changed: string[] }> = {
  name: 'accounts.update-user',
  topics: ['accounts'],
  async run(trx, input) {
    const row = await existingUser(trx, input.id);
    // One's own name and language; anything else (roles, status) is an administrator's.
    if (input.grants !== undefined || input.status !== undefined) requireManageUsers(input.actor);
    else requireManageOwn(input.actor, input.id);
    checkVersion(row, input.expectedVersion);
    const problems = profileProblems({ displayName: input.displayName, lang: input.lang });
    if (input.grants) problems.push(...(await grantProblems(trx, input.grants)));
    if (input.grants?.some((g) => g.role === 'admin') && !row.totp_secret)
      problems.push({ field: 'roles', reason: 'an administrator must sign in with two factors: the account must set up two-factor sign-in first' });
    if (problems.length) throw new ValidationError(`The account ${input.id} was not changed`, problems);

    const beforeRoles = (await rolesOf(trx, row.id)).map((r) => grantText(grantOf(r)));
    const afterRoles = input.grants ? input.grants.map(grantText).sort() : beforeRoles;
    const changes: UserChanges = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    // Names are personal data: the trail says that the name changed, not what it was.
    if (input.displayName !== undefined && input.displayName.trim() !== row.display_name) {
      changes.display_name = input.displayName.trim();
      after.displayName = '(changed)';
    }
    if (input.lang !== undefined && input.lang !== row.lang) {
      changes.lang = input.lang;
      before.lang = row.lang;
      after.lang = input.lang;
    }
    if (input.status !== undefined && input.status !== row.status) {
      changes.status = input.status;
      before.status = row.status;
      after.status = input.status;
    }
    const rolesChanged = !sameGrants([...beforeRoles].sort(), [...afterRoles].sort());
    if (rolesChanged) {
      before.roles = beforeRoles;
      after.roles = afterRoles;
    }
    const losesAdmin = (beforeRoles.includes('admin') && (!afterRoles.includes('admin') || changes.status === 'deactivated')) as boolean;
    if (losesAdmin && (await otherActiveAdmins(trx, row.id)) === 0) {
      throw new ValidationError('The last active administrator cannot lose that role', [{ field: input.status ? 'status' : 'roles', reason: 'make another account an administrator first' }]);
    }
    const changed = Object.keys(after);
    if (changed.length === 0) return { result: { changed }, audit: [] };
    await applyAtVersion(trx, row, changes);
    if (rolesChanged && input.grants) await replaceRoles(trx, row.id, input.grants.map(rowOf));
    if (changes.status === 'deactivated') {
      // A deactivated account is out at once: its sessions and tokens end with the change.
      await deleteSessionsOf(trx, row.id);
      await revokeTokensOf(trx, row.id, new Date().toISOString());
    }
    return { result: { changed }, audit: [{ action: 'update', entityKind: 'user', entityId: row.id, before, after, summary: `account ${row.id}: ${changed.join(', ')} changed` }] };
  },
};

// ---- passwords ---------------------------------------------------------------------------

export interface SetPasswordInput {
  actor: AccountsActor;
  id: string;
  passwordHash: string;
  /** The session that asked (a change of one's own password keeps it); null ends them all. */
  keepSession: string | null;
  /** true: an administrator's reset (or the CLI's); false: the holder's own change. */
  reset: boolean;
}

export const setPasswordUseCase: UseCase<SetPasswordInput, { sessionsEnded: number }> = {
  name: 'accounts.set-password',
  topics: ['accounts'],
  async run(trx, input) {
    const row = await existingUser(trx, input.id);
    if (input.reset) requireManageUsers(input.actor);
    else requireManageOwn(input.actor, input.id);
    const at = new Date().toISOString();
    await applyAtVersion(trx, row, { password_hash: input.passwordHash, password_changed_at: at });
    const sessionsEnded = await deleteSessionsOf(trx, row.id, input.keepSession);
    const what = input.reset ? 'reset by an administrator' : 'changed by its holder';
    return {
      result: { sessionsEnded },
      audit: [
        { action: 'update', entityKind: 'user', entityId: row.id, after: { password: what, sessionsEnded }, summary: `account ${row.id}: password ${what}; ${sessionsEnded} other session(s) ended` },
      ],
    };
  },
};

// ---- two-factor sign-in ------------------------------------------------------------------

export interface SetTotpInput {
  actor: AccountsActor;
  id: string;
  /** The new secret (confirmed with a code by the caller), or null to turn it off (the CLI, for a lost device). */
  secret: string | null;
}

export const setTotpUseCase: UseCase<SetTotpInput, { twoFactor: boolean }> = {
  name: 'accounts.set-two-factor',
  topics: ['accounts'],
  async run(trx, input) {
    const row = await existingUser(trx, input.id);
    if (input.secret === null) requireManageUsers(input.actor);
    else requireManageOwn(input.actor, input.id);
    await applyAtVersion(trx, row, { totp_secret: input.secret, totp_last_step: null });
    const twoFactor = input.secret !== null;
    return {
      result: { twoFactor },
      audit: [
        {
          action: 'update',
          entityKind: 'user',
          entityId: row.id,
          before: { twoFactor: row.totp_secret !== null },
          after: { twoFactor },
          summary: `account ${row.id}: two-factor sign-in ${twoFactor ? 'set up (new secret)' : 'turned off'}`,
        },
      ],
    };
  },
};

// ---- erasure -----------------------------------------------------------------------------

export interface EraseUserInput {
  actor: AccountsActor;
  id: string;
}

/** Personal data (e-mail, name, password, second factor) are erased; the account's id stays, so
 *  the audit trail still says who did what, by an id that no longer leads to a person. */
export const eraseUserUseCase: UseCase<EraseUserInput, { erased: string }> = {
  name: 'accounts.erase',
  topics: ['accounts'],
  async run(trx, input) {
    requireManageUsers(input.actor);
    const row = await existingUser(trx, input.id);
    const roles = await rolesOf(trx, row.id);
    if (roles.some((r) => r.role === 'admin') && (await otherActiveAdmins(trx, row.id)) === 0) {
      throw new ValidationError('The last active administrator cannot be erased', [{ field: 'id', reason: 'make another account an administrator first' }]);
    }
    await applyAtVersion(trx, row, { email: `erased:${row.id}`, display_name: '', password_hash: null, totp_secret: null, totp_last_step: null, status: 'erased' });
    await replaceRoles(trx, row.id, []);
    await deleteSessionsOf(trx, row.id);
    await revokeTokensOf(trx, row.id, new Date().toISOString());
    return {
      result: { erased: row.id },
      audit: [
        {
          action: 'delete',
          entityKind: 'user',
          entityId: row.id,
          before: { personalData: ['email', 'displayName', 'password', 'twoFactor'] },
          after: { status: 'erased' },
          summary: `account ${row.id}: personal data erased`,
        },
      ],
    };
  },
};
