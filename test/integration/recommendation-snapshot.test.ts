// The shipped snapshot of UPR recommendations (data/snapshot/recommendations.jsonl.gz): rebuilt
// from ../shared/data it is byte for byte the shipped one; on each database the importer stores
// today exactly the shipped rows (same ids, tags and search text) as a load of the snapshot
// does; a fresh registry seeded with it answers the search with every row and the importer's
// counts per session; an unchanged snapshot is not loaded twice; a newer one replaces what an
// older one wrote and never a user's own import.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { prepareDatabase } from '../../src/reference/prepare.ts';
import { buildApp } from '../../src/server/app.ts';
import { recommendationSnapshotRecords, buildRecommendationSnapshot } from '../../src/snapshot/recommendations/build.ts';
import { decodeRecommendationSnapshot, encodeRecommendationSnapshot, RECOMMENDATION_SNAPSHOT_FILE, type RecommendationSnapshotRecord } from '../../src/snapshot/recommendations/format.ts';
import { loadRecommendationSnapshot } from '../../src/snapshot/recommendations/load.ts';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const shipped = () => decodeRecommendationSnapshot(readFileSync(RECOMMENDATION_SNAPSHOT_FILE));
const count = (records: RecommendationSnapshotRecord[], dataset: string) => records.filter((r) => r.type === 'recommendation' && r.dataset === dataset).length;

/** Every stored row with its tags, as the database holds them (seq aside, which only numbers rows). */
async function storedRows(db: TestDb['db']) {
  const rows = await db.selectFrom('recommendation').selectAll().orderBy('id').execute();
  const tags = await db
    .selectFrom('recommendation_tag')
    .innerJoin('recommendation', 'recommendation.seq', 'recommendation_tag.seq')
    .select(['recommendation.id', 'recommendation_tag.kind', 'recommendation_tag.value'])
    .execute();
  const tagsOf = new Map<string, string[]>();
  for (const t of tags) tagsOf.set(t.id, [...(tagsOf.get(t.id) ?? []), `${t.kind}:${t.value}`]);
  return rows.map(({ seq: _seq, ...row }) => ({ ...row, cycle: row.cycle === null ? null : Number(row.cycle), tags: (tagsOf.get(row.id) ?? []).sort() }));
}

describe('the shipped snapshot of recommendations', () => {
  test('is what `accord snapshot build ../shared/data` makes today: UPR Info sessions 1-20 and the pledges, under 5 MB', { skip: skipWithoutSharedData() }, async () => {
    const built = await buildRecommendationSnapshot(sharedDataPath());
    const records = shipped();
    const key = (r: RecommendationSnapshotRecord) => JSON.stringify(r);
    const shippedKeys = new Set(records.map(key));
    assert.deepEqual(built.records.filter((r) => !shippedKeys.has(key(r))).slice(0, 3), [], 'the shipped snapshot lacks rows the importer stores: run `npx accord snapshot build ../shared/data`');
    assert.equal(records.length, built.records.length, 'the shipped snapshot holds rows the importer no longer stores: rebuild it');
    assert.ok(Buffer.compare(built.bytes, readFileSync(RECOMMENDATION_SNAPSHOT_FILE)) === 0, 'same records, same bytes');
    assert.ok(statSync(RECOMMENDATION_SNAPSHOT_FILE).size < 5 * 1024 * 1024);
    const recommendations = records.filter((r) => r.type === 'recommendation');
    assert.equal(recommendations.length, 42_013);
    assert.equal(recommendations.filter((r) => r.kind === 'voluntary-pledge').length, 947);
    assert.equal(count(records, 'upr-info:recommendations:sessions-18-20'), 7_984);
    assert.equal(
      ['01-05', '06-09', '10-13', '14-17'].reduce((n, s) => n + count(records, `upr-info:recommendations:sessions-${s}`), 0),
      33_082,
    );
  });

  test('says where every row comes from: UPR Info, a secondary source', () => {
    const records = shipped();
    const sources = new Map(records.flatMap((r) => (r.type === 'source' ? [[r.id, r] as const] : [])));
    const datasets = new Map(records.flatMap((r) => (r.type === 'dataset' ? [[r.id, r] as const] : [])));
    for (const d of datasets.values()) {
      const source = sources.get(d.sourceId);
      assert.equal(source?.kind, 'secondary', d.id);
      assert.match(source!.title, /^UPR Info, Database of UPR recommendations/);
    }
    for (const r of records) if (r.type === 'recommendation') assert.ok(datasets.has(r.dataset) && r.row > 1, r.id);
  });
});

