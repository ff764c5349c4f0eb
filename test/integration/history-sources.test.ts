// The API the web app's timelines and sources page read: an organization's full member
// history, the list of every source, and the sources behind each coverage answer.
import assert from 'node:assert/strict';
import { isSourceAddress } from '../../src/shared/source-address.ts';
import { after, before, describe, test } from 'node:test';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`timeline and sources API on ${dialect}`, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
    });
    after(async () => {
      await t.db.drop();
      assert.deepEqual(serverErrors, [], 'no request may cause a server error');
    });

    test('organization history: every State that ever belonged, with all its events in order', async () => {
      const r = await t.get('/api/v1/organizations/au/history?limit=1000&lang=fr');
      assert.equal(r.status, 200);
      const morocco = r.body.items.find((m: any) => m.iso3 === 'MAR');
      assert.equal(morocco.name, 'Maroc');
      assert.deepEqual(
        morocco.events.map((e: any) => [e.event, e.date, e.precision]),
        [
          ['joined', '1963-05-25', 'day'],
          ['left', '1984-11-12', 'day'],
          ['joined', '2017-01-30', 'day'],
        ],
      );
      assert.ok(morocco.events.every((e: any) => e.verified && e.sources.length > 0));
      // More States have belonged over time than belong today (members at a date leave Morocco out in 1990).
      const in1990 = await t.get('/api/v1/organizations/au/members?limit=1000&asOf=1990-01-01');
      assert.ok(!in1990.body.items.some((m: any) => m.iso3 === 'MAR'));
      assert.ok(r.body.total >= in1990.body.total);
    });

    test('organization history: unknown organization is a 404, unknown sort a 400', async () => {
      assert.equal((await t.get('/api/v1/organizations/nope/history')).status, 404);
      const bad = await t.get('/api/v1/organizations/au/history?sort=height');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details[0].parameter, 'sort');
    });

    test('sources: every source once, with id, title, address and day consulted', async () => {
      // Every page, by the API's cursor: there are more sources than one page holds.
      const items: any[] = [];
      let total = 0;
      for (let next: string | null = ''; next !== null; ) {
        const r = await t.get(`/api/v1/sources?limit=1000${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
        assert.equal(r.status, 200);
        items.push(...r.body.items);
        total = r.body.total;
        next = r.body.next;
      }
      const ids = items.map((s: any) => s.id);
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(total, ids.length);
      for (const s of items) {
        // A web page read on a day, or Accord's own curated file (whose every row names its sources).
        if (s.url.startsWith('data/reference/')) assert.equal(s.retrieved, '');
        // A document that states neither an address nor a symbol (the 2004 resolution on regional arrangements): its title says which it is.
        else if (s.url === '') assert.match(s.title, /adopted on \d{1,2} \w+ \d{4}/);
        else {
          assert.ok(isSourceAddress(s.url), `${s.id}: ${s.url} is a web address or a UN document symbol`);
          assert.match(s.retrieved, /^\d{4}-\d{2}-\d{2}$/);
        }
        assert.ok(['official', 'secondary', 'tertiary'].includes(s.kind), `${s.id} says what kind of source it is`);
      }
      const page = await t.get('/api/v1/sources?limit=5&sort=-retrieved,id');
      assert.equal(page.body.items.length, 5);
    });

    test('coverage: each entry names its sources, and every id named is in the answer', async () => {
      const r = await t.get('/api/v1/coverage?asOf=2020-01-01');
      assert.equal(r.status, 200);
      const entries = r.body.states.flatMap((s: any) => s.mechanisms);
      assert.ok(entries.length > 100);
      for (const entry of entries) for (const id of entry.sourceIds) assert.ok(r.body.sources[id], `source ${id} is listed`);
      const france = r.body.states.find((s: any) => s.iso3 === 'FRA');
      const ecthr = france.mechanisms.find((m: any) => m.code === 'ECTHR');
      assert.ok(ecthr.sourceIds.length > 0, 'the ECHR ratification of France has a source');
      // A State profile gives the same sources, resolved.
      const profile = await t.get('/api/v1/states/FRA?asOf=2020-01-01');
      const fromProfile = profile.body.mechanisms.find((m: any) => m.code === 'ECTHR');
      assert.deepEqual(fromProfile.sources.map((s: any) => s.url).sort(), ecthr.sourceIds.map((id: string) => r.body.sources[id].url).sort());
    });
  });
}
