// Accounts for tests, made through the same use cases as the CLI, and signed in over HTTP.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { grantOf } from '../../src/modules/accounts/grants.ts';
import { parseGrant } from '../../src/modules/accounts/grants.ts';
import { hashPassword } from '../../src/modules/accounts/passwords.ts';
import { stepAt, totpCode } from '../../src/modules/accounts/totp.ts';
import { createUserUseCase } from '../../src/modules/accounts/write.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';

export const PASSWORD = 'correct horse battery staple';

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  totpSecret: string | null;
}

/** An account with the given roles (`admin`, `organization-editor:au`…), made as the CLI would. */
export async function makeAccount(db: Kysely<Database>, email: string, roles: string[] = []): Promise<TestAccount> {
  const grants = roles.map((r) => {
    const grant = parseGrant(r);
    if (!grant) throw new Error(`test role ${r} is not a role`);
    return grant;
  });
  const { id, totpSecret } = await runUseCase(
    db,
    createUserUseCase,
    { actor: 'system', email, displayName: email.split('@')[0] ?? email, lang: 'en', passwordHash: await hashPassword(PASSWORD), grants },
    systemContext('test'),
  );
  return { id, email, password: PASSWORD, totpSecret };
}

/** A code for the account's second factor, `offset` steps from now. */
export function codeFor(account: TestAccount, offset = 0): string {
  if (!account.totpSecret) throw new Error('no second factor');
  return totpCode(account.totpSecret, stepAt(Date.now()) + offset);
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a write with this session: cookie, CSRF token and JSON. */
  write: Record<string, string>;
}

export async function signIn(app: OpenAPIHono, account: TestAccount, code = account.totpSecret ? codeFor(account) : undefined): Promise<Session> {
  const response = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password, code }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${account.email} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken, write: { Cookie: cookie, 'X-CSRF-Token': body.csrfToken, 'Content-Type': 'application/json' } };
}

export { grantOf };
