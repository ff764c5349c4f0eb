// Every answer carries X-Request-Id, whatever made it (the response cache, an error, the
// OpenAPI document, the web app), so that the id an error message points to is there to quote.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { testDialects } from '../support/databases.ts';
import { seededApp, type TestApp } from '../support/app.ts';

const ID = /^[\w-]{8,255}$/;

for (const dialect of testDialects()) {
  describe(`X-Request-Id on ${dialect}`, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
    });
    after(() => t.db.drop());

    const requestId = async (path: string, init: RequestInit = {}, status?: number) => {
      const response = await t.app.request(path, init);
      if (status !== undefined) assert.equal(response.status, status, `${init.method ?? 'GET'} ${path}`);
      const id = response.headers.get('x-request-id');
      assert.match(id ?? '', ID, `${init.method ?? 'GET'} ${path} → ${response.status} has no X-Request-Id`);
      return { response, id: id! };
    };

    test('data answers: plain, compressed and not modified', async () => {
      const { response } = await requestId('/api/v1/states', {}, 200);
      await requestId('/api/v1/states', { headers: { 'Accept-Encoding': 'br' } }, 200);
      await requestId('/api/v1/states', { headers: { 'Accept-Encoding': 'gzip' } }, 200);
      await requestId('/api/v1/states/FRA', {}, 200);
      await requestId('/api/v1/states', { headers: { 'If-None-Match': response.headers.get('etag')! } }, 304);
      await requestId('/api/v1/states', { method: 'HEAD' }, 200);
    });

    test("each answer has its own id, and a client's own id is kept", async () => {
      const a = await requestId('/api/v1/states', {}, 200);
      const b = await requestId('/api/v1/states', {}, 200);
      assert.notEqual(a.id, b.id);
      const mine = await requestId('/api/v1/states', { headers: { 'X-Request-Id': 'client-chosen-id-1' } }, 200);
      assert.equal(mine.id, 'client-chosen-id-1');
    });

    test('errors: 400, 404, unknown paths, a NUL', async () => {
      await requestId('/api/v1/states?limit=0', {}, 400);
      await requestId('/api/v1/states?sort=nope', {}, 400);
      await requestId('/api/v1/states?name=%00', {}, 400);
      await requestId('/api/v1/states/XXX', {}, 404);
      await requestId('/api/v1/nothing-here', {}, 404);
      await requestId('/api/v1/states/%FF');
      await requestId('/api/v1/states?sort=%FF');
    });

    test('the OpenAPI document, the docs page, /healthz and the web app', async () => {
      await requestId('/api/v1/openapi.json', {}, 200);
      await requestId('/api/v1/openapi.json', { headers: { 'Accept-Encoding': 'gzip' } }, 200);
      await requestId('/api/docs', {}, 200);
      await requestId('/healthz', {}, 200);
      await requestId('/', {}, 200);
    });

    test('a server error carries the id the log line names', async () => {
      // A row the code cannot read (its sources are not JSON): a fault of ours, not of the request.
      await sql`UPDATE presence SET sources = 'not json'`.execute(t.db.db);
      const { response, id } = await requestId('/api/v1/presences', {}, 500);
      const body = await response.json();
      assert.equal(body.error.code, 'internal_error');
      assert.match(body.error.message, /X-Request-Id/);
      assert.ok(
        serverErrors.some((line) => line.startsWith(`[${id}]`)),
        serverErrors.join('\n'),
      );
    });
  });
}
