// The registry API on each database: envelopes, pagination, sorting, languages, dates,
// errors and ETags, against the reference data shipped in data/reference.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../support/databases.ts';
import { seededApp, type TestApp } from '../support/app.ts';

for (const dialect of testDialects()) {
  describe(`API on ${dialect}`, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
    });
    after(async () => {
      await t.db.drop();
      assert.deepEqual(serverErrors, [], 'no request may cause a server error');
    });

    test('GET /healthz', async () => {
      const r = await t.get('/healthz');
      assert.equal(r.status, 200);
      assert.equal(r.body.status, 'ok');
    });

    test('states: 197 entities in the list envelope, 50 per page by default, sources on each', async () => {
      const r = await t.get('/api/v1/states');
      assert.equal(r.status, 200);
      assert.equal(r.body.total, 197);
      assert.equal(r.body.items.length, 50);
      assert.equal(typeof r.body.next, 'string');
      const first = r.body.items[0];
      assert.ok(first.sources.length >= 2);
      for (const s of first.sources) {
        assert.deepEqual(Object.keys(s).sort(), ['asOf', 'copyOf', 'kind', 'retrieved', 'title', 'url']);
        assert.ok(['official', 'secondary', 'tertiary'].includes(s.kind), `${s.title}: a source says what kind it is`);
      }
    });

    test('states: walking the cursor visits all 197 once', async () => {
      const seen = new Set<string>();
      let next: string | null = null;
      do {
        const r = await t.get(`/api/v1/states?limit=60${next ? `&cursor=${next}` : ''}`);
        assert.equal(r.status, 200);
        for (const s of r.body.items) seen.add(s.iso3);
        next = r.body.next;
      } while (next);
      assert.equal(seen.size, 197);
    });

    test('states: UN status counts and the regional group of a few States', async () => {
      const all = (await t.get('/api/v1/states?limit=1000')).body.items as any[];
      const count = (status: string) => all.filter((s) => s.unStatus === status).length;
      assert.deepEqual([count('member'), count('observer'), count('non-member')], [193, 2, 2]);
      const byIso3 = new Map(all.map((s) => [s.iso3, s]));
      assert.equal(byIso3.get('USA').regionalGroup, 'WEOG');
      assert.equal(byIso3.get('TUR').regionalGroup, 'WEOG');
      assert.equal(byIso3.get('ARM').regionalGroup, 'EEG');
      assert.equal(byIso3.get('AUS').regionalGroup, 'WEOG');
      assert.equal(byIso3.get('VAT').regionalGroup, null);
      assert.equal(byIso3.get('FRA').region.name, 'Europe');
      assert.equal(byIso3.get('FRA').m49, '250');
    });

    test('states: filters and sorting', async () => {
      const grulac = await t.get('/api/v1/states?regionalGroup=GRULAC&limit=1000');
      assert.equal(grulac.body.total, 33);
      const byAdmission = await t.get('/api/v1/states?sort=-unAdmission,iso3&limit=1');
      assert.equal(byAdmission.body.items[0].iso3, 'SSD'); // South Sudan, admitted 14 July 2011
      const byCode = await t.get('/api/v1/states?sort=iso3&limit=2');
      assert.deepEqual(
        byCode.body.items.map((s: any) => s.iso3),
        ['AFG', 'AGO'],
      );
    });

    test('lang parameter, then Accept-Language, then English', async () => {
      const fr = await t.get('/api/v1/states/DEU?lang=fr');
      assert.equal(fr.body.name, 'Allemagne');
      const ar = await t.get('/api/v1/states/DEU', { 'Accept-Language': 'de-CH, ar;q=0.8, en;q=0.5' });
      assert.equal(ar.body.nameLang, 'ar');
      const none = await t.get('/api/v1/states/DEU', { 'Accept-Language': 'de, it;q=0.5' });
      assert.equal(none.body.name, 'Germany');
      const zh = await t.get('/api/v1/states/DEU?lang=zh', { 'Accept-Language': 'fr' });
      assert.equal(zh.body.nameLang, 'zh');
    });

    test('State profile: memberships over time (Russian Federation and the Council of Europe)', async () => {
      const before2022 = await t.get('/api/v1/states/RUS?asOf=2021-12-31');
      const coe = before2022.body.memberships.find((m: any) => m.organization.id === 'coe');
      assert.equal(coe.status, 'member');
      const after2022 = await t.get('/api/v1/states/RUS?asOf=2022-03-16');
      assert.equal(after2022.body.memberships.find((m: any) => m.organization.id === 'coe').status, 'former');
      assert.equal(after2022.body.asOf, '2022-03-16');
    });

    test('organization members at a date', async () => {
      const r2021 = await t.get('/api/v1/organizations/coe/members?asOf=2021-01-01&limit=1000');
      const r2023 = await t.get('/api/v1/organizations/coe/members?asOf=2023-01-01&limit=1000');
      assert.ok(r2021.body.items.some((m: any) => m.iso3 === 'RUS'));
      assert.ok(!r2023.body.items.some((m: any) => m.iso3 === 'RUS'));
      assert.equal(r2023.body.total, 46);
      const eu2019 = await t.get('/api/v1/organizations/eu/members?asOf=2019-12-31&limit=1000');
      const eu2020 = await t.get('/api/v1/organizations/eu/members?asOf=2020-02-01&limit=1000');
      assert.equal(eu2019.body.total, 28);
      assert.equal(eu2020.body.total, 27);
      const org = await t.get('/api/v1/organizations/EU?asOf=2020-02-01');
      assert.equal(org.status, 200);
      assert.equal(org.body.memberCount + org.body.unverifiedMembers, 27);
    });

    test('instruments: the 18 core UN instruments with their UN Treaty Collection references', async () => {
      const r = await t.get('/api/v1/instruments?core=true&limit=1000');
      assert.deepEqual(r.body.items.map((i: any) => i.code).sort(), [
        'CAT',
        'CEDAW',
        'CPED',
        'CRC',
        'CRPD',
        'ICCPR',
        'ICCPR-OP1',
        'ICCPR-OP2',
        'ICERD',
        'ICESCR',
        'ICMW',
        'OP-CAT',
        'OP-CEDAW',
        'OP-CRC-AC',
        'OP-CRC-IC',
        'OP-CRC-SC',
        'OP-CRPD',
        'OP-ICESCR',
      ]);
      const iccpr = await t.get('/api/v1/instruments/iccpr');
      assert.equal(iccpr.body.untcRef, 'IV-4');
      assert.equal(iccpr.body.entryIntoForce, '1976-03-23');
      const all = await t.get('/api/v1/instruments?system=un&limit=1000');
      assert.ok(all.body.total >= 27, 'every chapter IV instrument, amendments included');
    });

    test('each title and name says where it is read, in the language shown', async () => {
      const cat = await t.get('/api/v1/instruments/CAT?lang=ru');
      assert.equal(cat.body.titleLang, 'ru');
      assert.match(cat.body.titleSource.title, /Russian/, 'the Russian title comes from a Russian OHCHR document');
      const cerd = await t.get('/api/v1/mechanisms/CERD?lang=fr');
      assert.equal(cerd.body.nameLang, 'fr');
      assert.match(cerd.body.nameSource.title, /French/);
      const arab = await t.get('/api/v1/instruments/ARAB-CHARTER?lang=ar');
      assert.deepEqual([arab.body.titleLang, arab.body.title], ['ar', 'الميثاق العربي لحقوق الإنسان']);
      assert.ok(arab.body.titleSource.kind, 'the Arabic title names the kind of its source');
    });

    test('mechanisms and presences', async () => {
      const ecthr = await t.get('/api/v1/mechanisms/ECTHR');
      assert.equal(ecthr.status, 200);
      assert.equal(ecthr.body.coverage.basis, 'party');
      assert.deepEqual(ecthr.body.coverage.instruments, ['ECHR']);
      assert.equal(ecthr.body.coverage.acceptance, null);
      // The declaration a mechanism's coverage needs is named as data/reference words it.
      const court = await t.get('/api/v1/mechanisms/IACTHR');
      assert.deepEqual([court.body.coverage.acceptanceNeededFor, court.body.coverage.acceptance], ['jurisdiction', 'ACHR art. 62 declaration']);
      const un = await t.get('/api/v1/mechanisms?system=un&limit=1000');
      assert.ok(un.body.items.some((m: any) => m.code === 'UPR'));
      const presences = await t.get('/api/v1/presences');
      assert.equal(presences.status, 200);
      assert.ok(presences.body.total > 0);
    });

    test('coverage: shape, uncovered States, and a date before the mechanism existed', async () => {
      const r = await t.get('/api/v1/coverage?asOf=2024-01-01');
      assert.equal(r.status, 200);
      assert.equal(r.body.asOf, '2024-01-01');
      assert.equal(r.body.states.length, 197);
      const byIso3 = new Map(r.body.states.map((s: any) => [s.iso3, s.mechanisms]));
      assert.ok((byIso3.get('CRI') as any[]).some((m) => m.code === 'IACHR' && m.basis === 'membership'));
      for (const iso3 of r.body.uncovered) assert.deepEqual(byIso3.get(iso3), []);
      assert.ok(
        (byIso3.get('FRA') as any[]).some((m) => m.code === 'ECTHR' && m.basis === 'party' && m.verified),
        'France: ECHR ratified 1974',
      );
      const nigeria = (byIso3.get('NGA') as any[]).find((m) => m.code === 'ACHPR-COMM');
      assert.equal(nigeria?.verified, true, 'Nigeria deposited the African Charter on 22 July 1983 (AU list)');
      const in2015 = await t.get('/api/v1/coverage?asOf=2015-01-01');
      const egypt = in2015.body.states.find((s: any) => s.iso3 === 'EGY').mechanisms.find((m: any) => m.code === 'AHRC');
      assert.equal(egypt?.verified, false, 'party to the Arab Charter by a list of 2021 that gives no date: covered, marked unverified');
      const russia2023 = (byIso3.get('RUS') as any[]).map((m) => m.code);
      assert.ok(!russia2023.includes('ECTHR'), 'the Russian Federation ceased to be party to the ECHR on 16 September 2022');
      const early = await t.get('/api/v1/coverage?asOf=2000-01-01');
      const thailand2000 = early.body.states.find((s: any) => s.iso3 === 'THA').mechanisms;
      assert.ok(!thailand2000.some((m: any) => m.code === 'AICHR'), 'AICHR was established in 2009');
    });

    test('a State profile lists the same mechanisms as /coverage for that State and date', async () => {
      for (const asOf of ['1995-06-01', '2013-01-01', '2024-01-01']) {
        const answer = (await t.get(`/api/v1/coverage?asOf=${asOf}`)).body;
        const coverage = answer.states as any[];
        for (const iso3 of ['FRA', 'RUS', 'CRI', 'TZA', 'RWA', 'NGA', 'IDN', 'SYR']) {
          const profile = (await t.get(`/api/v1/states/${iso3}?asOf=${asOf}`)).body;
          // /coverage names sources by id (listed once in `sources`); a profile gives them whole.
          const expected = coverage.find((s) => s.iso3 === iso3).mechanisms.map(({ sourceIds, ...rest }: any) => ({ ...rest, sources: sourceIds.map((id: string) => answer.sources[id]) }));
          assert.deepEqual(
            profile.mechanisms.map(({ name, ...rest }: any) => rest),
            expected,
            `${iso3} on ${asOf}`,
          );
        }
      }
    });

    test('search finds codes as well as names', async () => {
      const echr = await t.get('/api/v1/search?q=ECHR');
      assert.deepEqual([echr.body.items[0].kind, echr.body.items[0].id, echr.body.items[0].matchedLang, echr.body.items[0].rank], ['instrument', 'ECHR', 'code', 0]);
      const fra = await t.get('/api/v1/search?q=fra&kind=state');
      assert.equal(fra.body.items.find((h: any) => h.id === 'FRA').rank, 0);
      const achpr = (await t.get('/api/v1/search?q=achpr&limit=100')).body.items.map((h: any) => h.id);
      for (const code of ['ACHPR', 'ACHPR-COURT', 'ACHPR-COMM']) assert.ok(achpr.includes(code), code);
    });

    test('search in several languages and scripts', async () => {
      const fr = await t.get('/api/v1/search?q=allemagne');
      assert.equal(fr.body.items[0].id, 'DEU');
      const ar = await t.get(`/api/v1/search?q=${encodeURIComponent('ألمانيا')}&lang=ar`);
      assert.equal(ar.body.items[0].id, 'DEU');
      const zh = await t.get(`/api/v1/search?q=${encodeURIComponent('德国')}`);
      assert.equal(zh.body.items[0].id, 'DEU');
      const council = await t.get('/api/v1/search?q=council%20of%20europe&kind=organization');
      assert.equal(council.body.items[0].id, 'coe');
      const wildcard = await t.get('/api/v1/search?q=%25');
      assert.equal(wildcard.status, 200);
      assert.equal(wildcard.body.total, 0, 'a % in the text is a character, not a wildcard');
    });

    test('errors: unknown code → 404, bad parameters → 400 naming them', async () => {
      const missing = await t.get('/api/v1/states/XXX');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not_found');
      for (const [path, parameter] of [
        ['/api/v1/states?limit=0', 'limit'],
        ['/api/v1/states?limit=1001', 'limit'],
        ['/api/v1/states?limit=abc', 'limit'],
        ['/api/v1/states?lang=de', 'lang'],
        ['/api/v1/states?colour=blue', 'colour'],
        ['/api/v1/states?sort=password', 'sort'],
        ['/api/v1/states?cursor=zzz', 'cursor'],
        ['/api/v1/coverage?asOf=2023-02-30', 'asOf'],
        ['/api/v1/coverage?asOf=yesterday', 'asOf'],
        ['/api/v1/search', 'q'],
      ] as const) {
        const r = await t.get(path);
        assert.equal(r.status, 400, path);
        assert.equal(r.body.error.code, 'validation_failed', path);
        assert.ok(
          r.body.error.details.some((d: any) => d.parameter === parameter),
          `${path} names ${parameter}: ${JSON.stringify(r.body)}`,
        );
      }
      // A refused date is repeated back, on every endpoint that takes one: never a 500.
      for (const path of ['/api/v1/coverage', '/api/v1/organizations', '/api/v1/states/FRA', '/api/v1/treaty-status/matrix', '/api/v1/instruments/ICCPR/status']) {
        for (const bad of ['2020-13-45', 'abc', '']) {
          const r = await t.get(`${path}?asOf=${bad}`);
          assert.equal(r.status, 400, `${path}?asOf=${bad}`);
          assert.deepEqual(r.body.error.details, [{ parameter: 'asOf', reason: `must be a calendar date YYYY-MM-DD, not "${bad}"` }]);
        }
      }
    });

    test('ETag: the same request with If-None-Match gets 304', async () => {
      const first = await t.app.request('/api/v1/organizations');
      const etag = first.headers.get('etag');
      assert.ok(etag);
      const again = await t.app.request('/api/v1/organizations', { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      const otherLang = await t.app.request('/api/v1/organizations?lang=fr', { headers: { 'If-None-Match': etag } });
      assert.equal(otherLang.status, 200);
    });
  });
}
