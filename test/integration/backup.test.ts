// `accord backup` and `accord restore` (docs/BACKUP.md): a populated database backed up and
// restored into the other kind of database compares equal, table by table and row by row; the
// restore records itself once, after the restored records; a backup is recorded too, and never
// leaves a half file; a target holding data, and a file cut short, changed or hostile, are
// refused with a message naming what is wrong, and nothing is written.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { openDb, type Dialect } from '../../src/db/connection.ts';
import { TABLES, type Database } from '../../src/db/schema.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { auditTrail } from '../../src/modules/audit/service.ts';
import { writeBackup } from '../../src/modules/backup/backup.ts';
import { tablesHoldingRows } from '../../src/modules/backup/repository.ts';
import { restoreBackup } from '../../src/modules/backup/restore.ts';
import { BACKUP_TABLES, OWN_ROWS } from '../../src/modules/backup/tables.ts';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { updateOrganization } from '../../src/modules/organizations/write.ts';
import { prepareDatabase } from '../../src/reference/prepare.ts';
import { sharedDataPath } from '../support/shared-data.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;
const context = () => systemContext('test', 'backup test');

/** What `accord serve` loads at start (reference data, shipped snapshot), an edit through the
 *  write path, and accounts written as the accounts module will (it has no repository yet). */
async function populate(database: TestDb, options: { snapshot: boolean }): Promise<void> {
  await prepareDatabase(database, () => {}, options);
  await importUprInfo(database.db, sharedDataPath('upr-info-terman', 'sessions-18-20', 'upr_voluntary_pledges_sessions_01-19.csv'));
  await updateOrganization(database.db, { id: 'au', website: 'https://au.int/en', source: 'pkg-i18n-iso-countries', expectedVersion: 1 }, context());
  const now = '2026-05-01T10:00:00.000Z';
  await database.db
    .insertInto('user_account')
    .values([
      {
        id: 'u1',
        email: 'ada@example.org',
        display_name: 'Ada "Ad" Lovelace\n— ضيف 客人 🙂',
        lang: 'ar',
        password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        status: 'active',
        totp_secret: 'JBSWY3DPEHPK3PXP',
        totp_last_step: 59_000_000,
        created_at: now,
        password_changed_at: now,
        row_version: 1,
      },
      {
        id: 'u2',
        email: 'erased:u2',
        display_name: '',
        lang: 'en',
        password_hash: null,
        status: 'erased',
        totp_secret: null,
        totp_last_step: null,
        created_at: now,
        password_changed_at: null,
        row_version: 3,
      },
    ])
    .execute();
  await database.db.insertInto('user_role').values({ user_id: 'u1', role: 'editor', scope_kind: 'organization', scope_id: 'au' }).execute();
  await database.db
    .insertInto('api_token')
    .values({ id: 't1', user_id: 'u1', name: 'sync', token_hash: 'f'.repeat(64), created_at: now, expires_at: '2027-05-01T10:00:00.000Z', last_used_at: null, revoked_at: null })
    .execute();
  await database.db
    .insertInto('user_session')
    .values({ token_hash: 'e'.repeat(64), user_id: 'u1', created_at: now, last_seen_at: now, expires_at: '2026-05-02T10:00:00.000Z' })
    .execute();
  await database.db.insertInto('throttle').values({ key: 'address:192.0.2.1', window_start: now, failures: 2, locked_until: null }).execute();
}

/** Every table's rows as sorted canonical JSON (order-independent, columns by name). */
async function contents(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    all[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .map((key) => [key, row[key]]),
        ),
      )
      .sort();
  }
  return all;
}

const allEmpty = async (database: TestDb) => assert.deepEqual(await tablesHoldingRows(database.db, TABLES, OWN_ROWS), [], 'nothing was written');

/** The lines of a backup, and a writer that makes a file of changed lines with a true checksum. */
const linesOf = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(0, -1);
function writeLines(file: string, lines: string[], options: { checksum?: 'recompute' | 'keep' } = {}): string {
  const body = lines.slice(0, -1);
  const end = JSON.parse(lines.at(-1)!);
  if (options.checksum !== 'keep')
    end.end.sha256 = createHash('sha256')
      .update(body.map((l) => `${l}\n`).join(''))
      .digest('hex');
  writeFileSync(file, gzipSync(`${[...body, JSON.stringify(end)].join('\n')}\n`));
  return file;
}

