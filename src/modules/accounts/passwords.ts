// Passwords are kept as argon2id hashes (the parameters OWASP recommends: 19 MiB, 2 passes,
// one lane; ~30 ms here). The rules follow NIST SP 800-63B: long enough, not too long to hash,
// no composition rules.
import { hash, verify } from '@node-rs/argon2';
import type { Problem } from '../../shared/errors.ts';

const ARGON2ID = 2; // the library's Algorithm.Argon2id (a const enum, which tsx cannot inline)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

export function passwordProblems(password: string, field = 'password'): Problem[] {
  if (password.length < MIN_PASSWORD) return [{ field, reason: `must be at least ${MIN_PASSWORD} characters` }];
  if (password.length > MAX_PASSWORD) return [{ field, reason: `must be at most ${MAX_PASSWORD} characters` }];
  return [];
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a stored value that is not an argon2 hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so that a sign-in with an unknown
 *  e-mail takes as long as one with a wrong password (no telling which e-mails have accounts). */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('not a password of anyone');
  return decoy;
}
