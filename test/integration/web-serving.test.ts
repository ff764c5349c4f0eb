// How the server delivers the built web app: pages of the app answer index.html (deep links
// survive a reload), built files are served from memory with the right type, cache and
// compression, missing files and API addresses still get JSON 404s, and nothing outside the
// build can be reached.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import { createTestDb, type TestDb } from '../support/databases.ts';

const INDEX = '<!doctype html><html><head><title>Accord</title></head><body><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

describe('serving the web app', () => {
  let db: TestDb;
  let dist: string;
  let app: ReturnType<typeof buildApp>;
  before(async () => {
    db = await createTestDb('sqlite');
    dist = mkdtempSync(join(tmpdir(), 'accord-dist-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'geo'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'app-1a2b.js'), SCRIPT);
    writeFileSync(join(dist, 'geo', 'world.json'), JSON.stringify({ points: [], pad: 'y'.repeat(5000) }));
    writeFileSync(join(tmpdir(), 'accord-secret.txt'), 'CONTENT-OUTSIDE-THE-BUILD');
    app = buildApp({ db: db.db, webDir: dist });
  });
  after(async () => {
    await db.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  test('every page address of the app answers index.html with a strict content security policy', async () => {
    for (const path of ['/', '/en/', '/ar/states/FRA', '/fr/organizations/au?asOf=2000-01-01', '/zh/search?q=%E6%B3%95']) {
      const r = await app.request(path);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(await r.text(), INDEX);
      assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'; style-src 'self'/);
      assert.equal(r.headers.get('cache-control'), 'no-cache');
    }
  });

  test('built files: type, year-long cache for hashed assets, gzip when asked', async () => {
    const plain = await app.request('/assets/app-1a2b.js');
    assert.equal(plain.status, 200);
    assert.match(plain.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await plain.text(), SCRIPT);
    const zipped = await app.request('/assets/app-1a2b.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    const body = Buffer.from(await zipped.arrayBuffer());
    assert.ok(body.length < SCRIPT.length / 5);
    assert.equal(gunzipSync(body).toString(), SCRIPT);
    const geometry = await app.request('/geo/world.json');
    assert.match(geometry.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(geometry.headers.get('cache-control'), 'no-cache');
  });

  test('missing files, paths out of the build and API addresses are JSON 404s, not the app', async () => {
    for (const path of ['/assets/missing.js', '/favicon.ico', '/../accord-secret.txt', '/%2e%2e/accord-secret.txt', '/assets/..%2F..%2Findex.html.bak', '/api/v1/nothing', '/api']) {
      const r = await app.request(path);
      assert.equal(r.status, 404, path);
      assert.match(r.headers.get('content-type') ?? '', /^application\/json/, path);
      assert.doesNotMatch(await r.text(), /CONTENT-OUTSIDE-THE-BUILD/);
    }
  });

  test('the API is unchanged beside the app', async () => {
    const r = await app.request('/healthz');
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { status: 'ok' });
  });

  test('without a build, the root page says how to build the app instead of failing', async () => {
    const bare = buildApp({ db: db.db, webDir: join(dist, 'nothing-here') });
    const r = await bare.request('/en/states');
    assert.equal(r.status, 200);
    assert.match(await r.text(), /npm run build:web/);
  });
});
