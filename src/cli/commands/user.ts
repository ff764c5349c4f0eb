// `accord user …` and `accord token …`: the accounts use cases, as the system actor cli (the
// CLI is run by whoever holds the database, so it may do what an administrator may).
import type { Kysely } from 'kysely';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { grantText, parseGrant } from '../../modules/accounts/grants.ts';
import { hashPassword, passwordProblems } from '../../modules/accounts/passwords.ts';
import { findUserByEmail, tokensOf } from '../../modules/accounts/repository.ts';
import { listUsers, tokenView } from '../../modules/accounts/service.ts';
import { createTokenUseCase, revokeTokenUseCase } from '../../modules/accounts/tokens.ts';
import { newTotpSecret, otpauthUri } from '../../modules/accounts/totp.ts';
import { createUserUseCase, eraseUserUseCase, normalEmail, setPasswordUseCase, setTotpUseCase, updateUserUseCase } from '../../modules/accounts/write.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { runUseCase } from '../../modules/audit/pipeline.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { TokenAddOptions, UserAddOptions } from '../usage/user.ts';
import { withDb } from '../with-db.ts';

/** Accounts can be made before the first `serve`: the tables are created if need be. */
function withAccounts<T>(run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return withDb(async (db) => {
    await migrateToLatest(db.db);
    return run(db.db);
  });
}

async function userId(db: Kysely<Database>, email: string): Promise<{ id: string; version: number }> {
  const row = await findUserByEmail(db, normalEmail(email));
  if (!row) throw new NotFoundError('account', email);
  return { id: row.id, version: row.row_version };
}

function grantsOf(roles: string[]) {
  return roles.map((text) => {
    const grant = parseGrant(text);
    if (!grant) throw new ValidationError(`"${text}" is not a role`, [{ field: 'role', reason: 'admin, ohchr-editor, viewer, organization-editor:<id> or state-editor:<ISO3>' }]);
    return grant;
  });
}

/** Reads a line from a terminal without showing it: raw mode, one key at a time. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let answer = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (keys: string) => {
      for (const key of keys) {
        if (key === '\r' || key === '\n') return done();
        if (key === '\u0003') return done(new ValidationError('Cancelled'));
        if (key === '\u007f' || key === '\b') answer = answer.slice(0, -1);
        else answer += key;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

/** The password, from a terminal (asked twice) or piped in (its first line). Never echoed or logged. */
async function readPassword(): Promise<string> {
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden('Password: ');
    if ((await askHidden('Again: ')) !== password) throw new ValidationError('The two passwords differ', [{ field: 'password', reason: 'type the same password twice' }]);
  } else {
    password = await readStdin();
  }
  const problems = passwordProblems(password);
  if (problems.length) throw new ValidationError('The password was not accepted', problems);
  return password;
}

function printTwoFactor(secret: string, email: string): void {
  console.log(`two-factor secret (shown once; add it to an authenticator app): ${secret}`);
  console.log(`  or open this link on the device: ${otpauthUri(secret, normalEmail(email))}`);
}

export async function runUserAdd(options: UserAddOptions): Promise<void> {
  const grants = grantsOf(options.role);
  const passwordHash = await hashPassword(await readPassword());
  await withAccounts(async (db) => {
    const displayName = options.name ?? options.email.split('@')[0] ?? options.email;
    const created = await runUseCase(
      db,
      createUserUseCase,
      { actor: 'system', email: options.email, displayName, lang: options.lang, passwordHash, grants },
      systemContext('cli', options.reason ?? null),
    );
    console.log(`account ${created.id} (${normalEmail(options.email)}) added with roles: ${grants.map(grantText).join(', ') || '(none)'}`);
    if (created.totpSecret) printTwoFactor(created.totpSecret, options.email);
  });
}

