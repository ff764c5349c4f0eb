// Calendar feeds: the public calendar of public events, and each user's secret calendar address
// with the events that user may see (restricted ones included). The address holds 32 random
// bytes (base64url, `acf_` prefix); only their SHA-256 is stored, and a token is found by its
// hash, so the server never compares secrets in the clear. Making a new address revokes the
// old one; DELETE revokes it; a revoked address, or one whose account is deactivated or erased,
// answers 404 from the next request on. Made and revoked through the write path (audited,
// never naming the token).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { viewFor } from '../../../db/visibility.ts';
import { NotFoundError, UnauthenticatedError } from '../../../shared/errors.ts';
import { readerRights, type SignedInUser } from '../../access/principal.ts';
import { grantOf } from '../../accounts/grants.ts';
import { sha256 } from '../../accounts/secrets.ts';
import type { WriteContext } from '../../audit/context.ts';
import { runUseCase, type UseCase } from '../../audit/pipeline.ts';
import { CALENDAR_END, calendarHead, inCalendar, vevent } from './ical.ts';
import { calendarPage, findFeedHolder, insertFeed, revokeFeedsOf } from './repository.ts';

export const FEED_TOKEN = /^acf_[A-Za-z0-9_-]{43}$/;

const createFeedUseCase: UseCase<{ userId: string; tokenHash: string }, { createdAt: string }> = {
  name: 'calendar-feeds.create',
  topics: [],
  async run(trx, { userId, tokenHash }) {
    const at = new Date().toISOString();
    const revoked = await revokeFeedsOf(trx, userId, at);
    await insertFeed(trx, { token_hash: tokenHash, user_id: userId, created_at: at });
    return {
      result: { createdAt: at },
      audit: [
        {
          action: 'create',
          entityKind: 'calendar-feed',
          entityId: userId,
          after: { createdAt: at, revokedBefore: revoked },
          summary: `account ${userId} made a calendar address${revoked ? ' (the previous one revoked)' : ''}`,
        },
      ],
    };
  },
};

const revokeFeedUseCase: UseCase<{ userId: string }, { revoked: number }> = {
  name: 'calendar-feeds.revoke',
  topics: [],
  async run(trx, { userId }) {
    const revoked = await revokeFeedsOf(trx, userId, new Date().toISOString());
    if (revoked === 0) return { result: { revoked }, audit: [] };
    return { result: { revoked }, audit: [{ action: 'delete', entityKind: 'calendar-feed', entityId: userId, before: { live: revoked }, summary: `account ${userId} revoked its calendar address` }] };
  },
};

/** A new secret address for the signed-in user: the token, shown once. */
export async function createFeed(db: Kysely<Database>, principal: SignedInUser, context: WriteContext): Promise<{ token: string; createdAt: string }> {
  const token = `acf_${randomBytes(32).toString('base64url')}`;
  const { createdAt } = await runUseCase(db, createFeedUseCase, { userId: principal.userId, tokenHash: sha256(token) }, context);
  return { token, createdAt };
}

export function revokeFeed(db: Kysely<Database>, principal: SignedInUser | null, context: WriteContext): Promise<{ revoked: number }> {
  if (!principal) throw new UnauthenticatedError();
  return runUseCase(db, revokeFeedUseCase, { userId: principal.userId }, context);
}

/** The database as the feed's owner sees it now, or 404 (unknown, revoked, account not active). */
export async function feedReader(db: Kysely<Database>, token: string): Promise<Kysely<Database>> {
  const holder = FEED_TOKEN.test(token) ? await findFeedHolder(db, sha256(token)) : undefined;
  if (holder?.user.status !== 'active') throw new NotFoundError('calendar', 'this address');
  const principal: SignedInUser = {
    kind: 'user',
    userId: holder.user.id,
    email: holder.user.email,
    displayName: holder.user.display_name,
    lang: holder.user.lang,
    grants: holder.roles.map(grantOf),
    via: 'token',
  };
  return viewFor(db, readerRights(principal));
}

const PAGE = 500;

/** The calendar of the events `reader` may see, a page of the database at a time. */
export async function* calendarChunks(reader: Kysely<Database>, name: string, host: string): AsyncGenerator<string> {
  yield calendarHead(name);
  let after: { start: string; id: string } | undefined;
  for (;;) {
    const rows = await calendarPage(reader, PAGE, after);
    let text = '';
    for (const r of rows) {
      const e = {
        id: r.id,
        title: r.title,
        kind: r.kind,
        start: r.start_date,
        end: r.end_date,
        city: r.city,
        country: r.country_iso3,
        description: r.conclusions,
        confidentiality: r.confidentiality,
        updatedAt: r.updated_at,
      };
      if (inCalendar(e)) text += vevent(e, host);
    }
    if (text) yield text;
    if (rows.length < PAGE) break;
    const last = rows.at(-1)!;
    after = { start: last.start_date, id: last.id };
  }
  yield CALENDAR_END;
}
