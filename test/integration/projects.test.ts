// Projects, funding agreements and exchange rates through the API, on both databases: the write
// path (versions, audit), bad input named by field, exact amounts, confidentiality in every
// read (list, one project, totals, exports), and totals across currencies that name their rates.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { AGREEMENT, FICTIONAL_SOURCE, made, PROJECT, rate, versionOf } from '../support/projects.ts';

// The HTTP layer writes `budget[0].currency`; the use cases' own checks of links write `links.0.ref`: both read as one.
const fieldsOf = (body: any): string[] => (body?.error?.details ?? []).map((d: { field?: string }) => d.field?.replace(/\.(\d+)/g, '[$1]'));

for (const dialect of testDialects()) {
  describe(`projects, funding agreements and exchange rates on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    const admin = () => as.headers.admin;
    const audits = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('audit_record')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'projects');
      await made(ask(t, 'POST', '/api/v1/funding-agreements', admin(), AGREEMENT));
      await made(
        ask(t, 'POST', '/api/v1/projects', admin(), {
          ...PROJECT,
          links: [
            { kind: 'instrument', ref: 'ACHPR' },
            { kind: 'resolution-paragraph', ref: 'A/RES/59/183#op8f' },
          ],
          documents: [{ title: 'Fictional project document', url: 'https://example.org/doc', category: 'A02' }],
        }),
      );
    });
    after(async () => {
      await t.db.drop();
    });

    test('a project reads back with its parts, sums exact per currency (0.1 + 0.2 = 0.30), its links and documents', async () => {
      const p = (await made(ask(t, 'GET', '/api/v1/projects/test-project', {}))).body;
      assert.deepEqual(p.budgetByCurrency, [
        { currency: 'CHF', amount: '500.00' },
        { currency: 'EUR', amount: '0.30' },
        { currency: 'USD', amount: '1000.00' },
      ]);
      assert.deepEqual(
        p.budgetByYear.find((y: any) => y.year === '2025'),
        { year: '2025', currency: 'EUR', amount: '0.20' },
      );
      assert.deepEqual(p.disbursedToDate, [{ currency: 'USD', amount: '250.50' }]);
      assert.equal(p.budget.find((b: any) => b.currency === 'EUR').agreement.id, 'test-agreement');
      assert.deepEqual(
        p.countries.map((c: any) => [c.iso3, c.percentage]),
        [
          ['KHM', '60'],
          ['LAO', '40'],
        ],
      );
      assert.equal(p.region.code, '142');
      assert.equal(p.results[0].indicators[0].targetValue, '120');
      assert.deepEqual(
        p.links.map((l: any) => l.ref),
        ['ACHPR', 'A/RES/59/183#op8f'],
      );
      assert.equal(p.documents[0].category, 'A02');
      assert.equal(p.sources[0].kind, 'secondary');
      assert.equal(p.version, 1);
      const list = (await made(ask(t, 'GET', '/api/v1/projects?state=KHM&status=implementation&fundingSource=donor-agreement&year=2025&region=035', {}))).body;
      assert.deepEqual(
        list.items.map((i: any) => i.id),
        ['test-project'],
      );
      assert.equal((await made(ask(t, 'GET', '/api/v1/projects?state=KEN', {}))).body.total, 0);
      assert.equal((await made(ask(t, 'GET', '/api/v1/projects?year=2019', {}))).body.total, 0);
    });

    test('large amounts keep every digit', async () => {
      const big = { periodStart: '2024-01-01', periodEnd: '2024-12-31', amount: '999999999999999.9999', currency: 'JPY', fundingSource: 'regular-budget' };
      await made(
        ask(t, 'POST', '/api/v1/projects', admin(), { id: 'test-big', title: 'Fictional large budget', status: 'pipeline', budget: [big, { ...big, amount: '0.0001' }], source: FICTIONAL_SOURCE }),
      );
      const p = (await made(ask(t, 'GET', '/api/v1/projects/test-big', {}))).body;
      assert.deepEqual(p.budgetByCurrency, [{ currency: 'JPY', amount: '1000000000000000.00' }]);
    });

    test('bad input is a 400 naming the field, and writes nothing', async () => {
      const line = PROJECT.budget[2]!;
      const cases: [unknown, string, RegExp?][] = [
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, budget: [{ ...line, currency: undefined }] }, 'budget[0].currency'],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, plannedStart: '2025-01-01', plannedEnd: '2024-12-31' }, 'plannedEnd', /before the start/],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, actualStart: '2025', actualEnd: '2024-06' }, 'actualEnd'],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, countries: [{ iso3: 'XXX' }] }, 'countries[0].iso3'],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, regionCode: '999' }, 'regionCode'],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, budget: [{ ...line, amount: '-5.00' }] }, 'budget[0].amount', /negative/],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, budget: [{ ...line, amount: '1e3' }] }, 'budget[0].amount'],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, budget: [{ ...line, amount: 1000 }] }, 'budget[0].amount', /string/],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, budget: [{ ...line, currency: 'XYZ' }] }, 'budget[0].currency', /ISO 4217/],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, budget: [{ ...line, periodEnd: '2025-06-30' }] }, 'budget[0].periodEnd', /one year/],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, budget: [{ ...line, fundingSource: 'donor-agreement' }] }, 'budget[0].agreementId'],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, budget: [{ ...line, agreementId: 'test-agreement' }] }, 'budget[0].agreementId'],
        [
          {
            ...PROJECT,
            id: 'bad',
            iatiIdentifier: null,
            countries: [
              { iso3: 'KHM', percentage: '60' },
              { iso3: 'LAO', percentage: '30' },
            ],
          },
          'countries',
        ],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, transactions: [{ ...PROJECT.transactions[0], date: '2999-01-01' }] }, 'transactions[0].date'],
        [{ ...PROJECT, id: 'bad' }, 'iatiIdentifier'],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, links: [{ kind: 'instrument', ref: 'NO-SUCH' }] }, 'links[0].ref'],
        [{ ...PROJECT, id: 'bad', iatiIdentifier: null, status: 'finished' }, 'status'],
      ];
      const count = await audits();
      for (const [body, field, reason] of cases) {
        const answer = await ask(t, 'POST', '/api/v1/projects', admin(), body);
        assert.equal(answer.status, 400, `${field}: ${answer.text}`);
        assert.ok(fieldsOf(answer.body).includes(field), `${field} named in ${answer.text}`);
        if (reason) assert.match(JSON.stringify(answer.body.error.details), reason);
      }
      const agreement = await ask(t, 'POST', '/api/v1/funding-agreements', admin(), { ...AGREEMENT, id: 'bad', currency: undefined });
      assert.equal(agreement.status, 400);
      assert.deepEqual(fieldsOf(agreement.body), ['currency']);
      assert.equal(await audits(), count, 'nothing recorded');
      assert.equal((await ask(t, 'GET', '/api/v1/projects/bad', admin())).status, 404);
    });

    test('updates name the version read: 428 without, 412 when stale, one audit record when applied', async () => {
      const path = '/api/v1/projects/test-project';
      const body = { status: 'finalisation', countries: [{ iso3: 'KHM' }], source: FICTIONAL_SOURCE };
      assert.equal((await ask(t, 'PATCH', path, admin(), body)).status, 428);
      const stale = await ask(t, 'PATCH', path, admin(), body, { 'If-Match': '"v99"' });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.current.id, 'test-project');
      const count = await audits();
      const v = await versionOf(t, admin(), path);
      const done = await made(ask(t, 'PATCH', path, admin(), body, { 'If-Match': v }));
      assert.deepEqual(done.body.changed.sort(), ['countries', 'status']);
      assert.equal(await audits(), count + 1);
      const record = await t.db.db.selectFrom('audit_record').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.equal(record.use_case, 'projects.update');
      assert.deepEqual(JSON.parse(record.before!).countries, [
        { iso3: 'KHM', percentage: '60' },
        { iso3: 'LAO', percentage: '40' },
      ]);
      const p = (await made(ask(t, 'GET', path, {}))).body;
      assert.equal(p.status, 'finalisation');
      assert.deepEqual(
        p.countries.map((c: any) => c.iso3),
        ['KHM'],
      );
      assert.equal(p.budget.length, 4, 'lists the body leaves out are kept');
      // The same again changes nothing and records nothing.
      const again = await made(ask(t, 'PATCH', path, admin(), body, { 'If-Match': `"v${done.body.version}"` }));
      assert.deepEqual(again.body.changed, []);
      assert.equal(await audits(), count + 1);
    });

    test('the programme is written by OHCHR and administrators; rates by administrators only', async () => {
      const project = { id: 'test-refused', title: 'Fictional refused project', status: 'pipeline', source: FICTIONAL_SOURCE };
      assert.equal((await ask(t, 'POST', '/api/v1/projects', as.headers.anonymous, project)).status, 401);
      for (const who of ['viewer', 'ownEditor', 'stateEditor'] as const) assert.equal((await ask(t, 'POST', '/api/v1/projects', as.headers[who], project)).status, 403, who);
      const r = rate('EUR', 'USD', '1.05', '2023-01-02');
      assert.equal((await ask(t, 'POST', '/api/v1/exchange-rates', as.headers.anonymous, r)).status, 401);
      assert.equal((await ask(t, 'POST', '/api/v1/exchange-rates', as.headers.stateEditor, r)).status, 403);
    });

    test('totals across currencies: without a rate amounts stay apart; with rates they are converted and the rates named', async () => {
      const none = (await made(ask(t, 'GET', '/api/v1/project-totals?base=USD&asOf=2024-12-31&state=KHM', {}))).body;
      assert.equal(none.budget.total, '1000.00');
      assert.deepEqual(
        none.budget.unconverted.map((u: any) => [u.currency, u.amount]),
        [
          ['CHF', '500.00'],
          ['EUR', '0.30'],
        ],
      );
      assert.deepEqual(none.missingRates, ['CHF', 'EUR']);
      assert.deepEqual(none.ratesUsed, []);
      const early = await made(ask(t, 'POST', '/api/v1/exchange-rates', admin(), rate('EUR', 'USD', '1.10', '2024-01-02')));
      await made(ask(t, 'POST', '/api/v1/exchange-rates', admin(), rate('EUR', 'USD', '1.20', '2025-01-02')));
      const late = await ask(t, 'POST', '/api/v1/exchange-rates', admin(), rate('EUR', 'USD', '1.30', '2025-01-02'));
      assert.equal(late.status, 400);
      assert.deepEqual(fieldsOf(late.body), ['asOf']);
      for (const [body, field] of [
        [rate('EUR', 'USD', '0', '2024-01-03'), 'rate'],
        [rate('XYZ', 'USD', '1', '2024-01-03'), 'currency'],
        [rate('EUR', 'EUR', '1', '2024-01-03'), 'currency'],
        [rate('EUR', 'USD', '-1', '2024-01-03'), 'rate'],
      ] as const) {
        const answer = await ask(t, 'POST', '/api/v1/exchange-rates', admin(), body);
        assert.equal(answer.status, 400, answer.text);
        assert.deepEqual(fieldsOf(answer.body), [field]);
      }
      const totals = (await made(ask(t, 'GET', '/api/v1/project-totals?base=USD&asOf=2024-12-31&state=KHM', {}))).body;
      assert.equal(totals.budget.exactTotal, '1000.33');
      assert.equal(totals.budget.total, '1000.33');
      assert.deepEqual(
        totals.ratesUsed.map((r: any) => [r.id, r.asOf, r.rate, r.source.title]),
        [[Number(early.body.id), '2024-01-02', '1.10', 'Fictional rate EUR/USD for testing']],
      );
      assert.deepEqual(totals.missingRates, ['CHF'], 'CHF still has no rate: reported apart, never guessed');
      assert.equal(totals.disbursed.total, '250.50');
      // At each amount's value date: the 2025 line takes the 2025 rate.
      const byDate = (await made(ask(t, 'GET', '/api/v1/project-totals?base=USD&asOf=2025-12-31&state=KHM&convertAt=valueDate', {}))).body;
      assert.equal(byDate.budget.exactTotal, '1000.35'); // 0.1 × 1.10 + 0.2 × 1.20 + 1000
      assert.equal(byDate.ratesUsed.length, 2);
      // No rate before 2024-01-02: converting on 2023-06-30 finds none.
      const before2024 = (await made(ask(t, 'GET', '/api/v1/project-totals?base=USD&asOf=2023-06-30&state=KHM', {}))).body;
      assert.deepEqual(before2024.missingRates, ['CHF', 'EUR']);
      assert.equal((await ask(t, 'GET', '/api/v1/project-totals?base=usd', {})).status, 400);
    });

    test('a restricted project is absent for those outside its audience: list, page, totals, exports', async () => {
      const secret = {
        id: 'test-secret',
        title: 'Fictional restricted project SECRET-MARKER',
        status: 'pipeline',
        countries: [{ iso3: 'KEN' }],
        budget: [{ periodStart: '2024-01-01', periodEnd: '2024-12-31', amount: '777.00', currency: 'USD', fundingSource: 'regular-budget' }],
        confidentiality: 'restricted',
        audience: ['state:KEN'],
        source: FICTIONAL_SOURCE,
      };
      await made(ask(t, 'POST', '/api/v1/projects', admin(), secret));
      for (const who of ['anonymous', 'viewer', 'ownEditor'] as const) {
        const h = as.headers[who];
        assert.equal((await ask(t, 'GET', '/api/v1/projects/test-secret', h)).status, 404, who);
        assert.doesNotMatch((await ask(t, 'GET', '/api/v1/projects?limit=1000', h)).text, /SECRET-MARKER/, who);
        const totals = (await made(ask(t, 'GET', '/api/v1/project-totals?base=USD&state=KEN', h))).body;
        assert.equal(totals.projects, 0, who);
        assert.equal(totals.budget.total, '0.00', who);
        assert.doesNotMatch((await ask(t, 'GET', '/api/v1/projects/export/csv', h)).text, /SECRET-MARKER|test-secret/, who);
        assert.equal((await ask(t, 'PATCH', '/api/v1/projects/test-secret', h, { status: 'closed', source: FICTIONAL_SOURCE }, { 'If-Match': '"v1"' })).status, who === 'anonymous' ? 404 : 404, who);
      }
      for (const who of ['stateEditor', 'admin'] as const) {
        const h = as.headers[who];
        assert.equal((await ask(t, 'GET', '/api/v1/projects/test-secret', h)).status, 200, who);
        assert.equal((await made(ask(t, 'GET', '/api/v1/project-totals?base=USD&state=KEN', h))).body.budget.total, '777.00', who);
        assert.match((await ask(t, 'GET', '/api/v1/projects/export/csv', h)).text, /SECRET-MARKER/, who);
      }
      const xlsx = await ask(t, 'GET', '/api/v1/projects/export/xlsx', admin());
      assert.equal(xlsx.status, 200);
      assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
    });

    test('deletes: an agreement in use is kept; a project goes with its parts; a rate goes', async () => {
      const inUse = await ask(t, 'DELETE', '/api/v1/funding-agreements/test-agreement', admin(), undefined, { 'If-Match': await versionOf(t, admin(), '/api/v1/funding-agreements/test-agreement') });
      assert.equal(inUse.status, 400);
      assert.deepEqual(fieldsOf(inUse.body), ['id']);
      const path = '/api/v1/projects/test-project';
      assert.equal((await ask(t, 'DELETE', path, admin())).status, 428);
      // A project another record links to stays until that link is gone.
      const follower = { id: 'test-follower', title: 'Fictional follow-on project', status: 'pipeline', links: [{ kind: 'project', ref: 'test-project' }], source: FICTIONAL_SOURCE };
      await made(ask(t, 'POST', '/api/v1/projects', admin(), follower));
      const linked = await ask(t, 'DELETE', path, admin(), undefined, { 'If-Match': await versionOf(t, admin(), path) });
      assert.equal(linked.status, 400);
      assert.deepEqual(fieldsOf(linked.body), ['id']);
      assert.match(linked.body.error.details[0].reason, /project test-follower links to it/);
      await made(ask(t, 'DELETE', '/api/v1/projects/test-follower', admin(), undefined, { 'If-Match': await versionOf(t, admin(), '/api/v1/projects/test-follower') }));
      await made(ask(t, 'DELETE', path, admin(), undefined, { 'If-Match': await versionOf(t, admin(), path) }));
      assert.equal((await ask(t, 'GET', path, admin())).status, 404);
      const left = await t.db.db.selectFrom('project_budget').select('id').where('project_id', '=', 'test-project').execute();
      assert.equal(left.length, 0);
      await made(ask(t, 'DELETE', '/api/v1/funding-agreements/test-agreement', admin(), undefined, { 'If-Match': await versionOf(t, admin(), '/api/v1/funding-agreements/test-agreement') }));
      const rates = (await made(ask(t, 'GET', '/api/v1/exchange-rates?base=USD', {}))).body;
      assert.ok(rates.total >= 2);
      await made(ask(t, 'DELETE', `/api/v1/exchange-rates/${rates.items[0].id}`, admin()));
      assert.equal((await ask(t, 'GET', `/api/v1/exchange-rates/${rates.items[0].id}`, {})).status, 404);
      assert.deepEqual(errors, [], 'no server errors');
    });
  });
}
