// JSON answers are compressed when the client accepts it (br, else gzip), plain otherwise; the
// compressed answers keep working with the response cache and its ETags. In process on each
// database, and once through a real server, reading the bytes as they leave the socket.
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { startAccord, type RunningServer } from '../support/server.ts';

const STATES = '/api/v1/states?limit=1000';

for (const dialect of testDialects()) {
  describe(`compressed JSON on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await seededApp(dialect);
    });
    after(async () => {
      await t.db.drop();
    });

    test('Accept-Encoding: gzip gets a gzip body that decompresses to the same JSON as the plain answer', async () => {
      const plain = await t.app.request(STATES);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers.get('content-encoding'), null, 'no Accept-Encoding: plain JSON');
      const plainText = await plain.text();
      const parsed = JSON.parse(plainText);
      assert.equal(parsed.items.length, 197);

      const zipped = await t.app.request(STATES, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(zipped.status, 200);
      assert.equal(zipped.headers.get('content-encoding'), 'gzip');
      assert.match(zipped.headers.get('content-type') ?? '', /^application\/json/);
      assert.match(zipped.headers.get('vary') ?? '', /Accept-Encoding/);
      const bytes = Buffer.from(await zipped.arrayBuffer());
      assert.ok(bytes.length < plainText.length / 10, `gzip: ${bytes.length} bytes for ${plainText.length}`);
      assert.deepEqual(JSON.parse(gunzipSync(bytes).toString('utf8')), parsed);
    });

    test('br is preferred when accepted, and a coding refused by q=0 is not used', async () => {
      const br = await t.app.request(STATES, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      assert.equal(br.headers.get('content-encoding'), 'br');
      assert.equal(JSON.parse(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).items.length, 197);
      const noBr = await t.app.request(STATES, { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
      assert.equal(noBr.headers.get('content-encoding'), 'gzip');
      const none = await t.app.request(STATES, { headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(none.headers.get('content-encoding'), null);
      assert.equal((await none.json()).items.length, 197);
    });

    test('each coding has its own ETag, and any of them revalidates to 304', async () => {
      const plain = await t.app.request(STATES);
      const zipped = await t.app.request(STATES, { headers: { 'Accept-Encoding': 'gzip' } });
      const plainTag = plain.headers.get('etag')!;
      const zipTag = zipped.headers.get('etag')!;
      assert.ok(plainTag && zipTag);
      assert.notEqual(plainTag, zipTag, 'a compressed body is another representation');
      for (const [tag, encoding] of [
        [zipTag, 'gzip'],
        [plainTag, 'gzip'],
        [zipTag, undefined],
        [`W/${zipTag}`, 'gzip'],
      ] as const) {
        const again = await t.app.request(STATES, { headers: { 'If-None-Match': tag, ...(encoding ? { 'Accept-Encoding': encoding } : {}) } });
        assert.equal(again.status, 304, `${tag} with ${encoding ?? 'no coding'}`);
        assert.equal(again.headers.get('etag'), encoding ? zipTag : plainTag);
      }
    });

    test('a small answer is sent as it is', async () => {
      const r = await t.app.request('/api/v1/search?q=zzzz-nothing', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-encoding'), null);
      assert.ok((await r.text()).length < 1024);
      const health = await t.app.request('/healthz', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(health.headers.get('content-encoding'), null);
    });

    test('errors stay plain JSON 400s', async () => {
      const r = await t.app.request('/api/v1/coverage?asOf=2020-13-45', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(r.status, 400);
      assert.equal((await r.json()).error.code, 'validation_failed');
    });

    test('the OpenAPI document is compressed too', async () => {
      const r = await t.app.request('/api/v1/openapi.json', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(r.headers.get('content-encoding'), 'gzip');
      assert.equal(JSON.parse(gunzipSync(Buffer.from(await r.arrayBuffer())).toString('utf8')).openapi, '3.1.0');
    });
  });
}

/** A GET through node:http, which (unlike fetch) hands back the bytes as sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('compressed JSON through a real server', () => {
  let server: RunningServer;
  before(async () => {
    server = await startAccord(undefined, ['--no-snapshot']);
  });
  after(async () => {
    await server.stop();
  });

  test('the bytes on the wire are gzip when asked, plain JSON when not', async () => {
    const zipped = await rawGet(`${server.url}${STATES}`, { 'Accept-Encoding': 'gzip' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    const fromZip = JSON.parse(gunzipSync(zipped.body).toString('utf8'));
    assert.equal(fromZip.items.length, 197);
    const plain = await rawGet(`${server.url}${STATES}`, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(plain.body.toString('utf8')), fromZip);
    assert.ok(zipped.body.length * 10 < plain.body.length, `${zipped.body.length} bytes instead of ${plain.body.length}`);
  });
});
