// A method an address does not answer gets 405 with Allow (the methods it does answer, as the
// OpenAPI document lists them), in the usual error body; an address that does not exist stays a
// 404 whatever the method.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../support/databases.ts';
import { seededApp, type TestApp } from '../support/app.ts';

const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

for (const dialect of testDialects()) {
  describe(`write methods on read routes on ${dialect}`, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
    });
    after(() => t.db.drop());

    const answer = async (method: string, path: string) => {
      const response = await t.app.request(path, { method, body: method === 'GET' ? undefined : '{}', headers: { 'Content-Type': 'application/json' } });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    };

    test('every address of the API answers 405 with Allow for the methods it does not answer', async () => {
      const doc = (await t.get('/api/v1/openapi.json')).body;
      const documented = Object.entries<Record<string, unknown>>(doc.paths).map(([p, item]) => ({
        path: p.replace('{id}', 'coe').replace('{iso3}', 'FRA').replace('{code}', 'ICCPR'),
        methods: Object.keys(item).map((m) => m.toUpperCase()),
      }));
      assert.ok(documented.length > 20);
      const readOnly = ['/api/v1/openapi.json', '/api/docs', '/healthz', '/api/v1/states/XXX'].map((p) => ({ path: p, methods: ['GET'] }));
      for (const { path, methods } of [...documented, ...readOnly]) {
        const allowed = ['GET', 'HEAD', ...WRITES].filter((m) => methods.includes(m) || (m === 'HEAD' && methods.includes('GET')));
        for (const method of ['GET', ...WRITES].filter((m) => !allowed.includes(m))) {
          const { status, headers, body } = await answer(method, path);
          assert.equal(status, 405, `${method} ${path}`);
          assert.equal(headers.get('allow'), allowed.join(', '), `${method} ${path}`);
          assert.match(headers.get('content-type') ?? '', /^application\/json/);
          assert.ok(headers.get('x-request-id'));
          assert.equal(body.error.code, 'method_not_allowed');
          const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} and ${allowed.at(-1)}` : allowed.join('');
          assert.equal(body.error.message, `${method} is not allowed here: this address answers only ${list}`);
          assert.ok(Array.isArray(body.error.details));
        }
      }
      assert.deepEqual(serverErrors, []);
    });

    test('the read methods still answer', async () => {
      assert.equal((await answer('GET', '/api/v1/states')).status, 200);
      assert.equal((await t.app.request('/api/v1/states/FRA', { method: 'HEAD' })).status, 200);
      assert.equal((await answer('GET', '/healthz')).status, 200);
    });

    test('unknown addresses stay 404 whatever the method', async () => {
      for (const path of ['/api/v1/nothing', '/api/v1/states/FRA/nothing', '/api/v2/states', '/api/docs/nothing/deeper']) {
        for (const method of ['GET', ...WRITES]) {
          const { status, body } = await answer(method, path);
          assert.equal(status, 404, `${method} ${path}`);
          assert.equal(body.error.code, 'not_found');
        }
      }
    });
  });
}
