// Failed sign-ins are counted per account (the e-mail as typed, whether or not it has an
// account, so the lock says nothing of which exist) and per client address, in the database:
// every server on one PostgreSQL counts together, so a lock-out on one holds on the others.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { TooManyRequestsError } from '../../shared/errors.ts';
import { clearThrottle, countFailure, lockThrottle, readThrottle } from './repository.ts';

const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `address:${address}`;

export async function checkNotLocked(db: Kysely<Database>, email: string, address: string): Promise<void> {
  const now = Date.now();
  const rows = await readThrottle(db, [accountKey(email), addressKey(address)]);
  const until = Math.max(0, ...rows.map((r) => (r.locked_until ? Date.parse(r.locked_until) : 0)));
  if (until > now) {
    const seconds = Math.ceil((until - now) / 1000);
    throw new TooManyRequestsError(`Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minute(s)`, seconds);
  }
}

async function fail(db: Kysely<Database>, key: string, limit: number): Promise<void> {
  const now = Date.now();
  const failures = await countFailure(db, key, new Date(now).toISOString(), new Date(now - WINDOW_MS).toISOString());
  if (failures >= limit) await lockThrottle(db, key, new Date(now + LOCK_MS).toISOString());
}

export async function recordFailure(db: Kysely<Database>, email: string, address: string): Promise<void> {
  await fail(db, accountKey(email), ACCOUNT_LIMIT);
  await fail(db, addressKey(address), ADDRESS_LIMIT);
}

/** A successful sign-in clears the account's count (not the address's: one right password does
 *  not excuse many wrong ones for other accounts). */
export async function recordSuccess(db: Kysely<Database>, email: string): Promise<void> {
  await clearThrottle(db, accountKey(email));
}
