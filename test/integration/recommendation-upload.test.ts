// POST /api/v1/imports/{kind} on each database: an OHCHR editor uploads a UPR Info export and a
// template file as CSV bodies; each is stored as the CLI stores it, under the uploader's name in
// the audit trail; a file with a bad row stores nothing and the answer names the row; a body that
// is not CSV, a bad file name, a template without its source, are refused clearly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../src/modules/audit/service.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

for (const dialect of testDialects()) {
  describe(`uploading files of recommendations on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    const errors: string[] = [];
    let headers: Record<string, string> = {};
    let userId = '';
    const upload = async (path: string, body: string | Buffer, type = 'text/csv') => {
      const response = await t.app.request(path, { method: 'POST', headers: { ...headers, 'Content-Type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
      return { status: response.status, body: (await response.json()) as any };
    };

    before(async () => {
      t = await seededApp(dialect, errors);
      const account = await makeAccount(t.db.db, 'ohchr-uploader@example.org', ['ohchr-editor']);
      userId = account.id;
      headers = (await signIn(t.app, account)).write;
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await t.db.drop();
    });

    test('a UPR Info export, stored as the CLI stores it, audited under the uploader', async () => {
      const file = readFileSync(sharedDataPath('upr-info-terman', 'sessions-18-20', 'upr_voluntary_pledges_sessions_01-19.csv'));
      const r = await upload('/api/v1/imports/upr-info?filename=upr_voluntary_pledges_sessions_01-19.csv', file);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(
        r.body.files.map((f: any) => [f.status, f.dataset, f.stored]),
        [['imported', 'upr-info:voluntary-pledges:sessions-01-19', 947]],
      );
      const [record] = await auditTrail(t.db.db, { useCase: 'recommendations.import', limit: 1 });
      assert.equal(record!.actor, `user:${userId}`);
      const again = await upload('/api/v1/imports/upr-info?filename=again.csv', file);
      assert.equal(again.body.files[0].status, 'unchanged');
    });

    test('the Mac OS Roman original: refused as UTF-8, stored with encoding=macintosh', async () => {
      const raw = readFileSync(sharedDataPath('upr-info-terman', 'sessions-18-20', 'raw_original_macroman_cr_17-20.csv'));
      const refused = await upload('/api/v1/imports/upr-info?filename=raw.csv', raw);
      assert.equal(refused.body.files[0].status, 'rejected');
      assert.match(refused.body.files[0].note, /--encoding macintosh/);
      const stored = await upload('/api/v1/imports/upr-info?filename=raw.csv&encoding=macintosh', raw);
      assert.equal(stored.body.files[0].stored, 7984);
    });

    test('a template file with its source; a bad row named; refusals', async () => {
      const source = 'sourceTitle=Observations%20(test)&sourceUrl=https%3A%2F%2Fexample.org%2Fobs&sourceKind=official';
      const good = await upload(`/api/v1/imports/recommendations?filename=obs.csv&${source}`, 'mechanism,state,text,language\nCAT,KEN,Investigate every complaint (test),en\n');
      assert.deepEqual(
        good.body.files.map((f: any) => [f.status, f.dataset, f.stored]),
        [['imported', 'recommendations:obs', 1]],
      );
      const bad = await upload(`/api/v1/imports/recommendations?filename=bad.csv&${source}`, 'mechanism,state,text,language\nCAT,Atlantis,Text (test),en\n');
      assert.equal(bad.body.files[0].status, 'rejected');
      assert.deepEqual(
        bad.body.problems.filter((p: any) => p.row).map((p: any) => [p.row, p.field]),
        [[2, 'state']],
      );
      assert.equal((await upload('/api/v1/imports/recommendations?filename=obs.csv', 'mechanism,state,text,language\n')).status, 400, 'no source');
      assert.equal((await upload('/api/v1/imports/upr-info?filename=x.csv', '{"a":1}', 'application/json')).status, 400);
      assert.equal((await upload('/api/v1/imports/upr-info?filename=..%2Fetc%2Fpasswd', 'a')).status, 400);
    });
  });
}