for (const dialect of testDialects()) {
  describe(`the snapshot of recommendations on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let imported: TestDb;
    let seeded: TestDb;
    let work: string;
    before(async () => {
      work = mkdtempSync(join(tmpdir(), 'accord-rec-snapshot-'));
      // A fresh install (migrations, reference data, the treaty snapshot) where someone ran
      // `accord import upr-info ../shared/data/upr-info-terman`...
      imported = await createTestDb(dialect);
      await prepareDatabase(imported, () => {}, { snapshot: false });
      await loadSnapshot(imported.db);
      const report = await importUprInfo(imported.db, sharedDataPath('upr-info-terman'));
      assert.equal(report.files.filter((f) => f.status === 'imported').length, 6);
      // ... and one that was only seeded, as `accord db seed` and `accord serve` do.
      seeded = await createTestDb(dialect);
      const log: string[] = [];
      await prepareDatabase(seeded, (line) => log.push(line));
      assert.ok(
        log.some((line) => /UPR recommendations loaded from the shipped snapshot: 42013 in 6 datasets/.test(line)),
        log.join('\n'),
      );
    });
    after(async () => {
      await imported?.drop();
      await seeded?.drop();
      rmSync(work, { recursive: true, force: true });
    });

    test('the importer stores today exactly the shipped rows, and a load of the snapshot the same rows, ids, tags and search text', async () => {
      const fromImport = await recommendationSnapshotRecords(imported.db);
      assert.ok(Buffer.compare(encodeRecommendationSnapshot(fromImport), readFileSync(RECOMMENDATION_SNAPSHOT_FILE)) === 0, 'rebuild the snapshot: the importer stores other rows now');
      assert.deepEqual(await storedRows(seeded.db), await storedRows(imported.db));
      const datasets = async (db: TestDb['db']) => db.selectFrom('import_dataset').select(['id', 'content_hash', 'accepted', 'source_id']).where('kind', '=', 'upr-info').orderBy('id').execute();
      assert.deepEqual(await datasets(seeded.db), await datasets(imported.db));
    });

    test('a seeded fresh registry answers the search with every row and the per-session counts of the importer', async () => {
      const app = buildApp({ db: seeded.db, logError: () => {} });
      const response = await app.request('/api/v1/recommendations?limit=1');
      assert.equal(response.status, 200);
      const body = (await response.json()) as { total: number; facets: Record<string, { value: string; count: number }[]> };
      assert.equal(body.total, 42_013);
      const perSession = await imported.db
        .selectFrom('recommendation')
        .select(['session', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('session')
        .execute();
      const expected = Object.fromEntries(perSession.map((s) => [String(s.session), Number(s.n)]));
      assert.equal(Object.keys(expected).length, 20);
      assert.deepEqual(Object.fromEntries(body.facets.session!.map((f) => [f.value, f.count])), expected);
    });

    test('an unchanged snapshot is not loaded again; a newer one replaces what the older wrote and keeps a user’s import', async () => {
      assert.equal((await loadRecommendationSnapshot(seeded.db)).outcome, 'unchanged');
      // The user imports their own copy of the export of sessions 1-5, one text corrected.
      const original = readFileSync(sharedDataPath('upr-info-terman', 'upr_recs_sessions_01-05.csv'), 'utf8');
      const own = join(work, 'upr_recs_sessions_01-05.csv');
      const corrected = original.replace('Continue its efforts', 'Continue its own efforts');
      assert.notEqual(corrected, original);
      writeFileSync(own, corrected);
      const mine = await importUprInfo(seeded.db, own);
      assert.deepEqual(
        mine.files.map((f) => [f.dataset, f.status]),
        [['upr-info:recommendations:sessions-01-05', 'imported']],
      );
      // A newer snapshot: sessions 1-5 and 6-9 changed (6-9 lost a row), the pledges no longer shipped.
      const records = shipped();
      const pledges = 'upr-info:voluntary-pledges:sessions-01-19';
      assert.ok(records.some((r) => r.type === 'dataset' && r.id === pledges));
      const dropped = records.find((r) => r.type === 'recommendation' && r.dataset === 'upr-info:recommendations:sessions-06-09');
      const newer = records
        .filter((r) => r !== dropped && !(r.type === 'recommendation' && r.dataset === pledges) && !(r.type === 'dataset' && r.id === pledges))
        .map((r) => (r.type === 'dataset' && r.id.match(/sessions-(01-05|06-09)$/) ? { ...r, contentHash: `${r.contentHash}-newer` } : r));
      const file = join(work, 'newer.jsonl.gz');
      writeFileSync(file, encodeRecommendationSnapshot(newer));
      const loaded = await loadRecommendationSnapshot(seeded.db, file);
      assert.deepEqual([loaded.outcome, loaded.datasets, loaded.kept], ['loaded', 2, ['upr-info:recommendations:sessions-01-05']], "one dataset replaced, one removed, the user's kept");
      const rows = async (dataset: string) =>
        Number(
          (
            await seeded.db
              .selectFrom('recommendation')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('dataset_id', '=', dataset)
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.equal(await rows(pledges), 0, 'what the newer snapshot no longer ships is gone');
      assert.equal(await rows('upr-info:recommendations:sessions-06-09'), count(records, 'upr-info:recommendations:sessions-06-09') - 1);
      const texts = await seeded.db
        .selectFrom('recommendation')
        .select('text')
        .where('dataset_id', '=', 'upr-info:recommendations:sessions-01-05')
        .where('text', 'like', '%Continue its own efforts%')
        .execute();
      assert.ok(texts.length > 0, "the user's import stays");
      assert.equal((await loadRecommendationSnapshot(seeded.db, file)).outcome, 'unchanged');
    });
  });
}
