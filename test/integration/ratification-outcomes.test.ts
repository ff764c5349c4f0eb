// The outcomes of UPR recommendations to ratify, on each database, against cases worked by hand
// from ../shared/data: the UPR Info export of sessions 18-20 and of sessions 06-09 (which
// States recommended what to Fiji, and its response), the sessions' dates (data/reference/
// upr-sessions.csv: session 7 in February 2010, session 20 over October and November 2014, so
// dated to the year), and the UN Treaty Collection's pages of 2026 (Fiji ratified CAT on 14 March
// 2016 and CRPD on 7 June 2017, acceded to CEDAW on 28 August 1995; it is not party to ICCPR-OP2).
// The shared data hold no ratification known only to its year that follows a recommendation, so
// the test enters one through the write path (Fiji accedes to ICCPR-OP2 "in 2016"), and a
// recommendation to ratify an instrument Accord holds no treaty status for (Haiti, IACPPT),
// imported through Accord's template. Then: the facet, a reviewer's rejection (the row leaves
// the outcomes, and the review outlives a re-link), and the CSV.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importAll } from '../../src/importers/all.ts';
import { importRecommendationTemplate } from '../../src/importers/recommendations-csv/import.ts';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { referenceLinker } from '../../src/modules/recommendation-instruments/reference-linker.ts';
import { relinkUseCase } from '../../src/modules/recommendation-instruments/store.ts';
import { createTreatyAction } from '../../src/modules/treaty-status/entered-actions.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const FIXTURE = new URL('../fixtures/ratify-no-data.csv', import.meta.url).pathname;
const TEST_SOURCE = { title: 'Written for the outcomes test: not a real act', url: 'https://example.org/outcomes-test', kind: 'official' as const, retrieved: '2026-01-15' };

interface Item {
  session: number;
  date: string;
  rows: number;
  standing: string;
  windows: Record<string, string> | null;
  act: { kind: string; date: string; sources: string[] } | null;
  instrument: { code: string };
}

