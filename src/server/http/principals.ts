// Who sends a session cookie or a token, remembered between requests so that a signed-in read
// costs about what an anonymous one does (bench/RESULTS.md). What is remembered is only taken
// as true while the version of the `accounts` topic is the one it was read under: every change
// that can end or alter a sign-in (sign-out, deactivation, erasure, roles, password, a revoked
// token) renews that version in its own transaction, and each request reads the versions after
// it arrived (versions-reading.ts), so such a change made by any server counts at once. Until
// the session's or token's end or the next write of its last use, whichever comes first.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SignedInUser } from '../../modules/access/principal.ts';
import { type Recognised, recogniseSession, recogniseToken } from '../../modules/accounts/sessions.ts';
import type { DataVersions } from '../../modules/meta/repository.ts';

interface Entry extends Recognised {
  accountsVersion: string;
}

// Keys are hashes of the secrets, never the secrets; at most this many (the oldest go first).
const MAX_ENTRIES = 10_000;

export class PrincipalCache {
  private entries = new Map<string, Entry>();

  constructor(private readonly db: Kysely<Database>) {}

  private key(kind: 'session' | 'token', secret: string): string {
    return `${kind}:${createHash('sha256').update(secret).digest('base64url')}`;
  }

  private fresh(key: string, accountsVersion: string): SignedInUser | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.accountsVersion === accountsVersion && Date.now() < entry.validUntil) return entry.principal;
    this.entries.delete(key);
    return null;
  }

  private keep(key: string, recognised: Recognised, accountsVersion: string): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { ...recognised, accountsVersion });
  }

  /** The session's user, or null (unknown, ended, idle, or its account no longer active). */
  async session(secret: string, versions: DataVersions): Promise<SignedInUser | null> {
    const key = this.key('session', secret);
    const accountsVersion = versions.topics.get('accounts') ?? '';
    const known = this.fresh(key, accountsVersion);
    if (known) return known;
    const recognised = await recogniseSession(this.db, secret);
    if (!recognised) return null;
    this.keep(key, recognised, accountsVersion);
    return recognised.principal;
  }

  /** The token's user; throws 401 for a token that is not valid. */
  async token(token: string, versions: DataVersions): Promise<SignedInUser> {
    const key = this.key('token', token);
    const accountsVersion = versions.topics.get('accounts') ?? '';
    const known = this.fresh(key, accountsVersion);
    if (known) return known;
    const recognised = await recogniseToken(this.db, token);
    this.keep(key, recognised, accountsVersion);
    return recognised.principal;
  }
}
