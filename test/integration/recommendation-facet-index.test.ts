// The facet index answers searches of recommendations exactly as SQL does, on each database:
// the same total, the same counts for every value of every facet (each facet ignoring its own
// filter), the same page in the same order, and the same cursor, page after page, newest or
// oldest first. It is used only for the data it was built from: after an import it stands
// aside until rebuilt, and searches meanwhile are answered by SQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importRecommendationTemplate } from '../../src/importers/recommendations-csv/import.ts';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { publicView } from '../../src/db/visibility.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { bulkFollowUpUseCase } from '../../src/modules/follow-up/bulk.ts';
import { recordFollowUp } from '../../src/modules/follow-up/write.ts';
import { buildFacetIndexInBackground, currentFacetIndex } from '../../src/modules/recommendations/facet-index.ts';
import { type RecommendationQuery, searchRecommendationsWithIndex, searchRecommendationsWithSql } from '../../src/modules/recommendations/service.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, type TestDb, testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Searches that use every facet as a filter, alone and together, with and without words. */
const QUERIES: RecommendationQuery[] = [
  {},
  { q: 'torture' },
  { q: 'rights of the child' },
  { q: 'albinism' },
  { q: 'nowordlikethis' },
  { state: 'KEN,FRA' },
  { q: 'women', response: 'supported', group: 'Africa' },
  { mechanism: 'UPR', kind: 'voluntary-pledge' },
  { recommender: 'NOR', session: '19' },
  { cycle: '2', theme: 'Death penalty' },
  { organization: 'AU', year: '2013,2014' },
  { q: 'ratify', theme: 'International instruments,Rights of the Child', response: 'noted' },
  { q: 'torture', state: 'KEN,UGA' },
  { instrument: 'ICCPR-OP2' },
  { q: 'ratify', instrument: 'CAT,CRPD', response: 'supported' },
  { state: 'QQQ' },
  { theme: 'No such theme' },
];

/** Each query's pages compared, up to this many. */
const PAGES = 3;

for (const dialect of testDialects()) {
  describe(`the facet index of recommendations on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let db: TestDb;

    before(async () => {
      db = await createTestDb(dialect);
      await seedReferenceData(db.db, loadReferenceData());
      await importUprInfo(db.db, sharedDataPath('upr-info-terman'));
      // Follow-up statuses (kept outside the index, counted against it): two bulk assignments, one of them later on a part of the other.
      await runUseCase(db.db, bulkFollowUpUseCase, { filter: { q: 'torture' }, body: { status: { status: 'in-progress', holdsFrom: '2020' } } }, systemContext('test'));
      await runUseCase(db.db, bulkFollowUpUseCase, { filter: { q: 'torture', state: 'KEN' }, body: { status: { status: 'implemented', holdsFrom: '2022-03' } } }, systemContext('test'));
      await buildFacetIndexInBackground(db.db);
    });
    after(async () => db?.drop());

    for (const sort of ['newest', 'oldest'] as const)
      test(`answers as SQL does, ${sort} first, page after page`, async () => {
        assert.ok(await currentFacetIndex(db.db), 'the index is built for the data as it is');
        for (const query of QUERIES) {
          let cursor: string | undefined;
          for (let page = 0; page < PAGES; page++) {
            const q = { ...query, sort, limit: 7, after: cursor, facets: 'true' as const };
            const fromIndex = await searchRecommendationsWithIndex(db.db, q, 'en');
            const fromSql = await searchRecommendationsWithSql(db.db, q, 'en');
            assert.deepEqual(fromIndex, fromSql, `${JSON.stringify(q)}`);
            cursor = fromSql.next ?? undefined;
            if (!cursor) break;
          }
        }
      });

    test('is one index for every view of the database: a reader of the public view uses the one built at start', async () => {
      assert.equal(await currentFacetIndex(publicView(db.db)), await currentFacetIndex(db.db));
      assert.ok(await currentFacetIndex(publicView(db.db)));
    });

    test('counts what it should: the total equals the rows, and a facet filter keeps the other values of its facet', async () => {
      const all = await searchRecommendationsWithIndex(db.db, {}, 'en');
      assert.equal(all.total, 42_013);
      const followUp = Object.fromEntries(all.facets!.followUp!.map((f) => [f.value, f.count]));
      const torture = (await searchRecommendationsWithSql(db.db, { q: 'torture' }, 'en')).total;
      const tortureInKenya = (await searchRecommendationsWithSql(db.db, { q: 'torture', state: 'KEN' }, 'en')).total;
      assert.deepEqual(followUp, { none: 42_013 - torture, 'in-progress': torture - tortureInKenya, implemented: tortureInKenya });
      const kenya = await searchRecommendationsWithIndex(db.db, { state: 'KEN' }, 'en');
      const kenyaFacet = kenya.facets!.state!.find((f) => f.value === 'KEN')!;
      assert.equal(kenyaFacet.count, kenya.total);
      assert.ok(kenya.facets!.state!.length > 1, 'other States are still counted');
      const responses = kenya.facets!.response!.reduce((n, f) => n + f.count, 0);
      assert.ok(responses <= kenya.total && responses > 0);
    });

    test('is kept through a follow-up write, whose status the next search counts', async () => {
      const before = await currentFacetIndex(db.db);
      const counted = async () => Object.fromEntries((await searchRecommendationsWithIndex(db.db, { q: 'albinism' }, 'en')).facets!.followUp!.map((f) => [f.value, f.count]));
      const earlier = await counted();
      const [one] = (await searchRecommendationsWithSql(db.db, { q: 'albinism', followUp: 'none', limit: 1 }, 'en')).items;
      await recordFollowUp(db.db, 'statuses', { recommendation: one!.id, body: { status: 'not-started', holdsFrom: '2021' } }, systemContext('test'));
      assert.equal(await currentFacetIndex(db.db), before, 'the same index answers');
      const later = await counted();
      assert.equal(later['not-started'], (earlier['not-started'] ?? 0) + 1);
      assert.equal(later.none, earlier.none! - 1);
    });

    test('stands aside after an import until rebuilt, and SQL answers meanwhile', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'accord-facet-index-'));
      const file = join(dir, 'one.csv');
      writeFileSync(file, 'mechanism,kind,state,date,text,language,response,themes\nCAT,recommendation,KEN,2020-05-01,Facet index test: criminalize torture,en,supported,Torture\n');
      await importRecommendationTemplate(db.db, file, { title: 'A row written for this test', url: 'https://example.org/test', kind: 'tertiary' });
      assert.equal(await currentFacetIndex(db.db), null, 'the index of the earlier data is not used');
      await assert.rejects(searchRecommendationsWithIndex(db.db, {}, 'en'), /could not answer/);
      const found = await searchRecommendationsWithSql(db.db, { q: 'facet index test' }, 'en');
      assert.equal(found.total, 1);
      await buildFacetIndexInBackground(db.db);
      const again = await searchRecommendationsWithIndex(db.db, { q: 'facet index test', mechanism: 'CAT' }, 'en');
      assert.deepEqual(
        again.items.map((i) => i.text),
        ['Facet index test: criminalize torture'],
      );
      assert.deepEqual(again, await searchRecommendationsWithSql(db.db, { q: 'facet index test', mechanism: 'CAT' }, 'en'));
    });
  });
}
