// Personal API tokens: named, expiring (at most a year), revocable. The secret is returned once,
// when made; only its SHA-256 is kept.
import { randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { hasControlCharacters } from '../../shared/text.ts';
import type { UseCase } from '../audit/pipeline.ts';
import { accountsPolicy, requireManageOwn, type AccountsActor } from './policy.ts';
import { findToken, findUserById, insertToken, revokeToken } from './repository.ts';
import { newSecret, sha256 } from './secrets.ts';

export const MAX_TOKEN_DAYS = 365;
export const DEFAULT_TOKEN_DAYS = 90;

export interface CreateTokenInput {
  actor: AccountsActor;
  userId: string;
  name: string;
  days: number;
}

export const createTokenUseCase: UseCase<CreateTokenInput, { id: string; token: string; expiresAt: string }> = {
  name: 'accounts.create-token',
  topics: ['accounts'],
  async run(trx, input) {
    requireManageOwn(input.actor, input.userId);
    const user = await findUserById(trx, input.userId);
    if (user?.status !== 'active') throw new NotFoundError('user', input.userId);
    const problems = [];
    if (input.name.trim() === '' || input.name.length > 100 || hasControlCharacters(input.name)) problems.push({ field: 'name', reason: 'must be 1-100 characters, without control characters' });
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_TOKEN_DAYS) problems.push({ field: 'days', reason: `must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}` });
    if (problems.length) throw new ValidationError('The token was not made', problems);
    const id = randomUUID();
    const token = newSecret('act');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + input.days * 86_400_000).toISOString();
    await insertToken(trx, { id, user_id: user.id, name: input.name.trim(), token_hash: sha256(token), created_at: now.toISOString(), expires_at: expiresAt, last_used_at: null, revoked_at: null });
    return {
      result: { id, token, expiresAt },
      audit: [{ action: 'create', entityKind: 'api-token', entityId: id, after: { user: user.id, expiresAt }, summary: `token ${id} made for account ${user.id}, expires ${expiresAt.slice(0, 10)}` }],
    };
  },
};

export const revokeTokenUseCase: UseCase<{ actor: AccountsActor; id: string }, { revoked: boolean }> = {
  name: 'accounts.revoke-token',
  topics: ['accounts'],
  async run(trx, input) {
    const row = await findToken(trx, input.id);
    // Someone else's token is "not found" unless one may manage it: its id says nothing.
    if (!row || !accountsPolicy.manageOwn(input.actor, row.user_id)) throw new NotFoundError('token', input.id);
    if (row.revoked_at !== null) return { result: { revoked: false }, audit: [] };
    await revokeToken(trx, row.id, new Date().toISOString());
    return {
      result: { revoked: true },
      audit: [{ action: 'update', entityKind: 'api-token', entityId: row.id, before: { revokedAt: null }, after: { revoked: true }, summary: `token ${row.id} of account ${row.user_id} revoked` }],
    };
  },
};