const dialects = testDialects();
/** Into the other kind of database; into the same when only one is available. */
const pairs: [Dialect, Dialect][] =
  dialects.length > 1
    ? [
        ['sqlite', 'postgres'],
        ['postgres', 'sqlite'],
      ]
    : [[dialects[0]!, dialects[0]!]];

describe('backup and restore', () => {
  let dir: string;
  const sources = new Map<Dialect, TestDb>();
  const targets: TestDb[] = [];
  const target = async (dialect: Dialect) => {
    const database = await createTestDb(dialect);
    targets.push(database);
    return database;
  };
  /** A backup of the populated database of this kind, made once. */
  const backups = new Map<Dialect, { file: string; before: Record<string, string[]> }>();
  let small: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-backup-'));
    for (const dialect of dialects) {
      const database = await createTestDb(dialect);
      sources.set(dialect, database);
      await populate(database, { snapshot: true });
      const before = await contents(database.db);
      const file = join(dir, `${dialect}.backup.jsonl.gz`);
      // Small pages: the keyset paging crosses many page boundaries in every large table.
      await writeBackup(database, file, { context: context(), pageRows: 97 });
      backups.set(dialect, { file, before });
    }
    // For the refusals: a smaller backup (no shipped snapshot) keeps each failed restore quick.
    const database = await target(dialects[0]!);
    await populate(database, { snapshot: false });
    small = join(dir, 'small.backup.jsonl.gz');
    await writeBackup(database, small, { context: context() });
  });
  after(async () => {
    for (const database of [...sources.values(), ...targets]) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [from, to] of pairs) {
    test(`a populated ${from} database restored into ${to} compares equal, and records the restore once`, async () => {
      const { file } = backups.get(from)!;
      const before = structuredClone(backups.get(from)!.before);
      const restored = await target(to);
      const summary = await restoreBackup(restored, file, { context: systemContext('test', 'moving house') });
      const afterRestore = await contents(restored.db);

      // The restore's own record: one, after the restored ones, naming the backup.
      const sourceIds = before.audit_record!.map((r) => Object.fromEntries(JSON.parse(r)).id as number);
      const [record, ...others] = await auditTrail(restored.db, { useCase: 'backup.restore', limit: 10 });
      assert.equal(others.length, 0);
      assert.equal(record!.id, Math.max(...sourceIds) + 1);
      assert.equal(record!.action, 'restore');
      assert.equal(record!.entityKind, 'backup');
      assert.equal(record!.entityId, summary.sha256);
      assert.equal(record!.reason, 'moving house');
      assert.match(record!.summary, new RegExp(`a ${from} backup made ${summary.createdAt}: \\d+ rows in ${BACKUP_TABLES.length} tables: .*treaty_action \\(\\d+\\)`));
      afterRestore.audit_record = afterRestore.audit_record!.filter((r) => Object.fromEntries(JSON.parse(r)).id !== record!.id);

      // What differs by design: the target keeps its own identity, the restore (a write)
      // renews every topic's version, and sessions and failed sign-ins are not carried.
      const identity = (rows: string[]) => rows.filter((r) => r.includes('"database_id"'));
      assert.equal(identity(afterRestore.meta!).length, 1);
      assert.notDeepEqual(identity(afterRestore.meta!), identity(before.meta!));
      const topics = (rows: string[]) => rows.map((r) => Object.fromEntries(JSON.parse(r)).topic).sort();
      assert.deepEqual(topics(afterRestore.topic_version!), topics(before.topic_version!));
      assert.equal(afterRestore.topic_version!.filter((r) => before.topic_version!.includes(r)).length, 0, 'every version renewed');
      assert.deepEqual([afterRestore.user_session, afterRestore.throttle], [[], []]);
      assert.equal(before.user_session!.length + before.throttle!.length, 2);
      for (const rows of [before, afterRestore]) {
        rows.meta = rows.meta!.filter((r) => !r.includes('"database_id"'));
        for (const table of ['topic_version', 'user_session', 'throttle']) delete rows[table];
      }
      assert.ok(before.treaty_action!.length > 10_000 && before.user_account!.length === 2);
      for (const table of Object.keys(before)) assert.deepEqual(afterRestore[table], before[table], table);

      // The restored database goes on: the next write's record follows the restore's.
      const au = await restored.db.selectFrom('organization').select('row_version').where('id', '=', 'au').executeTakeFirstOrThrow();
      await updateOrganization(restored.db, { id: 'au', founded: '2002', source: 'pkg-i18n-iso-countries', expectedVersion: au.row_version }, context());
      const [next] = await auditTrail(restored.db, { limit: 1 });
      assert.equal(next!.id, record!.id + 1);
      assert.equal(next!.useCase, 'organizations.update');
    });
  }

  test('the backup is recorded in its source after the dump: not in the file, and it changes no topic', async () => {
    const [dialect] = dialects;
    const { file, before } = backups.get(dialect!)!;
    const [record] = await auditTrail(sources.get(dialect!)!.db, { limit: 1 });
    assert.equal(record!.useCase, 'backup.create');
    assert.equal(record!.action, 'backup');
    assert.equal(record!.reason, 'backup test');
    assert.equal((record!.after as { file: string }).file, file);
    const lines = linesOf(file);
    assert.equal(record!.entityId, JSON.parse(lines.at(-1)!).end.sha256, 'named by its checksum');
    const header = JSON.parse(lines[0]!);
    assert.equal(header.tables.find((t: { name: string }) => t.name === 'audit_record').rows, before.audit_record!.length);
    assert.deepEqual((await contents(sources.get(dialect!)!.db)).topic_version, before.topic_version);
    assert.ok(!lines.some((l) => l.includes('"user_session"') || l.includes('"throttle"')), 'sessions and failed sign-ins are left out');
    assert.ok(!lines.some((l) => l.includes('"database_id"')), "the database's identity is left out");
  });

  test('a database holding data is refused, naming its tables, and nothing is written', async () => {
    for (const dialect of dialects) {
      const database = sources.get(dialect)!;
      const before = await contents(database.db);
      await assert.rejects(
        restoreBackup(database, backups.get(dialect)!.file, { context: context() }),
        /^Error: nothing was restored: .* is not empty: .*Tables holding rows: source \(\d+\), region \(29\)/,
      );
      assert.deepEqual(await contents(database.db), before);
    }
  });

  test('a file missing, not a backup, cut short or changed is refused, and nothing is written', async () => {
    const file = small;
    const bytes = readFileSync(file);
    const lines = linesOf(file);
    const damaged = Buffer.from(bytes);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    // A text that is no key, so that every row still goes in and only the checksum can tell.
    const actions = lines.findIndex((l) => l.startsWith('{"table":"treaty_action"'));
    const changed = lines.map((l, i) => (i === actions + 5 ? JSON.stringify(JSON.parse(l).map((v: unknown, j: number) => (j === 5 ? 'changed' : v))) : l));
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    const cases: [string, string, RegExp][] = [
      ['missing', join(dir, 'missing.gz'), /missing\.gz: no such file/],
      ['not gzip', write('plain.txt', 'hello\n'), /plain\.txt: not an Accord backup: it is not gzip-compressed/],
      ['gzip of something else', write('other.gz', gzipSync('{"a":1}\n')), /other\.gz, line 1: not an Accord backup header/],
      ['cut short', write('short.gz', bytes.subarray(0, bytes.length >> 1)), /short\.gz: the compressed data stop short: the file is truncated/],
      ['a byte changed', write('damaged.gz', damaged), /damaged\.gz(, line \d+)?: /],
      ['a value changed', writeLines(join(dir, 'changed.gz'), changed, { checksum: 'keep' }), /changed\.gz, line \d+: the checksum does not match the lines before it/],
      ['no end line', write('noend.gz', gzipSync(`${lines.slice(0, -1).join('\n')}\n`)), /noend\.gz: the file ends after line \d+ without its end line: it is truncated/],
      ['cut within a line', write('midline.gz', gzipSync(lines.join('\n').slice(0, -20))), /midline\.gz, line \d+: the file ends in the middle of this line/],
    ];
    for (const dialect of dialects) {
      const empty = await target(dialect);
      for (const [name, path, message] of cases) {
        await assert.rejects(restoreBackup(empty, path, { context: context() }), (error: Error) => {
          assert.match(error.message, /^nothing was restored: /, name);
          assert.match(error.message, message, name);
          return true;
        });
      }
      await allEmpty(empty);
      assert.deepEqual(await auditTrail(empty.db, { limit: 1 }), []);
    }
  });

  test('hostile or wrong content is refused naming the line, table and column, and nothing is written', async () => {
    const lines = linesOf(small);
    const header = JSON.parse(lines[0]!);
    const at = (table: string) => lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));
    const actions = at('treaty_action');
    const withLine = (index: number, line: string) => lines.map((l, i) => (i === index ? line : l));
    const actionRow = JSON.parse(lines[actions + 1]!);
    const headerWith = (change: object) => withLine(0, JSON.stringify({ ...header, ...change }));
    const cases: [string, string[], RegExp][] = [
      [
        'a table of no backup',
        withLine(at('region'), '{"table":"region\\"; drop table state; --","columns":["code"]}'),
        new RegExp(`line ${at('region') + 1}: "region\\\\"; drop table state; --" is not a table of an Accord backup`),
      ],
      ['a table out of order', withLine(at('region'), lines[at('state')]!), new RegExp(`line ${at('region') + 1}: table state where the header's order has region`)],
      ['an unknown column', withLine(actions, lines[actions]!.replace('"note"', '"password"')), new RegExp(`line ${actions + 1}: table treaty_action: "password" is not one of its columns`)],
      ['a missing column', withLine(actions, lines[actions]!.replace(',"note"', '')), /table treaty_action: the columns note are missing/],
      [
        'text in a number',
        withLine(actions + 1, JSON.stringify(actionRow.map((v: unknown, i: number) => (i === 1 ? 'abc' : v)))),
        new RegExp(`line ${actions + 2}: table treaty_action, column seq: expected a whole number, got "abc"`),
      ],
      ['a number in text', withLine(actions + 1, JSON.stringify(actionRow.map((v: unknown, i: number) => (i === 0 ? 12 : v)))), /table treaty_action, column dataset_id: expected text, got 12/],
      [
        'null where a value is needed',
        withLine(actions + 1, JSON.stringify(actionRow.map((v: unknown, i: number) => (i === 2 ? null : v)))),
        /column instrument_code: is null, but the column needs a value/,
      ],
      ['a short row', withLine(actions + 1, JSON.stringify(actionRow.slice(1))), /table treaty_action: a row of 18 values, for 19 columns/],
      ['an object as a value', withLine(actions + 1, JSON.stringify(actionRow.map((v: unknown, i: number) => (i === 1 ? { $gt: 1 } : v)))), /column seq: expected a whole number, got \{"\$gt":1\}/],
      [
        'a row too many',
        [...lines.slice(0, actions + 2), JSON.stringify(actionRow.map((v: unknown, i: number) => (i === 1 ? 999_999_999 : v))), ...lines.slice(actions + 2)],
        /table treaty_action: more rows than the \d+ the header counts/,
      ],
      ['a key twice', withLine(actions + 2, lines[actions + 1]!), /lines \d+-\d+, table treaty_action: the database refused the rows \(.+\)/],
      ['a row missing', lines.filter((_, i) => i !== actions + 1), /table treaty_action ends after \d+ rows, but the header counts \d+/],
      ['a row not in a table', [lines[0]!, '["x"]', ...lines.slice(1)], /line 2: a row before any table line/],
      ['a newer format', headerWith({ version: 2 }), /line 1: the backup is of format version 2; this Accord reads version 1/],
      ['other migrations', headerWith({ migrations: [...header.migrations, '999_future'] }), /line 1: the backup was made under migrations up to "999_future", this Accord is at \d{3}_\w+:/],
      ['a malformed header', headerWith({ createdAt: 'yesterday' }), /line 1: the header is malformed: createdAt/],
      ['a line of no kind', withLine(actions + 1, '{"drop":"state"}'), /neither a table line, a row nor the end line/],
      ['not JSON', withLine(actions + 1, '["a",'), new RegExp(`line ${actions + 2}: not a line of JSON`)],
    ];
    // What is refused does not depend on the database (the damaged files above show both roll back).
    {
      const empty = await target(dialects[0]!);
      for (const [name, changed, message] of cases) {
        const path = writeLines(join(dir, 'hostile.gz'), changed);
        await assert.rejects(restoreBackup(empty, path, { context: context() }), (error: Error) => {
          assert.match(error.message, message, name);
          return true;
        });
      }
      const long = writeLines(join(dir, 'long.gz'), withLine(actions + 1, JSON.stringify(actionRow.map((v: unknown, i: number) => (i === 9 ? 'x'.repeat(5000) : v)))));
      await assert.rejects(restoreBackup(empty, long, { context: context(), maxLineBytes: 4096 }), new RegExp(`line ${actions + 2}: longer than a backup line may be \\(4096 bytes\\)`));
      await allEmpty(empty);
      assert.deepEqual(await auditTrail(empty.db, { limit: 1 }), []);
    }
  });

  test('an existing file is kept unless forced; a backup that fails leaves no file and no record', async () => {
    const database = sources.get(dialects[0]!)!;
    const existing = join(dir, 'existing.gz');
    writeFileSync(existing, 'keep me');
    await assert.rejects(writeBackup(database, existing, { context: context() }), /existing\.gz exists: name another file, or add --force to replace it/);
    assert.equal(readFileSync(existing, 'utf8'), 'keep me');
    await writeBackup(database, existing, { context: context(), force: true });
    assert.equal(linesOf(existing).length > 20_000, true);
    await assert.rejects(writeBackup(database, join(dir, 'nowhere', 'x.gz'), { context: context() }), /The folder .*nowhere does not exist/);

    // SQLite keeps what its type affinity cannot convert: a backup refuses it mid-way, naming it.
    const broken = await target('sqlite');
    await prepareDatabase(broken, () => {}, { snapshot: false });
    const records = (await auditTrail(broken.db, { limit: 100 })).length;
    await sql`update region set level = 'two' where code = '002'`.execute(broken.db);
    const out = join(dir, 'broken', 'x.gz');
    mkdirSync(join(dir, 'broken'));
    await assert.rejects(
      writeBackup(broken, out, { context: context() }),
      /the backup to .*x\.gz stopped, nothing was written there: region row \d+ \(code="002"\), column level: expected a whole number, got "two"/,
    );
    assert.deepEqual(readdirSync(join(dir, 'broken')), [], 'no file, not even a partial one');
    assert.equal((await auditTrail(broken.db, { limit: 100 })).length, records, 'a backup that failed is not recorded');
  });

  test('the command line: backup, restore into a new database, and clear refusals without stack traces', async () => {
    const from = dialects.includes('sqlite') ? 'sqlite' : dialects[0]!;
    const to = dialects.includes('postgres') ? 'postgres' : from;
    const accord = (url: string, ...args: string[]) => run(process.execPath, [ACCORD, ...args], { env: { ...process.env, DATABASE_URL: url } });
    const fails = async (url: string, ...args: string[]) => {
      const error = await accord(url, ...args).then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      );
      assert.ok(error && error.code !== 0, `accord ${args.join(' ')} should fail`);
      assert.doesNotMatch(error.stderr, /\n\s+at /, 'no stack trace');
      return error.stderr;
    };
    const source = sources.get(from)!;
    const file = join(dir, 'cli.backup.jsonl.gz');
    const backup = await accord(source.url, 'backup', file, '--reason', 'before the move');
    assert.match(backup.stdout, new RegExp(`^backup of .* written to .*cli\\.backup\\.jsonl\\.gz: ${BACKUP_TABLES.length} tables, \\d+ rows, [\\d.]+ MB, in [\\d.]+ s`));
    assert.match(await fails(source.url, 'backup', file), /cli\.backup\.jsonl\.gz exists: name another file, or add --force/);

    const empty = await target(to);
    const restored = await accord(empty.url, 'restore', file, '--reason', 'the move');
    assert.match(restored.stdout, new RegExp(`^restored .*cli\\.backup\\.jsonl\\.gz into .*: ${BACKUP_TABLES.length} tables, \\d+ rows from a ${from} backup made `));
    const [record] = await auditTrail(empty.db, { useCase: 'backup.restore', limit: 1 });
    assert.equal(record!.actor, 'system:cli');
    assert.equal(record!.reason, 'the move');
    assert.match(await fails(empty.url, 'restore', file), /accord: nothing was restored: .* is not empty: a backup is restored only into an empty database/);
  });

  test('a database never migrated is migrated first, then restored', async () => {
    const fresh = openDb(`sqlite:${join(dir, 'fresh', 'new.db')}`);
    try {
      const summary = await restoreBackup(fresh, small, { context: context() });
      assert.equal((await auditTrail(fresh.db, { limit: 1 }))[0]!.entityId, summary.sha256);
      assert.equal(summary.rows, JSON.parse(linesOf(small).at(-1)!).end.rows);
    } finally {
      await fresh.destroy();
    }
  });
});
