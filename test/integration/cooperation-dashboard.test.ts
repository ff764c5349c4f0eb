// The programme's dashboard and a State's cooperation history, on both databases: the real
// aggregates of records entered here (counts by year, status, kind and region, participation
// sums with the events that have none, exact budget sums per currency, counts per State), only
// over what the asker may see (a restricted record counts for OHCHR, not for the public, and a
// cached answer never passes from one to the other), and a State's requests, projects, events,
// presences and the recommendations they answer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { LINKED_ID, storeLinkedRecommendation } from '../support/linked-recommendation.ts';
import { FICTIONAL_SOURCE } from '../support/projects.ts';

const DASHBOARD = '/api/v1/cooperation/dashboard?from=2024&to=2025';

const event = (id: string, start: string, country: string, extra: object = {}) => ({
  id,
  kind: 'national-training-course',
  title: `Fictional training course for testing (${id})`,
  start,
  city: 'Testville',
  country,
  source: FICTIONAL_SOURCE,
  ...extra,
});

const budgetLine = (periodStart: string, amount: string, currency: string) => ({
  periodStart,
  periodEnd: `${periodStart.slice(0, 4)}-12-31`,
  amount,
  currency,
  fundingSource: 'regular-budget',
});

async function ok(answer: Promise<{ status: number; text: string; body: any }>) {
  const a = await answer;
  assert.equal(a.status, 200, a.text);
  return a.body;
}

