// Events of the technical-cooperation programme (docs/COOPERATION.md, "Events"), on both
// databases: the shipped Asia-Pacific workshops with their sources; creating, correcting and
// deleting events through the write path (versions, bad input named by field); participation
// counts that survive a participant's erasure; confidentiality in lists, details, exports and
// both calendars; the secret calendar address and its revocation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { ask } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';

const SOURCE = { title: 'OHCHR, programme files of the test', url: 'https://www.ohchr.org/en/countries', kind: 'official', retrieved: '2026-01-15' };

function unfold(ics: string): string {
  return ics.replace(/\r\n /g, '');
}

for (const dialect of testDialects()) {
  describe(`events on ${dialect}`, () => {
    let t: TestApp;
    const errors: string[] = [];
    let admin: Record<string, string>;
    let kenya: Record<string, string>;
    let viewer: Record<string, string>;

    before(async () => {
      t = await seededApp(dialect, errors);
      const a = await makeAccount(t.db.db, 'events-admin@example.org', ['ohchr-editor']);
      const k = await makeAccount(t.db.db, 'events-kenya@example.org', ['state-editor:KEN']);
      const v = await makeAccount(t.db.db, 'events-viewer@example.org', ['viewer']);
      admin = (await signIn(t.app, a)).write;
      kenya = (await signIn(t.app, k)).write;
      viewer = (await signIn(t.app, v)).write;
    });
    after(async () => {
      assert.deepEqual(errors, [], 'no server errors');
      await t.db.drop();
    });

    test('the shipped workshops: Islamabad and Doha to the day, with official sources; Bangkok 2001 only to the month', async () => {
      const islamabad = await t.get('/api/v1/events/asia-pacific-workshop-11');
      assert.equal(islamabad.status, 200);
      assert.equal(islamabad.body.start, '2003-02-25');
      assert.equal(islamabad.body.end, '2003-02-27');
      assert.equal(islamabad.body.city, 'Islamabad');
      assert.equal(islamabad.body.country, 'PAK');
      assert.equal(islamabad.body.origin, 'reference');
      assert.ok(islamabad.body.sources.some((s: any) => s.kind === 'official'));
      const doha = (await t.get('/api/v1/events/asia-pacific-workshop-12')).body;
      assert.deepEqual([doha.start, doha.end, doha.city, doha.seriesNumber], ['2004-03-02', '2004-03-04', 'Doha', 12]);
      assert.ok(doha.sources.some((s: any) => s.kind === 'official' && /20 December 2004/.test(s.title)));
      assert.deepEqual(
        doha.links.map((l: any) => l.ref),
        ['local:ga-59-regional-arrangements-2004-12-20#op8c'],
      );
      assert.equal((await t.get('/api/v1/events/asia-pacific-workshop-14')).body.documents[0].url, 'A/HRC/7/35');
      assert.equal((await t.get('/api/v1/events/asia-pacific-workshop-09')).body.start, '2001-02');
      const series = (await t.get('/api/v1/event-series/asia-pacific-workshops')).body;
      assert.equal(series.events.length, 15);
      assert.deepEqual(
        series.events.slice(0, 3).map((e: any) => e.seriesNumber),
        [1, 2, 3],
      );
      assert.match(series.description, /Framework for Regional Technical Cooperation/);
      const all = JSON.stringify(await t.get('/api/v1/events?limit=1000'));
      assert.ok(!all.includes('59/183'), 'the 2004 resolution is never given a symbol');
    });

    let eventId = '';
    test('create, then a correction needs the version (428, then 412 when stale)', async () => {
      const made = await ask(t, 'POST', '/api/v1/events', admin, {
        id: 'test-nairobi-course',
        kind: 'national-training-course',
        title: 'National training course for government personnel on treaty reporting',
        start: '2026-03-10',
        end: '2026-03-12',
        city: 'Nairobi',
        country: 'KEN',
        organizers: [{ role: 'host', name: 'Government of Kenya', stateIso3: 'KEN' }],
        source: SOURCE,
      });
      assert.equal(made.status, 200, made.text);
      eventId = made.body.id;
      assert.equal((await ask(t, 'PATCH', `/api/v1/events/${eventId}`, admin, { city: 'Mombasa', source: SOURCE })).status, 428);
      const ok = await ask(t, 'PATCH', `/api/v1/events/${eventId}`, admin, { city: 'Mombasa', source: SOURCE }, { 'If-Match': '"v1"' });
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.body, { changed: ['city'], version: 2 });
      const stale = await ask(t, 'PATCH', `/api/v1/events/${eventId}`, admin, { city: 'Kisumu', source: SOURCE }, { 'If-Match': '"v1"' });
      assert.equal(stale.status, 412);
    });

    test('bad input: each refusal names its field', async () => {
      const base = { kind: 'workshop', title: 'A workshop', start: '2026-05-10', source: SOURCE };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, end: '2026-05-09' }, 'end'],
        [{ ...base, country: 'XXX' }, 'country'],
        [{ ...base, kind: 'picnic' }, 'kind'],
        [{ ...base, start: '2026-02-30' }, 'start'],
      ];
      for (const [body, field] of cases) {
        const r = await ask(t, 'POST', '/api/v1/events', admin, body);
        assert.equal(r.status, 400, `${field}: ${r.text}`);
        assert.ok(
          r.body.error.details.some((d: any) => d.field === field),
          `${field} named in ${r.text}`,
        );
      }
      const late = await ask(t, 'PATCH', `/api/v1/events/${eventId}`, admin, { end: '2026-03-01', source: SOURCE }, { 'If-Match': '"v2"' });
      assert.equal(late.status, 400);
      assert.equal(late.body.error.details[0].field, 'end');
      const negative = await ask(t, 'PUT', `/api/v1/events/${eventId}/participation`, admin, { counts: [{ country: 'KEN', headcount: -1 }], source: SOURCE }, { 'If-Match': '"v2"' });
      assert.equal(negative.status, 400);
      assert.match(negative.body.error.details[0].field, /^counts\W+0\W+headcount$/);
    });

    test('counts with totals; a participant erased keeps the counts; only OHCHR reads participants', async () => {
      const counts = [
        { country: 'KEN', institution: 'government', gender: 'women', headcount: 12 },
        { country: 'KEN', institution: 'nhri', gender: 'men', headcount: 5 },
        { country: 'UGA', institution: 'government', gender: 'women', headcount: 3 },
      ];
      const put = await ask(t, 'PUT', `/api/v1/events/${eventId}/participation`, admin, { counts, source: SOURCE }, { 'If-Match': '"v2"' });
      assert.equal(put.status, 200, put.text);
      const person = await ask(t, 'POST', `/api/v1/events/${eventId}/participants`, admin, {
        name: 'Jane Wanjiru',
        position: 'State Counsel',
        country: 'KEN',
        institution: 'government',
        gender: 'women',
      });
      assert.equal(person.status, 200, person.text);
      const listed = await ask(t, 'GET', `/api/v1/events/${eventId}/participants`, admin);
      assert.equal(listed.body.items[0].name, 'Jane Wanjiru');
      assert.equal((await ask(t, 'GET', `/api/v1/events/${eventId}/participants`, kenya)).status, 403);
      assert.equal((await ask(t, 'GET', `/api/v1/events/${eventId}/participants`, {})).status, 401);
      const erased = await ask(t, 'POST', `/api/v1/events/${eventId}/participants/${person.body.id}/erasure`, admin);
      assert.deepEqual(erased.body, { erased: true });
      const after = (await ask(t, 'GET', `/api/v1/events/${eventId}/participants`, admin)).body.items[0];
      assert.deepEqual([after.name, after.position, after.country, after.gender], [null, null, 'KEN', 'women']);
      assert.ok(after.erasedAt);
      const detail = (await t.get(`/api/v1/events/${eventId}`)).body;
      assert.equal(detail.participation.total, 20);
      assert.deepEqual(detail.participation.byCountry, [
        { country: 'KEN', headcount: 17 },
        { country: 'UGA', headcount: 3 },
      ]);
      assert.ok(!JSON.stringify(detail).includes('Wanjiru'));
      const audit = await t.db.db.selectFrom('audit_record').select(['before', 'after', 'summary']).where('entity_kind', '=', 'event-participant').execute();
      assert.ok(audit.length === 2 && !JSON.stringify(audit).includes('Wanjiru'), 'the audit trail never names the person');
    });

    test('follow-up actions: overdue when past due and open', async () => {
      const made = await ask(t, 'POST', `/api/v1/events/${eventId}/actions`, admin, { description: 'Send the report to participants', owner: 'OHCHR Nairobi', due: '2026-04-01' });
      assert.equal(made.status, 200, made.text);
      await ask(t, 'POST', `/api/v1/events/${eventId}/actions`, admin, { description: 'Plan a second course', owner: 'Government of Kenya', due: '2999-01' });
      let actions = (await t.get(`/api/v1/events/${eventId}`)).body.actions;
      assert.deepEqual(
        actions.map((a: any) => a.overdue),
        [true, false],
      );
      const done = await ask(t, 'PATCH', `/api/v1/events/${eventId}/actions/${made.body.id}`, admin, { status: 'done', doneOn: '2026-04-03' });
      assert.deepEqual(done.body, { changed: ['status', 'doneOn'] });
      actions = (await t.get(`/api/v1/events/${eventId}`)).body.actions;
      assert.equal(actions[0].overdue, false);
    });

    test('a restricted event: hidden from the public everywhere, in the calendar of an entitled user', async () => {
      const made = await ask(t, 'POST', '/api/v1/events', admin, {
        id: 'test-restricted-meeting',
        kind: 'high-level-governmental-expert-meeting',
        title: 'Expert meeting, Kenya only',
        start: '2026-06-01',
        end: '2026-06-02',
        country: 'KEN',
        confidentiality: 'restricted',
        audience: ['state:KEN'],
        source: SOURCE,
      });
      assert.equal(made.status, 200, made.text);
      await ask(t, 'PUT', '/api/v1/events/test-restricted-meeting/participation', admin, { counts: [{ country: 'KEN', headcount: 9 }], source: SOURCE }, { 'If-Match': '"v1"' });
      await ask(t, 'POST', '/api/v1/events/test-restricted-meeting/participants', admin, { name: 'John Otieno', country: 'KEN' });
      const list = JSON.stringify((await t.get('/api/v1/events?limit=1000')).body);
      assert.ok(!list.includes('test-restricted-meeting'));
      assert.equal((await t.get('/api/v1/events/test-restricted-meeting')).status, 404);
      const csv = await (await t.app.request('/api/v1/events/export/participation.csv')).text();
      assert.ok(!csv.includes('test-restricted-meeting'));
      const publicIcs = await (await t.app.request('/api/v1/events.ics', { headers: kenya })).text();
      assert.ok(!publicIcs.includes('test-restricted-meeting'), 'the public calendar is public whoever asks');
      assert.equal((await ask(t, 'GET', '/api/v1/events/test-restricted-meeting', viewer)).status, 404);
      assert.equal((await ask(t, 'GET', '/api/v1/events/test-restricted-meeting', kenya)).status, 200);
      assert.equal((await ask(t, 'GET', '/api/v1/events/test-restricted-meeting/participants', kenya)).status, 403);

      const feed = await ask(t, 'POST', '/api/v1/users/me/calendar-feed', kenya);
      assert.equal(feed.status, 200, feed.text);
      const path = new URL(feed.body.url).pathname;
      const mine = await t.app.request(path);
      assert.equal(mine.status, 200);
      assert.match(mine.headers.get('cache-control') ?? '', /no-store/);
      const text = unfold(await mine.text());
      assert.ok(text.includes('UID:test-restricted-meeting@accord'));
      assert.ok(!text.includes('Otieno'), 'no participant in a calendar');
      const stored = await t.db.db.selectFrom('calendar_feed').select('token_hash').execute();
      assert.ok(
        stored.every((r) => !path.includes(r.token_hash)),
        'only the hash is stored',
      );
      assert.equal((await ask(t, 'DELETE', '/api/v1/users/me/calendar-feed', kenya)).status, 200);
      assert.equal((await t.app.request(path)).status, 404);
      assert.equal((await t.app.request('/api/v1/calendar/acf_nothing.ics')).status, 404);
    });

    test('iCalendar: CRLF, folding at 75 octets, escaping, all-day DTEND exclusive; partial dates left out', async () => {
      const made = await ask(t, 'POST', '/api/v1/events', admin, {
        id: 'test-long-seminar',
        kind: 'seminar',
        title: 'Seminar on regional arrangements; human rights, cooperation \\ a title long enough to be folded — über alles',
        start: '2026-12-31',
        city: 'Geneva',
        source: SOURCE,
      });
      assert.equal(made.status, 200, made.text);
      const ics = await (await t.app.request('/api/v1/events.ics')).text();
      assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'));
      for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `too long: ${line}`);
      assert.ok(!/[^\r]\n/.test(ics), 'every line ends in CRLF');
      const text = unfold(ics);
      assert.ok(text.includes('SUMMARY:Seminar on regional arrangements\\; human rights\\, cooperation \\\\ a title'));
      assert.ok(text.includes('UID:test-long-seminar@accord\r\n'));
      const block = text.slice(text.indexOf('UID:test-long-seminar'));
      assert.match(block, /DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n/);
      const islamabad = text.slice(text.indexOf('UID:asia-pacific-workshop-11@accord'));
      assert.match(islamabad, /DTSTART;VALUE=DATE:20030225\r\nDTEND;VALUE=DATE:20030228\r\n/);
      assert.ok(!text.includes('UID:asia-pacific-workshop-09@'), 'an event known to the month is not placed on a day');
    });

    test('delete: a user event with its version; a shipped event is corrected, never deleted', async () => {
      assert.equal((await ask(t, 'DELETE', '/api/v1/events/asia-pacific-workshop-11', admin, undefined, { 'If-Match': '"v1"' })).status, 409);
      assert.equal((await ask(t, 'DELETE', `/api/v1/events/${eventId}`, kenya, undefined, { 'If-Match': '"v3"' })).status, 403);
      const gone = await ask(t, 'DELETE', `/api/v1/events/${eventId}`, admin, undefined, { 'If-Match': '"v3"' });
      assert.equal(gone.status, 200, gone.text);
      assert.equal((await t.get(`/api/v1/events/${eventId}`)).status, 404);
    });

    test('a correction of a shipped event keeps the shipped value beside it', async () => {
      const version = (await t.get('/api/v1/events/asia-pacific-workshop-13')).body.version;
      const r = await ask(t, 'PATCH', '/api/v1/events/asia-pacific-workshop-13', admin, { end: '2005-09-01', source: SOURCE }, { 'If-Match': `"v${version}"` });
      assert.equal(r.status, 200, r.text);
      const e = (await t.get('/api/v1/events/asia-pacific-workshop-13')).body;
      assert.equal(e.end, '2005-09-01');
      assert.equal(e.corrections[0].field, 'end');
      assert.equal(e.corrections[0].overridden.value, '2005-09-02');
      // A re-seed keeps the correction, and the counts entered on a shipped event.
      const version13 = e.version;
      const put = await ask(
        t,
        'PUT',
        '/api/v1/events/asia-pacific-workshop-13/participation',
        admin,
        { counts: [{ country: 'CHN', headcount: 40 }], source: SOURCE },
        { 'If-Match': `"v${version13}"` },
      );
      assert.equal(put.status, 200, put.text);
      await seedReferenceData(t.db.db, loadReferenceData(), { force: true });
      const reseeded = (await t.get('/api/v1/events/asia-pacific-workshop-13')).body;
      assert.equal(reseeded.end, '2005-09-01');
      assert.equal(reseeded.participation.total, 40);
      assert.equal(reseeded.origin, 'reference');
    });
  });
}
