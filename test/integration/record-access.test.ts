// Every read view of an editable record says who may see it (confidentiality and audience), so
// that an edit form starts from the record's level: a restricted organization, instrument,
// mechanism, membership event and entered treaty act, each read by those in its audience (in
// its page, its list and the other answers that show it) with its level and audience, and
// absent for the others (404 for its page). The records are made restricted through the API,
// as an administrator would, so that cached answers follow the writes; a record made internal
// again shows no audience, and those who read it before get the new level.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Answer, ASKERS, type Asker, type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { AU_INSTRUMENTS, AU_MECHANISMS, AU_TREATIES, ifMatch, KENYA_JOINS_AU, KENYA_RATIFIES_ACHPR } from '../support/registry-requests.ts';

/** The East African Community's own page on its treaty (official). */
const EAC_TREATY = { title: 'East African Community: the Treaty for the Establishment of the EAC', url: 'https://www.eac.int/treaty', kind: 'official', retrieved: '2026-01-15' };

interface Restricted {
  what: string;
  audience: string[];
  entitled: Asker[];
  /** Its own page, when it has one (a membership event is read in its organization's history). */
  page?: string;
  /** The answers that show it, each with how to find it there. */
  shownIn: [string, (body: any) => any][];
}

for (const dialect of testDialects()) {
  describe(`who may see each record, in its read view, on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    const records: Restricted[] = [];
    const admin = () => as.headers.admin;
    const made = (answer: Answer) => {
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    };

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'access');
      const restricted = (audience: string[]) => ({ confidentiality: 'restricted', audience });

      const eac = ['organization:eac', 'state:KEN'];
      made(await ask(t, 'PATCH', '/api/v1/organizations/eac', admin(), { ...restricted(eac), source: EAC_TREATY }, { 'If-Match': await ifMatch(t, admin(), '/api/v1/organizations/eac') }));
      const byId = (id: string) => (b: any) => b.items.find((o: any) => o.id === id);
      records.push({
        what: 'the organization eac',
        audience: eac,
        entitled: ['stateEditor', 'admin'],
        page: '/api/v1/organizations/eac',
        shownIn: [['/api/v1/organizations?limit=1000', byId('eac')]],
      });

      const ayc = ['organization:au', 'state:KEN'];
      made(await ask(t, 'POST', '/api/v1/instruments', admin(), { ...AU_INSTRUMENTS[2], ...restricted(ayc) }));
      const byCode = (code: string) => (b: any) => b.items.find((r: any) => r.code === code);
      records.push({
        what: 'the instrument AYC',
        audience: ayc,
        entitled: ['ownEditor', 'stateEditor', 'admin'],
        page: '/api/v1/instruments/AYC',
        shownIn: [['/api/v1/instruments?limit=1000', byCode('AYC')]],
      });

      made(await ask(t, 'POST', '/api/v1/mechanisms', admin(), { ...AU_MECHANISMS[0], ...restricted(['organization:au']) }));
      records.push({
        what: 'the mechanism APRM',
        audience: ['organization:au'],
        entitled: ['ownEditor', 'admin'],
        page: '/api/v1/mechanisms/APRM',
        shownIn: [['/api/v1/mechanisms?limit=1000', byCode('APRM')]],
      });

      const event = made(await ask(t, 'POST', '/api/v1/organizations/au/membership-events', admin(), { ...KENYA_JOINS_AU, ...restricted(['state:KEN']) }));
      const seq = Number(String(event.id).split('/')[2]);
      const eventIn = (events: any[] | undefined) => events?.find((e: any) => e.seq === seq);
      records.push({
        what: "Kenya's membership event in the AU",
        audience: ['state:KEN'],
        entitled: ['stateEditor', 'admin'],
        shownIn: [
          ['/api/v1/organizations/au/history?limit=1000', (b) => eventIn(b.items.find((m: any) => m.iso3 === 'KEN')?.events)],
          ['/api/v1/states/KEN', (b) => eventIn(b.memberships.find((m: any) => m.organization.id === 'au')?.events)],
        ],
      });

      const act = made(await ask(t, 'POST', '/api/v1/treaty-actions', admin(), { ...KENYA_RATIFIES_ACHPR, ...restricted(['state:KEN', 'organization:au']) }));
      records.push({
        what: "Kenya's entered ratification of the African Charter",
        audience: ['state:KEN', 'organization:au'],
        entitled: ['ownEditor', 'stateEditor', 'admin'],
        page: `/api/v1/treaty-actions/ACHPR/${String(act.id).split('/')[1]}`,
        shownIn: [['/api/v1/treaty-actions?participant=KEN', (b) => b.items.find((a: any) => a.id === act.id)]],
      });
    });
    after(async () => {
      await t.db.drop();
    });

    test('those in the audience read its level and audience wherever the record is shown; the others find no record', async () => {
      // The entitled ask first (ASKERS ends with the administrator), twice, so that an answer
      // cached for them would reach the others if the cache mixed them up.
      const order = [...ASKERS].reverse();
      for (const record of records) {
        for (const who of [...order, ...order]) {
          const sees = record.entitled.includes(who);
          const expected = { confidentiality: 'restricted', audience: record.audience };
          if (record.page) {
            const page = await ask(t, 'GET', record.page, as.headers[who]);
            assert.equal(page.status, sees ? 200 : 404, `${record.what}: its page for ${who}`);
            if (sees) assert.deepEqual({ confidentiality: page.body.confidentiality, audience: page.body.audience }, expected, `${record.what}: its page for ${who}`);
          }
          for (const [path, find] of record.shownIn) {
            const answer = await ask(t, 'GET', path, as.headers[who]);
            const view = answer.status === 200 ? find(answer.body) : undefined;
            assert.equal(view !== undefined, sees, `${record.what} in ${path} for ${who}`);
            if (sees) assert.deepEqual({ confidentiality: view.confidentiality, audience: view.audience }, expected, `${record.what} in ${path} for ${who}`);
          }
        }
      }
      assert.deepEqual(errors, [], 'no server errors');
    });

    test('a public record says so, with no audience', async () => {
      const au = await ask(t, 'GET', '/api/v1/organizations/au', as.headers.anonymous);
      assert.equal(au.status, 200);
      assert.deepEqual([au.body.confidentiality, au.body.audience], ['public', []]);
    });

    test('made internal without naming an audience, a record shows none, and those who read it before get the new level', async () => {
      const before = await ask(t, 'GET', '/api/v1/instruments/AYC', as.headers.stateEditor);
      assert.equal(before.body.confidentiality, 'restricted');
      made(await ask(t, 'PATCH', '/api/v1/instruments/AYC', admin(), { confidentiality: 'internal', source: AU_TREATIES }, { 'If-Match': `"v${before.body.version}"` }));
      // The stored audience stays (it has no effect on an internal record), and is not shown:
      // it could name a restricted organization to readers outside it.
      const row = await t.db.db.selectFrom('instrument').select('audience').where('code', '=', 'AYC').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.audience), ['organization:au', 'state:KEN']);
      for (const who of ['stateEditor', 'viewer'] as const) {
        const now = await ask(t, 'GET', '/api/v1/instruments/AYC', as.headers[who]);
        assert.equal(now.status, 200, who);
        assert.deepEqual([now.body.confidentiality, now.body.audience], ['internal', []], who);
      }
      assert.equal((await ask(t, 'GET', '/api/v1/instruments/AYC', as.headers.anonymous)).status, 404);
    });
  });
}
