// What a backup holds: every table of the schema (TABLES in src/db/schema.ts), in that order,
// where each table comes after the tables it references, so that a restore inserts them as the
// file lists them with every foreign key checked. Eight tables are left out. Two are about signing
// in on this install only: user_session (the browsers signed in here; a restored install signs
// everyone out, which is right when a database moves to another server or back in time) and
// throttle (failed sign-ins per account and address over the last minutes: personal data that
// mean nothing elsewhere). Webhooks and their deliveries are left out too: a backup file must not
// carry the secrets that sign deliveries, and a restored install subscribes anew. So are the sync
// peers (their tokens), their runs, and what they sent: a restored install adds its peers again and
// pulls their records anew, with their origin (docs/SYNC.md). Accounts, roles
// and API tokens are kept: only their hashes are stored.
import { TABLES, type Table } from '../../db/schema.ts';

export const LEFT_OUT: readonly Table[] = ['user_session', 'throttle', 'webhook', 'webhook_delivery', 'sync_peer', 'sync_run', 'synced_record', 'sync_disagreement'];

export const BACKUP_TABLES: readonly Table[] = TABLES.filter((table) => !LEFT_OUT.includes(table));

/** A row that belongs to a database rather than to its data. */
export interface OwnRow {
  column: string;
  value: string;
}

/**
 * The database's identity (meta database_id), drawn when it was created, so that an answer
 * cached from one database never stands for another. It is never backed up, a restore keeps
 * the target's own, and it does not make the target count as holding data.
 */
export const OWN_ROWS: Partial<Record<Table, OwnRow>> = { meta: { column: 'key', value: 'database_id' } };

export function isBackupTable(name: string): name is Table {
  return (BACKUP_TABLES as readonly string[]).includes(name);
}
