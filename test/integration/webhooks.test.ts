// Webhooks on both databases, against a real HTTP receiver on loopback (allowed here by
// ACCORD_WEBHOOK_ALLOW_LOOPBACK, as an operator would): administrators only; private, link-local
// and (unless allowed) loopback targets refused; deliveries signed with the secret shown once;
// failures retried with doubling waits up to a bound, then failed; redelivery; rotation.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { deliveryPass } from '../../src/modules/webhooks/deliver.ts';
import { verifySignature } from '../../src/modules/webhooks/signing.ts';
import { ALLOW_LOOPBACK_ENV } from '../../src/modules/webhooks/targets.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { newEventBody } from '../support/event-requests.ts';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiver that answers each request with the next status of `script` (then 204). */
function receiver(): Promise<{ server: Server; url: string; got: Received[]; script: number[] }> {
  const got: Received[] = [];
  const script: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 204;
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, script })));
}

for (const dialect of testDialects()) {
  describe(`webhooks on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    let r: Awaited<ReturnType<typeof receiver>>;
    let hook: { id: string; secret: string };
    const errors: string[] = [];
    const admin = () => as.headers.admin;
    let clock = new Date('2030-01-01T00:00:00Z');
    const pass = () => deliveryPass(t.db.db, { now: () => clock, backoffMs: 1000, maxAttempts: 3, timeoutMs: 2000 });

    before(async () => {
      process.env[ALLOW_LOOPBACK_ENV] = '1';
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'webhooks');
      r = await receiver();
    });
    after(async () => {
      delete process.env[ALLOW_LOOPBACK_ENV];
      r.server.close();
      await t.db.drop();
    });

    test('only administrators manage webhooks', async () => {
      for (const who of ['anonymous', 'viewer', 'ownEditor', 'stateEditor'] as const) {
        const answer = await ask(t, 'POST', '/api/v1/webhooks', as.headers[who], { url: r.url });
        assert.ok([401, 403].includes(answer.status), `${who}: ${answer.status}`);
        assert.ok([401, 403].includes((await ask(t, 'GET', '/api/v1/webhooks', as.headers[who])).status));
      }
    });

    test('targets on private, link-local, internal or (unless allowed) loopback addresses are refused', async () => {
      for (const url of [
        'http://10.0.0.1/',
        'http://169.254.169.254/latest/meta-data',
        'http://192.168.1.1/',
        'http://[::1]:9/',
        'http://[fd00::1]/',
        'ftp://example.org/',
        'http://user:pw@example.org/',
        'not a url',
      ]) {
        if (url.includes('::1')) delete process.env[ALLOW_LOOPBACK_ENV];
        const answer = await ask(t, 'POST', '/api/v1/webhooks', admin(), { url });
        process.env[ALLOW_LOOPBACK_ENV] = '1';
        assert.equal(answer.status, 400, url);
        assert.equal(answer.body.error.details[0].field, 'url', url);
      }
      delete process.env[ALLOW_LOOPBACK_ENV];
      assert.equal((await ask(t, 'POST', '/api/v1/webhooks', admin(), { url: 'http://localhost:9/' })).status, 400, 'localhost when not allowed');
      process.env[ALLOW_LOOPBACK_ENV] = '1';
      assert.equal((await ask(t, 'GET', '/api/v1/webhooks', admin())).body.items.length, 0, 'nothing half written');
    });

    test('the secret is shown once, never in reads nor in the audit trail', async () => {
      const made = await ask(t, 'POST', '/api/v1/webhooks', admin(), { url: r.url, filters: { kind: ['event'] }, description: 'test receiver' });
      assert.equal(made.status, 200, made.text);
      hook = { id: made.body.id, secret: made.body.secret };
      assert.match(hook.secret, /^whsec_/);
      const read = await ask(t, 'GET', `/api/v1/webhooks/${hook.id}`, admin());
      assert.equal(read.status, 200);
      assert.ok(!read.text.includes(hook.secret));
      const audit = await t.db.db.selectFrom('audit_record').select(['before', 'after', 'summary']).where('entity_kind', '=', 'webhook').execute();
      assert.equal(audit.length, 1);
      assert.ok(!JSON.stringify(audit).includes(hook.secret));
    });

    test('a public change is delivered, signed with the secret; restricted ones are not sent', async () => {
      await ask(t, 'POST', '/api/v1/events', admin(), newEventBody('hook-public'));
      await ask(t, 'POST', '/api/v1/events', admin(), { ...newEventBody('hook-secret'), confidentiality: 'restricted', audience: ['organization:au'] });
      const result = await pass();
      assert.equal(result.queued, 1);
      assert.equal(result.delivered, 1);
      assert.equal(r.got.length, 1);
      const [first] = r.got;
      const body = JSON.parse(first!.body);
      assert.equal(body.change.recordId, 'hook-public');
      assert.equal(body.change.record.title, 'National training course on treaty reporting');
      const header = String(first!.headers['accord-signature']);
      assert.ok(verifySignature(hook.secret, header, first!.body, Math.floor(clock.getTime() / 1000)), 'verifiable with the secret');
      assert.ok(!verifySignature('whsec_wrong', header, first!.body, Math.floor(clock.getTime() / 1000)));
      assert.ok(!verifySignature(hook.secret, header, `${first!.body} `, Math.floor(clock.getTime() / 1000)), 'a changed body fails');
      assert.equal((await pass()).queued, 0, 'nothing queued twice');
    });

    test('a failing receiver is retried with doubling waits, then the delivery fails; a redelivery sends it again', async () => {
      r.script.push(500, 503, 500);
      await ask(t, 'POST', '/api/v1/events', admin(), newEventBody('hook-retry'));
      const before = r.got.length;
      assert.deepEqual(await pass(), { queued: 1, delivered: 0, retried: 1, failed: 0 });
      assert.equal((await pass()).retried, 0, 'not due before its wait');
      clock = new Date(clock.getTime() + 1000);
      assert.equal((await pass()).retried, 1, 'sent again after 1 s');
      clock = new Date(clock.getTime() + 1000);
      assert.equal((await pass()).failed, 0, 'the second wait is 2 s');
      clock = new Date(clock.getTime() + 1000);
      assert.equal((await pass()).failed, 1, 'third attempt: the bound');
      assert.equal(r.got.length - before, 3);
      const log = (await ask(t, 'GET', `/api/v1/webhooks/${hook.id}/deliveries`, admin())).body;
      const failed = log.items[0];
      assert.equal(failed.status, 'failed');
      assert.equal(failed.attempts, 3);
      assert.deepEqual(
        failed.log.map((l: any) => l.status),
        [500, 503, 500],
      );
      const again = await ask(t, 'POST', `/api/v1/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`, admin());
      assert.equal(again.status, 200, again.text);
      assert.equal((await pass()).delivered, 1);
      const after = (await ask(t, 'GET', `/api/v1/webhooks/${hook.id}/deliveries`, admin())).body.items[0];
      assert.equal(after.status, 'delivered');
      assert.equal(after.log.length, 4);
    });

    test('rotation: the new secret signs the next delivery, the old one no longer does', async () => {
      const rotated = await ask(t, 'POST', `/api/v1/webhooks/${hook.id}/secret`, admin());
      assert.equal(rotated.status, 200);
      assert.notEqual(rotated.body.secret, hook.secret);
      await ask(t, 'POST', '/api/v1/events', admin(), newEventBody('hook-rotated'));
      await pass();
      const last = r.got.at(-1)!;
      const now = Math.floor(clock.getTime() / 1000);
      assert.ok(verifySignature(rotated.body.secret, String(last.headers['accord-signature']), last.body, now));
      assert.ok(!verifySignature(hook.secret, String(last.headers['accord-signature']), last.body, now));
    });

    test('a receiver that does not answer is retried, not a 500; removing a webhook ends its deliveries', async () => {
      const patched = await ask(t, 'PATCH', `/api/v1/webhooks/${hook.id}`, admin(), { url: 'http://127.0.0.1:9/closed' });
      assert.equal(patched.status, 200, patched.text);
      await ask(t, 'POST', '/api/v1/events', admin(), newEventBody('hook-unreachable'));
      assert.equal((await pass()).retried, 1);
      const latest = (await ask(t, 'GET', `/api/v1/webhooks/${hook.id}/deliveries`, admin())).body.items[0];
      assert.match(latest.lastError, /ECONNREFUSED|connect/);
      assert.equal((await ask(t, 'DELETE', `/api/v1/webhooks/${hook.id}`, admin())).status, 200);
      assert.equal((await ask(t, 'GET', `/api/v1/webhooks/${hook.id}`, admin())).status, 404);
      assert.equal(errors.length, 0, errors.join('\n'));
    });
  });
}
