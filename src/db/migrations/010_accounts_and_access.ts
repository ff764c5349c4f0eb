// People on the write path. `user_account` holds who may sign in (the password only as an
// argon2id hash; the TOTP secret for two-factor sign-in); `user_role` what each may do, scoped
// to an organization or a State where the role is; `user_session` and `api_token` hold only
// SHA-256 hashes of the tokens given out, so a copy of the database signs no one in.
// `throttle` counts failed sign-ins per account and per client address, in the database so
// that every server on one PostgreSQL sees the same counts.
// The registry's editable records and their sources get a `row_version` (an update must name the version it
// read: no lost updates) and a confidentiality level with its audience.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

// The source table too: a source entered with a restricted record is as restricted as it is.
export const EDITABLE_TABLES = ['organization', 'membership_event', 'instrument', 'mechanism', 'treaty_action', 'source'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('totp_last_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('user_role')
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role', 'scope_kind', 'scope_id'])
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_session_user').on('user_session').column('user_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();

  await db.schema
    .createTable('throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  for (const table of EDITABLE_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('confidentiality', 'text', (c) => c.notNull().defaultTo('public'))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of EDITABLE_TABLES) {
    for (const column of ['audience', 'confidentiality', 'row_version']) await db.schema.alterTable(table).dropColumn(column).execute();
  }
  for (const table of ['throttle', 'api_token', 'user_session', 'user_role', 'user_account']) await db.schema.dropTable(table).execute();
}
