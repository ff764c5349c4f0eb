// Exchanges between UN bodies and regional organizations and mechanisms (docs/EXCHANGES.md), on
// both databases: the shipped exchanges the 2004 resolution names (the Council of Europe, the
// OSCE, the League of Arab States, the Inter-American Commission, the African Commission) with
// their sources; creating, correcting and deleting through the write path (versions, bad input
// named by field); filters, sorting, paging and the CSV export; a restricted exchange kept from
// those not entitled; the seed keeping a correction of a shipped exchange.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { ask } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';

const SOURCE = { title: 'OHCHR, files of the test', url: 'https://www.ohchr.org/en/countries', kind: 'official', retrieved: '2026-01-15' };
const PARTIES = [
  { side: 'un', unBody: 'ohchr' },
  { side: 'regional', organizationId: 'au' },
];

for (const dialect of testDialects()) {
  describe(`exchanges on ${dialect}`, () => {
    let t: TestApp;
    const errors: string[] = [];
    let admin: Record<string, string>;
    let kenya: Record<string, string>;
    let viewer: Record<string, string>;

    before(async () => {
      t = await seededApp(dialect, errors);
      const a = await makeAccount(t.db.db, 'exchanges-admin@example.org', ['ohchr-editor']);
      const k = await makeAccount(t.db.db, 'exchanges-kenya@example.org', ['state-editor:KEN']);
      const v = await makeAccount(t.db.db, 'exchanges-viewer@example.org', ['viewer']);
      admin = (await signIn(t.app, a)).write;
      kenya = (await signIn(t.app, k)).write;
      viewer = (await signIn(t.app, v)).write;
    });
    after(async () => {
      assert.deepEqual(errors, [], 'no server errors');
      await t.db.drop();
    });

    test('the shipped exchanges name each organization of operative paragraph 6, each with its sources and their kinds', async () => {
      const list = (await t.get('/api/v1/exchanges?limit=1000')).body;
      const named = new Set(list.items.flatMap((e: any) => e.parties.filter((p: any) => p.side === 'regional').map((p: any) => p.organizationId ?? p.mechanism)));
      for (const party of ['coe', 'osce', 'las', 'IACHR', 'ACHPR-COMM']) assert.ok(named.has(party), `an exchange with ${party}`);
      for (const item of list.items) {
        const detail = (await t.get(`/api/v1/exchanges/${item.id}`)).body;
        assert.ok(detail.sources.length > 0, `${item.id} has sources`);
        assert.ok(
          detail.sources.every((s: any) => ['official', 'secondary', 'tertiary'].includes(s.kind)),
          `${item.id}: each source has its kind`,
        );
        assert.equal(detail.origin, 'reference');
      }
      const vienna = (await t.get('/api/v1/exchanges/tripartite-2001-vienna')).body;
      assert.deepEqual([vienna.start, vienna.city, vienna.country, vienna.seriesNumber, vienna.series.id], ['2001-02-16', 'Vienna', 'AUT', 10, 'un-osce-coe-tripartite']);
      assert.ok(vienna.sources.every((s: any) => s.kind === 'official'));
      assert.deepEqual(
        vienna.links.map((l: any) => l.ref),
        ['local:ga-59-regional-arrangements-2004-12-20#op6'],
      );
      assert.equal((await t.get('/api/v1/exchanges/tripartite-1993')).body.start, '1993-07', 'known only to the month');
      const iachr = (await t.get('/api/v1/exchanges/ohchr-iachr-joint-declaration-2014?lang=es')).body;
      assert.equal(iachr.parties[1].name, 'Comisión Interamericana de Derechos Humanos', "a regional party's name from the registry in the language asked");
      const series = (await t.get('/api/v1/exchange-series/un-osce-coe-tripartite')).body;
      assert.deepEqual(
        series.exchanges.slice(0, 2).map((e: any) => e.id),
        ['tripartite-1993', 'tripartite-2001-vienna'],
      );
      assert.ok(!JSON.stringify(list).includes('59/183'), 'the 2004 resolution is never given a symbol');
    });

    test('filters, sort and pages', async () => {
      const coe = (await t.get('/api/v1/exchanges?organization=coe&limit=1000')).body;
      assert.ok(coe.items.length >= 4 && coe.items.every((e: any) => e.parties.some((p: any) => p.organizationId === 'coe')));
      const oas = (await t.get('/api/v1/exchanges?organization=oas&limit=1000')).body;
      assert.ok(
        oas.items.some((e: any) => e.id === 'ohchr-iachr-joint-declaration-2014'),
        "an organization's filter keeps exchanges with its mechanisms",
      );
      const y2012 = (await t.get('/api/v1/exchanges?year=2012&limit=1000')).body.items.map((e: any) => e.id);
      assert.deepEqual(y2012.sort(), ['addis-ababa-special-procedures-2012', 'treaty-body-chairs-african-mechanisms-2012']);
      const treaty = (await t.get('/api/v1/exchanges?unBody=treaty-body&limit=1000')).body.items;
      assert.ok(treaty.length >= 2 && treaty.every((e: any) => e.parties.some((p: any) => p.unBody === 'treaty-body')));
      const africa = (await t.get('/api/v1/exchanges?region=Africa&kind=meeting&limit=1000')).body.items.map((e: any) => e.id);
      assert.deepEqual(africa, ['addis-ababa-special-procedures-2012']);
      const newest = (await t.get('/api/v1/exchanges?sort=-start&limit=2')).body;
      assert.equal(newest.items[0].id, 'iachr-treaty-bodies-2024');
      assert.ok(newest.next);
      const second = (await t.get(`/api/v1/exchanges?sort=-start&limit=2&cursor=${newest.next}`)).body;
      assert.equal(second.items.length, 2);
      assert.notEqual(second.items[0].id, newest.items[1].id);
      assert.equal((await t.get('/api/v1/exchanges?kind=picnic')).status, 400);
      assert.equal((await t.get('/api/v1/exchanges?sort=colour')).status, 400);
    });

    let id = '';
    test('create, then a correction needs the version (428, then 412 when stale), then delete', async () => {
      const made = await ask(t, 'POST', '/api/v1/exchanges', admin, {
        id: 'test-au-consultation',
        kind: 'consultation',
        title: 'Consultation of OHCHR and the AU Commission on treaty reporting',
        start: '2026-03-10',
        end: '2026-03-11',
        city: 'Addis Ababa',
        country: 'ETH',
        parties: PARTIES,
        actions: [{ description: 'Share the list of overdue reports', owner: 'OHCHR Regional Office', due: '2026-04-01' }],
        links: [{ kind: 'resolution-paragraph', ref: 'local:ga-59-regional-arrangements-2004-12-20#op10' }],
        documents: [{ title: 'Note of the meeting', url: 'https://www.ohchr.org/en/countries' }],
        source: SOURCE,
      });
      assert.equal(made.status, 200, made.text);
      id = made.body.id;
      assert.equal((await ask(t, 'PATCH', `/api/v1/exchanges/${id}`, admin, { city: 'Nairobi', source: SOURCE })).status, 428);
      const ok = await ask(t, 'PATCH', `/api/v1/exchanges/${id}`, admin, { city: 'Nairobi', country: 'KEN', source: SOURCE }, { 'If-Match': '"v1"' });
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.body, { changed: ['city', 'country'], version: 2 });
      assert.equal((await ask(t, 'PATCH', `/api/v1/exchanges/${id}`, admin, { city: 'Kisumu', source: SOURCE }, { 'If-Match': '"v1"' })).status, 412);
      const outcomes = await ask(
        t,
        'PATCH',
        `/api/v1/exchanges/${id}`,
        admin,
        { actions: [{ description: 'Share the list', owner: 'OHCHR', due: '2026-04-01', status: 'done', doneOn: '2026-03-30' }], source: SOURCE },
        { 'If-Match': '"v2"' },
      );
      assert.deepEqual(outcomes.body, { changed: ['actions'], version: 3 });
      const detail = (await t.get(`/api/v1/exchanges/${id}`)).body;
      assert.deepEqual([detail.city, detail.actions[0].status, detail.actions[0].overdue, detail.documents.length, detail.parties[1].organizationId], ['Nairobi', 'done', false, 1, 'au']);
      const audits = await t.db.db.selectFrom('audit_record').select('use_case').where('entity_id', '=', id).execute();
      assert.deepEqual(
        audits.map((a) => a.use_case),
        ['exchanges.create', 'exchanges.update', 'exchanges.update'],
      );
      assert.equal((await ask(t, 'DELETE', '/api/v1/exchanges/tripartite-2003', admin, undefined, { 'If-Match': '"v1"' })).status, 409, 'a shipped exchange is corrected, never deleted');
      assert.equal((await ask(t, 'POST', '/api/v1/exchanges', kenya, { kind: 'meeting', title: 'x', start: '2026', parties: PARTIES, source: SOURCE })).status, 403);
      const gone = await ask(t, 'DELETE', `/api/v1/exchanges/${id}`, admin, undefined, { 'If-Match': '"v3"' });
      assert.deepEqual(gone.body, { deleted: true });
      assert.equal((await t.get(`/api/v1/exchanges/${id}`)).status, 404);
    });

    test('bad input: each refusal names its field, and nothing is written', async () => {
      const base = { kind: 'meeting', title: 'A meeting', start: '2026-05-10', parties: PARTIES, source: SOURCE };
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ ...base, end: '2026-05-09' }, /^end$/],
        [{ ...base, kind: 'picnic' }, /^kind$/],
        [{ ...base, start: '2026-02-30' }, /^start$/],
        [{ ...base, parties: [PARTIES[0], { side: 'regional', organizationId: 'atlantis' }] }, /^parties\W+1\W+organizationId$/],
        [{ ...base, parties: [PARTIES[0], { side: 'regional', mechanism: 'NOPE' }] }, /^parties\W+1\W+mechanism$/],
        [{ ...base, parties: [PARTIES[0], { side: 'un', unBody: 'treaty-body' }] }, /^parties$/],
        [{ ...base, parties: [{ side: 'un' }, PARTIES[1]] }, /^parties\W+0\W+unBody$/],
        [{ ...base, seriesId: 'no-such-series' }, /^seriesId$/],
      ];
      const before = (await t.get('/api/v1/exchanges?limit=1000')).body.total;
      for (const [body, field] of cases) {
        const r = await ask(t, 'POST', '/api/v1/exchanges', admin, body);
        assert.equal(r.status, 400, `${field}: ${r.text}`);
        assert.ok(
          r.body.error.details.some((d: any) => field.test(d.field)),
          `${field} named in ${r.text}`,
        );
      }
      assert.equal((await t.get('/api/v1/exchanges?limit=1000')).body.total, before);
      const late = await ask(t, 'PATCH', '/api/v1/exchanges/tripartite-2007-vienna', admin, { end: '2007-02-13', source: SOURCE }, { 'If-Match': '"v1"' });
      assert.equal(late.status, 400);
      assert.equal(late.body.error.details[0].field, 'end');
    });

    test('a restricted exchange: absent for the public and other readers, in list, detail and export; shown to its audience', async () => {
      const made = await ask(t, 'POST', '/api/v1/exchanges', admin, {
        id: 'test-restricted-exchange',
        kind: 'communication',
        title: 'Letter to the AU Commission, Kenya only',
        start: '2026-06-01',
        parties: PARTIES,
        confidentiality: 'restricted',
        audience: ['state:KEN'],
        source: SOURCE,
      });
      assert.equal(made.status, 200, made.text);
      assert.ok(!JSON.stringify((await t.get('/api/v1/exchanges?limit=1000')).body).includes('test-restricted-exchange'));
      assert.equal((await t.get('/api/v1/exchanges/test-restricted-exchange')).status, 404);
      assert.ok(!(await (await t.app.request('/api/v1/exchanges/export/exchanges.csv')).text()).includes('test-restricted-exchange'));
      assert.ok(!JSON.stringify((await t.get('/api/v1/exchanges?organization=au')).body).includes('test-restricted-exchange'));
      assert.equal((await ask(t, 'GET', '/api/v1/exchanges/test-restricted-exchange', viewer)).status, 404);
      assert.equal((await ask(t, 'PATCH', '/api/v1/exchanges/test-restricted-exchange', viewer, { title: 'x', source: SOURCE }, { 'If-Match': '"v1"' })).status, 404);
      assert.equal((await ask(t, 'GET', '/api/v1/exchanges/test-restricted-exchange', kenya)).status, 200);
    });

    test('the CSV export: one line per exchange with its parties and sources', async () => {
      const response = await t.app.request('/api/v1/exchanges/export/exchanges.csv?organization=las');
      assert.equal(response.status, 200);
      const lines = (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.match(lines[0]!, /^id,kind,title,series,series_number,start,end/);
      assert.equal(lines.length, 3, 'two exchanges with the League of Arab States');
      assert.ok(lines.slice(1).every((l) => l.includes('las') && l.includes('Cairo Institute')));
      assert.equal((await t.app.request('/api/v1/exchanges/export/exchanges.xml')).status, 404);
    });

    test('a forced re-seed keeps a correction of a shipped exchange and the shipped value beside it', async () => {
      const fixed = await ask(t, 'PATCH', '/api/v1/exchanges/tripartite-2003', admin, { city: 'Geneva', country: 'CHE', source: SOURCE }, { 'If-Match': '"v1"' });
      assert.equal(fixed.status, 200, fixed.text);
      await seedReferenceData(t.db.db, loadReferenceData(), { force: true });
      const after = (await t.get('/api/v1/exchanges/tripartite-2003')).body;
      assert.equal(after.city, 'Geneva');
      assert.ok(after.corrections.some((c: any) => c.field === 'city' && c.overridden.value === null));
      assert.equal(after.parties.length, 5);
    });
  });
}
