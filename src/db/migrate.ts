import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './migrations/001_registry.ts';
import * as m002 from './migrations/002_treaty_events.ts';
import * as m003 from './migrations/003_treaty_snapshots.ts';
import * as m004 from './migrations/004_snapshot_notes.ts';
import * as m005 from './migrations/005_one_treaty_action_table.ts';
import * as m006 from './migrations/006_membership_snapshots.ts';
import * as m007 from './migrations/007_action_procedure.ts';
import * as m008 from './migrations/008_mechanism_acceptance_text.ts';
import * as m009 from './migrations/009_audit_and_topics.ts';
import * as m010 from './migrations/010_accounts_and_access.ts';
import * as m011 from './migrations/011_user_records.ts';
import * as m012 from './migrations/012_name_corrections.ts';
import * as m013 from './migrations/013_recommendations.ts';
import * as m014 from './migrations/014_recommendation_follow_up.ts';
import * as m015 from './migrations/015_recommendation_instruments.ts';
import * as m016 from './migrations/016_recommendation_words.ts';
import * as m017 from './migrations/017_follow_up_withdrawal.ts';
import * as m018 from './migrations/018_cooperation.ts';
import * as m019 from './migrations/019_presence_history.ts';
import * as m020 from './migrations/020_event_notes.ts';
import * as m021 from './migrations/021_exchanges.ts';
import * as m022 from './migrations/022_obstacles.ts';
import * as m023 from './migrations/023_changes.ts';
import * as m024 from './migrations/024_sync.ts';
import * as m025 from './migrations/025_resolutions.ts';
import * as m026 from './migrations/026_report_drafts.ts';

// Migrations are listed here rather than read from a folder so that they work the same
// under tsx, in tests and in a bundled build.
const migrations: Record<string, Migration> = {
  '001_registry': m001,
  '002_treaty_events': m002,
  '003_treaty_snapshots': m003,
  '004_snapshot_notes': m004,
  '005_one_treaty_action_table': m005,
  '006_membership_snapshots': m006,
  '007_action_procedure': m007,
  '008_mechanism_acceptance_text': m008,
  '009_audit_and_topics': m009,
  '010_accounts_and_access': m010,
  '011_user_records': m011,
  '012_name_corrections': m012,
  '013_recommendations': m013,
  '014_recommendation_follow_up': m014,
  '015_recommendation_instruments': m015,
  '016_recommendation_words': m016,
  '017_follow_up_withdrawal': m017,
  '018_cooperation': m018,
  '019_presence_history': m019,
  '020_event_notes': m020,
  '021_exchanges': m021,
  '022_obstacles': m022,
  '023_changes': m023,
  '024_sync': m024,
  '025_resolutions': m025,
  '026_report_drafts': m026,
};

/** The migrations this version of Accord knows, in order: a backup names them, and a restore
 *  needs the same list. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Moves the database to a given migration, down or up (for tests of a migration). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
