// Finding a source by what an editor types (GET /api/v1/sources?q=, the edit forms' source
// picker): every word, whatever its case and accents, in the id, title or address; with the
// kind filter, sorting and pages of every list; a query matching nothing is an empty list; a
// restricted source is found only by those who may see it, the cached answer included.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saveSource, type SourceRecord } from '../../src/modules/sources/repository.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const COURT: SourceRecord = {
  id: 'test:cour-africaine-etat',
  title: "Cour africaine des droits de l'homme et des peuples : État des ratifications du Protocole (test)",
  url: 'https://www.african-court.org/wpafc/etat-des-ratifications/',
  kind: 'official',
  retrieved: '2026-01-15',
  asOf: null,
  copyOf: null,
};
const MEMO: SourceRecord = {
  id: 'test:restricted-memo',
  title: 'Zyxwv internal memorandum on Ratification (test)',
  url: 'https://intranet.example.org/memo',
  kind: 'secondary',
  retrieved: '2026-01-15',
  asOf: null,
  copyOf: null,
};

for (const dialect of testDialects()) {
  describe(`finding sources on ${dialect}`, () => {
    let t: TestApp;
    const errors: string[] = [];
    let ohchr: Record<string, string> = {};
    const ids = (body: { items: { id: string }[] }) => body.items.map((s) => s.id);

    before(async () => {
      t = await seededApp(dialect, errors);
      // Stored as a write would leave them, before any request, so no cached answer predates them.
      await saveSource(t.db.db, COURT);
      await saveSource(t.db.db, MEMO, { confidentiality: 'restricted', audience: JSON.stringify(['organization:au']) });
      ohchr = { Cookie: (await signIn(t.app, await makeAccount(t.db.db, 'ohchr@example.org', ['ohchr-editor']))).cookie };
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await t.db.drop();
    });

    test('words of the title, in any order, case and accents', async () => {
      for (const q of ['etat ratifications COUR', 'ÉTAT des Ratifications', 'cour africaine  peuples', 'état']) {
        const r = await t.get(`/api/v1/sources?q=${encodeURIComponent(q)}`);
        assert.equal(r.status, 200, q);
        assert.ok(ids(r.body).includes(COURT.id), `"${q}" finds the court's page`);
        assert.equal(r.body.total, r.body.items.length);
      }
      // Every word must be there: one that is not leaves it out.
      const r = await t.get(`/api/v1/sources?q=${encodeURIComponent('cour africaine banana')}`);
      assert.ok(!ids(r.body).includes(COURT.id));
    });

    test('by id and by address', async () => {
      const byId = await t.get(`/api/v1/sources?q=${encodeURIComponent(COURT.id.toUpperCase())}`);
      assert.deepEqual(ids(byId.body), [COURT.id]);
      const byAddress = await t.get(`/api/v1/sources?q=${encodeURIComponent('african-court.org/wpafc/ETAT-des')}`);
      assert.deepEqual(ids(byAddress.body), [COURT.id]);
    });

    test('nothing matching is an empty list, not an error; a blank query lists every source', async () => {
      const none = await t.get('/api/v1/sources?q=qqqzzzxxx-nowhere');
      assert.equal(none.status, 200);
      assert.deepEqual(none.body, { items: [], total: 0, next: null });
      const every = await t.get('/api/v1/sources?limit=1');
      const blank = await t.get('/api/v1/sources?limit=1&q=%20%20');
      assert.equal(blank.body.total, every.body.total);
      const long = await t.get(`/api/v1/sources?q=${'a'.repeat(201)}`);
      assert.equal(long.status, 400);
      assert.equal(long.body.error.details[0].parameter, 'q');
    });

    test('pages and sorting apply to the matches', async () => {
      const whole = await t.get('/api/v1/sources?q=ratification&limit=1000&sort=-id');
      assert.ok(whole.body.total > 10, `enough matches to page through (${whole.body.total})`);
      assert.deepEqual(
        ids(whole.body),
        [...ids(whole.body)].sort((a, b) => b.localeCompare(a, 'en', { numeric: true, sensitivity: 'base' })),
      );
      const paged: string[] = [];
      let cursor = '';
      do {
        const page = await t.get(`/api/v1/sources?q=ratification&limit=5&sort=-id${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(page.body.total, whole.body.total);
        assert.ok(page.body.items.length <= 5);
        paged.push(...ids(page.body));
        cursor = page.body.next ?? '';
      } while (cursor);
      assert.deepEqual(paged, ids(whole.body));
    });

    test('the kind filter, alone and with a query', async () => {
      const official = await t.get('/api/v1/sources?kind=official&limit=1000');
      assert.ok(official.body.total > 0);
      assert.ok(official.body.items.every((s: { kind: string }) => s.kind === 'official'));
      assert.deepEqual(ids((await t.get(`/api/v1/sources?kind=official&q=${encodeURIComponent(COURT.id)}`)).body), [COURT.id]);
      assert.deepEqual(ids((await t.get(`/api/v1/sources?kind=tertiary&q=${encodeURIComponent(COURT.id)}`)).body), []);
      const bad = await t.get('/api/v1/sources?kind=rumour');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details[0].parameter, 'kind');
    });

    test('a restricted source is found only by those who may see it, even once an answer is cached', async () => {
      const path = '/api/v1/sources?q=zyxwv';
      // OHCHR asks first: a cache that mixed askers up would hand its answer to the public.
      const seen = await t.get(path, ohchr);
      assert.deepEqual(ids(seen.body), [MEMO.id]);
      for (let i = 0; i < 2; i++) {
        const anonymous = await t.get(path);
        assert.equal(anonymous.status, 200);
        assert.deepEqual(anonymous.body, { items: [], total: 0, next: null });
      }
      const byId = await t.get(`/api/v1/sources?q=${encodeURIComponent(MEMO.id)}`);
      assert.equal(byId.body.total, 0, 'nor by its id');
      const words = await t.get('/api/v1/sources?q=internal%20memorandum&limit=1000');
      assert.ok(!ids(words.body).includes(MEMO.id), 'nor by words of its title');
    });
  });
}