for (const dialect of testDialects()) {
  describe(`outcomes of recommendations to ratify on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    const items = async (state: string, instrument: string, response = 'supported'): Promise<Item[]> => {
      const answer = await t.get(`/api/v1/recommendations/ratification-outcomes?state=${state}&instrument=${instrument}&response=${response}&by=state`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.items;
    };
    const session = (list: Item[], n: number) => list.find((i) => i.session === n);

    before(async () => {
      t = await seededApp(dialect);
      await importAll(t.db.db, sharedDataPath(), { skipInvalid: true });
      await importUprInfo(t.db.db, sharedDataPath('upr-info-terman'));
      await createTreatyAction(t.db.db, { instrument: 'ICCPR-OP2', participant: 'FJI', kind: 'accession', date: '2016', source: TEST_SOURCE }, systemContext('test'));
      const report = await importRecommendationTemplate(t.db.db, FIXTURE, { title: 'Written for the outcomes test', url: 'https://example.org/outcomes-test', kind: 'secondary' });
      assert.equal(report.files[0]?.status, 'imported', JSON.stringify(report));
      const account = await makeAccount(t.db.db, 'outcomes-admin@example.org', ['admin']);
      admin = (await signIn(t.app, account)).write;
    });
    after(async () => {
      await t.db.drop();
    });

    test('Fiji and CAT: not within a year, uncertain at two (a session dated to its year), followed within five', async () => {
      const list = await items('FJI', 'CAT');
      // Session 20: Algeria, Indonesia, Switzerland, Kenya, Sierra Leone, Italy, Chile, Portugal, Ghana
      // (Japan's and New Zealand's ask only to consider it). Ratified 14 March 2016: after the last day
      // of 2014 plus one year; within 2014-01-01 plus two years? no; after 2014-12-31 plus two? no.
      assert.deepEqual(session(list, 20), {
        session: 20,
        date: '2014',
        response: 'supported',
        instrument: { code: 'CAT', name: 'CAT' },
        rows: 9,
        standing: 'notParty',
        windows: { 1: 'notFollowed', 2: 'uncertain', 5: 'followed' },
        act: { kind: 'ratification', date: '2016-03-14', sources: ['import-untc-html-IV-9'], dataset: 'untc-html:IV-9' },
      });
      // Session 7 (February 2010): Italy, Slovenia, Switzerland, Chile, Germany; six years later.
      assert.equal(session(list, 7)?.rows, 5);
      assert.deepEqual(session(list, 7)?.windows, { 1: 'notFollowed', 2: 'notFollowed', 5: 'notFollowed' });
    });

    test('Fiji and CRPD: followed within five years of session 20 only; the table counts rows and distinct sessions', async () => {
      const answer = await t.get('/api/v1/recommendations/ratification-outcomes?state=FJI&instrument=CRPD&response=supported&by=state');
      const [row] = answer.body.rows;
      assert.deepEqual(row.total, { rows: 5, distinct: 2 }); // session 7: Spain, Argentina; session 20: Kenya, Spain, Vanuatu
      assert.deepEqual(row.windows['5'].followed, { rows: 3, distinct: 1 });
      assert.deepEqual(row.windows['5'].notFollowed, { rows: 2, distinct: 1 });
      assert.deepEqual(row.windows['2'].notFollowed, { rows: 5, distinct: 2 }); // 7 June 2017 is after 2016-12-31
      assert.ok(answer.body.sources.some((s: { id: string }) => s.id === 'import-untc-html-IV-15'));
      assert.match(answer.body.rule.dates, /span/);
    });

    test('Fiji and CEDAW: already party (accession of 1995) is shown apart', async () => {
      const [item] = await items('FJI', 'CEDAW');
      assert.equal(item?.standing, 'alreadyParty');
      assert.equal(item?.windows, null);
      assert.deepEqual(item?.act && { kind: item.act.kind, date: item.act.date }, { kind: 'accession', date: '1995-08-28' });
    });

    test('an act known only to its year: uncertain where the year makes the window ambiguous', async () => {
      const list = await items('FJI', 'ICCPR-OP2');
      // Accession "2016" (entered), session 20 dated 2014: within one year no (2016-01-01 > 2015-12-31),
      // within two uncertain (2016-12-31 > 2016-01-01, 2016-01-01 <= 2016-12-31), within five yes.
      assert.equal(session(list, 20)?.rows, 3); // Germany, Estonia, Portugal
      assert.deepEqual(session(list, 20)?.windows, { 1: 'notFollowed', 2: 'uncertain', 5: 'followed' });
      assert.equal(session(list, 20)?.act?.date, '2016');
      // Session 7 (February 2010): 2016 is after 2010-02-28 plus five years.
      assert.equal(session(list, 7)?.rows, 4); // Spain, Switzerland, Chile, Argentina
      assert.deepEqual(session(list, 7)?.windows, { 1: 'notFollowed', 2: 'notFollowed', 5: 'notFollowed' });
    });

    test('an instrument with no treaty-status data: "no data", never "not ratified"', async () => {
      const answer = await t.get('/api/v1/recommendations/ratification-outcomes?state=HTI&instrument=IACPPT&response=supported&by=state');
      assert.equal(answer.body.items[0]?.standing, 'noData');
      assert.equal(answer.body.rows[0].windows['1'].notFollowed.rows, 0);
      assert.deepEqual(answer.body.treatyData, [{ instrument: 'IACPPT', hasData: false, asOf: null, sources: [] }]);
    });

    test('the instrument facet and filter of the search', async () => {
      const answer = await t.get('/api/v1/recommendations?state=FJI&instrument=CAT');
      // Every row to Fiji linked to CAT, whatever the action: the nine and five above, and the five that ask to consider it.
      assert.equal(answer.body.total, 19);
      assert.deepEqual(
        answer.body.facets.instrument.find((f: { value: string }) => f.value === 'CAT'),
        { value: 'CAT', label: 'CAT', count: 19 },
      );
      const bad = await t.get('/api/v1/recommendations?instrument=not%20a%20code');
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(bad.body), /instrument/);
    });

    test('a rejected link leaves the outcomes; the review outlives a relink', async () => {
      const list = await t.get('/api/v1/recommendations/instrument-links?state=FJI&instrument=CAT&action=ratify&limit=200');
      assert.equal(list.body.total, 14);
      const algeria = list.body.items.find((i: { recommendation: { text: string } }) => i.recommendation.text === 'Ratify CAT');
      assert.equal(algeria.link.matched, 'CAT');
      const path = `/api/v1/recommendations/${algeria.recommendation.id}/instrument-links/CAT/ratify/review`;
      const put = (ifMatch: string | null) =>
        t.app.request(path, { method: 'PUT', headers: { ...admin, ...(ifMatch ? { 'If-Match': ifMatch } : {}) }, body: JSON.stringify({ verdict: 'rejected', note: 'test' }) });
      assert.equal((await put(null)).status, 428);
      const done = await put('"v0"');
      assert.equal(done.status, 200, await done.clone().text());
      assert.equal((await put('"v0"')).status, 412);
      assert.equal(session(await items('FJI', 'CAT'), 20)?.rows, 8);
      const detail = await t.get(`/api/v1/recommendations/${algeria.recommendation.id}`);
      assert.deepEqual(
        detail.body.instrumentLinks.map((l: any) => [l.instrument, l.action, l.matched, l.review?.verdict, l.version]),
        [['CAT', 'ratify', 'CAT', 'rejected', 1]],
      );
      await runUseCase(t.db.db, relinkUseCase, { linker: referenceLinker() }, systemContext('test'));
      assert.equal(session(await items('FJI', 'CAT'), 20)?.rows, 8);
    });

    test('by region, and the CSV', async () => {
      const answer = await t.get('/api/v1/recommendations/ratification-outcomes?instrument=CAT&by=region&region=APG');
      assert.equal(answer.status, 200);
      assert.ok(answer.body.rows.every((r: { region: { code: string } }) => r.region.code === 'APG'));
      const csv = await t.app.request('/api/v1/recommendations/ratification-outcomes/csv?state=FJI&instrument=CAT&response=supported');
      const text = await csv.text();
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(text.split('\r\n')[1] ?? '', /^CAT,CAT,,,supported,13,2,/); // after the rejection: 8 + 5 rows
    });
  });
}