for (const dialect of testDialects()) {
  describe(`cooperation dashboard and a State's history on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    const admin = () => as.headers.admin;

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'coop-dashboard');
      await storeLinkedRecommendation(t);
      // A request of Kenya, restricted by default, answering a recommendation; one of Uganda made public.
      await ok(
        ask(t, 'POST', '/api/v1/requests', admin(), {
          state: 'KEN',
          authority: 'Fictional ministry',
          received: '2024-03-02',
          subject: 'Fictional request for testing',
          links: [{ kind: 'recommendation', ref: LINKED_ID }],
          source: FICTIONAL_SOURCE,
        }),
      );
      await ok(
        ask(t, 'POST', '/api/v1/requests', admin(), {
          state: 'UGA',
          authority: 'Fictional ministry',
          received: '2024-05-01',
          subject: 'Fictional public request for testing',
          confidentiality: 'public',
          source: FICTIONAL_SOURCE,
        }),
      );
      // A public project in Kenya (2024-2025) with amounts a float would round; a restricted one in Uganda (2024).
      await ok(
        ask(t, 'POST', '/api/v1/projects', admin(), {
          id: 'dash-public',
          title: 'Fictional public project for testing',
          status: 'implementation',
          plannedStart: '2024-02-01',
          plannedEnd: '2025-06-30',
          countries: [{ iso3: 'KEN' }],
          budget: [budgetLine('2024-01-01', '0.1', 'USD'), budgetLine('2024-02-01', '0.2', 'USD'), budgetLine('2025-01-01', '999999999999999.9999', 'JPY'), budgetLine('2025-02-01', '0.0001', 'JPY')],
          source: FICTIONAL_SOURCE,
        }),
      );
      await ok(
        ask(t, 'POST', '/api/v1/projects', admin(), {
          id: 'dash-restricted',
          title: 'Fictional restricted project for testing',
          status: 'pipeline',
          plannedStart: '2024-01-01',
          plannedEnd: '2024-12-31',
          countries: [{ iso3: 'UGA' }],
          budget: [budgetLine('2024-01-01', '500', 'USD')],
          confidentiality: 'restricted',
          audience: ['state:UGA'],
          source: FICTIONAL_SOURCE,
        }),
      );
      // Two public events in Kenya in 2024, one with counts; a restricted one in Uganda.
      await ok(ask(t, 'POST', '/api/v1/events', admin(), event('dash-counted', '2024-03-10', 'KEN')));
      await ok(ask(t, 'POST', '/api/v1/events', admin(), event('dash-uncounted', '2024-06', 'KEN')));
      await ok(ask(t, 'POST', '/api/v1/events', admin(), event('dash-restricted', '2024-09-01', 'UGA', { confidentiality: 'restricted', audience: ['state:UGA'] })));
      const counts = [
        { country: 'KEN', gender: 'women', headcount: 12 },
        { country: 'KEN', gender: 'men', headcount: 5 },
        { country: 'UGA', headcount: 3 },
      ];
      // A (fictional) period in which the East Africa office covered Kenya.
      await ok(ask(t, 'POST', '/api/v1/presences/ro-east-africa/coverage-periods', admin(), { iso3: 'KEN', from: '2020-01', until: '2022-06', source: FICTIONAL_SOURCE }));
      await ok(ask(t, 'PUT', '/api/v1/events/dash-counted/participation', admin(), { counts, source: FICTIONAL_SOURCE }, { 'If-Match': '"v1"' }));
    });
    after(async () => {
      await t.db.drop();
      assert.deepEqual(errors, []);
    });

    test('OHCHR counts every record, restricted ones included (asked first: its answer is cached)', async () => {
      const d = await ok(ask(t, 'GET', DASHBOARD, admin()));
      assert.deepEqual(d.requests.byStatus, [{ year: '2024', key: 'received', count: 2 }]);
      assert.deepEqual(d.projects.byStatus, [
        { year: '2024', key: 'implementation', count: 1 },
        { year: '2024', key: 'pipeline', count: 1 },
        { year: '2025', key: 'implementation', count: 1 },
      ]);
      assert.deepEqual(d.events.byKind, [{ year: '2024', key: 'national-training-course', count: 3 }]);
      assert.deepEqual(
        d.funds.filter((f: any) => f.currency === 'USD'),
        [{ year: '2024', fundingSource: 'regular-budget', currency: 'USD', amount: '500.30', lines: 3 }],
      );
      assert.deepEqual(
        d.countries.find((c: any) => c.iso3 === 'UGA'),
        { iso3: 'UGA', name: 'Uganda', requests: 1, projects: 1, events: 1 },
      );
    });

    test('the public counts only public records, with exact sums and the events without counts', async () => {
      const d = await ok(ask(t, 'GET', DASHBOARD, {}));
      assert.deepEqual(d.years, ['2024', '2025']);
      assert.deepEqual(d.requests.byStatus, [{ year: '2024', key: 'received', count: 1 }]);
      assert.deepEqual(d.requests.byRegion, [{ year: '2024', region: '002', count: 1 }]);
      assert.deepEqual(d.projects.byStatus, [
        { year: '2024', key: 'implementation', count: 1 },
        { year: '2025', key: 'implementation', count: 1 },
      ]);
      assert.deepEqual(d.events.byKind, [{ year: '2024', key: 'national-training-course', count: 2 }]);
      assert.deepEqual(d.events.byRegion, [{ year: '2024', region: '002', count: 2 }]);
      assert.deepEqual(d.participants, [
        {
          year: '2024',
          headcount: 20,
          byGender: [
            { gender: 'men', headcount: 5 },
            { gender: 'women', headcount: 12 },
            { gender: null, headcount: 3 },
          ],
          eventsCounted: 1,
          eventsWithoutCounts: 1,
        },
      ]);
      assert.deepEqual(d.funds, [
        { year: '2024', fundingSource: 'regular-budget', currency: 'USD', amount: '0.30', lines: 2 },
        { year: '2025', fundingSource: 'regular-budget', currency: 'JPY', amount: '1000000000000000.00', lines: 2 },
      ]);
      assert.deepEqual(d.countries, [
        { iso3: 'KEN', name: 'Kenya', requests: 0, projects: 1, events: 2 },
        { iso3: 'UGA', name: 'Uganda', requests: 1, projects: 0, events: 0 },
      ]);
    });

    test("Kenya's editor counts Kenya's restricted request and not Uganda's restricted records", async () => {
      const d = await ok(ask(t, 'GET', DASHBOARD, as.headers.stateEditor));
      assert.deepEqual(d.requests.byStatus, [{ year: '2024', key: 'received', count: 2 }]);
      assert.deepEqual(d.events.byKind, [{ year: '2024', key: 'national-training-course', count: 2 }]);
    });

    test('a region and years narrow the counts; a bad filter is a 400 naming it', async () => {
      const europe = await ok(ask(t, 'GET', '/api/v1/cooperation/dashboard?from=2024&to=2025&region=150', admin()));
      assert.deepEqual([europe.requests.byStatus, europe.projects.byStatus, europe.events.byKind, europe.funds, europe.countries], [[], [], [], [], []]);
      const eastAfrica = await ok(ask(t, 'GET', '/api/v1/cooperation/dashboard?from=2025&to=2025&region=014', {}));
      assert.deepEqual(eastAfrica.projects.byStatus, [{ year: '2025', key: 'implementation', count: 1 }]);
      assert.deepEqual(eastAfrica.events.byKind, []);
      const workshops = await ok(ask(t, 'GET', '/api/v1/cooperation/dashboard?from=2003&to=2003&region=142', {}));
      assert.deepEqual(workshops.events.byKind, [{ year: '2003', key: 'workshop', count: 1 }]);
      assert.deepEqual(workshops.participants, [{ year: '2003', headcount: null, byGender: [], eventsCounted: 0, eventsWithoutCounts: 1 }]);
      const bad: [string, string][] = [
        ['region=999', 'region'],
        ['region=Asia', 'region'],
        ['from=2010&to=2001', 'to'],
        ['from=20x0', 'from'],
      ];
      for (const [query, parameter] of bad) {
        const r = await ask(t, 'GET', `/api/v1/cooperation/dashboard?${query}`, {});
        assert.equal(r.status, 400, `${query}: ${r.text}`);
        assert.ok(JSON.stringify(r.body.error.details).includes(parameter), `${parameter} named in ${r.text}`);
      }
    });

    test("a State's history lists its request, project, event and presence, and the recommendation they answer, as the asker may see them", async () => {
      const ohchr = await ok(ask(t, 'GET', '/api/v1/states/KEN/cooperation', admin()));
      assert.deepEqual(
        ohchr.requests.map((r: any) => r.subject),
        ['Fictional request for testing'],
      );
      assert.deepEqual(
        ohchr.projects.map((p: any) => [p.id, p.start, p.end]),
        [['dash-public', '2024-02-01', '2025-06-30']],
      );
      assert.deepEqual(
        ohchr.events.map((e: any) => [e.id, e.hosted, e.participantsFromState]),
        [
          ['dash-counted', true, 17],
          ['dash-uncounted', true, null],
        ],
      );
      assert.deepEqual(
        ohchr.recommendations.map((r: any) => [r.id, r.answeredBy.map((a: any) => a.kind)]),
        [[LINKED_ID, ['request']]],
      );
      assert.deepEqual(
        ohchr.presences.map((p: any) => [p.id, p.from, p.until]),
        [['ro-east-africa', '2020-01', '2022-06']],
      );

      const anyone = await ok(ask(t, 'GET', '/api/v1/states/KEN/cooperation', {}));
      assert.deepEqual(anyone.requests, []);
      assert.deepEqual(anyone.recommendations, [], 'a link from a restricted request is not shown');
      assert.equal(anyone.events.length, 2);
      const uganda = await ok(ask(t, 'GET', '/api/v1/states/UGA/cooperation', {}));
      assert.deepEqual(
        uganda.events.map((e: any) => [e.id, e.hosted, e.participantsFromState]),
        [['dash-counted', false, 3]],
      );
      assert.deepEqual(uganda.projects, []);
      assert.equal((await ask(t, 'GET', '/api/v1/states/XXX/cooperation', {})).status, 404);
    });
  });
}
