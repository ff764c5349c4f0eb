// The shipped readings of resolutions (data/snapshot/resolutions.json.gz): what the parser reads
// today from ../shared/data/resolutions, rebuilt and compared; loaded on both databases, a first
// start holds the 2004 text and its mandates without its text; an import of a shipped file adds
// the text; a resolution a user imported is kept when the snapshot loads again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { buildResolutionSnapshot } from '../../src/snapshot/resolutions/build.ts';
import { decodeResolutionSnapshot, RESOLUTION_SNAPSHOT_FILE } from '../../src/snapshot/resolutions/format.ts';
import { loadResolutionSnapshot } from '../../src/snapshot/resolutions/load.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { importResolution } from '../../src/modules/resolutions/write.ts';
import { createTestDb, type TestDb, testDialects } from '../support/databases.ts';
import { body2004, ID_2004 } from '../support/resolutions.ts';
import { SHARED_DATA, sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const skip = skipWithoutSharedData();

describe('the shipped readings of resolutions', () => {
  test('are what the parser reads from ../shared/data/resolutions today', { skip }, () => {
    const shipped = decodeResolutionSnapshot(readFileSync(RESOLUTION_SNAPSHOT_FILE));
    const built = buildResolutionSnapshot(SHARED_DATA);
    assert.deepEqual(
      shipped.readings.map((r) => r.path),
      built.readings.map((r) => r.path),
      'the same files',
    );
    for (const [i, r] of built.readings.entries()) {
      assert.deepEqual(shipped.readings[i], r, `${r.path}: the shipped reading is stale; run \`npx accord snapshot resolutions ../shared/data\``);
    }
    assert.ok(!shipped.readings.some((r) => r.path.startsWith('variants/')), 'a second extraction of a text is not shipped');
  });
});

for (const dialect of testDialects()) {
  describe(`loading the readings of resolutions on ${dialect}`, { skip }, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
    });
    after(async () => database?.drop());

    test('a first start holds the resolutions and mandates; an import adds a text; a user import is kept', async () => {
      const first = await loadResolutionSnapshot(database.db);
      assert.equal(first.outcome, 'loaded');
      assert.equal(first.stored, decodeResolutionSnapshot(readFileSync(RESOLUTION_SNAPSHOT_FILE)).readings.length);
      const r2004 = await database.db.selectFrom('resolution').selectAll().where('id', '=', ID_2004).executeTakeFirstOrThrow();
      assert.deepEqual([r2004.origin, r2004.source_text, r2004.symbol, r2004.adopted_on], ['reference', '', null, '2004-12-20']);
      const mandates = await database.db.selectFrom('mandate').select('anchor').where('resolution_id', '=', ID_2004).orderBy('position').execute();
      assert.ok(mandates.some((m) => m.anchor === 'op13'));
      assert.equal((await loadResolutionSnapshot(database.db)).outcome, 'unchanged', 'the same file is not read twice');

      const imported = await importResolution(database.db, body2004(), systemContext('test'));
      assert.equal(imported.status, 'replaced', 'importing the shipped file adds its text');
      const now = await database.db.selectFrom('resolution').select(['origin', 'source_text']).where('id', '=', ID_2004).executeTakeFirstOrThrow();
      assert.equal(now.origin, 'import');
      assert.equal(now.source_text, readFileSync(sharedDataPath('resolutions', 'GA-59-regional-arrangements-2004-12-20.txt'), 'utf8'));

      await database.db.deleteFrom('meta').where('key', '=', 'resolution_snapshot_hash').execute();
      const again = await loadResolutionSnapshot(database.db);
      assert.equal(again.outcome, 'loaded');
      assert.deepEqual(again.kept, ['local:ga-59-regional-arrangements-2004-12-20'], 'the import is kept');
      assert.equal(again.stored, 0, 'the other readings are already stored');
      const kept = await database.db.selectFrom('resolution').select('origin').where('id', '=', ID_2004).executeTakeFirstOrThrow();
      assert.equal(kept.origin, 'import');
    });
  });
}
