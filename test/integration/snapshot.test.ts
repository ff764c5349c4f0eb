// The shipped snapshot of imported treaty data (data/snapshot): rebuilt from ../shared/data it
// is byte for byte the shipped one (so it cannot drift from the importers), it stays small, and
// on each database it loads into a fresh registry (real status on a first start), is not loaded
// twice, is replaced by a newer one, and never overwrites what a user imported.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importUntcYears } from '../../src/importers/untc-years/import.ts';
import { instrumentStatus } from '../../src/modules/treaty-status/service.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { buildSnapshot } from '../../src/snapshot/build.ts';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FILE, type SnapshotRecord } from '../../src/snapshot/format.ts';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

describe('the shipped snapshot', () => {
  test('is what `accord snapshot build ../shared/data` makes today, and under 5 MB', { skip: skipWithoutSharedData() }, async () => {
    const built = await buildSnapshot(sharedDataPath());
    const shipped = decodeSnapshot(readFileSync(SNAPSHOT_FILE)).records;
    const key = (r: SnapshotRecord) => JSON.stringify(r);
    const shippedKeys = new Set(shipped.map(key));
    const missing = built.records.filter((r) => !shippedKeys.has(key(r))).slice(0, 3);
    assert.deepEqual(missing, [], 'the shipped snapshot lacks facts the importers produce: run `npx accord snapshot build ../shared/data`');
    assert.equal(shipped.length, built.records.length, 'the shipped snapshot holds facts the importers no longer produce: rebuild it');
    assert.ok(Buffer.compare(built.bytes, readFileSync(SNAPSHOT_FILE)) === 0, 'same records, same bytes');
    assert.ok(statSync(SNAPSHOT_FILE).size < 5 * 1024 * 1024);
  });

  test('holds every fact with its source and provenance', () => {
    const { records } = decodeSnapshot(readFileSync(SNAPSHOT_FILE));
    const sources = new Set(records.filter((r) => r.type === 'source').map((r) => (r as { id: string }).id));
    const datasets = records.filter((r) => r.type === 'dataset');
    assert.ok(datasets.some((d) => d.type === 'dataset' && d.id === 'untc-html:IV-4' && d.asOf === '2026-02-03'));
    for (const r of records) {
      if (r.type === 'dataset') assert.ok(sources.has(r.sourceId), r.id);
      if (r.type === 'action') assert.ok(r.sources.length > 0 && r.sources.every((s) => sources.has(s)) && r.file && r.row > 0, `${r.dataset} ${r.seq}`);
      if (r.type === 'name') assert.ok(sources.has(r.sourceId));
    }
  });
});

for (const dialect of testDialects()) {
  describe(`loading the snapshot on ${dialect}`, () => {
    let database: TestDb;
    let work: string;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
      work = mkdtempSync(join(tmpdir(), 'accord-snapshot-'));
    });
    after(async () => {
      await database?.drop();
      rmSync(work, { recursive: true, force: true });
    });

    test('a fresh registry gets the full UN treaty status and official names; a second load does nothing', async () => {
      const first = await loadSnapshot(database.db);
      assert.equal(first.outcome, 'loaded');
      assert.ok(first.datasets >= 80 && first.names > 2000);
      const iccpr = await instrumentStatus(database.db, 'ICCPR', '2026-02-03');
      assert.equal(iccpr.counts.party, 175);
      assert.equal(iccpr.states.find((s) => s.iso3 === 'FRA')!.status, 'party');
      const name = await database.db
        .selectFrom('entity_name')
        .select('value')
        .where('entity_id', '=', 'BOL')
        .where('priority', '=', 2)
        .where('lang', '=', 'en')
        .where('kind', '=', 'name')
        .executeTakeFirst();
      assert.equal(name?.value, 'Bolivia (Plurinational State of)', 'the official UNTERM name');
      assert.equal((await loadSnapshot(database.db)).outcome, 'unchanged');
    });

    test('a newer snapshot replaces what an older one wrote, and keeps what a user imported', async () => {
      const { records } = decodeSnapshot(readFileSync(SNAPSHOT_FILE));
      // The user imports their own copy of one year-level list (one row changed).
      const original = readFileSync(sharedDataPath('untc-core-ratification-wpdl', 'hr_status_cat.csv'), 'utf8');
      const own = join(work, 'hr_status_cat.csv');
      writeFileSync(own, original.replace('BB,Barbados,0,,0,1,no action', 'BB,Barbados,0,,1,0,signatory state'));
      const mine = await importUntcYears(database.db, own);
      assert.deepEqual(
        mine.files.map((f) => f.status),
        ['imported'],
      );
      // A newer shipped snapshot: one page lost its last act, and the year-level CAT list changed too.
      const dropped = records.filter((r) => r.type === 'action' && r.dataset === 'untc-html:IV-5').at(-1)!;
      // ... and one table is no longer shipped at all.
      const gone = 'csv:afchpr-protocol-parties-2020-12-news';
      const newer = records
        .filter((r) => r !== dropped && !('dataset' in r && r.dataset === gone) && !(r.type === 'dataset' && r.id === gone))
        .map((r) => (r.type === 'dataset' && (r.id === 'untc-html:IV-5' || r.id === 'untc-years:CAT') ? { ...r, contentHash: `${r.contentHash}-newer` } : r));
      const file = join(work, 'newer.jsonl.gz');
      writeFileSync(file, encodeSnapshot(newer));
      const loaded = await loadSnapshot(database.db, file);
      assert.deepEqual([loaded.outcome, loaded.datasets, loaded.kept], ['loaded', 2, ['untc-years:CAT']], "one dataset replaced, one removed, the user's kept");
      assert.equal(await database.db.selectFrom('import_dataset').select('id').where('id', '=', gone).executeTakeFirst(), undefined, 'what the newer snapshot no longer ships is gone');
      assert.equal((await database.db.selectFrom('treaty_snapshot').select('seq').where('dataset_id', '=', gone).execute()).length, 0);
      const op1 = await database.db.selectFrom('treaty_action').select('seq').where('dataset_id', '=', 'untc-html:IV-5').execute();
      assert.equal(op1.length, records.filter((r) => r.type === 'action' && r.dataset === 'untc-html:IV-5').length - 1);
      const barbados = await database.db.selectFrom('treaty_snapshot').select('status').where('dataset_id', '=', 'untc-years:CAT').where('participant_id', '=', 'BRB').executeTakeFirstOrThrow();
      assert.equal(barbados.status, 'signatory', "the user's import stays");
    });
  });
}
