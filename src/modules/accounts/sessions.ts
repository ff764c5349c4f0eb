// Signing in and out, and recognising who sends a request. A browser holds a session (a random
// secret in an HttpOnly cookie); a program sends a personal API token as a Bearer header. Only
// SHA-256 hashes of either are stored. Sessions end after an hour without use and at twelve
// hours in any case; a deactivated or erased account's sessions and tokens stop at once (they
// are deleted and revoked with the change, and the account's status is checked on every use).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { UnauthenticatedError, ValidationError } from '../../shared/errors.ts';
import type { SignedInUser } from '../access/principal.ts';
import type { WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { grantOf } from './grants.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import {
  claimTotpStep,
  deleteSession,
  deleteSessionsBefore,
  deleteSessionsOf,
  findSessionHolder,
  findTokenHolder,
  findUserByEmail,
  type Holder,
  insertSession,
  rolesOf,
  touchSession,
  touchToken,
  type UserRow,
} from './repository.ts';
import { csrfTokenFor, newSecret, sha256 } from './secrets.ts';
import { checkNotLocked, recordFailure, recordSuccess } from './throttle.ts';
import { matchingStep } from './totp.ts';
import { normalEmail } from './write.ts';

export const SESSION_IDLE_MS = 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** Last-seen times move at most this often: a read does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SignInInput {
  email: string;
  password: string;
  /** The six-digit code, for accounts with two-factor sign-in (every administrator). */
  code?: string;
  /** The client's address, for the per-address throttle. */
  address: string;
}

export interface SignedIn {
  /** The cookie's value: shown once, never stored. */
  sessionSecret: string;
  csrfToken: string;
  expiresAt: string;
  principal: SignedInUser;
}

function principalOf({ user, roles }: Holder, via: 'session' | 'token'): SignedInUser {
  return { kind: 'user', userId: user.id, email: user.email, displayName: user.display_name, lang: user.lang, grants: roles.map(grantOf), via };
}

