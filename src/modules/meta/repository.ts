// Small facts about the database itself: the reference hash (which reference data were last
// seeded), the database's identity (drawn when it was created) and the version of each topic
// of data (replaced by every write that touches the topic).
import { randomUUID } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isTopic, type Topic } from '../../shared/topics.ts';

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** What identifies the data of this database: its own id and the version of every topic. */
export interface DataVersions {
  databaseId: string;
  topics: Map<Topic, string>;
  /** When the versions were read, in the order of this process's reads: a later read never
   *  shows older data, so of two readings the one with the higher number is the news. */
  readNumber: number;
}

let reads = 0;

type VersionRow = { topic: string; version: string };

/** The reading's statement, compiled once per connection: building and compiling it through
 *  Kysely took twice as long as running it on SQLite (about 40 µs of 60), on every request. */
const compiledReadings = new WeakMap<Kysely<Database>, CompiledQuery<VersionRow>>();

function readingOf(db: Kysely<Database>): CompiledQuery<VersionRow> {
  let compiled = compiledReadings.get(db);
  if (!compiled) {
    compiled = db
      .selectFrom('meta')
      .select(['key as topic', 'value as version'])
      .where('key', '=', 'database_id')
      .unionAll(db.selectFrom('topic_version').select(['topic', 'version']))
      .compile();
    compiledReadings.set(db, compiled);
  }
  return compiled;
}

/** One statement for both: on PostgreSQL they come from one snapshot, and a reading costs one
 *  round trip (the response cache reads them for every request, sharing readings under load). */
export async function readDataVersions(db: Kysely<Database>): Promise<DataVersions> {
  const readNumber = ++reads;
  const { rows } = await db.executeQuery(readingOf(db));
  let databaseId = 'unmigrated';
  const topics = new Map<Topic, string>();
  for (const row of rows) {
    if (row.topic === 'database_id') databaseId = row.version;
    else if (isTopic(row.topic)) topics.set(row.topic, row.version);
  }
  return { databaseId, topics, readNumber };
}

/** Gives each topic a new version no earlier database or write has had. */
export async function replaceTopicVersions(db: Kysely<Database>, topics: readonly Topic[]): Promise<void> {
  for (const topic of new Set(topics)) {
    const version = randomUUID();
    await db
      .insertInto('topic_version')
      .values({ topic, version })
      .onConflict((oc) => oc.column('topic').doUpdateSet({ version }))
      .execute();
  }
}

/** One string for the whole state of the data: changes with any write, and with the database. */
export async function readDataFingerprint(db: Kysely<Database>): Promise<string> {
  const { databaseId, topics } = await readDataVersions(db);
  return [databaseId, ...[...topics].sort(([a], [b]) => a.localeCompare(b)).map(([t, v]) => `${t}=${v}`)].join('|');
}
