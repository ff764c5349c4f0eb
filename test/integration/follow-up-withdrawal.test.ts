// Withdrawing a follow-up entry recorded by mistake, on each database: the latest status falls back
// to the previous live one in the follow-up, the search's followUp facet and filter, and the export;
// the history keeps the entry, marked with the reason (who withdrew it: signed-in readers only);
// a blank reason, an editor of another State, a second withdrawal, an entry of another
// recommendation or one the writer may not see are refused and change nothing; each withdrawal
// is exactly one audit record (an update, with the entry before and after).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publicView } from '../../src/db/visibility.ts';
import { buildFacetIndexInBackground, currentFacetIndex } from '../../src/modules/recommendations/facet-index.ts';
import { searchRecommendationsWithIndex, searchRecommendationsWithSql } from '../../src/modules/recommendations/service.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Answer, type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { kenyaRecommendation } from '../support/follow-up.ts';

for (const dialect of testDialects()) {
  describe(`withdrawing follow-up entries on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    const headers: Record<string, Record<string, string>> = {};
    let ken = ''; // a recommendation to Kenya
    let other = ''; // another recommendation to Kenya

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'withdrawal');
      Object.assign(headers, as.headers);
      headers.fraEditor = (await signIn(t.app, await makeAccount(t.db.db, 'withdrawal-fra@example.org', ['state-editor:FRA']))).write;
      ken = await kenyaRecommendation(t, 11);
      other = await kenyaRecommendation(t, 12);
    });
    after(async () => {
      await t.db.drop();
    });

    const ok = (answer: Answer) => assert.equal(answer.status, 200, answer.text);
    const add = async (who: string, id: string, part: string, body: unknown) => {
      const answer = await ask(t, 'POST', `/api/v1/recommendations/${id}/follow-up/${part}`, headers[who]!, body);
      ok(answer);
      return answer.body.id as number;
    };
    const withdraw = (who: string, id: string, part: string, entry: number, body: unknown) =>
      ask(t, 'POST', `/api/v1/recommendations/${id}/follow-up/${part}/${entry}/withdrawal`, headers[who]!, body);
    const followUp = async (who: string, id: string) => {
      const answer = await ask(t, 'GET', `/api/v1/recommendations/${id}/follow-up`, headers[who]!);
      ok(answer);
      return answer.body;
    };
    const auditIds = async () => (await t.db.db.selectFrom('audit_record').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    const recordsAfter = async (last: number) => t.db.db.selectFrom('audit_record').selectAll().where('id', '>', last).execute();
    /** The followUp facet's counts, and the matches of followUp=<status>, for the recommendations of session 11 to Kenya. */
    const search = async (who: string) => {
      const answer = await ask(t, 'GET', '/api/v1/recommendations?state=KEN&session=11', headers[who]!);
      ok(answer);
      return Object.fromEntries(answer.body.facets.followUp.map((f: { value: string; count: number }) => [f.value, f.count]));
    };
    const filtered = async (who: string, status: string) => (await ask(t, 'GET', `/api/v1/recommendations?state=KEN&session=11&followUp=${status}&facets=false`, headers[who]!)).body.total;

    test('withdrawing the latest status makes the previous one the latest again, everywhere; the history keeps it, marked', async () => {
      await add('admin', ken, 'statuses', { status: 'in-progress', holdsFrom: '2022' });
      const mistaken = await add('stateEditor', ken, 'statuses', { status: 'implemented', holdsFrom: '2023-05' });
      assert.equal((await followUp('viewer', ken)).status.status, 'implemented');
      assert.deepEqual(await search('viewer'), { implemented: 1 });

      const last = Math.max(0, ...(await auditIds()));
      const answer = await withdraw('stateEditor', ken, 'statuses', mistaken, { reason: '  Recorded for the wrong recommendation  ' });
      ok(answer);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      assert.equal(answer.body.entry.id, mistaken);
      assert.equal(answer.body.entry.status, 'implemented');
      assert.equal(answer.body.entry.withdrawn.reason, 'Recorded for the wrong recommendation', 'the reason is trimmed');
      assert.equal(answer.body.entry.withdrawn.by, `user:${as.accounts.stateEditor.id}`);

      for (const who of ['viewer', 'anonymous', 'admin']) {
        const seen = await followUp(who, ken);
        assert.equal(seen.status.status, 'in-progress', `${who}: the previous status is the latest again`);
        assert.equal(seen.status.withdrawn, null);
        assert.deepEqual(
          seen.statuses.map((s: { status: string; withdrawn: { reason: string } | null }) => [s.status, s.withdrawn?.reason ?? null]),
          [
            ['implemented', 'Recorded for the wrong recommendation'],
            ['in-progress', null],
          ],
          `${who}: the history keeps the withdrawn entry with its reason`,
        );
        assert.equal(seen.statuses[0].withdrawn.by, who === 'anonymous' ? null : `user:${as.accounts.stateEditor.id}`, `${who}: who withdrew it, to signed-in readers only`);
        assert.deepEqual(await search(who), { 'in-progress': 1 }, `${who}: the facet counts the live latest status`);
        assert.equal(await filtered(who, 'implemented'), 0, `${who}: followUp=implemented`);
        assert.equal(await filtered(who, 'in-progress'), 1, `${who}: followUp=in-progress`);
      }
      const exported = await ask(t, 'GET', '/api/v1/recommendations/export/jsonl?state=KEN&session=11&followUp=implemented', headers.admin!);
      assert.equal(exported.text.trim(), '', 'the export filtered by the withdrawn status is empty');
      const assignment = (followUp: string) => ({ filter: { state: 'KEN', session: '11', followUp }, status: { status: 'not-started', holdsFrom: '2024' }, dryRun: true });
      const dryRun = async (followUp: string) => (await ask(t, 'POST', '/api/v1/follow-up/assignments', headers.admin!, assignment(followUp))).body.matched;
      assert.equal(await dryRun('implemented'), 0, 'a bulk assignment filtered by the withdrawn status matches nothing');
      assert.equal(await dryRun('in-progress'), 1, 'and one filtered by the status now latest matches it');
      // The facet index counts the followUp facet from the latest statuses too: it agrees with SQL.
      const reader = publicView(t.db.db);
      await buildFacetIndexInBackground(reader);
      assert.ok(await currentFacetIndex(reader), 'the index is built for the data as it is');
      const query = { state: 'KEN', session: '11', facets: 'true' as const };
      const fromIndex = await searchRecommendationsWithIndex(reader, query, 'en');
      assert.deepEqual(fromIndex.facets?.followUp, (await searchRecommendationsWithSql(reader, query, 'en')).facets?.followUp);
      assert.deepEqual(
        fromIndex.facets?.followUp?.map((f) => [f.value, f.count]),
        [['in-progress', 1]],
      );

      const records = await recordsAfter(last);
      assert.equal(records.length, 1, 'exactly one audit record');
      const record = records[0]!;
      assert.deepEqual([record.use_case, record.action, record.entity_kind, record.entity_id], ['follow-up.withdraw', 'update', 'recommendation-follow-up', ken]);
      assert.equal(JSON.parse(record.before!).status.withdrawn_at, null);
      assert.equal(JSON.parse(record.after!).status.withdrawn_reason, 'Recorded for the wrong recommendation');
      assert.match(record.summary, /status/);
      assert.ok(record.summary.includes(String(mistaken)) && record.summary.includes('Recorded for the wrong recommendation'), record.summary);
    });

    test('withdrawing every status leaves "no follow-up recorded"; an entity withdrawn gives way to the one before', async () => {
      const only = await add('admin', other, 'statuses', { status: 'not-started', holdsFrom: '2020' });
      const first = await add('admin', other, 'entities', { name: 'Ministry of Justice' });
      const second = await add('admin', other, 'entities', { name: 'Ministry of Finance' });
      ok(await withdraw('admin', other, 'statuses', only, { reason: 'Wrong date' }));
      ok(await withdraw('admin', other, 'entities', second, { reason: 'Wrong ministry' }));
      const seen = await followUp('viewer', other);
      assert.equal(seen.status, null);
      assert.equal(seen.entity.id, first);
      assert.equal(seen.entities.length, 2);
      const none = await ask(t, 'GET', '/api/v1/recommendations?state=KEN&session=12&followUp=none&facets=false', headers.viewer!);
      assert.deepEqual(
        none.body.items.map((i: { id: string }) => i.id),
        [other],
      );
    });

    test('refusals change nothing and add no audit record: blank reason 400, another State 403, twice 409, another recommendation 404', async () => {
      const entry = await add('stateEditor', ken, 'actions', { date: '2023', description: 'Bill tabled' });
      const before = await followUp('admin', ken);
      const last = Math.max(0, ...(await auditIds()));

      for (const body of [{ reason: '   ' }, { reason: '' }, {}, { reason: 'x'.repeat(501) }]) {
        const blank = await withdraw('stateEditor', ken, 'actions', entry, body);
        assert.equal(blank.status, 400, `${JSON.stringify(body).slice(0, 40)}: ${blank.text}`);
        assert.ok(
          blank.body.error.details.some((d: { field?: string }) => d.field === 'reason'),
          `names reason: ${blank.text}`,
        );
      }
      const forbidden = await withdraw('fraEditor', ken, 'actions', entry, { reason: 'Not mine' });
      assert.equal(forbidden.status, 403, forbidden.text);
      for (const who of ['viewer', 'otherEditor', 'ownEditor']) assert.equal((await withdraw(who, ken, 'actions', entry, { reason: 'No right' })).status, 403, who);
      assert.equal((await withdraw('anonymous', ken, 'actions', entry, { reason: 'No right' })).status, 401);

      const elsewhere = await withdraw('admin', other, 'actions', entry, { reason: 'Wrong recommendation' });
      assert.equal(elsewhere.status, 404, elsewhere.text);
      assert.match(elsewhere.body.error.message, new RegExp(`action entry of recommendation ${other}.*"${entry}"`));
      assert.equal((await withdraw('admin', ken, 'actions', 999999999, { reason: 'No such entry' })).status, 404);
      assert.equal((await withdraw('admin', 'upr-none', 'actions', entry, { reason: 'No such recommendation' })).status, 404);
      assert.equal((await withdraw('admin', ken, 'notes', entry, { reason: 'No such part' })).status, 400);
      assert.equal((await withdraw('admin', ken, 'actions', 'x' as unknown as number, { reason: 'Not a number' })).status, 400);

      assert.deepEqual(await recordsAfter(last), [], 'no audit record for a refusal');
      assert.deepEqual(await followUp('admin', ken), before, 'nothing changed');

      ok(await withdraw('stateEditor', ken, 'actions', entry, { reason: 'Duplicate' }));
      const twice = await withdraw('admin', ken, 'actions', entry, { reason: 'Duplicate again' });
      assert.equal(twice.status, 409, twice.text);
      assert.match(twice.body.error.message, /already withdrawn/);
      assert.equal((await recordsAfter(last)).length, 1, 'one audit record for the one withdrawal');
      const seen = await followUp('admin', ken);
      assert.equal(seen.actions.find((a: { id: number }) => a.id === entry).withdrawn.reason, 'Duplicate', 'the first reason stays');
    });

    test('two withdrawals of one entry at once: one succeeds, the other is a 409, one audit record', async () => {
      const entry = await add('admin', ken, 'projects', { title: 'A project linked twice', url: 'https://example.org/p/twice' });
      const last = Math.max(0, ...(await auditIds()));
      const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => withdraw('admin', ken, 'projects', entry, { reason: `Linked twice (${i})` })));
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409, 409, 409, 409]);
      assert.equal((await recordsAfter(last)).length, 1);
    });

    test('an entry the writer may not see is not found, never refused', async () => {
      const hidden = await add('admin', ken, 'statuses', { status: 'not-accepted', holdsFrom: '2021', confidentiality: 'restricted', audience: ['organization:coe'] });
      const answer = await withdraw('stateEditor', ken, 'statuses', hidden, { reason: 'Hidden from me' });
      assert.equal(answer.status, 404, answer.text);
      assert.ok(!answer.text.includes('not-accepted'));
      assert.equal((await followUp('admin', ken)).statuses.find((s: { id: number }) => s.id === hidden).withdrawn, null);
      assert.deepEqual(errors, [], 'no server errors');
    });
  });
}