const signInUseCase: UseCase<{ user: UserRow; tokenHash: string; expiresAt: string }, null> = {
  name: 'accounts.sign-in',
  topics: ['accounts'],
  async run(trx, { user, tokenHash, expiresAt }) {
    const now = new Date();
    await deleteSessionsBefore(trx, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
    await insertSession(trx, { token_hash: tokenHash, user_id: user.id, created_at: now.toISOString(), expires_at: expiresAt });
    return { result: null, audit: [{ action: 'create', entityKind: 'session', entityId: user.id, after: { expiresAt }, summary: `account ${user.id} signed in` }] };
  },
};

const WRONG = 'The e-mail, password or code is not right';

/** Checks the password (and code) and opens a session. A failure never says which part was wrong. */
export async function signIn(db: Kysely<Database>, input: SignInInput, context: WriteContext): Promise<SignedIn> {
  const email = normalEmail(input.email);
  await checkNotLocked(db, email, input.address);
  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (user?.status !== 'active' || !passwordOk) {
    await recordFailure(db, email, input.address);
    throw new UnauthenticatedError(WRONG);
  }
  const roles = await rolesOf(db, user.id);
  const grants = roles.map(grantOf);
  const needsCode = user.totp_secret !== null || grants.some((g) => g.role === 'admin');
  if (needsCode) {
    if (!user.totp_secret) throw new UnauthenticatedError('This administrator account has no two-factor sign-in set up: run `accord user two-factor <e-mail>` on the server');
    if (!input.code) throw new UnauthenticatedError('Enter the six-digit code from your authenticator app', [{ field: 'code', reason: 'required for this account' }]);
    const step = matchingStep(user.totp_secret, input.code, Date.now(), user.totp_last_step);
    if (step === null || !(await claimTotpStep(db, user.id, step))) {
      await recordFailure(db, email, input.address);
      throw new UnauthenticatedError(WRONG);
    }
  }
  await recordSuccess(db, email);
  const sessionSecret = newSecret('acs');
  const expiresAt = new Date(Date.now() + SESSION_MAX_MS).toISOString();
  await runUseCase(db, signInUseCase, { user, tokenHash: sha256(sessionSecret), expiresAt }, { ...context, actor: `user:${user.id}` });
  return { sessionSecret, csrfToken: csrfTokenFor(sessionSecret), expiresAt, principal: principalOf({ user, roles }, 'session') };
}

const signOutUseCase: UseCase<{ userId: string; tokenHash: string; everywhere: boolean }, { ended: number }> = {
  name: 'accounts.sign-out',
  topics: ['accounts'],
  async run(trx, { userId, tokenHash, everywhere }) {
    const ended = everywhere ? await deleteSessionsOf(trx, userId) : await deleteSession(trx, tokenHash);
    if (ended === 0) return { result: { ended }, audit: [] };
    return {
      result: { ended },
      audit: [
        { action: 'delete', entityKind: 'session', entityId: userId, before: { sessions: ended }, summary: `account ${userId} signed out${everywhere ? ` everywhere (${ended} session(s))` : ''}` },
      ],
    };
  },
};

export async function signOut(db: Kysely<Database>, principal: SignedInUser, sessionSecret: string | null, everywhere: boolean, context: WriteContext): Promise<{ ended: number }> {
  if (!everywhere && !sessionSecret)
    throw new ValidationError('There is no session to end: an API token is revoked at /api/v1/auth/tokens', [
      { field: 'everywhere', reason: 'a token-authenticated request can only sign out everywhere' },
    ]);
  return runUseCase(db, signOutUseCase, { userId: principal.userId, tokenHash: sessionSecret ? sha256(sessionSecret) : '', everywhere }, context);
}

/** A user recognised by a session or token, and until when that may be taken as still true
 *  without asking the database again (while the accounts topic is unchanged): the session's or
 *  token's end, or the next time its last use is due to be written. */
export interface Recognised {
  principal: SignedInUser;
  validUntil: number;
}

/** The user behind a session cookie, or null when it is missing, unknown, idle too long, past
 *  its maximum or its account is no longer active. One query (session, account and roles). */
export async function recogniseSession(db: Kysely<Database>, sessionSecret: string): Promise<Recognised | null> {
  const hash = sha256(sessionSecret);
  const found = await findSessionHolder(db, hash);
  if (!found) return null;
  const now = Date.now();
  let lastSeen = Date.parse(found.session.last_seen_at);
  const expiresAt = Date.parse(found.session.expires_at);
  if (expiresAt <= now || lastSeen + SESSION_IDLE_MS <= now) return null;
  if (found.user.status !== 'active') return null;
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    await touchSession(db, hash, new Date(now).toISOString());
    lastSeen = now;
  }
  return { principal: principalOf(found, 'session'), validUntil: Math.min(expiresAt, lastSeen + TOUCH_EVERY_MS) };
}

/** The user behind a Bearer token; a token that is unknown, revoked or expired is refused (401),
 *  not treated as anonymous: a program should learn its token no longer works. One query. */
export async function recogniseToken(db: Kysely<Database>, token: string): Promise<Recognised> {
  const found = await findTokenHolder(db, sha256(token));
  const now = Date.now();
  const row = found?.token;
  if (!found || !row || row.revoked_at !== null || Date.parse(row.expires_at) <= now) throw new UnauthenticatedError('The API token is not valid (unknown, revoked or expired)');
  if (found.user.status !== 'active') throw new UnauthenticatedError('The API token is not valid (its account is not active)');
  let lastUsed = row.last_used_at ? Date.parse(row.last_used_at) : Number.NEGATIVE_INFINITY;
  if (now - lastUsed >= TOUCH_EVERY_MS) {
    await touchToken(db, row.id, new Date(now).toISOString());
    lastUsed = now;
  }
  return { principal: principalOf(found, 'token'), validUntil: Math.min(Date.parse(row.expires_at), lastUsed + TOUCH_EVERY_MS) };
}
