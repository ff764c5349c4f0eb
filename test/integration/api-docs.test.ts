// The browsable API page is served from the installed swagger-ui-dist (whose install-time
// telemetry dependency is replaced by an empty package): the page, its script and style, and
// the document it loads, all from this server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../support/databases.ts';
import { seededApp, type TestApp } from '../support/app.ts';

for (const dialect of testDialects()) {
  describe(`API docs page on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await seededApp(dialect);
    });
    after(() => t.db.drop());

    test('the page and every file it loads are served locally', async () => {
      const page = await t.app.request('/api/docs');
      assert.equal(page.status, 200);
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      assert.deepEqual(assets.sort(), ['/api/docs/init.js', '/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui.css']);
      for (const asset of assets) {
        const response = await t.app.request(asset);
        assert.equal(response.status, 200, asset);
        assert.match(response.headers.get('content-type') ?? '', asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/, asset);
        assert.ok((await response.arrayBuffer()).byteLength > (asset.endsWith('init.js') ? 50 : 10_000), asset);
      }
      const init = await (await t.app.request('/api/docs/init.js')).text();
      assert.match(init, /url: '\/api\/v1\/openapi\.json'/);
      assert.equal((await t.app.request('/api/v1/openapi.json')).status, 200);
    });
  });
}
