// Hostile strings in every parameter of every endpoint: never a 500, always a JSON answer,
// and nothing reflected unescaped as HTML.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../support/databases.ts';
import { seededApp, type TestApp } from '../support/app.ts';

const HOSTILE = [
  "'",
  '"',
  "' OR '1'='1",
  '1; DROP TABLE state; --',
  "Robert'); DELETE FROM source;--",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  'x'.repeat(10_000),
  '\u0000',
  '\u202e\u0645\u0635\u0631',
  '😀'.repeat(50),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text
  '${7*7}',
  '{{7*7}}',
];
// Raw, already percent-encoded forms: invalid UTF-8 and overlong sequences.
const RAW = ['%FF', '%C0%AF', '%E2%82', '%ED%A0%80', '%', '%zz'];

for (const dialect of testDialects()) {
  describe(`hostile input on ${dialect}`, () => {
    let t: TestApp;
    let paths: [string, any][];
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
      paths = Object.entries((await t.get('/api/v1/openapi.json')).body.paths);
    });
    after(() => t.db.drop());

    test('every query and path parameter', async () => {
      let requests = 0;
      for (const [path, item] of paths) {
        const params: any[] = item.get?.parameters ?? [];
        const names = [...params.map((p) => ({ name: p.name as string, in: p.in as string })), { name: 'unexpected', in: 'query' }];
        for (const param of names) {
          for (const value of [...HOSTILE.map(encodeURIComponent), ...RAW]) {
            const base = path.replace(/\{(\w+)\}/g, (_, n) => (param.in === 'path' && n === param.name ? value : n === 'iso3' ? 'FRA' : n === 'id' ? 'coe' : 'ICCPR'));
            const url = param.in === 'query' ? `${base}?${param.name}=${value}${path.endsWith('/search') && param.name !== 'q' ? '&q=fr' : ''}` : base;
            const response = await t.app.request(url);
            requests += 1;
            assert.ok(response.status < 500, `${url.slice(0, 120)} → ${response.status}`);
            assert.match(response.headers.get('content-type') ?? '', /application\/json/, url.slice(0, 120));
            const body = await response.text();
            assert.ok(!body.includes('<script>'), 'no raw HTML is echoed');
            JSON.parse(body);
          }
        }
      }
      assert.ok(requests > 500, `${requests} requests`);
      assert.deepEqual(serverErrors, []);
    });

    test('the database is intact afterwards', async () => {
      assert.equal((await t.get('/api/v1/states')).body.total, 197);
      assert.ok((await t.db.db.selectFrom('source').select('id').execute()).length > 10);
    });
  });
}