export function runUserList(): Promise<void> {
  return withAccounts(async (db) => {
    const users = await listUsers(db);
    if (users.length === 0) console.log('no accounts yet: accord user add --email … --role admin');
    for (const u of users) console.log(`${u.id}  ${u.email ?? '(erased)'}  ${u.status}  ${u.roles.join(', ') || '(no role)'}${u.twoFactor ? '  two-factor' : ''}`);
  });
}

export function runUserRoles(email: string, roles: string[], reason?: string): Promise<void> {
  const grants = grantsOf(roles);
  return withAccounts(async (db) => {
    const { id, version } = await userId(db, email);
    const { changed } = await runUseCase(db, updateUserUseCase, { actor: 'system', id, expectedVersion: version, grants }, systemContext('cli', reason ?? null));
    console.log(changed.length ? `${email}: roles now ${grants.map(grantText).join(', ') || '(none)'}` : `${email}: roles unchanged`);
  });
}

export function runUserStatus(email: string, status: 'active' | 'deactivated', reason?: string): Promise<void> {
  return withAccounts(async (db) => {
    const { id, version } = await userId(db, email);
    const { changed } = await runUseCase(db, updateUserUseCase, { actor: 'system', id, expectedVersion: version, status }, systemContext('cli', reason ?? null));
    console.log(changed.length ? `${email}: ${status}${status === 'deactivated' ? ' (its sessions and tokens ended)' : ''}` : `${email}: already ${status}`);
  });
}

export async function runUserPassword(email: string, reason?: string): Promise<void> {
  const passwordHash = await hashPassword(await readPassword());
  await withAccounts(async (db) => {
    const { id } = await userId(db, email);
    const { sessionsEnded } = await runUseCase(db, setPasswordUseCase, { actor: 'system', id, passwordHash, keepSession: null, reset: true }, systemContext('cli', reason ?? null));
    console.log(`${email}: password reset; ${sessionsEnded} session(s) ended`);
  });
}

export function runUserTwoFactor(email: string, reason?: string): Promise<void> {
  return withAccounts(async (db) => {
    const { id } = await userId(db, email);
    const secret = newTotpSecret();
    await runUseCase(db, setTotpUseCase, { actor: 'system', id, secret }, systemContext('cli', reason ?? null));
    printTwoFactor(secret, email);
  });
}

export function runUserErase(email: string, reason?: string): Promise<void> {
  return withAccounts(async (db) => {
    const { id } = await userId(db, email);
    await runUseCase(db, eraseUserUseCase, { actor: 'system', id }, systemContext('cli', reason ?? null));
    console.log(`account ${id}: personal data erased`);
  });
}

export function runTokenAdd(options: TokenAddOptions): Promise<void> {
  return withAccounts(async (db) => {
    const { id } = await userId(db, options.email);
    const created = await runUseCase(db, createTokenUseCase, { actor: 'system', userId: id, name: options.name, days: options.days }, systemContext('cli', options.reason ?? null));
    console.error(`token ${created.id} for ${options.email}, expires ${created.expiresAt}; shown once, only its hash is kept:`);
    console.log(created.token);
  });
}

export function runTokenList(email: string): Promise<void> {
  return withAccounts(async (db) => {
    const { id } = await userId(db, email);
    const tokens = (await tokensOf(db, id)).map((row) => tokenView(row));
    if (tokens.length === 0) console.log(`${email} has no tokens`);
    for (const t of tokens) console.log(`${t.id}  ${t.name}  ${t.active ? 'active' : t.revokedAt ? 'revoked' : 'expired'}  expires ${t.expiresAt.slice(0, 10)}  last used ${t.lastUsedAt ?? 'never'}`);
  });
}

export function runTokenRevoke(id: string, reason?: string): Promise<void> {
  return withAccounts(async (db) => {
    const { revoked } = await runUseCase(db, revokeTokenUseCase, { actor: 'system', id }, systemContext('cli', reason ?? null));
    console.log(revoked ? `token ${id} revoked` : `token ${id} was already revoked`);
  });
}
