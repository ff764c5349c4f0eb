// Seeding is idempotent, and broken reference data is refused whole, naming file, row and
// field, with the database left as it was.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadReferenceData } from '../../src/reference/load.ts';
import { REFERENCE_DIR } from '../../src/reference/read-files.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { readDataVersions } from '../../src/modules/meta/repository.ts';

import type { AppError } from '../../src/shared/errors.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

const versionsOf = async (db: TestDb['db']) => JSON.stringify([...(await readDataVersions(db)).topics]);

const TABLES = ['source', 'region', 'state', 'entity_name', 'organization', 'membership_event', 'instrument', 'mechanism', 'presence', 'presence_coverage', 'treaty_action'] as const;

async function counts(db: TestDb) {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

/** A copy of data/reference with one file changed. */
function brokenCopy(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-ref-'));
  cpSync(REFERENCE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

for (const dialect of testDialects()) {
  describe(`seed on ${dialect}`, () => {
    let db: TestDb;
    before(async () => {
      db = await createTestDb(dialect);
    });
    after(() => db.drop());

    test('seeding twice gives the same rows', async () => {
      const data = loadReferenceData();
      assert.equal(await seedReferenceData(db.db, data), 'loaded');
      const once = await counts(db);
      assert.equal(await seedReferenceData(db.db, data, { force: true }), 'loaded');
      assert.deepEqual(await counts(db), once);
      assert.equal(once.state, 197);
    });

    test('unchanged reference data are not written again, so the versions of the topics and the ETags stay', async () => {
      const data = loadReferenceData();
      await seedReferenceData(db.db, data);
      const version = await versionsOf(db.db);
      assert.equal(await seedReferenceData(db.db, data), 'unchanged');
      assert.equal(await versionsOf(db.db), version);
      const changed = { ...data, sources: data.sources.map((s, i) => (i === 0 ? { ...s, title: `${s.title} (corrected)` } : s)) };
      assert.equal(await seedReferenceData(db.db, changed), 'loaded');
      assert.notEqual(await versionsOf(db.db), version);
      await seedReferenceData(db.db, data);
    });

    test('a bad date in a membership file is refused naming file, row and field', () => {
      const dir = brokenCopy('organizations/coe.members.csv', (text) => {
        const lines = text.split('\n');
        lines[3] = lines[3]!.replace(/\d{4}-\d{2}-\d{2}/, '2022-02-30');
        return lines.join('\n');
      });
      try {
        assert.throws(
          () => loadReferenceData(dir),
          (error: AppError) => {
            const problem = error.details[0]!;
            assert.match(problem.file!, /coe\.members\.csv$/);
            assert.equal(problem.row, 4);
            assert.equal(problem.field, 'date');
            return true;
          },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('an unknown State code is refused, and a failed seed changes nothing', async () => {
      const before = await counts(db);
      const dir = brokenCopy('organizations/coe.members.csv', (text) => `${text.trimEnd()}\nXYZ,joined,2020-01-01,unverified,\n`);
      try {
        assert.throws(
          () => loadReferenceData(dir),
          (error: AppError) => error.details.some((d) => /XYZ is not a State/.test(d.reason) && /coe\.members\.csv$/.test(d.file ?? '')),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // A seed that fails half-way (here: a row violating a foreign key) rolls back whole.
      const data = loadReferenceData();
      const broken = {
        ...data,
        organizations: data.organizations.map((o, i) => (i === 0 ? { ...o, members: [...o.members, { iso3: 'XYZ', event: 'joined', date: '2020-01-01', sourceIds: [], note: null }] } : o)),
      };
      await assert.rejects(seedReferenceData(db.db, broken));
      assert.deepEqual(await counts(db), before);
    });
  });
}
