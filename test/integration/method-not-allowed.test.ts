// A write method on an address that only reads answers 405 with Allow, in the usual error
// body; an address that does not exist stays a 404 whatever the method.
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

    test('every read route of the API answers 405 with Allow: GET, HEAD', async () => {
      const doc = (await t.get('/api/v1/openapi.json')).body;
      const paths = Object.keys(doc.paths).map((p) => p.replace('{id}', 'coe').replace('{iso3}', 'FRA').replace('{code}', 'ICCPR'));
      assert.ok(paths.length > 20);
      for (const path of [...paths, '/api/v1/openapi.json', '/api/docs', '/healthz', '/api/v1/states/XXX']) {
        for (const method of WRITES) {
          const { status, headers, body } = await answer(method, path);
          assert.equal(status, 405, `${method} ${path}`);
          assert.equal(headers.get('allow'), 'GET, HEAD', `${method} ${path}`);
          assert.match(headers.get('content-type') ?? '', /^application\/json/);
          assert.ok(headers.get('x-request-id'));
          assert.equal(body.error.code, 'method_not_allowed');
          assert.match(body.error.message, new RegExp(`${method} .*GET and HEAD`));
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
