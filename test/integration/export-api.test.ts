// GET /api/v1/exports/{entity}.{format}: the CLI's export as a streamed download, with its
// headers; errors before the first byte as JSON, after it as a broken download.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exportChunks, type ExportRequest } from '../../src/modules/exports/service.ts';
import { replaceTopicVersions } from '../../src/modules/meta/repository.ts';
import { today } from '../../src/shared/dates.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`export downloads on ${dialect}`, () => {
    let t: TestApp;
    const errors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, errors);
    });
    after(() => t.db.drop());

    /** The body as its bytes say (Response.text() would drop a byte-order mark). */
    const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString('utf8');
    const cli = async (request: Partial<ExportRequest> & Pick<ExportRequest, 'entity' | 'format'>) => {
      let text = '';
      for await (const chunk of exportChunks(t.db.db, { lang: 'en', asOf: today(), ...request })) text += chunk;
      return text;
    };

    test('treaty actions as CSV: an attachment, a byte-order mark, then what the CLI writes', async () => {
      const response = await t.app.request('/api/v1/exports/treaty-actions.csv');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(response.headers.get('content-disposition'), 'attachment; filename="accord-treaty-actions.csv"');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('etag'), null, 'not an answer of the response cache');
      const body = await bytes(response);
      assert.ok(body.startsWith('\uFEFFinstrument,untc_ref,iso2,iso3,participant,'));
      const expected = await cli({ entity: 'treaty-actions', format: 'csv' });
      assert.ok(expected.split('\r\n').length > 1000, 'more than one page of acts');
      assert.equal(body, `\uFEFF${expected}`);
    });

    test('JSON in the asked language and date, as the CLI writes it', async () => {
      const response = await t.app.request('/api/v1/exports/states.json?lang=ar');
      assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(response.headers.get('content-disposition'), 'attachment; filename="accord-states.json"');
      const body = await bytes(response);
      assert.equal(body, await cli({ entity: 'states', format: 'json', lang: 'ar' }));
      assert.equal(JSON.parse(body).find((s: any) => s.iso3 === 'EGY').name, 'مصر');
      const members = await t.app.request('/api/v1/exports/members.csv?organization=coe&asOf=2023-01-01');
      assert.equal(await bytes(members), `\uFEFF${await cli({ entity: 'members', format: 'csv', organization: 'coe', asOf: '2023-01-01' })}`);
    });

    test('an unknown export, a missing or unknown organization, a bad parameter: JSON errors', async () => {
      for (const [path, status, code] of [
        ['/api/v1/exports/planets.csv', 404, 'not_found'],
        ['/api/v1/exports/states.xml', 404, 'not_found'],
        ['/api/v1/exports/states', 404, 'not_found'],
        ['/api/v1/exports/members.csv', 400, 'validation_failed'],
        ['/api/v1/exports/members.csv?organization=nope', 404, 'not_found'],
        ['/api/v1/exports/coverage.csv?asOf=2023-02-30', 400, 'validation_failed'],
        ['/api/v1/exports/states.csv?limit=5', 400, 'validation_failed'],
      ] as const) {
        const r = await t.get(path);
        assert.equal(r.status, status, path);
        assert.equal(r.body.error.code, code, path);
      }
    });

    test('a change of the data during a download breaks it rather than ending it as if complete', async () => {
      const response = await t.app.request('/api/v1/exports/treaty-actions.json');
      assert.equal(response.status, 200);
      const reader = response.body!.getReader();
      const first = await reader.read();
      assert.ok(first.value && first.value.length > 0);
      await replaceTopicVersions(t.db.db, ['treaty-data']);
      const rest = (async () => {
        for (let r = await reader.read(); !r.done; r = await reader.read());
      })();
      await assert.rejects(rest, /data changed/);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!, /export treaty-actions\.json stopped: DataChangedError/);
    });
  });
}
