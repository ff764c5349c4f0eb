// States' requests for assistance on each database: entered by OHCHR, restricted to OHCHR and the
// requesting State by default (absent for everyone else from the list and the record, as 404);
// moved through the workflow only along its allowed steps, each naming the version it read, a
// declined request saying why and an answered one needing the project or event that answers it;
// overdue while due and open; corrected with links and documents checked field by field;
// deleted only with If-Match; every write one audit record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Answer, type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';

const SOURCE = { title: 'Letter of the Ministry of Justice to OHCHR', url: 'https://example.org/letters/1', kind: 'official', retrieved: '2026-11-30' };

for (const dialect of testDialects()) {
  describe(`requests for assistance on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const headers: Record<string, Record<string, string>> = {};

    before(async () => {
      t = await seededApp(dialect);
      as = await setUpAskers(t, 'requests');
      Object.assign(headers, as.headers);
      headers.ohchr = (await signIn(t.app, await makeAccount(t.db.db, 'requests-ohchr@example.org', ['ohchr-editor']))).write;
    });
    after(async () => {
      await t.db.drop();
    });

    const ok = (answer: Answer) => assert.equal(answer.status, 200, answer.text);
    const fields = (answer: Answer) => (answer.body?.error?.details ?? []).map((d: { field: string }) => d.field);
    const create = async (body: Record<string, unknown>) => {
      const answer = await ask(t, 'POST', '/api/v1/requests', headers.ohchr!, { source: SOURCE, ...body });
      ok(answer);
      return answer.body.id as string;
    };
    const read = (who: string, id: string) => ask(t, 'GET', `/api/v1/requests/${id}`, headers[who]!);
    const move = (id: string, version: number | null, body: unknown) => ask(t, 'POST', `/api/v1/requests/${id}/steps`, headers.ohchr!, body, version === null ? {} : { 'If-Match': `"v${version}"` });
    const auditCount = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('audit_record')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('a new request is restricted to OHCHR and the requesting State by default', async () => {
      const id = await create({ state: 'KEN', authority: 'Ministry of Justice', received: '2026-03-02', subject: 'Training of prison staff on the Convention against Torture' });
      assert.match(id, /^req-[a-z0-9]{10}$/);
      for (const who of ['anonymous', 'viewer', 'otherEditor', 'ownEditor']) {
        assert.equal((await read(who, id)).status, 404, `${who} may not see it`);
        const list = await ask(t, 'GET', '/api/v1/requests', headers[who]!);
        ok(list);
        assert.ok(!list.body.items.some((r: { id: string }) => r.id === id), `${who}: not listed`);
      }
      const seen = await read('stateEditor', id);
      ok(seen);
      assert.equal(seen.body.confidentiality, 'restricted');
      assert.deepEqual(seen.body.audience, ['state:KEN']);
      assert.equal(seen.body.status, 'received');
      assert.deepEqual(seen.body.next, ['under-assessment', 'declined', 'closed']);
      assert.equal(seen.body.steps[0].recordedBy, null, 'who recorded it: OHCHR only');
      assert.equal(seen.body.sources[0].title, SOURCE.title);
      const byAdmin = await read('admin', id);
      assert.match(byAdmin.body.steps[0].recordedBy, /^user:/);
    });

    test('only OHCHR enters requests: 401 for the public, 403 for a State editor', async () => {
      const body = { source: SOURCE, state: 'KEN', authority: 'Ministry', received: '2026-01-05', subject: 'x' };
      assert.equal((await ask(t, 'POST', '/api/v1/requests', headers.anonymous!, body)).status, 401);
      assert.equal((await ask(t, 'POST', '/api/v1/requests', headers.stateEditor!, body)).status, 403);
    });

    test('bad input is refused naming each field, and nothing is stored', async () => {
      const before = await auditCount();
      const answer = await ask(t, 'POST', '/api/v1/requests', headers.ohchr!, {
        source: SOURCE,
        state: 'XXX',
        authority: 'Ministry',
        received: '2026-05-10',
        subject: 'Support',
        due: '2026-05-01',
        links: [
          { kind: 'recommendation', ref: 'upr-no-such-thing' },
          { kind: 'resolution-paragraph', ref: 'op5 of the 2004 text' },
          { kind: 'resolution-paragraph', ref: 'local:ga-59-regional-arrangements-2004-12-20#op5' },
        ],
      });
      assert.equal(answer.status, 400, answer.text);
      assert.deepEqual(fields(answer).sort(), ['due', 'links.0.ref', 'links.1.ref', 'state']);
      const future = await ask(t, 'POST', '/api/v1/requests', headers.ohchr!, { source: SOURCE, state: 'KEN', authority: 'M', received: '2999-01-01', subject: 's' });
      assert.equal(future.status, 400);
      assert.deepEqual(fields(future), ['received']);
      assert.equal(await auditCount(), before, 'no audit record: nothing was written');
    });

    test('the workflow allows only its own steps, each naming the version it read', async () => {
      const id = await create({ state: 'KEN', authority: 'National Assembly', received: '2026-04-01', subject: 'Drafting a national human-rights action plan' });
      const skip = await move(id, 1, { status: 'answered', date: '2026-04-02' });
      assert.equal(skip.status, 400);
      assert.deepEqual(fields(skip), ['status']);
      assert.equal((await move(id, null, { status: 'under-assessment', date: '2026-04-02' })).status, 428);
      const moved = await move(id, 1, { status: 'under-assessment', date: '2026-04-02' });
      ok(moved);
      assert.equal(moved.body.version, 2);
      assert.equal((await move(id, 1, { status: 'accepted', date: '2026-04-03' })).status, 412, 'a stale version is refused');
      const early = await move(id, 2, { status: 'accepted', date: '2026-03-01' });
      assert.deepEqual(fields(early), ['date'], 'not before the last step');
      const unexplained = await move(id, 2, { status: 'declined', date: '2026-04-05' });
      assert.deepEqual(fields(unexplained), ['reason'], 'a declined request says why');
      ok(await move(id, 2, { status: 'accepted', date: '2026-04-05' }));
      const unanswered = await move(id, 3, { status: 'answered', date: '2026-04-06' });
      assert.deepEqual(fields(unanswered), ['status'], 'answered needs the project or event that answers it');

      await t.db.db
        .insertInto('event')
        .values({ id: 'ev-test-plan', kind: 'workshop', title: 'Workshop on the action plan', start_date: '2026-05-10', created_by: 'test', created_at: 'now', updated_at: 'now' })
        .execute();
      const linked = await ask(t, 'PATCH', `/api/v1/requests/${id}`, headers.ohchr!, { source: SOURCE, links: [{ kind: 'event', ref: 'ev-test-plan' }] }, { 'If-Match': '"v3"' });
      ok(linked);
      assert.deepEqual(linked.body.changed, ['links']);
      ok(await move(id, 4, { status: 'answered', date: '2026-05-11' }));
      const view = (await read('admin', id)).body;
      assert.deepEqual(
        view.steps.map((s: { status: string }) => s.status),
        ['received', 'under-assessment', 'accepted', 'answered'],
      );
      assert.deepEqual(view.links, [{ kind: 'event', ref: 'ev-test-plan', note: null }]);
      assert.deepEqual(view.next, ['closed']);
    });

    test('a request is overdue while due and open, and no longer once answered or closed', async () => {
      const late = await create({ state: 'KEN', authority: 'Ministry of Interior', received: '2025-11', subject: 'Police training', due: '2026-01-15' });
      const onTime = await create({ state: 'KEN', authority: 'Ministry of Interior', received: '2026-11', subject: 'Prison monitoring', due: '2999-01-01' });
      const overdue = await ask(t, 'GET', '/api/v1/requests?overdue=true&state=KEN', headers.admin!);
      ok(overdue);
      const ids = overdue.body.items.map((r: { id: string }) => r.id);
      assert.ok(ids.includes(late) && !ids.includes(onTime), ids.join());
      assert.equal(overdue.body.items.find((r: { id: string }) => r.id === late).overdue, true);
      ok(await move(late, 1, { status: 'closed', date: '2026-02-01' }));
      const after = await ask(t, 'GET', '/api/v1/requests?overdue=true&state=KEN', headers.admin!);
      assert.ok(!after.body.items.some((r: { id: string }) => r.id === late), 'a closed request is not overdue');
    });

    test('a correction is one audit record; a deletion needs If-Match and leaves nothing behind', async () => {
      const id = await create({ state: 'KEN', authority: 'Ministry', received: '2026-06-01', subject: 'Typo in the subjct' });
      const before = await auditCount();
      const fixed = await ask(
        t,
        'PATCH',
        `/api/v1/requests/${id}`,
        headers.ohchr!,
        { source: SOURCE, subject: 'Support to the national human-rights institution', documents: [{ title: 'The letter', url: 'https://example.org/letter.pdf', lang: 'en' }] },
        { 'If-Match': '"v1"' },
      );
      ok(fixed);
      assert.deepEqual(fixed.body.changed.sort(), ['documents', 'subject']);
      assert.equal(await auditCount(), before + 1);
      const view = (await read('admin', id)).body;
      assert.equal(view.subject, 'Support to the national human-rights institution');
      assert.equal(view.documents[0].title, 'The letter');
      assert.equal((await ask(t, 'DELETE', `/api/v1/requests/${id}`, headers.ohchr!)).status, 428);
      ok(await ask(t, 'DELETE', `/api/v1/requests/${id}`, headers.ohchr!, undefined, { 'If-Match': '"v2"' }));
      assert.equal((await read('admin', id)).status, 404);
      const leftovers = await t.db.db.selectFrom('cooperation_document').select('id').where('owner_id', '=', id).execute();
      assert.equal(leftovers.length, 0);
      const steps = await t.db.db.selectFrom('assistance_request_step').select('id').where('request_id', '=', id).execute();
      assert.equal(steps.length, 0);
    });

    test('a public request is seen by everyone', async () => {
      const id = await create({ state: 'KEN', authority: 'Government of Kenya', received: '2026-02', subject: 'Published request', confidentiality: 'public' });
      ok(await read('anonymous', id));
    });
  });
}
