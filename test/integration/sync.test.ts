// Instance to instance, on both databases: two instances of the app, each with its own database,
// the origin served over HTTP on loopback (allowed here as an operator would, like the webhooks'
// receiver). The receiving instance pulls the origin's change feed with an API token of the
// origin, keeps each record with its origin, resumes an interrupted sync without duplicates or
// loss, refuses a malformed page whole, retries an unavailable peer a bounded number of times,
// keeps the confidentiality the origin gave, and lists the facts on which the two disagree.
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createAdaptorServer } from '@hono/node-server';
import { createTokenUseCase } from '../../src/modules/accounts/tokens.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { syncPeer } from '../../src/modules/sync/run.ts';
import { ALLOW_LOOPBACK_ENV } from '../../src/modules/webhooks/targets.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { EVENT_SOURCE, newEventBody } from '../support/event-requests.ts';

const listen = (server: Server): Promise<string> => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

/** A loopback proxy to `target` that counts requests and, while `cutAt` names a request number, cuts that request's connection. */
function cuttingProxy(target: string) {
  const state = { requests: 0, cutAt: 0, asked: [] as string[] };
  const server = createServer((req, res) => {
    state.requests += 1;
    state.asked.push(req.url ?? '');
    if (state.requests === state.cutAt) {
      req.socket.destroy();
      return;
    }
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  return { server, state };
}

/** A peer that answers every request with this status and body. */
function fakePeer(answer: () => { status: number; body: string }) {
  let asked = 0;
  const server = createServer((_req, res) => {
    asked += 1;
    const { status, body } = answer();
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  return { server, asked: () => asked };
}

for (const dialect of testDialects()) {
  describe(`sync between two instances on ${dialect}`, () => {
    let origin: TestApp;
    let here: TestApp;
    let originAs: Askers;
    let as: Askers;
    let originServer: Server;
    let originUrl: string;
    let adminToken: string;
    let viewerToken: string;
    const servers: Server[] = [];
    const errors: string[] = [];
    const admin = () => as.headers.admin;
    const originPost = async (path: string, body: unknown) => {
      const answer = await ask(origin, 'POST', path, originAs.headers.admin, body);
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    };
    const addPeer = async (body: Record<string, unknown>) => {
      const answer = await ask(here, 'POST', '/api/v1/sync/peers', admin(), body);
      assert.equal(answer.status, 200, answer.text);
      return answer.body as { id: string; hasToken: boolean; cursor: string };
    };
    const records = async (who: keyof Askers['headers'], query = '') => {
      const answer = await ask(here, 'GET', `/api/v1/sync/records?limit=1000${query}`, as.headers[who]);
      assert.equal(answer.status, 200, answer.text);
      return answer.body as { items: { kind: string; recordId: string; confidentiality: string; record: any; origin: { url: string; peer: string } }[]; total: number };
    };
    const serve = async (server: Server) => {
      servers.push(server);
      return listen(server);
    };

    before(async () => {
      process.env[ALLOW_LOOPBACK_ENV] = '1';
      origin = await seededApp(dialect, errors);
      here = await seededApp(dialect, errors);
      originAs = await setUpAskers(origin, 'sync-origin');
      as = await setUpAskers(here, 'sync-here');
      originServer = createAdaptorServer({ fetch: origin.app.fetch }) as Server;
      originUrl = await serve(originServer);
      for (let i = 1; i <= 7; i += 1) await originPost('/api/v1/events', { ...newEventBody(`sync-${i}`), title: `Course ${i} <b>&amp;</b>` });
      await originPost('/api/v1/events', { ...newEventBody('sync-secret'), title: 'A restricted meeting', confidentiality: 'restricted', audience: ['organization:au'] });
      await originPost('/api/v1/events', { ...newEventBody('sync-internal'), title: 'An internal meeting', confidentiality: 'internal' });
      const made = (userId: string) => runUseCase(origin.db.db, createTokenUseCase, { actor: 'system', userId, name: 'sync', days: 1 }, systemContext('test'));
      adminToken = (await made(originAs.accounts.admin.id)).token;
      viewerToken = (await made(originAs.accounts.viewer.id)).token;
    });
    after(async () => {
      delete process.env[ALLOW_LOOPBACK_ENV];
      for (const server of servers) server.close();
      await origin.db.drop();
      await here.db.drop();
    });

    test('only administrators manage peers and start runs; a peer address must be http(s) and not internal', async () => {
      for (const who of ['anonymous', 'viewer', 'otherEditor', 'ownEditor', 'stateEditor'] as const) {
        assert.ok([401, 403].includes((await ask(here, 'POST', '/api/v1/sync/peers', as.headers[who], { name: 'x', baseUrl: originUrl })).status), who);
        assert.ok([401, 403].includes((await ask(here, 'GET', '/api/v1/sync/peers', as.headers[who])).status), who);
      }
      for (const baseUrl of ['http://10.1.2.3/', 'http://169.254.169.254/', 'ftp://example.org/', 'http://user:pw@example.org/', 'no address']) {
        const answer = await ask(here, 'POST', '/api/v1/sync/peers', admin(), { name: 'x', baseUrl });
        assert.equal(answer.status, 400, baseUrl);
        assert.equal(answer.body.error.details[0].field, 'baseUrl', baseUrl);
      }
      const bad = await ask(here, 'POST', '/api/v1/sync/peers', admin(), { name: 'x', baseUrl: originUrl, token: 'has spaces in it' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details[0].field, 'token');
    });

    test('a sync brings every record the token may see, with its origin; the token is never answered', async () => {
      const peer = await addPeer({ name: 'Origin (admin token)', baseUrl: originUrl, token: adminToken, pageSize: 3 });
      assert.equal(peer.hasToken, true);
      const run = await ask(here, 'POST', `/api/v1/sync/peers/${peer.id}/runs`, admin());
      assert.equal(run.status, 200, run.text);
      let state = run.body;
      for (let i = 0; i < 200 && state.status === 'running'; i += 1) {
        await new Promise((r) => setTimeout(r, 50));
        state = (await ask(here, 'GET', `/api/v1/sync/runs/${run.body.id}`, admin())).body;
      }
      assert.equal(state.status, 'done', JSON.stringify(state));
      const got = await records('admin', `&peer=${peer.id}&kind=event`);
      const ids = got.items.map((r) => r.recordId).filter((id) => id.startsWith('sync-'));
      assert.deepEqual(ids.sort(), ['sync-1', 'sync-2', 'sync-3', 'sync-4', 'sync-5', 'sync-6', 'sync-7', 'sync-internal', 'sync-secret']);
      const one = got.items.find((r) => r.recordId === 'sync-3')!;
      assert.equal(one.record.title, 'Course 3 <b>&amp;</b>', 'text is kept as the origin wrote it');
      assert.match(one.origin.url, new RegExp(`^${originUrl}/api/v1/changes/\\d+$`));
      assert.equal(one.origin.peer, 'Origin (admin token)');
      assert.equal(got.items.find((r) => r.recordId === 'sync-secret')!.confidentiality, 'restricted');

      const peers = await ask(here, 'GET', '/api/v1/sync/peers', admin());
      assert.ok(!peers.text.includes(adminToken), 'the token is not answered');
      const audit = await ask(here, 'GET', '/api/v1/audit?limit=1000', admin());
      assert.ok(!audit.text.includes(adminToken), 'the token is not in the audit trail');
      assert.ok(state.pages >= 3, `pages of 3 changes: ${state.pages}`);
    });

    test('what the origin restricted stays restricted here: the public sees public records only', async () => {
      const publicIds = (await records('anonymous', '&kind=event')).items.map((r) => r.recordId);
      assert.ok(publicIds.includes('sync-1'));
      assert.ok(!publicIds.includes('sync-secret') && !publicIds.includes('sync-internal'), publicIds.join(' '));
      const viewerIds = (await records('viewer', '&kind=event')).items.map((r) => r.recordId);
      assert.ok(viewerIds.includes('sync-internal') && !viewerIds.includes('sync-secret'), viewerIds.join(' '));
    });

    test("a peer's token decides what is sent: a viewer's token brings no restricted record", async () => {
      const peer = await addPeer({ name: 'Origin (viewer token)', baseUrl: originUrl, token: viewerToken });
      const run = await syncPeer(here.db.db, peer.id, systemContext('test'));
      assert.equal(run.status, 'done', run.error ?? '');
      const ids = (await records('admin', `&peer=${peer.id}&kind=event`)).items.map((r) => r.recordId);
      assert.ok(ids.includes('sync-internal') && !ids.includes('sync-secret'), ids.join(' '));
    });

    test('an interrupted sync resumes from the last page applied, without duplicates or loss', async () => {
      const proxy = cuttingProxy(originUrl);
      const proxyUrl = await serve(proxy.server);
      const peer = await addPeer({ name: 'Origin through a cut line', baseUrl: proxyUrl, token: adminToken, pageSize: 2 });
      proxy.state.cutAt = 3; // the third page's connection is cut: the first two are applied
      const cut = await syncPeer(here.db.db, peer.id, systemContext('test'), { attempts: 1, backoffMs: 1 });
      assert.equal(cut.status, 'failed');
      assert.match(cut.error ?? '', /socket hang up|ECONNRESET|closed/i);
      assert.equal(cut.pages, 2);
      const cursorAfterCut = String(cut.to_cursor);
      const heldAfterCut = (await records('admin', `&peer=${peer.id}`)).total;
      assert.equal(heldAfterCut, cut.applied);

      proxy.state.cutAt = 0;
      const askedBefore = proxy.state.asked.length;
      const resumed = await syncPeer(here.db.db, peer.id, systemContext('test'));
      assert.equal(resumed.status, 'done', resumed.error ?? '');
      assert.equal(String(resumed.from_cursor), cursorAfterCut);
      assert.match(proxy.state.asked[askedBefore] ?? '', new RegExp(`since=${cursorAfterCut}&`), 'the resumed run asks from the cursor, not from the start');

      const full = await syncPeer(here.db.db, (await addPeer({ name: 'Origin in one go', baseUrl: originUrl, token: adminToken })).id, systemContext('test'));
      assert.equal(full.status, 'done');
      const resumedSet = (await records('admin', `&peer=${peer.id}`)).items.map((r) => `${r.kind}/${r.recordId}`);
      assert.equal(new Set(resumedSet).size, resumedSet.length, 'no record twice');
      assert.equal(resumedSet.length, full.applied, 'as many records as a sync that was never cut');
      assert.equal(heldAfterCut + resumed.applied, resumedSet.length, 'the resumed run wrote only what the cut one had not');
    });

    test('a malformed or hostile page is refused whole, naming the entry and the field, asked again a bounded number of times; nothing of it is written', async () => {
      const good = { id: '5', at: '2026-01-01T00:00:00.000Z', kind: 'event', recordId: 'fake-1', action: 'created', summary: 'ok', confidentiality: 'public', facets: {}, record: { id: 'fake-1' } };
      const pages = [
        { items: [good, { ...good, id: '6', recordId: 'fake-2', action: 'exploded' }], next: '6', more: false },
        { items: [good, { ...good, id: '4', recordId: 'fake-2' }], next: '6', more: false },
        { items: [{ ...good, facets: { state: ['x'.repeat(5000)] } }], next: '5', more: false },
      ];
      const reasons = [/entry 2 \(change 6\): field "action"/, /entry 2 \(change 4\): field "id": must follow 5/, /entry 1 \(change 5\): field "facets.state.0"/];
      for (const [i, page] of pages.entries()) {
        const peerServer = fakePeer(() => ({ status: 200, body: JSON.stringify(page) }));
        const peer = await addPeer({ name: `Hostile ${i}`, baseUrl: await serve(peerServer.server) });
        const run = await syncPeer(here.db.db, peer.id, systemContext('test'), { attempts: 3, backoffMs: 1 });
        assert.equal(run.status, 'failed');
        assert.match(run.error ?? '', reasons[i]!);
        assert.equal(peerServer.asked(), 3, 'asked again, three attempts in all');
        assert.equal(JSON.parse(run.log).length, 3, 'each attempt logged');
        assert.equal((await records('admin', `&peer=${peer.id}`)).total, 0, 'nothing of the page is written');
        assert.equal((await ask(here, 'GET', `/api/v1/sync/peers/${peer.id}`, admin())).body.cursor, '0');
      }
      const notJson = fakePeer(() => ({ status: 200, body: '<html>' }));
      const peer = await addPeer({ name: 'Not JSON', baseUrl: await serve(notJson.server) });
      assert.match((await syncPeer(here.db.db, peer.id, systemContext('test'), { attempts: 2, backoffMs: 1 })).error ?? '', /not JSON/);
      assert.equal(notJson.asked(), 2);
    });

    test('an unavailable peer is asked again a bounded number of times, each attempt logged; a refused token is not retried', async () => {
      const down = fakePeer(() => ({ status: 503, body: '{}' }));
      const peer = await addPeer({ name: 'Down', baseUrl: await serve(down.server) });
      const run = await syncPeer(here.db.db, peer.id, systemContext('test'), { attempts: 3, backoffMs: 5 });
      assert.equal(run.status, 'failed');
      assert.equal(down.asked(), 3);
      const log = JSON.parse(run.log) as { error: string; url: string }[];
      assert.equal(log.length, 3);
      assert.ok(log.every((l) => l.error.includes('503') && l.url.includes('since=0')));

      const refusing = await addPeer({ name: 'Wrong token', baseUrl: originUrl, token: 'not_a_token_of_the_origin' });
      const refused = await syncPeer(here.db.db, refusing.id, systemContext('test'), { attempts: 3, backoffMs: 5 });
      assert.equal(refused.status, 'failed');
      assert.match(refused.error ?? '', /refused the token \(HTTP 401\)/);
      assert.equal(JSON.parse(refused.log).length, 1);
    });

    test('facts on which the origin and this instance differ are listed on the data-quality page, with their origin', async () => {
      const ours = await here.db.db.selectFrom('membership_event').selectAll().where('organization_id', '=', 'au').where('iso3', '=', 'KEN').where('date', 'is not', null).executeTakeFirstOrThrow();
      const path = `/api/v1/organizations/au/membership-events/KEN/${ours.seq}`;
      const version = (
        await origin.db.db.selectFrom('membership_event').select('row_version').where('organization_id', '=', 'au').where('iso3', '=', 'KEN').where('seq', '=', ours.seq).executeTakeFirstOrThrow()
      ).row_version;
      const changed = await ask(origin, 'PATCH', path, originAs.headers.admin, { date: '1999-12-31', source: EVENT_SOURCE }, { 'If-Match': `"v${version}"` });
      assert.equal(changed.status, 200, changed.text);
      // An organization too: another kind compared, with its own fields.
      const ourCoe = await here.db.db.selectFrom('organization').select('founded').where('id', '=', 'coe').executeTakeFirstOrThrow();
      const coeVersion = (await origin.db.db.selectFrom('organization').select('row_version').where('id', '=', 'coe').executeTakeFirstOrThrow()).row_version;
      const founded = await ask(origin, 'PATCH', '/api/v1/organizations/coe', originAs.headers.admin, { founded: '1999-12-31', source: EVENT_SOURCE }, { 'If-Match': `"v${coeVersion}"` });
      assert.equal(founded.status, 200, founded.text);
      const peer = await addPeer({ name: 'Origin with another date', baseUrl: originUrl, token: adminToken });
      assert.equal((await syncPeer(here.db.db, peer.id, systemContext('test'))).status, 'done');
      const found = await ask(here, 'GET', `/api/v1/data-quality/peer-disagreements?peer=${peer.id}`, as.headers.anonymous);
      assert.equal(found.status, 200, found.text);
      const kenya = found.body.items.find((d: any) => d.kind === 'membership-event' && d.fact.includes('KEN') && d.fact.includes('au'));
      assert.ok(kenya, JSON.stringify(found.body.items));
      assert.equal(kenya.ours, ours.date);
      assert.equal(kenya.theirs, '1999-12-31');
      assert.match(kenya.origin.url, /\/api\/v1\/changes\/\d+$/);
      const coe = found.body.items.find((d: any) => d.kind === 'organization' && d.recordId === 'coe');
      assert.ok(coe, JSON.stringify(found.body.items));
      assert.deepEqual([coe.field, coe.ours, coe.theirs], ['founded', ourCoe.founded, '1999-12-31']);
      // A record the origin never changed, and so never sent, is no disagreement.
      assert.equal(found.body.total, found.body.items.filter((d: any) => d.theirs === '1999-12-31').length);
    });

    test('removing a peer removes the records it sent', async () => {
      const peer = await addPeer({ name: 'To remove', baseUrl: originUrl, token: adminToken });
      await syncPeer(here.db.db, peer.id, systemContext('test'));
      assert.ok((await records('admin', `&peer=${peer.id}`)).total > 0);
      assert.equal((await ask(here, 'DELETE', `/api/v1/sync/peers/${peer.id}`, admin())).status, 200);
      assert.equal((await records('admin', `&peer=${peer.id}`)).total, 0);
      assert.equal((await ask(here, 'GET', `/api/v1/sync/peers/${peer.id}`, admin())).status, 404);
      assert.deepEqual(errors, []);
    });
  });
}
