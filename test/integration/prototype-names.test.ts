// Names of JavaScript's built-in object members (__proto__, constructor, toString…) given as
// input: refused or handled like any other unknown name, never a 500. Lookups by a name the
// user chose must only see the table's own keys.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../support/databases.ts';
import { seededApp, type TestApp } from '../support/app.ts';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

for (const dialect of testDialects()) {
  describe(`prototype names in requests on ${dialect}`, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
    });
    after(() => t.db.drop());

    test('every list route refuses them as a sort key, naming the sort parameter', async () => {
      const doc = (await t.get('/api/v1/openapi.json')).body;
      const lists = Object.entries(doc.paths as Record<string, any>)
        .filter(([, item]) => (item.get?.parameters ?? []).some((p: any) => p.name === 'sort'))
        .map(([path]) => path.replace('{id}', 'coe').replace('{iso3}', 'FRA').replace('{code}', 'ICCPR'));
      assert.ok(lists.length >= 12, `${lists.length} list routes: ${lists.join(' ')}`);
      for (const path of lists) {
        for (const name of PROTOTYPE_NAMES) {
          for (const sort of [name, `-${name}`, `name,${name}`]) {
            const url = `${path}?sort=${encodeURIComponent(sort)}${path.endsWith('/search') ? '&q=fr' : ''}`;
            const { status, body } = await t.get(url);
            assert.equal(status, 400, `${url} → ${status}`);
            assert.equal(body.error.code, 'validation_failed', url);
            assert.ok(body.error.details.some((d: any) => d.parameter === 'sort'), url);
          }
        }
      }
      assert.deepEqual(serverErrors, []);
    });
  });
}
